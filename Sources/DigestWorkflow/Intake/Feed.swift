import DigestStorage
import DigestModel
import DigestRendering
/// A feed the editors follow.
package struct Feed: Sendable {
    package let id: Int
    /// How it is called in commands and shown as the candidates' source:
    /// `--name`, else the feed's own title once pulled, else its host.
    package let name: String
    package let url: String
    package let section: String?
    package let title: String?
    package let etag: String?
    package let lastModified: String?
    package let addedAt: String
    package let addedBy: String
    package let pulledAt: String?
    /// `new`, `unchanged` or `failed`: how the last pull went.
    package let lastOutcome: String?
    package let lastDetail: String?
}

/// What the fetching program said about one feed.
package struct FeedAnswer: Sendable {
    package enum Outcome: String, Sendable {
        case fetched, unchanged, failed
    }

    package var feed: Int
    package var outcome: Outcome
    package var status: Int?
    package var etag: String?
    package var lastModified: String?
    package var title: String?
    package var detail: String?
    /// Raw entry values: key, title, link, author, date, excerpt.
    package var entries: [[String: String]]
    /// Set when the feed is not well-formed XML and its entries were
    /// recovered: what is wrong with it.
    package var recovered: String?

    package init(feed: Int, outcome: Outcome, status: Int? = nil, etag: String? = nil, lastModified: String? = nil,
                 title: String? = nil, detail: String? = nil, entries: [[String: String]] = [], recovered: String? = nil) {
        self.recovered = recovered
        self.feed = feed
        self.outcome = outcome
        self.status = status
        self.etag = etag
        self.lastModified = lastModified
        self.title = title
        self.detail = detail
        self.entries = entries
    }
}

/// How pulling one feed went, for the line `feeds pull` prints about it.
package struct FeedPullReport: Sendable {
    package let feed: Feed
    package let outcome: FeedAnswer.Outcome
    package let detail: String?
    package let tally: IntakeTally
    /// What is wrong with the feed's XML, when its entries were recovered.
    package var recovered: String? = nil
}
