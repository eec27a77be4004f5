import DigestStorage
import DigestModel
import DigestRendering
/// One item as read from JSON input, before validation.
package struct ItemRecord: Sendable {
    /// Field values by name (`title`, `posted_on`, …); absent and null fields are missing.
    package var values: [String: String]
    package var incomplete: Bool
    /// "line 3" or "item 2": where it came from, for messages.
    package var location: String?
    /// The 1-based line it starts on, when read from JSON Lines.
    package var line: Int?
    /// JSON Lines imports may aim a line at an issue, creating it if needed.
    package var issue: Int?
    package var issueDate: String?
    package var issueTitle: String?
    /// The decision carried by an archive line (`status`, `note`).
    package var status: String?
    package var note: String?
}
