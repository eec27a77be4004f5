/// One check `doctor` ran, and what it found.
package struct DoctorCheck: Sendable {
    package let name: String
    /// Empty when the check passed.
    package let problems: [String]

    package var passed: Bool { problems.isEmpty }
}
