/// One numbered change of an issue: the audit log.
package struct Revision: Equatable, Sendable {
    package let issue: Int
    package let version: Int
    /// RFC 3339, UTC.
    package let at: String
    package let actor: String
    /// How digest knew who `actor` was: declared, account or server.
    package let identity: String
    /// The command that made it: `draft`, `add-item`, `review`, `publish`, …
    package let action: String
    /// What changed, in a sentence.
    package let summary: String
    /// Why, when the user said so with `--message` (or `reopen --reason`).
    package let message: String?

    package init(issue: Int, version: Int, at: String, actor: String, identity: String, action: String, summary: String, message: String?) {
        self.issue = issue
        self.version = version
        self.at = at
        self.actor = actor
        self.identity = identity
        self.action = action
        self.summary = summary
        self.message = message
    }
}
