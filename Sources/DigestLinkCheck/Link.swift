import DigestHTTP
import Foundation

/// One line of input: an item's id and the link to check.
package struct Link: Sendable, Equatable {
    package let id: Int
    /// The address exactly as given, echoed back in the result.
    package let url: String
    /// The parsed address that is requested.
    package let address: URL

    /// Returns nil unless `url` is an absolute http or https address with a host:
    /// nothing else can be checked over HTTP.
    package init?(id: Int, url: String) {
        guard let address = URL(string: url), address.isCheckable else { return nil }
        self.id = id
        self.url = url
        self.address = address
    }
}
