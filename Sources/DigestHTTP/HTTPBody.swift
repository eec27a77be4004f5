import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// A response with its body (empty for a redirect or a 304).
package struct HTTPBody: Sendable {
    package let response: HTTPURLResponse
    package let data: Data
}

/// The body went past the cap; the transfer was stopped there.
package struct HTTPBodyTooLarge: Error, Sendable {
    package let limit: Int
}
