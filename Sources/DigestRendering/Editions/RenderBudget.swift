import DigestModel
/// How much work one render may do and how large it may grow, so that a
/// template whose sections multiply (a list repeated inside itself) is
/// refused in moments instead of running for hours.
///
/// Both limits grow with the issue: the built-in templates take about fifty
/// steps and a few kilobytes per item, far inside them, while a section of
/// items nested in another squares the work and soon runs out.
package struct RenderBudget: Equatable, Sendable {
    package static let baseSteps = 100_000
    package static let stepsPerItem = 2_000
    package static let baseBytes = 4 << 20
    package static let bytesPerItem = 64 << 10

    /// Nodes visited: each piece of text, tag and section, and each pass
    /// of a section over a list.
    package let maximumSteps: Int
    package let maximumBytes: Int
    let itemCount: Int

    package init(itemCount: Int) {
        let items = max(0, itemCount)
        self.itemCount = items
        maximumSteps = Self.baseSteps + Self.stepsPerItem * items
        maximumBytes = Self.baseBytes + Self.bytesPerItem * items
    }

    /// "an issue of 31 items", for messages.
    var issueSize: String { "an issue of \(itemCount) item\(itemCount == 1 ? "" : "s")" }
}
