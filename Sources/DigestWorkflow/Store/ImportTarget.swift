import DigestStorage
import DigestModel
import DigestRendering
/// The items an import brings into one issue.
package struct ImportTarget: Sendable {
    /// The issue number; nil for "a new draft after the highest number".
    package var number: Int?
    /// The date and title for the issue if the import creates it.
    package var date: CivilDate?
    package var title: String?
    package var items: [NewItem]
    /// For archive imports: the items a line marked rejected.
    package var rejected: Set<Int> = []

    package init(number: Int?, date: CivilDate?, title: String?, items: [NewItem]) {
        self.number = number
        self.date = date
        self.title = title
        self.items = items
    }

    /// The latest date among the items (their own dates and posted-on dates).
    package var latestDate: CivilDate? {
        items.flatMap { [$0.fields.date, $0.fields.postedOn].compactMap { $0 } }.max()
    }
}
