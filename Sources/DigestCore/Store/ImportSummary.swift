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
    package let repeats: [RepeatLink]

    package var itemCount: Int { issues.reduce(0) { $0 + $1.items } }
}
