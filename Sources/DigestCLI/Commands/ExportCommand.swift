import DigestCore

enum ExportCommand: Command {
    static let spec = CommandSpec(
        name: "export",
        abstract: "Write the published archive as a static site: index, every issue in four formats, an Atom feed.",
        discussion: "Every edition of every issue goes out as <number>-<date>.html, .md, .txt and .eml (edition N "
            + "after the first as <number>-<date>-edition-N.…, the names 'publish --out' writes), exactly as stored; "
            + "index.html lists the issues newest first, linking each to its latest edition, and feed.xml is an Atom "
            + "feed with stable ids (its links start with publication.archive-url when set, else publication.website). "
            + "Running it again writes only the files that changed.",
        options: [.path("out", "DIR", .outputFolder, "The folder to write (created if needed).", required: true)],
        examples: ["digest export --out site"])

    static func run(_ invocation: Invocation, _ context: Context) throws -> CommandResult {
        guard let folder = invocation.value("out") else {
            throw invocation.usageError("say where with --out DIR.")
        }
        let store = try context.openStore(writing: false)
        let settings = try store.settings
        try context.files.makeFolder(folder)
        var entries: [ArchiveEntry] = []
        var written = 0, unchanged = 0
        try store.read {
            let latestEditions = try store.latestEditionNumbers()
            let progress = context.progress("Exporting", unit: "issues", total: latestEditions.count)
            defer { progress?.finish() }
            for (number, latestEdition, firstPublishedAt) in latestEditions {
                defer { progress?.advance() }
                // Every edition keeps its page: an email that went out links to its own edition's.
                var latest: (edition: Edition, issue: Issue, base: String)?
                for editionNumber in 1...max(1, latestEdition) {
                    guard let edition = try store.edition(of: number, edition: editionNumber) else { continue }
                    let issue = try store.issue(number, asOf: edition.version)
                    let base = EditionFiles.baseName(issue: number, date: issue.date, edition: edition.edition)
                    for (format, suffix) in EditionFiles.formats {
                        if try context.files.write(edition.output(for: format), to: "\(folder)/\(base).\(suffix)",
                                                   durable: false, onlyIfChanged: true) {
                            written += 1
                        } else {
                            unchanged += 1
                        }
                    }
                    latest = (edition, issue, base)
                }
                guard let (edition, issue, base) = latest else { continue }
                let shown = issue.items.filter { $0.status == .approved }
                entries.append(ArchiveEntry(
                    number: number, date: issue.date,
                    title: issue.displayTitle(publication: settings.publication),
                    edition: edition.edition, publishedAt: edition.publishedAt, summary: issue.intro,
                    itemTitles: shown.map(\.fields.title), baseName: base, firstPublishedAt: firstPublishedAt))
            }
        }
        let publication = settings.publication
        let site = ArchiveSite(name: publication.name, about: publication.about, website: publication.website,
                               email: publication.email, archiveURL: publication.archiveURL,
                               language: publication.language)
        let updated = entries.map(\.publishedAt).max() ?? store.now.rfc3339
        for (name, content) in [("index.html", ArchiveIndexPage.render(site: site, entries: entries)),
                                ("feed.xml", AtomFeed.render(site: site, entries: entries, updated: updated))] {
            if try context.files.write(content, to: "\(folder)/\(name)", durable: false, onlyIfChanged: true) { written += 1 } else { unchanged += 1 }
        }
        return .confirmation("Exported \(TextLayout.plural(entries.count, "issue")) to \(folder): "
            + "\(written) file\(written == 1 ? "" : "s") written, \(unchanged) unchanged.\n",
            json: .object([("export", .object([
                ("folder", .string(folder)), ("issues", .integer(entries.count)),
                ("written", .integer(written)), ("unchanged", .integer(unchanged)),
            ]))]))
    }
}
