import Foundation

extension UnsafeBufferPointer where Element == UInt8 {
    /// Whether `needle`'s bytes occur here. `memchr` finds each candidate for
    /// one anchor byte of the needle at memory speed: its first `_` (rare in
    /// text and never produced by quoted-printable), else its last byte.
    func containsBytes(of needle: String) -> Bool {
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
    /// Where `needle` first occurs here at or after `start`: the first byte
    /// found with `memchr`, the rest compared with `memcmp`. The one substring
    /// search on bytes, for the stored email's layout and the markup checks.
    func firstOffset(of needle: [UInt8], from start: Int = 0) -> Int? {
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
func sameBytes(_ first: UnsafeRawBufferPointer, _ second: UnsafeRawBufferPointer) -> Bool {
    first.count == second.count && (first.isEmpty || memcmp(first.baseAddress!, second.baseAddress!, first.count) == 0)
}

extension String {
    /// Whether the string's UTF-8 holds `byte`: `memchr` on its storage,
    /// where `utf8.contains` walks the view a byte at a time.
    func containsByte(_ byte: UInt8) -> Bool {
        var text = self
        return text.withUTF8 { bytes in
            guard let base = bytes.baseAddress else { return false }
            return memchr(base, Int32(byte), bytes.count) != nil
        }
    }
}
