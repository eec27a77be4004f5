import DigestHTTP
import Foundation

/// Fetches a web page and reads its fields.
package struct PageFetch: Sendable {
    package let fetcher: DocumentFetcher
    package let excerptLimit: Int

    package init(fetcher: DocumentFetcher, excerptLimit: Int) {
        self.fetcher = fetcher
        self.excerptLimit = excerptLimit
    }

    package struct Result: Sendable {
        package let document: FetchedDocument
        package let fields: PageFields
    }

    package func fetch(_ address: URL) async throws(FetchFailure) -> Result {
        let document = try await fetcher.fetch(address)
        if let type = document.mediaType, !Self.isPage(type) {
            throw FetchFailure("the answer is \(type), not a web page", status: document.status)
        }
        let text = try TextDecoder.decode(document.data, declared: document.declaredCharset)
        if document.mediaType == nil, text.unicodeScalars.prefix(1024).contains(where: { $0.value == 0 }) {
            throw FetchFailure("the answer is binary data, not a web page", status: document.status)
        }
        let fields = PageReader(excerptLimit: excerptLimit).fields(of: text, at: document.finalURL)
        return Result(document: document, fields: fields)
    }

    static func isPage(_ mediaType: String) -> Bool {
        mediaType == "text/html" || mediaType == "application/xhtml+xml" || mediaType == "text/plain"
    }

    /// Media types that are never a feed or a page: images, sound, video, archives, documents.
    static func isBinary(_ mediaType: String) -> Bool {
        ["image/", "audio/", "video/", "font/"].contains { mediaType.hasPrefix($0) }
            || ["application/octet-stream", "application/pdf", "application/zip", "application/gzip"].contains(mediaType)
    }
}
