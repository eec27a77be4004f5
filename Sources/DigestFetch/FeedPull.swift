import DigestHTTP
import ProgramMessages
import Foundation

/// One feed to pull, with what the last pull's answer said: the message
/// digest sends, as it sends it.
package typealias FeedRequest = FeedQuestion

/// What pulling one feed came to.
package struct FeedPullResult: Sendable {
    package enum Outcome: String, Sendable {
        case fetched, unchanged, failed
    }

    package var id: Int
    package var outcome: Outcome
    package var status: Int?
    package var etag: String?
    package var lastModified: String?
    package var document: FeedDocument?
    package var detail: String?
}

/// Pulls feeds, several at a time; each one is one conditional GET within
/// the limits, and a failing feed only fails itself.
package struct FeedPull: Sendable {
    package let fetcher: DocumentFetcher
    package let excerptLimit: Int
    package let concurrency: Int

    package init(fetcher: DocumentFetcher, excerptLimit: Int, concurrency: Int) {
        self.fetcher = fetcher
        self.excerptLimit = excerptLimit
        self.concurrency = concurrency
    }

    /// - Parameter emit: called in input order as results become ready.
    package func pull(_ feeds: [FeedRequest], emit: (FeedPullResult) -> Void) async {
        await inOrderConcurrently(feeds, concurrency: concurrency, work: { feed in await self.pull(feed) }, emit: emit)
    }

    package func pull(_ feed: FeedRequest) async -> FeedPullResult {
        var result = FeedPullResult(id: feed.id, outcome: .failed)
        guard let address = URL(string: feed.url) else {
            result.detail = "not an address that can be requested"
            return result
        }
        let document: FetchedDocument
        do {
            document = try await fetcher.fetch(
                address, etag: feed.etag, lastModified: feed.lastModified,
                accept: "application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5")
        } catch {
            result.status = error.status
            result.detail = error.reason
            return result
        }
        result.status = document.status
        result.etag = document.etag
        result.lastModified = document.lastModified
        if document.notModified {
            result.outcome = .unchanged
            result.detail = "not modified since the last pull"
            return result
        }
        if let type = document.mediaType, PageFetch.isBinary(type) {
            result.detail = "the answer is \(type), not a feed"
            return result
        }
        do {
            let text = try TextDecoder.decode(document.data, declared: document.declaredCharset)
            result.document = try FeedReader(excerptLimit: excerptLimit).read(text, at: document.finalURL)
            result.outcome = .fetched
        } catch {
            result.detail = error.reason
        }
        return result
    }
}
