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
}
