import CommandLineParsing
import DigestStorage
import DigestModel
import DigestRendering
import DigestWorkflow

enum InitCommand: Command {
    static let spec = CommandSpec(
        name: "init",
        abstract: "Create a new digest database (never overwrites an existing file).",
        discussion: "The database is --db PATH, else $DIGEST_DB, else ./digest.sqlite. The options set the "
            + "publication's first settings; change them later with 'digest config'.",
        options: [
            .value("publication", "NAME", "The publication's name (publication.name)."),
            .value("about", "TEXT", "A paragraph about the publication (publication.about)."),
            .value("email", "ADDR", "The publication's address, the email's From (publication.email)."),
            .value("website", "URL", "The publication's website (publication.website)."),
            .value("list-address", "ADDR", "The mailing list's address, the email's To (list.address)."),
        ],
        examples: [
            "digest init --publication \"The Harbour Weekly\" --email editors@harbour.example",
            "digest --db archive.sqlite init",
        ])

    static func run(_ invocation: Invocation, _ context: Context) throws -> CommandResult {
        let pairs: [(String, String)] = [
            ("publication", SettingKey.publicationName), ("about", SettingKey.publicationAbout),
            ("email", SettingKey.publicationEmail), ("website", SettingKey.publicationWebsite),
            ("list-address", SettingKey.listAddress),
        ]
        var settings: [(key: String, value: String)] = []
        var collector = ProblemCollector()
        for (option, key) in pairs {
            guard let value = invocation.value(option) else { continue }
            let normalised = try collector.attempt { () throws(DigestError) in
                try SettingValue.normalise(value, for: key, shownAs: "--\(option)")
            }
            if let normalised { settings.append((key, normalised)) }
        }
        try collector.finish()
        // A new database starts with declared identities.
        let actor = try context.actor(mode: .declared)
        let path = context.databasePath
        _ = try DigestStore.create(at: path, environment: context.environment, settings: settings,
                                   request: ChangeRequest(actor: actor.name, identity: actor.identity))
        let json = JSONValue.object([
            ("database", .object([
                ("path", .string(path)), ("schema", .integer(Migrator.digest.latestVersion)),
                ("settings", .object(settings.map { ($0.0, .string($0.1)) })),
            ])),
        ])
        return .confirmation("Created \(path). Next: digest draft --date YYYY-MM-DD\n", json: json)
    }
}
