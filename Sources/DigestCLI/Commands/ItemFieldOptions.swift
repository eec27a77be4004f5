import CommandLineParsing
import DigestModel
import DigestRendering
import DigestWorkflow

/// The item-field options `add-item` and `edit-item` share, and how each
/// maps to a field name.
enum ItemFieldOptions {
    static let specs: [OptionSpec] = [
        .value("title", "TEXT", "The item's title: one line, at most 300 characters."),
        .value("url", "URL", "The link: an absolute http or https address."),
        .value("source", "TEXT", "Where it comes from: the publication or site."),
        .value("author", "TEXT", "Who wrote it."),
        .value("date", "DATE", "When it was published: YYYY-MM-DD (also YYYY/MM/DD, September 28 2020, …)."),
        .value("excerpt", "TEXT", "A short passage (at most 2000 characters, see excerpt.max)."),
        .value("section", "TEXT", "A section heading to group the item under."),
        .value("posted-on", "DATE", "When it was posted to the digest (shown as 'Posted on')."),
        .value("link-text", "TEXT", "The 'read more' link title, when it differs from the title."),
    ]

    /// Field values given on the command line, keyed by field name (`posted_on`).
    static func values(in invocation: Invocation) -> [String: String] {
        var values: [String: String] = [:]
        for spec in specs {
            if let value = invocation.value(spec.name) {
                values[spec.name.replacingOccurrences(of: "-", with: "_")] = value
            }
        }
        return values
    }
}

extension String {
    fileprivate func replacingOccurrences(of target: String, with replacement: String) -> String {
        split(separator: Character(target), omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
