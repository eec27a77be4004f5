import Foundation

extension UnsafeBufferPointer where Element == UInt8 {
    /// Whether `needle`'s bytes occur here. `memchr` finds each candidate for
    /// one anchor byte of the needle at memory speed: its first `_` (rare in
    /// text and never produced by quoted-printable), else its last byte.
    package func containsBytes(of needle: String) -> Bool {
        let pattern = Array(needle.utf8)
        guard !pattern.isEmpty else { return true }
        guard let base = baseAddress, count >= pattern.count else { return false }
        let anchor = pattern.firstIndex(of: UInt8(ascii: "_")) ?? pattern.count - 1
        let lastStart = count - pattern.count
        var offset = anchor
        while offset < count {
            guard let hit = memchr(base + offset, Int32(pattern[anchor]), count - offset) else { return false }
            let position = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
            let start = position - anchor
            if start >= 0, start <= lastStart,
               UnsafeBufferPointer(rebasing: self[start..<(start + pattern.count)]).elementsEqual(pattern) {
                return true
            }
            offset = position + 1
        }
        return false
    }
}

extension Array where Element == UInt8 {
    /// Whether the bytes in `range` spell `word` (lower-case ASCII) in any
    /// case: how the markup checks compare element and attribute names.
    package func spells(_ range: Range<Int>, _ word: [UInt8]) -> Bool {
        guard range.count == word.count else { return false }
        var offset = 0
        for index in range {
            guard self[index].asciiLowercased == word[offset] else { return false }
            offset += 1
        }
        return true
    }

    /// Where `needle` first occurs here at or after `start`: the first byte
    /// found with `memchr`, the rest compared with `memcmp`. The one substring
    /// search on bytes, for the stored email's layout and the markup checks.
    package func firstOffset(of needle: [UInt8], from start: Int = 0) -> Int? {
        guard let first = needle.first else { return nil }
        return withUnsafeBytes { hay in
            needle.withUnsafeBytes { pin -> Int? in
                guard let base = hay.baseAddress, let pinBase = pin.baseAddress else { return nil }
                var at = start
                while at + pin.count <= hay.count {
                    guard let found = memchr(base + at, Int32(first), hay.count - pin.count + 1 - at) else { return nil }
                    at = base.distance(to: UnsafeRawPointer(found))
                    if memcmp(base + at, pinBase, pin.count) == 0 { return at }
                    at += 1
                }
                return nil
            }
        }
    }
}

/// Whether two runs of memory hold the same bytes (`memcmp`): not Unicode
/// equivalence, as `==` on strings compares, and far faster than a walk.
package func sameBytes(_ first: UnsafeRawBufferPointer, _ second: UnsafeRawBufferPointer) -> Bool {
    first.count == second.count && (first.isEmpty || memcmp(first.baseAddress!, second.baseAddress!, first.count) == 0)
}

extension String {
    /// Whether the string's UTF-8 holds `byte`: `memchr` on its storage,
    /// where `utf8.contains` walks the view a byte at a time.
    package func containsByte(_ byte: UInt8) -> Bool {
        var text = self
        return text.withUTF8 { bytes in
            guard let base = bytes.baseAddress else { return false }
            return memchr(base, Int32(byte), bytes.count) != nil
        }
    }
}

/// Eight bytes at a time in a `UInt64` ("SIMD within a register"): each
/// function sets the high bit of every byte lane that matches. Lanes are
/// computed on seven bits so that no carry crosses into the next.
package enum ByteLanes {
    package static let highBits: UInt64 = 0x8080_8080_8080_8080
    package static let lowBits: UInt64 = 0x7F7F_7F7F_7F7F_7F7F

    /// The lanes equal to `byte` (an ASCII byte).
    @inline(__always)
    package static func equals(_ word: UInt64, _ byte: UInt8) -> UInt64 {
        let difference = (word ^ (UInt64(byte) &* 0x0101_0101_0101_0101))
        let nonzeroLow = ((difference & lowBits) &+ lowBits) & highBits
        return ~(nonzeroLow | difference) & highBits
    }

    /// From `start`, past every whole word of ASCII bytes (or, with
    /// `printable`, of bytes from space to `~`): where a scan a byte at a
    /// time must go on.
    @inline(__always)
    static func skipASCII(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, printable: Bool = false) -> Int {
        guard let base = bytes.baseAddress else { return start }
        var index = start
        while index + 8 <= bytes.count {
            let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
            let stop = printable ? (word & highBits) | below(word, 0x20) | equals(word, 0x7F) : word & highBits
            guard stop == 0 else { break }
            index += 8
        }
        return index
    }

    /// The lanes below `limit` (at most 0x80): ASCII bytes under it.
    @inline(__always)
    package static func below(_ word: UInt64, _ limit: UInt8) -> UInt64 {
        let atLeast = ((word & lowBits) &+ (UInt64(0x80 - limit) &* 0x0101_0101_0101_0101)) | word
        return ~atLeast & highBits
    }
}

extension UInt8 {
    /// `A`–`Z` in lower case; every other byte as it is.
    package var asciiLowercased: UInt8 {
        self >= UInt8(ascii: "A") && self <= UInt8(ascii: "Z") ? self | 0x20 : self
    }
}
