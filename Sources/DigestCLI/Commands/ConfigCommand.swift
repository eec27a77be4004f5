import CommandLineParsing
import DigestModel
import DigestRendering
import DigestWorkflow

enum ConfigCommand: Command {
    static let spec = CommandSpec(
        name: "config",
        abstract: "Show or change settings; every change is logged with who made it.",
        discussion: "Without arguments, lists every setting. With KEY, prints its value; a setting that is not set "
            + "prints the value digest uses for it, marked (default). With KEY VALUE, sets it; "
            + "with KEY --remove, removes it. Keys: "
            + SettingKey.all.map(\.key).joined(separator: ", ")
            + ", and people.NAME (editor, reviewer, publisher, contributor, comma-separated; both = editor,reviewer): once anyone is listed, only listed people "
            + "change things, within their role.",
        arguments: [
            ArgumentSpec(name: "KEY", help: "The setting, such as publication.name.", optional: true),
            ArgumentSpec(name: "VALUE", help: "Its new value.", optional: true),
        ],
        options: [
            .flag("remove", "Remove the setting."),
            .flag("log", "Show the log of setting changes, newest first."),
        ],
        examples: [
            "digest config publication.name \"The Harbour Weekly\"",
            "digest config people.ana editor",
            "digest config review.four-eyes off",
            "digest config list.unsubscribe --remove",
        ])

    static func run(_ invocation: Invocation, _ context: Context) throws -> CommandResult {
        let key = invocation.positionals.first
        let value = invocation.positionals.count > 1 ? invocation.positionals[1] : nil
        if invocation.has("remove") && value != nil {
            throw invocation.usageError("give either a VALUE or --remove, not both.")
        }
        if invocation.has("log") { return try showLog(context) }
        guard let key else { return try listAll(context) }
        if context.isServed, SettingKey.hostOnly.contains(key), value != nil || invocation.has("remove") {
            throw DigestError.notPermitted(Self.hostOnlyRefusal(key))
        }
        if invocation.has("remove") {
            let store = try context.openStore(writing: true)
            let old = try store.removeSetting(key, request: try context.request(store))
            let text = old == nil ? "\(key) was not set; nothing changed.\n" : "Removed \(key) (was \(old ?? "")).\n"
            return .confirmation(text, json: .object([("setting", .object([
                ("key", .string(key)), ("value", .null), ("previous", .optional(old)),
            ]))]))
        }
        if let value {
            let store = try context.openStore(writing: true)
            let (old, new) = try store.setSetting(key, to: value, request: try context.request(store))
            return .confirmation("Set \(key) = \(new)\(old.map { " (was \($0))" } ?? "").\n", json: .object([("setting", .object([
                ("key", .string(key)), ("value", .string(new)), ("previous", .optional(old)),
            ]))]))
        }
        guard SettingKey.isKnown(key) else {
            throw DigestError.invalid([ValidationProblem(field: "key", value: key, reason: "there is no such setting",
                                                        fix: SettingValue.suggestion(for: key))])
        }
        let store = try context.openStore(writing: false)
        if let current = try store.settings[key] {
            return .data(current + "\n", json: .object([("setting", .object([
                ("key", .string(key)), ("value", .string(current)), ("default", .bool(false)),
            ]))]))
        }
        guard let fallback = SettingKey.defaults[key] else {
            throw DigestError.notFound("\(key) is not set; set it with 'digest config \(key) VALUE'.")
        }
        return .data(fallback + " (default)\n", json: .object([("setting", .object([
            ("key", .string(key)), ("value", .string(fallback)), ("default", .bool(true)),
        ]))]))
    }

    /// Why a host-only setting cannot change through serve, and how it can.
    static func hostOnlyRefusal(_ key: String) -> String {
        "\(key) names a program or a path on the host, so it can be changed only on the host, by someone who can "
            + "write the database file there (for example: ssh to the host as its owner and run "
            + "'digest --db /path/to/the.sqlite config \(key) VALUE'); it cannot be changed through ssh://."
    }

    private static func listAll(_ context: Context) throws -> CommandResult {
        let store = try context.openStore(writing: false)
        let settings = try store.settings
        var rows: [[String]] = []
        var json: [(String, JSONValue)] = []
        var defaults: [(String, JSONValue)] = []
        for (key, _) in SettingKey.all {
            if let value = settings[key] {
                rows.append([key, value])
            } else if let fallback = SettingKey.defaults[key] {
                rows.append([key, fallback + " (default)"])
                defaults.append((key, .string(fallback)))
            } else {
                rows.append([key, "(not set)"])
            }
            json.append((key, .optional(settings[key])))
        }
        let people = settings.roster.sorted { $0.key < $1.key }
        for (name, roles) in people {
            rows.append([SettingKey.peoplePrefix + name, Role.describe(roles)])
            json.append((SettingKey.peoplePrefix + name, .string(Role.describe(roles))))
        }
        var text = TextLayout.table(rows)
        if people.isEmpty { text += "\nNo roster: everyone may do everything (list people with 'digest config people.NAME editor').\n" }
        return .data(text, json: .object([("settings", .object(json)), ("defaults", .object(defaults))]))
    }

    private static func showLog(_ context: Context) throws -> CommandResult {
        let store = try context.openStore(writing: false)
        let log = try store.settingsLog()
        let rows = log.map { [$0.at, $0.actor, $0.identity, $0.key, ($0.old ?? "(unset)") + " → " + ($0.new ?? "(unset)")] }
        let json = log.map { entry -> JSONValue in
            .object([("at", .string(entry.at)), ("actor", .string(entry.actor)), ("identity", .string(entry.identity)),
                     ("key", .string(entry.key)),
                     ("old", .optional(entry.old)), ("new", .optional(entry.new))])
        }
        return .data(rows.isEmpty ? "No settings have changed.\n" : TextLayout.table(rows), json: .object([("log", .array(json))]))
    }
}
