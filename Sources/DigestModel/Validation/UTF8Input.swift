/// Input bytes checked to be UTF-8 before anything reads them as text, so
/// that a bad byte is refused with its offset instead of silently becoming
/// U+FFFD and being stored.
package enum UTF8Input {
    /// The text of `bytes`, or an error naming where the first invalid byte is.
    package static func decode(_ bytes: [UInt8], from origin: String) throws(DigestError) -> String {
        try check(bytes, from: origin)
        var text = String(decoding: bytes, as: UTF8.self)
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        return text
    }

    /// Fails, naming the offset, unless `bytes` are well-formed UTF-8;
    /// `base` is where they start in the whole input.
    package static func check(_ bytes: [UInt8], from origin: String, offset base: Int = 0) throws(DigestError) {
        if let found = firstInvalidOffset(in: bytes) {
            let offset = found
            let shown = bytes[found..<min(bytes.count, found + 4)]
                .map { "0x" + String($0, radix: 16, uppercase: true) }.joined(separator: " ")
            throw .malformed("\(origin) is not valid UTF-8: the byte at offset \(base + offset) (\(shown)) "
                + "does not belong to any character; save it as UTF-8 and try again.")
        }
    }

    /// The offset of the first byte that is not part of a well-formed UTF-8
    /// sequence (RFC 3629: no overlongs, no surrogates, nothing above U+10FFFF).
    package static func firstInvalidOffset<Bytes: Collection>(in bytes: Bytes) -> Int? where Bytes.Element == UInt8, Bytes.Index == Int {
        var index = bytes.startIndex
        let end = bytes.endIndex
        while index < end {
            let lead = bytes[index]
            if lead < 0x80 { index += 1; continue }
            let length: Int
            var low: UInt8 = 0x80, high: UInt8 = 0xBF
            switch lead {
            case 0xC2...0xDF: length = 2
            case 0xE0: length = 3; low = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED: length = 3; high = 0x9F
            case 0xF0: length = 4; low = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4: length = 4; high = 0x8F
            default: return index - bytes.startIndex
            }
            guard end - index >= length else { return index - bytes.startIndex }
            let second = bytes[index + 1]
            guard second >= low, second <= high else { return index - bytes.startIndex }
            for continuation in 2..<length where bytes[index + continuation] & 0xC0 != 0x80 {
                return index - bytes.startIndex
            }
            index += length
        }
        return nil
    }
}
