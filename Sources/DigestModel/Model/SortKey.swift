/// Where an item sorts within its issue: a number, then a tag that breaks
/// ties. Keys never run out: between any two there is always another, so a
/// move writes the moved item's state and nothing else, however many moves
/// land in the same gap.
///
/// Most keys are whole numbers without a tag. A move takes the midpoint of
/// its neighbours' numbers while a double can hold one; once the gap is too
/// narrow, it keeps its lower neighbour's number and takes a tag between the
/// neighbours' tags (no tag sorts first). Tags are strings of `a`…`z` that
/// never end in `a`, so their byte order (SQLite's) is the order of the
/// base-26 fractions they spell, and a fraction fits between any two.
package struct SortKey: Comparable, Sendable {
    package let position: Double
    package let tag: String?

    package init(_ position: Double, tag: String? = nil) {
        self.position = position
        self.tag = tag
    }

    package static func < (lhs: SortKey, rhs: SortKey) -> Bool {
        lhs.position != rhs.position ? lhs.position < rhs.position : (lhs.tag ?? "") < (rhs.tag ?? "")
    }

    /// A key after `low` and before `high` (either may be absent: the ends).
    package static func between(_ low: SortKey?, _ high: SortKey?) -> SortKey {
        switch (low, high) {
        case (nil, nil):
            return SortKey(1)
        case (let low?, nil):
            return SortKey((low.position + 1).rounded(.down))
        case (nil, let high?):
            return SortKey((high.position - 1).rounded(.up))
        case (let low?, let high?):
            if low.position < high.position {
                let middle = low.position + (high.position - low.position) / 2
                if middle > low.position && middle < high.position { return SortKey(middle) }
                return SortKey(low.position, tag: tag(between: low.tag ?? "", nil))
            }
            return SortKey(low.position, tag: tag(between: low.tag ?? "", high.tag))
        }
    }

    private static let zero = UInt8(ascii: "a"), base = 26

    /// A tag after `low` and before `high` (nil: no upper bound); `low < high`.
    static func tag(between low: String, _ high: String?) -> String {
        String(decoding: midpoint(Array(low.utf8), high.map { Array($0.utf8) }), as: UTF8.self)
    }

    private static func midpoint(_ low: [UInt8], _ high: [UInt8]?) -> [UInt8] {
        if let high {
            // Share the common prefix (low padded with zero digits).
            var shared = 0
            while shared < high.count, (shared < low.count ? low[shared] : zero) == high[shared] { shared += 1 }
            if shared > 0 {
                return Array(high[..<shared])
                    + midpoint(Array(low.dropFirst(min(shared, low.count))), Array(high.dropFirst(shared)))
            }
        }
        let lowDigit = low.first.map { Int($0 - zero) } ?? 0
        let highDigit = high?.first.map { Int($0 - zero) } ?? base
        if highDigit - lowDigit > 1 {
            return [zero + UInt8((lowDigit + highDigit) / 2)]
        }
        if let high, high.count > 1 {
            return [high[0]]
        }
        return [zero + UInt8(lowDigit)] + midpoint(Array(low.dropFirst()), nil)
    }
}
