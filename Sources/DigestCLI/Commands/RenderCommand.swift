import CommandLineParsing
import DigestModel
import DigestRendering
import DigestWorkflow

enum RenderCommand: Command {
    static let spec = CommandSpec(
        name: "render",
        abstract: "Render an issue at any stage as Markdown, HTML, text or a complete email.",
        discussion: "Writes to standard output, or to FILE with --out. A published issue, or a version that was "
            + "published, gives back its stored edition byte for byte, whatever the templates say now. Rejected "
            + "items appear in no render. With --out naming a folder, the file gets the edition's own name, the one "
            + "'publish' and 'export' give it: <number>-<date>.EXT, or <number>-<date>-edition-N.EXT for edition N "
            + "after the first (an issue not yet published gets the name its next edition will have).",
        arguments: [ArgumentSpec(name: "ISSUE", help: "The issue number.")],
        options: [
            .value("format", "FORMAT", "markdown (or md), html, text (or txt) or email.", required: true,
                   choices: ["markdown", "html", "text", "email"]),
            .value("version", "N", "Render the issue as it was at version N."),
            .path("out", "FILE", .output, "Write to FILE (atomically; a regular file, or - for standard output); a folder gets "
                + "the edition's file name."),
            .path("templates", "DIR", .templateFolder, "Templates overriding the built-in ones (any subset of the files)."),
        ],
        examples: ["digest render 3 --format text", "digest render 3 --format email --out issue-3.eml",
                   "digest render 3 --format html --version 7 --templates my-templates"])

    static func run(_ invocation: Invocation, _ context: Context) throws -> CommandResult {
        let number = try invocation.number(at: 0)
        guard let formatName = invocation.value("format") else {
            throw invocation.usageError("say which format with --format markdown|html|text|email.")
        }
        guard let format = RenderFormat(name: formatName) else {
            throw invocation.usageError("--format must be markdown (or md), html, text (or txt) or email, not '\(formatName)'.")
        }
        let version = try invocation.number(option: "version")
        let store = try context.openStore(writing: false)
        // A published issue gives back its stored edition: only the issue's
        // own fields and the one stored format are read.
        let (issue, stored) = try store.read { () throws -> (Issue, (edition: Int, version: Int, output: String, html: String?)?) in
            if let head = try store.issueHead(number, asOf: version), head.status == .published,
               let stored = try store.storedRender(of: number, atVersion: version, format: format) {
                return (head, stored)
            }
            return (try store.issue(number, asOf: version), nil)
        }
        let output: String
        if let stored {
            // An edition stored before renders were checked is held to the same rule.
            if let html = stored.html, let finding = HTMLSafety.firstFinding(in: Array(html.utf8)) {
                throw DigestError.malformed("issue \(number)'s stored edition \(stored.edition) has \(finding.construct) "
                    + "in its HTML (line \(finding.line)), which is refused: \(finding.reason). It was stored before "
                    + "digest checked renders; reopen the issue and publish it again to make a clean edition.")
            }
            output = stored.output
            if invocation.has("templates") {
                context.warn("issue \(number) was published at version \(stored.version): its stored edition "
                    + "\(stored.edition) is given back as it went out, and --templates is not used.")
            }
        } else {
            let settings = try store.settings
            let templates = try TemplateChoice.load(option: invocation.value("templates"), settings: settings, files: context.files)
            templates.warnings.forEach(context.warn)
            do {
                let rendering = try FormatRenderer(templates: templates)
                    .render(issue.renderInput(publication: settings.publication), format: format)
                rendering.warnings.forEach(context.warn)
                output = rendering.output
            } catch {
                throw DigestError(error)
            }
        }
        let json: [(String, JSONValue)] = [
            ("issue", .integer(number)), ("version", .integer(issue.version)), ("format", .string(format.rawValue)),
            ("edition", .optional(stored?.edition)), ("stored", .bool(stored != nil)),
        ]
        if case .file(var path) = OutputTarget(option: invocation.value("out")) {
            if try context.files.isFolder(path) {
                let name = stored.map { EditionFiles.baseName(issue: number, date: issue.date, edition: $0.edition) }
                    ?? issue.pageName
                path = (path.hasSuffix("/") ? path : path + "/") + name + "." + EditionFiles.fileExtension(for: format)
            }
            try context.files.write(output, to: path, durable: true, onlyIfChanged: false)
            return .confirmation("Wrote \(path).\n", json: .object([("render", .object(json + [("file", .string(path))]))]))
        }
        var result = CommandResult.data(output, json: .object([("render", .object(json + [("content", .string(output))]))]))
        result.isRawData = true
        return result
    }
}
