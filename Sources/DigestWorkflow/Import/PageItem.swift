import DigestStorage
import DigestModel
import DigestRendering
/// One item read from a digest page, before it becomes a stored item.
///
/// Pages carry no links, so the importer stores these as incomplete items;
/// length limits, NFC and control characters are checked there, by the same
/// validation as typed input, not here.
package struct PageItem: Equatable, Sendable {
    /// The 1-based line of the item's title, where the item starts.
    package let line: Int
    package let title: String
    /// Nil when the `Posted on:` line is blank or absent.
    package let postedOn: CivilDate?
    /// Everything before the date in the attribution paragraph, verbatim
    /// (one or more sources, a person, a place), without the `, ` before the date.
    package let source: String
    package let date: CivilDate
    package let excerpt: String
    /// The trailing "read more" link title, split off the excerpt only when it
    /// repeats the title or abbreviates it; kept as written on the page.
    package let linkText: String?

    package init(line: Int, title: String, postedOn: CivilDate?, source: String,
                 date: CivilDate, excerpt: String, linkText: String?) {
        self.line = line
        self.title = title
        self.postedOn = postedOn
        self.source = source
        self.date = date
        self.excerpt = excerpt
        self.linkText = linkText
    }
}
