import CommandLineParsing
import DigestModel
import DigestRendering
import DigestWorkflow

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
            // Editions are read (and their emails rebuilt) on another thread
            // while this one writes the files: the two take about as long. The
            // reading thread alone uses the database until it is stopped.
            let issues = PiecesAhead<ExportedIssue>(ahead: 8) { hand in
                for (number, latestEdition, firstPublishedAt) in latestEditions {
                    let exported = try exportedIssue(number, latestEdition: latestEdition,
                                                     firstPublishedAt: firstPublishedAt, store: store, settings: settings)
                    guard hand(exported) else { return }
                }
            }
            defer { issues.stop() }
            while let exported = try issues.next() {
                defer { progress?.advance() }
                for (name, content) in exported.files {
                    if try context.files.write(content, to: "\(folder)/\(name)", durable: false, onlyIfChanged: true) {
                        written += 1
                    } else {
                        unchanged += 1
                    }
                }
                if let entry = exported.entry { entries.append(entry) }
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

    /// An issue's files, named, and its line in the index and the feed.
    private struct ExportedIssue {
        var files: [(name: String, content: String)] = []
        var entry: ArchiveEntry?
    }

    /// Every edition of an issue keeps its files: an email that went out links to its own edition's page.
    private static func exportedIssue(_ number: Int, latestEdition: Int, firstPublishedAt: String, store: DigestStore,
                                      settings: Settings) throws -> ExportedIssue {
        var exported = ExportedIssue()
        var latest: (edition: Edition, issue: Issue, base: String)?
        for editionNumber in 1...max(1, latestEdition) {
            guard let edition = try store.edition(of: number, edition: editionNumber) else { continue }
            let issue = try store.issue(number, asOf: edition.version)
            let base = EditionFiles.baseName(issue: number, date: issue.date, edition: edition.edition)
            for (format, suffix) in EditionFiles.formats {
                exported.files.append((name: "\(base).\(suffix)", content: edition.output(for: format)))
            }
            latest = (edition, issue, base)
        }
        guard let (edition, issue, base) = latest else { return exported }
        let shown = issue.items.filter { $0.status == .approved }
        exported.entry = ArchiveEntry(
            number: number, date: issue.date,
            title: issue.displayTitle(publication: settings.publication),
            edition: edition.edition, publishedAt: edition.publishedAt, summary: issue.intro,
            itemTitles: shown.map(\.fields.title), baseName: base, firstPublishedAt: firstPublishedAt)
        return exported
    }
}
