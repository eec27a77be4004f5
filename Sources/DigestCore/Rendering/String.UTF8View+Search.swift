import Foundation

extension String.UTF8View {
    /// Whether `needle`'s bytes occur here. `memchr` finds each candidate for
    /// one anchor byte of the needle at memory speed: its first `_` (rare in
    /// text and never produced by the encodings), else its last byte.
    func containsBytes(of needle: String) -> Bool {
        let pattern = Array(needle.utf8)
        guard !pattern.isEmpty else { return true }
        let anchor = pattern.firstIndex(of: UInt8(ascii: "_")) ?? pattern.count - 1
        let found: Bool? = withContiguousStorageIfAvailable { haystack in
            guard let base = haystack.baseAddress, haystack.count >= pattern.count else { return false }
            var offset = anchor
            let lastStart = haystack.count - pattern.count
            while offset < haystack.count {
                guard let hit = memchr(base + offset, Int32(pattern[anchor]), haystack.count - offset) else {
                    return false
                }
                let position = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                let start = position - anchor
                if start <= lastStart,
                   UnsafeBufferPointer(rebasing: haystack[start..<(start + pattern.count)]).elementsEqual(pattern) {
                    return true
                }
                offset = position + 1
            }
            return false
        }
        return found ?? String(self).utf8.containsBytes(of: needle)
    }
}
