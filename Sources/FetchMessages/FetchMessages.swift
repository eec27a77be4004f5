import Foundation

/// What `digest` and `digest-fetch` say to each other, one JSON object a
/// line, written and read by the same types: a renamed or missing field is a
/// compile error on both sides, not a surprise at run time.
package enum FetchMessages {
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
        case id, outcome, status, etag, detail, format, title, entries
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
