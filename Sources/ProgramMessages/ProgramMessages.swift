import Foundation

/// What `digest` says to `digest-fetch` and `digest-links` and what they
/// answer, one JSON object a line, written and read by the same types: a
/// renamed or missing field is a compile error on both sides, not a surprise
/// at run time.
package enum ProgramMessages {
    /// The one encoding of every message: keys sorted, slashes as they are.
    package static func line<Message: Encodable>(_ message: Message) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(message) else { return "{}" }
        return String(decoding: data, as: UTF8.self)
    }

    /// A message read back from one line; nil when the line is not one.
    package static func read<Message: Decodable>(_ type: Message.Type, from line: Substring) -> Message? {
        try? JSONDecoder().decode(type, from: Data(line.utf8))
    }
}

/// `digest-fetch page URL`: the page's fields, or why it could not be read.
package struct PageAnswer: Codable, Sendable, Equatable {
    package var url: String
    package var finalURL: String?
    package var status: Int?
    /// title, source, author, date, excerpt, canonical: those found.
    package var fields: [String: String]?
    /// Where each field was found (`<title>`, `og:title`, …).
    package var foundIn: [String: String]?
    package var error: String?

    package init(url: String, finalURL: String? = nil, status: Int? = nil, fields: [String: String]? = nil,
                 foundIn: [String: String]? = nil, error: String? = nil) {
        self.url = url
        self.finalURL = finalURL
        self.status = status
        self.fields = fields
        self.foundIn = foundIn
        self.error = error
    }

    enum CodingKeys: String, CodingKey {
        case url, status, fields, error
        case finalURL = "final_url"
        case foundIn = "found_in"
    }
}

/// One feed for `digest-fetch feeds` to pull, with what its last answer said.
package struct FeedQuestion: Codable, Sendable, Equatable {
    package var id: Int
    package var url: String
    package var etag: String?
    package var lastModified: String?

    package init(id: Int, url: String, etag: String? = nil, lastModified: String? = nil) {
        self.id = id
        self.url = url
        self.etag = etag
        self.lastModified = lastModified
    }

    enum CodingKeys: String, CodingKey {
        case id, url, etag
        case lastModified = "last_modified"
    }
}

/// What pulling one feed came to.
package struct FeedReply: Codable, Sendable, Equatable {
    package var id: Int
    /// fetched, unchanged or failed.
    package var outcome: String
    package var status: Int?
    package var etag: String?
    package var lastModified: String?
    package var detail: String?
    package var format: String?
    package var title: String?
    package var entries: [Entry]?
    /// Set when the feed is not well-formed XML and its entries were
    /// recovered: what is wrong with it.
    package var recovered: String?

    /// key, title, link, author, date, excerpt: those the entry has.
    package typealias Entry = [String: String]

    package init(id: Int, outcome: String, status: Int? = nil, etag: String? = nil, lastModified: String? = nil,
                 detail: String? = nil, format: String? = nil, title: String? = nil, entries: [Entry]? = nil) {
        self.id = id
        self.outcome = outcome
        self.status = status
        self.etag = etag
        self.lastModified = lastModified
        self.detail = detail
        self.format = format
        self.title = title
        self.entries = entries
    }

    enum CodingKeys: String, CodingKey {
        case id, outcome, status, etag, detail, format, title, entries, recovered
        case lastModified = "last_modified"
    }
}

/// One feed of an OPML list (`digest-fetch opml`).
package struct Subscription: Codable, Sendable, Equatable {
    package var url: String
    package var name: String?
    package var section: String?

    package init(url: String, name: String? = nil, section: String? = nil) {
        self.url = url
        self.name = name
        self.section = section
    }
}

/// One link for `digest-links` to check: an item's id and its link. Other
/// keys are ignored, so whole item records may be given.
package struct LinkQuestion: Codable, Sendable, Equatable {
    package var id: Int
    package var url: String

    package init(id: Int, url: String) {
        self.id = id
        self.url = url
    }

    enum CodingKeys: String, CodingKey {
        case id, url
    }

    package init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        do {
            id = try container.decode(Int.self, forKey: .id)
        } catch let error as DecodingError {
            throw error
        } catch {
            // On Linux a fraction or an out-of-range number given for an Int
            // throws an internal error that would reach the caller as "not
            // valid JSON" with no key; name the key instead.
            throw DecodingError.typeMismatch(
                Int.self, DecodingError.Context(codingPath: [CodingKeys.id], debugDescription: String(describing: error))
            )
        }
        url = try container.decode(String.self, forKey: .url)
    }
}

/// What checking one link found (`digest-links`): every key is always
/// there, `null` when it does not apply.
package struct LinkReport: Codable, Sendable, Equatable {
    package var id: Int
    package var url: String
    /// ok, redirected, broken, unreachable or timed-out.
    package var outcome: String
    package var status: Int?
    package var finalURL: String?
    /// Set when every redirect was permanent: the address to update the link to.
    package var suggestedURL: String?
    package var redirects: Int
    package var detail: String
    /// RFC 3339, UTC.
    package var checkedAt: String
    package var elapsedMilliseconds: Int

    package init(id: Int, url: String, outcome: String, status: Int?, finalURL: String?, suggestedURL: String?,
                 redirects: Int, detail: String, checkedAt: String, elapsedMilliseconds: Int) {
        self.id = id
        self.url = url
        self.outcome = outcome
        self.status = status
        self.finalURL = finalURL
        self.suggestedURL = suggestedURL
        self.redirects = redirects
        self.detail = detail
        self.checkedAt = checkedAt
        self.elapsedMilliseconds = elapsedMilliseconds
    }

    enum CodingKeys: String, CodingKey {
        case id, url, outcome, status, redirects, detail
        case finalURL = "final_url"
        case suggestedURL = "suggested_url"
        case checkedAt = "checked_at"
        case elapsedMilliseconds = "elapsed_ms"
    }

    /// Absent values are written as `null`, so every line has every key.
    package func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(url, forKey: .url)
        try container.encode(outcome, forKey: .outcome)
        try container.encode(status, forKey: .status)
        try container.encode(finalURL, forKey: .finalURL)
        try container.encode(suggestedURL, forKey: .suggestedURL)
        try container.encode(redirects, forKey: .redirects)
        try container.encode(detail, forKey: .detail)
        try container.encode(checkedAt, forKey: .checkedAt)
        try container.encode(elapsedMilliseconds, forKey: .elapsedMilliseconds)
    }
}
