/// The four renders of an issue. The raw values are the spellings of
/// `render --format` and of the stored edition columns.
package enum RenderFormat: String, CaseIterable, Sendable {
    case markdown
    case html
    case text
    case email

    /// The format a name given on the command line means: its own name, or
    /// the short one its files end in (`md`, `txt`).
    package init?(name: String) {
        switch name {
        case "md": self = .markdown
        case "txt": self = .text
        default: self.init(rawValue: name)
        }
    }
}
