/// What an editor writes about a link: the validated, NFC-normalised fields.
package struct ItemFields: Equatable, Sendable {
    package var title: String
    /// Nil for an incomplete item (a page import, or `--incomplete`).
    package var url: String? {
        didSet { linkKey = url.map(LinkKey.of) }
    }
    /// The url's comparison form (see `LinkKey`), worked out once.
    package private(set) var linkKey: String?
    package var source: String
    package var author: String?
    package var date: CivilDate
    package var excerpt: String
    package var section: String?
    package var postedOn: CivilDate?
    /// The trailing "read more" link title, when it differs from the title.
    package var linkText: String?

    package init(title: String, url: String?, source: String, author: String? = nil, date: CivilDate,
                 excerpt: String, section: String? = nil, postedOn: CivilDate? = nil, linkText: String? = nil) {
        self.title = title
        self.url = url
        self.linkKey = url.map(LinkKey.of)
        self.source = source
        self.author = author
        self.date = date
        self.excerpt = excerpt
        self.section = section
        self.postedOn = postedOn
        self.linkText = linkText
    }

    /// No link yet (a page import, `--incomplete`), or a fetched page that did
    /// not give a title, source or excerpt (`add-item --fetch --incomplete`).
    package var isIncomplete: Bool { url == nil || title.isEmpty || source.isEmpty || excerpt.isEmpty }

    /// The fields an incomplete item still needs: `url`, `title`, `source`, `excerpt`.
    package var missingFields: [String] {
        var missing: [String] = []
        if url == nil { missing.append("url") }
        if title.isEmpty { missing.append("title") }
        if source.isEmpty { missing.append("source") }
        if excerpt.isEmpty { missing.append("excerpt") }
        return missing
    }

    package static func == (lhs: ItemFields, rhs: ItemFields) -> Bool {
        names.allSatisfy { lhs.value(of: $0) == rhs.value(of: $0) }
    }

    /// Field names as users type them (`--posted-on`, JSON `posted_on`), in display order.
    package static let names = ["title", "url", "source", "author", "date", "excerpt", "section", "posted_on", "link_text"]

    /// The value of a field as text, for diffs and messages.
    package func value(of field: String) -> String? {
        switch field {
        case "title": return title
        case "url": return url
        case "source": return source
        case "author": return author
        case "date": return date.iso
        case "excerpt": return excerpt
        case "section": return section
        case "posted_on": return postedOn?.iso
        case "link_text": return linkText
        default: return nil
        }
    }
}
