import CommandLineParsing
import DigestModel
import DigestRendering
import DigestWorkflow

enum BacklogCommand: Command {
    static let spec = CommandSpec(
        name: "backlog",
        abstract: "List the candidates waiting for an issue: deferred items, feed entries, nominations, fetched pages.",
        discussion: "Each entry shows where it came from: 'deferred from issue N by NAME', 'feed NAME', 'nominated by "
            + "NAME' or 'fetched by NAME'. Filter by --origin (deferred, feed, nominated, fetched, or the whole "
            + "origin such as \"feed Coastal Review\"), by age (--newer-than / --older-than DAYS in the backlog) and "
            + "by text (--search, in the title, excerpt, source, author and note). --dismiss takes entries out "
            + "without using them. Bring entries into a draft with 'add-item ISSUE --from-backlog ITEMS'.",
        options: [
            .value("origin", "ORIGIN", "Only entries from there: deferred, feed, nominated, fetched, or e.g. \"feed NAME\"."),
            .value("newer-than", "DAYS", "Only entries that came in within the last DAYS days."),
            .value("older-than", "DAYS", "Only entries waiting for more than DAYS days."),
            .value("search", "TEXT", "Only entries whose title, excerpt, source, author or note contain TEXT."),
            .value("dismiss", "ITEMS", "Take these entries out of the backlog (comma-separated).", repeatable: true),
            .value("note", "TEXT", "With --dismiss: why (kept with the entry)."),
        ],
        examples: ["digest backlog", "digest backlog --origin feed --newer-than 7", "digest backlog --search tide",
                   "digest backlog --dismiss 31,32 --note \"Paywalled\"", "digest add-item 4 --from-backlog 12"])

    static func run(_ invocation: Invocation, _ context: Context) throws -> CommandResult {
        if invocation.has("dismiss") {
            for option in ["origin", "newer-than", "older-than", "search"] where invocation.has(option) {
                throw invocation.usageError("--\(option) filters the list; --dismiss takes the entries by number.")
            }
            let ids = try invocation.ids("dismiss")
            let note = try IntakeOptions.note(invocation)
            let store = try context.openStore(writing: true)
            let dismissed = try store.dismiss(ids, note: note, request: try context.request(store))
            let list = dismissed.map { String($0.id) }.joined(separator: ", ")
            return .confirmation("Dismissed \(dismissed.count == 1 ? "entry" : "entries") \(list) from the backlog.\n",
                                 json: .object([("dismissed", .array(dismissed.map(\.json)))]))
        }
        if invocation.has("note") { throw invocation.usageError("--note goes with --dismiss.") }
        let store = try context.openStore(writing: false)
        var entries = try store.inbox()
        if let origin = invocation.value("origin") {
            let wanted = origin.trimmingSpaces().lowercased()
            let kinds = CandidateOrigin.allCases.map(\.rawValue)
            guard !wanted.isEmpty else { throw invocation.usageError("--origin needs one of \(kinds.joined(separator: ", ")).") }
            let isKind = kinds.contains(wanted)
            let firstWord = String(wanted.split(separator: " ").first ?? "")
            guard isKind || kinds.contains(firstWord) else {
                throw invocation.usageError("--origin must be \(kinds.joined(separator: ", ")), or a whole origin such as "
                    + "\"feed Coastal Review\", not '\(origin)'.")
            }
            entries = entries.filter { entry in
                isKind ? entry.origin.rawValue == wanted
                    : entry.originText.lowercased() == wanted || "\(entry.origin.rawValue) \(entry.originName)".lowercased() == wanted
                        || (entry.origin != .feed && "\(entry.origin.rawValue) by \(entry.originName)".lowercased() == wanted)
            }
        }
        let now = store.now.secondsSinceEpoch
        for (option, newer) in [("newer-than", true), ("older-than", false)] {
            guard let raw = invocation.value(option) else { continue }
            guard let days = Double(raw), days >= 0, days.isFinite else {
                throw invocation.usageError("--\(option) must be a number of days, not '\(raw)'.")
            }
            // RFC 3339 instants in UTC, all written alike, compare as text.
            let limit = Timestamp(secondsSinceEpoch: now - Int(days * 86_400)).rfc3339
            entries = entries.filter { newer ? $0.addedAt >= limit : $0.addedAt < limit }
        }
        if let search = invocation.value("search")?.trimmingSpaces(), !search.isEmpty {
            let needle = search.lowercased()
            entries = entries.filter { entry in
                [entry.fields.title, entry.fields.excerpt, entry.fields.source, entry.fields.author, entry.note]
                    .compactMap { $0?.lowercased() }.contains { $0.contains(needle) }
            }
        }
        let filtered = ["origin", "newer-than", "older-than", "search"].contains(where: invocation.has)
        var text = entries.isEmpty ? (filtered ? "No backlog entry matches.\n" : "The backlog is empty.\n") : ""
        for entry in entries {
            text += "#\(entry.id) \(entry.fields.title)\n"
            text += "     \(entry.fields.url.isEmpty ? "(no link yet)" : entry.fields.url)\n"
            var byline = [entry.fields.source ?? "(no source)"]
            if let author = entry.fields.author { byline.append(author) }
            byline.append(entry.fields.date?.iso ?? "(no date)")
            text += TextLayout.wrap(byline.joined(separator: " · "), indent: "     ") + "\n"
            text += "     \(entry.originText), \(entry.addedAt)\n"
            if let note = entry.note { text += TextLayout.wrap("note: \(note)", indent: "     ") + "\n" }
        }
        if !entries.isEmpty {
            text += "\n\(entries.count) \(entries.count == 1 ? "entry" : "entries"). Bring entries into a draft with: "
                + "digest add-item ISSUE --from-backlog ITEMS\n"
        }
        return .data(text, json: .object([("backlog", .array(entries.map(\.json)))]))
    }
}
