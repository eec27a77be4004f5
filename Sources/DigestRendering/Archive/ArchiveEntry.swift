import DigestModel
/// One published issue as the exported archive shows it: the latest
/// published edition, already reduced to the few fields the index page and
/// the feed need, so neither renderer reads the database or the templates.
package struct ArchiveEntry: Equatable, Sendable {
    package var number: Int
    /// The issue's own date; with `number` it makes the feed id, so it is the
    /// issue's date and not the day it was published.
    package var date: CivilDate
    /// The title as readers see it.
    package var title: String
    /// The published edition (1, then 2 after a reopen and a new publish).
    package var edition: Int
    /// When this edition was published: RFC 3339 in UTC, `2026-11-22T18:21:19Z`.
    package var publishedAt: String
    /// When the first edition was published: the feed's `published`
    /// (`publishedAt`, the latest edition's, is its `updated`).
    package var firstPublishedAt: String
    /// The intro, or its first item titles; nil when there is neither.
    package var summary: String?
    /// The approved items' titles, in issue order.
    package var itemTitles: [String]
    /// The file stem shared by the four files: `12-2026-11-23` names
    /// `12-2026-11-23.html`, `.md`, `.txt` and `.eml`.
    package var baseName: String

    package init(
        number: Int,
        date: CivilDate,
        title: String,
        edition: Int,
        publishedAt: String,
        summary: String?,
        itemTitles: [String],
        baseName: String,
        firstPublishedAt: String? = nil
    ) {
        self.firstPublishedAt = firstPublishedAt ?? publishedAt
        self.number = number
        self.date = date
        self.title = title
        self.edition = edition
        self.publishedAt = publishedAt
        self.summary = summary
        self.itemTitles = itemTitles
        self.baseName = baseName
    }
}
