import EditDistance
/// English month names, the only ones digest reads and writes.
package enum MonthName {
    package static let english = [
        "January", "February", "March", "April", "May", "June",
        "July", "August", "September", "October", "November", "December",
    ]

    /// The month a full name or a three-letter abbreviation (with an optional
    /// dot, and `Sept`) stands for, ignoring case.
    package static func number(of word: String) -> Int? {
        let lowered = word.lowercased()
        let trimmed = lowered.hasSuffix(".") ? String(lowered.dropLast()) : lowered
        if trimmed == "sept" { return 9 }
        for (index, name) in english.enumerated() {
            let full = name.lowercased()
            if trimmed == full || trimmed == full.prefix(3) { return index + 1 }
        }
        return nil
    }

    /// The month a misspelt word most probably meant, when one is close enough
    /// (an edit distance of at most two, or three for the longer names).
    package static func nearest(to word: String) -> Int? {
        let lowered = word.lowercased().filter { $0.isLetter }
        guard lowered.count >= 3 else { return nil }
        var best: (month: Int, distance: Int)?
        for (index, name) in english.enumerated() {
            let candidates = [name.lowercased(), String(name.lowercased().prefix(3))]
            for candidate in candidates {
                let allowed = candidate.count >= 7 ? 3 : (candidate.count >= 4 ? 2 : 1)
                guard let distance = EditDistance.within(allowed, lowered, candidate) else { continue }
                if best.map({ distance < $0.distance }) ?? true { best = (index + 1, distance) }
            }
        }
        return best?.month
    }
}
