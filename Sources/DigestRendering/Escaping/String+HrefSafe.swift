import DigestModel
extension String {
    /// The link as renders write it: what the WHATWG URL standard flags as
    /// invalid after the host, and what plain-text autolinkers stop at —
    /// `[ ] { } | ^`, a `%` that starts no escape, a second `#` — is
    /// percent-encoded, so a validator passes the page and a reader's click
    /// takes the whole address. Servers read `%5B` as `[`; the stored link
    /// and `show` keep it as it was given.
    var hrefSafe: String {
        let bytes = Array(utf8)
        guard let parts = URLParts(bytes) else { return self }
        let start = parts.authority.upperBound
        func escapes(at index: Int) -> Bool {
            index + 2 < bytes.count && bytes[index + 1].isHexDigit && bytes[index + 2].isHexDigit
        }
        var output: [UInt8]?
        var inFragment = false
        for index in start..<bytes.count {
            let byte = bytes[index]
            var encoded = false
            switch byte {
            case UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: "|"),
                 UInt8(ascii: "^"):
                encoded = true
            case UInt8(ascii: "%"):
                encoded = !escapes(at: index)
            case UInt8(ascii: "#"):
                encoded = inFragment
                inFragment = true
            default:
                break
            }
            if encoded, output == nil { output = Array(bytes[..<index]) }
            guard output != nil else { continue }
            if encoded {
                output!.append(UInt8(ascii: "%"))
                output!.append(Self.hexDigits[Int(byte >> 4)])
                output!.append(Self.hexDigits[Int(byte & 0x0F)])
            } else {
                output!.append(byte)
            }
        }
        return output.map { String(decoding: $0, as: UTF8.self) } ?? self
    }

    private static let hexDigits = Array("0123456789ABCDEF".utf8)
}

private extension UInt8 {
    var isHexDigit: Bool {
        (0x30...0x39).contains(self) || (0x41...0x46).contains(self) || (0x61...0x66).contains(self)
    }
}
