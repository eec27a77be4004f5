import DigestStorage
import DigestModel
import DigestRendering
/// What an import did, issue by issue.
package struct ImportSummary: Sendable {
    package struct ImportedIssue: Sendable {
        package let number: Int
        /// True when the import created the issue.
        package let created: Bool
        package let items: Int
        package let version: Int
        package let edition: Int?
    }

    package let issues: [ImportedIssue]
    /// The first `repeatsKept` links that earlier published issues already carried.
    package let repeats: [RepeatLink]
    /// How many there were in all.
    package let repeatCount: Int

    static let repeatsKept = 10

    package var itemCount: Int { issues.reduce(0) { $0 + $1.items } }
}
