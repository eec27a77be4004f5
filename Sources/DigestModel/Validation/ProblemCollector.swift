/// Gathers the validation problems of several records, so that all of them
/// are reported together instead of stopping at the first bad record.
package struct ProblemCollector {
    package private(set) var problems: [ValidationProblem] = []

    package init() {}

    /// The body's result, or nil when it failed validation (its problems are kept).
    /// Other failures pass through.
    package mutating func attempt<T>(_ body: () throws(DigestError) -> T) throws(DigestError) -> T? {
        do {
            return try body()
        } catch {
            guard case .invalid(let found) = error else { throw error }
            problems += found
            return nil
        }
    }

    /// Adds problems found some other way.
    package mutating func add(_ found: [ValidationProblem]) {
        problems += found
    }

    /// Fails with every problem gathered, if any, in input order ("line 2"
    /// before "line 10"; problems of one record keep their order).
    package func finish() throws(DigestError) {
        guard !problems.isEmpty else { return }
        throw .invalid(ordered)
    }

    /// The problems in input order.
    package var ordered: [ValidationProblem] {
        problems.enumerated().sorted { lhs, rhs in
            let left = ProblemCollector.order(of: lhs.element.location), right = ProblemCollector.order(of: rhs.element.location)
            return left != right ? left < right : lhs.offset < rhs.offset
        }.map(\.element)
    }

    /// The number in a location such as "line 12" or "item 3".
    private static func order(of location: String?) -> Int {
        location.flatMap { $0.split(separator: " ").last.flatMap { Int($0) } } ?? 0
    }
}
