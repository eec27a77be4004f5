import Foundation

/// A page or feed as the server gave it, after redirects.
package struct FetchedDocument: Sendable {
    /// Where the body came from (the last hop).
    package let finalURL: URL
    package let status: Int
    /// True for a 304: the copy from the last request still holds; no body.
    package let notModified: Bool
    package let contentType: String?
    package let etag: String?
    package let lastModified: String?
    package let data: Data

    /// The media type alone, lower case: `text/html`.
    package var mediaType: String? {
        contentType.map { $0.split(separator: ";").first.map(String.init) ?? $0 }?
            .trimmingCharacters(in: .whitespaces).lowercased()
    }

    /// The `charset` parameter of the Content-Type, if any.
    package var declaredCharset: String? {
        guard let contentType else { return nil }
        for parameter in contentType.split(separator: ";").dropFirst() {
            let pair = parameter.split(separator: "=", maxSplits: 1)
            guard pair.count == 2, pair[0].trimmingCharacters(in: .whitespaces).lowercased() == "charset" else { continue }
            return pair[1].trimmingCharacters(in: CharacterSet(charactersIn: " \"'"))
        }
        return nil
    }
}
