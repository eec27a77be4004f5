/// Edit distance, used to suggest what a user probably meant (a month name,
/// a command, a flag).
///
/// Insertions, deletions, substitutions and transpositions of two adjacent
/// characters each cost one (the optimal string alignment distance): a
/// swapped pair is the commonest typing slip, and plain Levenshtein, which
/// counts it as two, ranks `init` as close to `lsit` as `list` is.
package enum EditDistance {
    package static func between(_ lhs: String, _ rhs: String) -> Int {
        let a = Array(lhs), b = Array(rhs)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var beforePrevious = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
                current[j] = min(previous[j] + 1, current[j - 1] + 1, substitution)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    current[j] = min(current[j], beforePrevious[j - 2] + 1)
                }
            }
            (beforePrevious, previous, current) = (previous, current, beforePrevious)
        }
        return previous[b.count]
    }

    /// The distance between `lhs` and `rhs` if it is at most `limit`. Words whose
    /// lengths differ by more cannot be (each edit changes the length by at
    /// most one), so a huge word costs nothing: the full distance would take
    /// its length times the candidate's.
    package static func within(_ limit: Int, _ lhs: String, _ rhs: String) -> Int? {
        guard abs(lhs.count - rhs.count) <= limit else { return nil }
        let distance = between(lhs, rhs)
        return distance <= limit ? distance : nil
    }

    /// The candidate closest to `word`, if any is within `limit` edits; of
    /// equally close ones, the first.
    package static func closest(to word: String, among candidates: [String], limit: Int = 2) -> String? {
        var best: (String, Int)?
        for candidate in candidates {
            guard let distance = within(limit, word, candidate) else { continue }
            if distance <= limit, best.map({ distance < $0.1 }) ?? true { best = (candidate, distance) }
        }
        return best?.0
    }
}
