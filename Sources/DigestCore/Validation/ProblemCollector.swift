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

    /// Fails with every problem gathered, if any.
    package func finish() throws(DigestError) {
        if !problems.isEmpty { throw .invalid(problems) }
    }
}
