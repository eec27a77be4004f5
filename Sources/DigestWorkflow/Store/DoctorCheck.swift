import DigestStorage
import DigestModel
import DigestRendering
/// One check `doctor` ran, and what it found.
package struct DoctorCheck: Sendable {
    package let name: String
    /// Empty when the check passed.
    package let problems: [String]
    /// Findings about the record rather than damage (approvals that break
    /// four-eyes): reported, but the database is still healthy.
    package var advisory: Bool = false

    package var passed: Bool { problems.isEmpty }
}
