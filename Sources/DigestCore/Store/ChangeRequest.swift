/// Who asks for a change, and under which conditions it may happen.
package struct ChangeRequest: Sendable {
    package let actor: String
    /// `--expect-version N`: refuse unless the issue is still at N.
    package var expectedVersion: Int?
    /// `--message TEXT`: why, kept in the revision.
    package var message: String?

    package init(actor: String, expectedVersion: Int? = nil, message: String? = nil) {
        self.actor = actor
        self.expectedVersion = expectedVersion
        self.message = message
    }
}
