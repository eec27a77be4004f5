import DigestModel
extension String {
    /// Whether a header must carry this text as RFC 2047 encoded-words: it is
    /// not printable ASCII, or it holds `=?`, which a reader would otherwise
    /// try to decode.
    package var needsEncodedWords: Bool {
        var previous: UInt8 = 0
        for byte in utf8 {
            if byte < 0x20 || byte > 0x7E { return true }
            if previous == UInt8(ascii: "="), byte == UInt8(ascii: "?") { return true }
            previous = byte
        }
        return false
    }

    /// This text as UTF-8 "B" encoded-words, none longer than 75 characters
    /// and the first no longer than `firstLimit` (the room left on the header's
    /// first line). A character's bytes are never split between two words, as
    /// RFC 2047 requires.
    package func encodedWords(firstLimit: Int = 75) -> [String] {
        let overhead = "=?utf-8?B?".utf8.count + "?=".utf8.count
        var words: [String] = []
        var chunk: [UInt8] = []
        var limit = Swift.max(firstLimit, overhead + 8)
        for scalar in unicodeScalars {
            let encoded = Array(String(scalar).utf8)
            let room = (limit - overhead) / 4 * 3
            if !chunk.isEmpty, chunk.count + encoded.count > room {
                words.append("=?utf-8?B?" + Self.base64(chunk) + "?=")
                chunk = []
                limit = 75
            }
            chunk.append(contentsOf: encoded)
        }
        if !chunk.isEmpty || words.isEmpty {
            words.append("=?utf-8?B?" + Self.base64(chunk) + "?=")
        }
        return words
    }

    private static func base64(_ bytes: [UInt8]) -> String {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)
        var output: [UInt8] = []
        output.reserveCapacity((bytes.count + 2) / 3 * 4)
        var index = 0
        while index < bytes.count {
            let first = bytes[index]
            let second = index + 1 < bytes.count ? bytes[index + 1] : 0
            let third = index + 2 < bytes.count ? bytes[index + 2] : 0
            output.append(alphabet[Int(first >> 2)])
            output.append(alphabet[Int((first & 0x03) << 4 | second >> 4)])
            output.append(index + 1 < bytes.count ? alphabet[Int((second & 0x0F) << 2 | third >> 6)] : UInt8(ascii: "="))
            output.append(index + 2 < bytes.count ? alphabet[Int(third & 0x3F)] : UInt8(ascii: "="))
            index += 3
        }
        return String(decoding: output, as: UTF8.self)
    }
}
