import DigestModel
/// The four renders of one edition, stored together when an issue is published.
package struct RenderedEdition: Sendable, Equatable {
    package var markdown: String
    package var html: String
    package var text: String
    /// The whole message; with `emailLayout`, the message as it is stored
    /// instead, its text and HTML bodies left out (`StoredEmail`).
    package var email: String
    package var warnings: [String]
    /// Where the email's text and HTML bodies lie in it (byte ranges, text
    /// first), as the composer wrote them; empty when not known.
    package var emailParts: [Range<Int>] = []
    /// Where `email`'s bodies belong when it is the stored form; nil when it is whole.
    package var emailLayout: String? = nil

    /// Which form of the email a rendering makes: the whole message, or the
    /// stored form alone, which an import stores and never needs whole.
    package enum EmailForm: Sendable {
        case whole, stored
    }

    package func output(for format: RenderFormat) -> String {
        switch format {
        case .markdown: markdown
        case .html: html
        case .text: text
        case .email: email
        }
    }

    package init(markdown: String, html: String, text: String, email: String, warnings: [String], emailParts: [Range<Int>] = [], emailLayout: String? = nil) {
        self.markdown = markdown
        self.html = html
        self.text = text
        self.email = email
        self.warnings = warnings
        self.emailParts = emailParts
        self.emailLayout = emailLayout
    }
}
