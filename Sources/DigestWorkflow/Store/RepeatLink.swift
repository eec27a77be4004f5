import DigestStorage
import DigestModel
import DigestRendering
/// A link that an earlier published issue already carried.
package struct RepeatLink: Equatable, Sendable {
    package let url: String
    package let issue: Int
    package let date: CivilDate
    package let item: Int

    /// The warning an editor sees.
    package var warning: String {
        "\(url) was already in issue \(issue) (\(date.iso)) as item \(item); added anyway."
    }
}
