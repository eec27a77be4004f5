import CommandLineParsing
import DigestModel
import DigestRendering
import DigestWorkflow

enum PublishCommand: Command {
    static let spec = CommandSpec(
        name: "publish",
        abstract: "Publish an issue in review: store its edition and write its four renders.",
        discussion: "Needs every item decided, at least one approved, and no approved item incomplete. The edition "
            + "(Markdown, HTML, text and the complete email) is stored in the database and the issue frozen, in one "
            + "step; then DIR/<number>-<date>.md, .html, .txt and .eml are written (a later edition N as "
            + "<number>-<date>-edition-N.…, beside the earlier ones, the names 'export' uses too). If a file cannot be "
            + "written the issue stays published (exit 73) and 'digest render ISSUE --format FORMAT --out DIR' writes "
            + "it again.",
        arguments: [ArgumentSpec(name: "ISSUE", help: "The issue number.")],
        options: [
            .path("out", "DIR", .outputFolder, "Where to write the files (default ./published).", default: "published"),
            .path("templates", "DIR", .templateFolder, "Templates overriding the built-in ones for this edition."),
        ],
        examples: ["digest publish 3", "digest publish 3 --out site/issues"],
        changesIssue: true)

    static func run(_ invocation: Invocation, _ context: Context) throws -> CommandResult {
        let number = try invocation.number(at: 0)
        let folder = invocation.value("out") ?? "published"
        let store = try context.openStore(writing: true)
        let request = try context.request(invocation, store)
        let settings = try store.settings
        // With the rule off, publishing goes ahead but says what looks wrong.
        let issue = try store.issue(number)
        if !settings.requireLinksOK, issue.status == .inReview {
            let approved = issue.items.filter { $0.status == .approved }
            let (broken, unchecked) = try store.linkProblems(approved)
            let checks = try store.linkChecks(for: broken)
            for item in broken {
                context.warn("item \(item.id)'s link looks broken (\(checks[item.id]?.detail ?? "see 'digest show \(number)'")).")
            }
            if !unchecked.isEmpty {
                context.warn("the links of items \(unchecked.map { String($0.id) }.joined(separator: ", ")) were never "
                    + "checked; 'digest check-links \(number)' checks them.")
            }
        }
        // Published bytes must survive a power cut, not only a crash.
        try store.database.execute("PRAGMA synchronous = FULL")
        let (published, edition, maker) = try store.publish(number, request: request) { settings in
            EditionRenderer(templates: try TemplateChoice.load(option: invocation.value("templates"), settings: settings,
                                                            files: context.files),
                         publication: settings.publication)
        }
        maker.warnings.forEach(context.warn)
        let written = EditionFiles.write(edition, date: published.date, to: folder, files: context.files)
        let files = written.paths.map(JSONValue.string)
        var result = CommandResult.confirmation(
            "Published issue \(number) as edition \(edition.edition) (version \(edition.version)).\n"
                + written.paths.map { "  wrote \($0)\n" }.joined(),
            json: .object([
                ("issue", .object(published.headJSON)),
                ("edition", .object([("number", .integer(edition.edition)), ("version", .integer(edition.version)),
                                     ("message_id", .string(edition.messageID)), ("published_at", .string(edition.publishedAt))])),
                ("files", .array(files)),
            ]))
        if let failure = written.failure {
            result.exitCode = 73
            result.error = "issue \(number) is published (edition \(edition.edition) is safe in the database), but "
                + "\(failure.description.lowercasedFirst()) Write the files again with "
                + "'digest render \(number) --format FORMAT --out \(folder)'."
        }
        return result
    }
}
