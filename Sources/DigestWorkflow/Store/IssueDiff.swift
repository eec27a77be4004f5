import DigestStorage
import DigestModel
import DigestRendering
/// What changed in an issue between two of its versions.
package struct IssueDiff: Sendable {
    /// One field that differs.
    package struct FieldChange: Equatable, Sendable {
        package let field: String
        package let from: String?
        package let to: String?
    }

    /// How one item differs.
    package struct ItemChange: Equatable, Sendable {
        package enum Kind: String, Sendable {
            case added, removed, moved, changed
        }

        package let id: Int
        package let kind: Kind
        package let title: String
        package let fromPosition: Int?
        package let toPosition: Int?
        /// The item itself was moved (not just shifted by others coming or going).
        package var moved = false
        /// Field by field, status and note included; empty for added, removed and moved.
        package let fields: [FieldChange]
    }

    package let issue: Int
    package let from: Int
    package let to: Int
    package let issueChanges: [FieldChange]
    package let items: [ItemChange]

    package var isEmpty: Bool { issueChanges.isEmpty && items.isEmpty }
}
