/// The problems of a long input, in input order, of which the first
/// `limit` are kept and the rest only counted: a file with a bad line on
/// every line must not fill the memory, or the screen, with messages.
package struct ProblemList {
    package static let limit = 100

    package private(set) var kept: [ValidationProblem] = []
    package private(set) var count = 0

    package init() {}

    package var isEmpty: Bool { count == 0 }

    /// Adds a collector's problems (those of the next part of the input).
    package mutating func add(_ collector: ProblemCollector) {
        add(collector.ordered)
    }

    /// Adds problems already in input order.
    package mutating func add(_ found: [ValidationProblem]) {
        count += found.count
        if kept.count < Self.limit { kept += found.prefix(Self.limit - kept.count) }
    }

    /// Fails with the problems, if any: every one, or the first `limit` and how many more there were.
    package func finish() throws(DigestError) {
        guard count > 0 else { return }
        if count > kept.count { throw .tooManyProblems(kept, more: count - kept.count) }
        throw .invalid(kept)
    }
}
