import DigestStorage
import DigestModel
import DigestRendering
/// A page that cannot be imported, with every problem found in it, so the user
/// can fix them all in one pass instead of one per attempt.
package struct PageParseFailure: Error, Equatable, Sendable, CustomStringConvertible {
    /// In page order; never empty.
    package let problems: [PageProblem]

    package init(problems: [PageProblem]) {
        self.problems = problems
    }

    /// One problem a line.
    package var description: String {
        problems.map(\.description).joined(separator: "\n")
    }
}
