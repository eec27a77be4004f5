import DigestModel
extension String {
    /// The string's UTF-8 bytes with every byte outside RFC 3986's
    /// unreserved set (letters, digits, `-._~`) and outside `alsoKeeping`
    /// written as `%XX`: the one safe form for a link's path, whatever it holds.
    package func percentEncodedForArchive(alsoKeeping extra: Set<UInt8> = []) -> String {
        // The usual stem (`12-2026-11-23`) needs nothing.
        guard utf8.contains(where: { !Self.isUnreservedInArchiveLink($0) && !extra.contains($0) }) else { return self }
        var encoded: [UInt8] = []
        encoded.reserveCapacity(utf8.count * 3)
        for byte in utf8 {
            if Self.isUnreservedInArchiveLink(byte) || extra.contains(byte) {
                encoded.append(byte)
            } else {
                encoded.append(UInt8(ascii: "%"))
                encoded.append(Self.archiveHexDigit(byte >> 4))
                encoded.append(Self.archiveHexDigit(byte & 0x0F))
            }
        }
        return String(decoding: encoded, as: UTF8.self)
    }

    private static func isUnreservedInArchiveLink(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
             UInt8(ascii: "0")...UInt8(ascii: "9"),
             UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"):
            return true
        default:
            return false
        }
    }

    private static func archiveHexDigit(_ value: UInt8) -> UInt8 {
        value < 10 ? UInt8(ascii: "0") + value : UInt8(ascii: "A") + value - 10
    }
}
