/// One entry of a feed, as plain text. Any field may be missing; digest
/// validates what there is exactly as it validates typed input.
package struct FeedEntry: Equatable, Sendable {
    /// What identifies the entry from one pull to the next: its guid or id, else its link, else its title.
    package var key: String
    package var title: String?
    /// Absolute (resolved against `xml:base` or the feed's address).
    package var link: String?
    package var author: String?
    /// `YYYY-MM-DD` when readable, else as the feed wrote it.
    package var date: String?
    package var excerpt: String?

    package init(key: String, title: String?, link: String?, author: String?, date: String?, excerpt: String?) {
        self.key = key
        self.title = title
        self.link = link
        self.author = author
        self.date = date
        self.excerpt = excerpt
    }
}

/// A feed's title and entries, in the feed's order.
package struct FeedDocument: Equatable, Sendable {
    package var format: String
    package var title: String?
    package var entries: [FeedEntry]
    /// Set when the feed is not well-formed XML and its entries were
    /// recovered: what is wrong with it ("(line 3: a bare '&' …)").
    package var recovered: String?

    package init(format: String, title: String?, entries: [FeedEntry], recovered: String? = nil) {
        self.format = format
        self.title = title
        self.entries = entries
        self.recovered = recovered
    }
}
