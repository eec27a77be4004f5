import JSONString

/// The block static-site generators read before a page's Markdown (Hugo,
/// Jekyll, Eleventy, Zola): the issue's title, date, number, edition and a
/// slug (its file name), as YAML between `---` lines or TOML between `+++`
/// lines (`render.front-matter`). Strings are written as JSON string
/// literals, which YAML 1.2 and TOML both read as the same text.
package enum FrontMatter: String, Sendable, CaseIterable {
    case yaml, toml, none

    package func block(for input: EditionContent) -> String {
        let fields: [(String, String)] = [
            ("title", JSONString.quoted(input.displayTitle)),
            ("date", input.issue.date.iso),
            ("issue", String(input.issue.number)),
            ("edition", String(input.issue.edition ?? 1)),
            ("slug", JSONString.quoted(input.issue.pageName)),
        ]
        switch self {
        case .yaml: return "---\n" + fields.map { "\($0.0): \($0.1)\n" }.joined() + "---\n\n"
        case .toml: return "+++\n" + fields.map { "\($0.0) = \($0.1)\n" }.joined() + "+++\n\n"
        case .none: return ""
        }
    }
}
