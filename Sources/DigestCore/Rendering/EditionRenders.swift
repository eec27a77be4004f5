/// The four renders of one edition, stored together when an issue is published.
package struct EditionRenders: Sendable, Equatable {
    package var markdown: String
    package var html: String
    package var text: String
    package var email: String
    package var warnings: [String]
    /// Where the email's text and HTML bodies lie in it (byte ranges, text
    /// first), as the composer wrote them; empty when not known.
    package var emailParts: [Range<Int>] = []

    package func output(for format: RenderFormat) -> String {
        switch format {
        case .markdown: markdown
        case .html: html
        case .text: text
        case .email: email
        }
    }
}
