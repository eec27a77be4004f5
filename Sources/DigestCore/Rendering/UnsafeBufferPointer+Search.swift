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
