import DigestStorage
import DigestModel
import DigestRendering
/// Walks a line's scalars from a position towards its start, for reading the
/// date that ends just before a colon.
struct BackwardCursor {
    let scalars: Substring.UnicodeScalarView
    /// The cursor stands just before this scalar.
    private(set) var position: String.Index

    init(scalars: Substring.UnicodeScalarView, position: String.Index) {
        self.scalars = scalars
        self.position = position
    }

    var atStart: Bool { position == scalars.startIndex }

    /// Steps back over white space (non-breaking spaces included); returns
    /// how many scalars it passed.
    @discardableResult
    mutating func skipSpaces() -> Int {
        var count = 0
        while !atStart {
            let previous = scalars.index(before: position)
            guard scalars[previous].properties.isWhitespace else { break }
            position = previous
            count += 1
        }
        return count
    }

    @discardableResult
    mutating func skip(_ scalar: Unicode.Scalar) -> Bool {
        guard !atStart else { return false }
        let previous = scalars.index(before: position)
        guard scalars[previous] == scalar else { return false }
        position = previous
        return true
    }

    /// The word ending here (up to white space or a comma), if it is no
    /// longer than any date word can be; longer words stop the search early.
    mutating func word(maximumLength: Int = 12) -> Substring? {
        let end = position
        var start = position
        var length = 0
        while start != scalars.startIndex {
            let previous = scalars.index(before: start)
            let scalar = scalars[previous]
            if scalar.properties.isWhitespace || scalar == "," { break }
            length += 1
            guard length <= maximumLength else { return nil }
            start = previous
        }
        guard length > 0 else { return nil }
        position = start
        return Substring(scalars[start..<end])
    }
}
