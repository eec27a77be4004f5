import DigestStorage
import DigestModel
import DigestRendering
/// What a digest page holds: its header and its items, in page order.
package struct ParsedPage: Equatable, Sendable {
    /// From the `Author:` line, else the header's first short line.
    package let publicationName: String?
    package let about: String?
    /// `Email: …`, `Twitter: …` and the like, verbatim. They are shown to the
    /// user but never written to the settings: a page is history, and its
    /// header may be years out of date.
    package let contactLines: [String]
    package let items: [PageItem]
    /// Things read with some guessing (a misspelt month) or left out (a line
    /// that belongs to no item), so the user can check them.
    package let warnings: [PageWarning]

    package init(publicationName: String?, about: String?, contactLines: [String],
                 items: [PageItem], warnings: [PageWarning]) {
        self.publicationName = publicationName
        self.about = about
        self.contactLines = contactLines
        self.items = items
        self.warnings = warnings
    }
}
