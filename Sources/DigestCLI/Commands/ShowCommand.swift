import CommandLineParsing
import DigestModel
import DigestRendering
import DigestWorkflow

enum ShowCommand: Command {
    static let spec = CommandSpec(
        name: "show",
        abstract: "Show an issue and its items, now or as it was at version N.",
        arguments: [ArgumentSpec(name: "ISSUE", help: "The issue number.")],
        options: [.value("version", "N", "Show the issue as it was at version N ('digest history ISSUE' lists them).")],
        examples: ["digest show 3", "digest show 3 --version 2", "digest show 3 --json"],
        pages: true)

    static func run(_ invocation: Invocation, _ context: Context) throws -> CommandResult {
        let number = try invocation.number(at: 0)
        let version = try invocation.number(option: "version")
        let store = try context.openStore(writing: false)
        let (issue, checks, sends, provenance) = try store.read {
            let issue = try store.issue(number, asOf: version)
            return (issue, version == nil ? try store.linkChecks(for: issue.items) : [:], try store.sends(of: number),
                    try store.provenance(for: issue.items))
        }
        var text = issue.heading + "\n" + issue.statusLine(itemCount: issue.items.count, style: context.style)
        if let version { text += " (as of version \(version))" }
        text += "\n"
        if let intro = issue.intro { text += "\n" + TextLayout.wrap(intro, indent: "  ") + "\n" }
        if let preheader = issue.preheader { text += "\n  Preheader: \(preheader)\n" }
        if !sends.isEmpty { text += "\n" + sends.map { "  " + $0.line + "\n" }.joined() }
        for item in issue.items {
            text += "\n" + item.block(linkCheck: checks[item.id], provenance: provenance[item.id], style: context.style) + "\n"
        }
        if issue.items.isEmpty { text += "\nNo items yet; add one with 'digest add-item \(number) …'.\n" }
        return .data(text, json: .object([("issue", .object(issue.headJSON + [
            ("items", .array(issue.items.map { $0.json(linkCheck: checks[$0.id], provenance: provenance[$0.id]) })),
            ("sends", .array(sends.map(\.json))),
        ]))]))
    }
}
