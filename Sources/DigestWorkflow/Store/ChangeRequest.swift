import DigestStorage
import DigestModel
import DigestRendering
/// Who asks for a change, and under which conditions it may happen.
package struct ChangeRequest: Sendable {
    package let actor: String
    /// How `actor` was established; recorded in the revision.
    package let identity: IdentityBasis
    /// `--expect-version N`: refuse unless the issue is still at N.
    package var expectedVersion: Int?
    /// `--message TEXT`: why, kept in the revision.
    package var message: String?

    package init(actor: String, identity: IdentityBasis = .declared, expectedVersion: Int? = nil, message: String? = nil) {
        self.actor = actor
        self.identity = identity
        self.expectedVersion = expectedVersion
        self.message = message
    }
}
