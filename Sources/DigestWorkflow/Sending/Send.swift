import DigestStorage
import DigestModel
import DigestRendering
/// One real sending of a published edition, as `sends` records it.
package struct Send: Equatable, Sendable {
    package let issue: Int
    package let edition: Int
    /// RFC 3339, UTC.
    package let sentAt: String
    package let sentBy: String
    package let recipients: [String]
}
