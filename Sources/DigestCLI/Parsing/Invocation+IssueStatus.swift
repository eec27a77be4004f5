import CommandLineParsing
import DigestModel

extension Invocation {
    /// `--status STATUS`, an issue stage, when given.
    func issueStatus() throws -> IssueStatus? {
        guard let raw = value("status") else { return nil }
        guard let status = IssueStatus(rawValue: raw) else {
            throw usageError("--status must be draft, in-review or published, not '\(raw)'.")
        }
        return status
    }
}
