import CommandLineParsing
import DigestModel
import DigestRendering
import DigestWorkflow

enum ImportCommand: Command {
    static let spec = CommandSpec(
        name: "import",
        abstract: "Import items from JSON Lines (an archive) or from a digest page.",
        discussion: "--format jsonl: one item a line, keys as in 'show --json'; a line may carry issue, issue_date "
            + "and issue_title, and missing issues are created with that number (--issue N wins over the lines). "
            + "Lines without an issue go into a new draft. --published brings new issues in as published editions "
            + "(an archive). --format page: a digest page (a header, then items: title, 'Posted on: YYYY/MM/DD', "
            + "'Attribution, Month D YYYY:… excerpt'); pages carry no links, so items arrive incomplete, in a new "
            + "draft dated by the latest date on the page (or --issue N). Without --format, a file starting with "
            + "'{' or '[' is read as JSON Lines, anything else as a page. All or nothing.",
        arguments: [ArgumentSpec(name: "FILE", help: "The file to import ('-' for standard input).", file: .input)],
        options: [
            .value("format", "FORMAT", "jsonl or page.", choices: ["jsonl", "page"]),
            .value("issue", "N", "Import into issue N (created if missing, else it must be a draft)."),
            .flag("published", "Bring new issues in as published editions (JSON Lines only)."),
            .path("templates", "DIR", .templateFolder, "Templates for the editions of a --published import."),
        ],
        examples: ["digest import archive.jsonl --published", "digest import seeds/sample-page.txt --format page"],
        changesIssue: true)

    static func run(_ invocation: Invocation, _ context: Context) throws -> CommandResult {
        guard let path = invocation.positionals.first else { throw invocation.usageError("'import' needs FILE.") }
        let override = try invocation.number(option: "issue")
        let published = invocation.has("published")
        let input = try context.inputChunks(path)
        let origin = path == "-" ? "standard input" : path
        let format = try chooseFormat(invocation, bytes: try input.peek()?.bytes ?? [])
        if format == "page" && published {
            throw invocation.usageError("--published goes with --format jsonl: pages carry no links to publish.")
        }
        let store = try context.openStore(writing: true)
        var pageTargets: [ImportTarget] = []
        if format == "page" {
            var bytes: [UInt8] = []
            while let chunk = try input.next() { bytes += chunk.bytes }
            let validator = ItemValidator(excerptLimit: try store.settings.excerptLimit)
            pageTargets = try Self.pageTargets(bytes, origin: origin, issue: override, validator: validator, context: context)
        }
        var maker: EditionRenderer?
        if published {
            let settings = try store.settings
            maker = EditionRenderer(templates: try TemplateChoice.load(option: invocation.value("templates"), settings: settings, files: context.files),
                                 publication: settings.publication)
        }
        let request = try context.request(invocation, store)
        let progress = format == "page"
            ? context.progress("Importing", unit: "items", total: pageTargets.reduce(0) { $0 + $1.items.count })
            : try context.lineProgress("Importing", unit: "items", of: input)
        let summary: ImportSummary
        do {
            defer { progress?.finish() }
            let advance = progress.map { line in { (count: Int) in line.advance(by: count) } }
            summary = format == "page"
                ? try store.importItems(pageTargets, published: false, origin: origin, request: request, progress: advance)
                : try store.importLines(input, issue: override, published: published, origin: origin, request: request,
                                        edition: maker, progress: advance)
        }
        maker?.warnings.forEach(context.warn)
        for repeated in summary.repeats.prefix(10) { context.warn(repeated.warning) }
        if summary.repeatCount > 10 {
            context.warn("\(summary.repeatCount - 10) more links were already in earlier published issues.")
        }
        let created = summary.issues.filter(\.created).count
        var text = "Imported \(TextLayout.plural(summary.itemCount, "item")) into \(TextLayout.plural(summary.issues.count, "issue"))"
        text += created > 0 ? " (\(created) new).\n" : ".\n"
        for issue in summary.issues.prefix(20) {
            text += "  issue \(issue.number): \(TextLayout.plural(issue.items, "item")), version \(issue.version)"
                + (issue.edition.map { ", published as edition \($0)" } ?? "") + "\n"
        }
        if summary.issues.count > 20 { text += "  … and \(summary.issues.count - 20) more issues\n" }
        let json = JSONValue.object([
            ("imported", .object([
                ("items", .integer(summary.itemCount)),
                ("issues", .array(summary.issues.map { issue in
                    .object([("number", .integer(issue.number)), ("created", .bool(issue.created)),
                             ("items", .integer(issue.items)), ("version", .integer(issue.version)),
                             ("edition", .optional(issue.edition))])
                })),
            ])),
        ])
        return .confirmation(text, json: json)
    }

    private static func chooseFormat(_ invocation: Invocation, bytes: [UInt8]) throws -> String {
        if let given = invocation.value("format") {
            guard given == "jsonl" || given == "page" else {
                throw invocation.usageError("--format must be jsonl or page, not '\(given)'.")
            }
            return given
        }
        let first = bytes.drop(while: { [0x20, 0x09, 0x0A, 0x0D, 0xEF, 0xBB, 0xBF].contains($0) }).first
        return first == UInt8(ascii: "{") || first == UInt8(ascii: "[") ? "jsonl" : "page"
    }

    /// A digest page: its items, incomplete (pages carry no links), in one issue.
    private static func pageTargets(_ bytes: [UInt8], origin: String, issue override: Int?, validator: ItemValidator,
                                    context: Context) throws -> [ImportTarget] {
        let text = try UTF8Input.decode(bytes, from: origin)
        let page: ParsedPage
        do {
            page = try PageParser.parse(text)
        } catch {
            throw DigestError.invalid(error.problems.map { problem in
                ValidationProblem(location: problem.line.map { "line \($0)" }, field: "page", value: nil,
                                  reason: problem.reason, fix: problem.fix)
            })
        }
        page.warnings.forEach { context.warn($0.description) }
        if let name = page.publicationName {
            context.warn("the page names its publication '\(name)'; the settings were left as they are.")
        }
        var collector = ProblemCollector()
        var items: [NewItem] = []
        for item in page.items {
            let location = "line \(item.line)"
            var values = ["title": item.title, "source": item.source, "date": item.date.iso, "excerpt": item.excerpt]
            values["posted_on"] = item.postedOn?.iso
            values["link_text"] = item.linkText
            if let fields = try collector.attempt({ () throws(DigestError) in
                try validator.newItem(values, incomplete: true, location: location)
            }) {
                items.append(NewItem(fields: fields, location: location))
            }
        }
        try collector.finish()
        return [ImportTarget(number: override, date: nil, title: nil, items: items)]
    }
}
