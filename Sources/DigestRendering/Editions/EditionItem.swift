import DigestModel
/// One item as a render shows it. The caller passes only the items to show,
/// in their order.
package struct EditionItem: Sendable, Equatable {
    package var id: Int
    /// 1-based, as in every other output.
    package var position: Int
    package var title: String
    /// Nil for an incomplete item: its title is shown without a link.
    package var url: String?
    package var source: String
    package var author: String?
    package var date: CivilDate
    package var excerpt: String
    package var section: String?
    package var postedOn: CivilDate?
    /// The "read more" link title; the title stands in when it is nil.
    package var linkText: String?

    package init(
        id: Int,
        position: Int,
        title: String,
        url: String?,
        source: String,
        author: String? = nil,
        date: CivilDate,
        excerpt: String,
        section: String? = nil,
        postedOn: CivilDate? = nil,
        linkText: String? = nil
    ) {
        self.id = id
        self.position = position
        self.title = title
        self.url = url.nonBlank
        self.source = source
        self.author = author.nonBlank
        self.date = date
        self.excerpt = excerpt
        self.section = section.nonBlank
        self.postedOn = postedOn
        self.linkText = linkText.nonBlank
    }

    /// `Author, Source`, or the source alone: what stands before the date in
    /// a digest page's attribution line.
    package var attribution: String {
        guard let author else { return source }
        return "\(author), \(source)"
    }
}
