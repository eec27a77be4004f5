import DigestModel
/// Quoted-printable encoding (RFC 2045) of UTF-8 text whose line breaks are
/// `\n`: they are written as CRLF, and no encoded line exceeds 76
/// characters.
///
/// Beyond the RFC, a `.` or `From ` at the start of a line is encoded too,
/// so the message survives `sendmail` without `-i` and mbox-style mailers.
///
/// Both passes look at eight bytes at a time where they can: an email
/// encodes some 70 KB per issue, and an archive import encodes hundreds.
enum QuotedPrintable {
    /// An upper bound of the encoded length, exact enough that the buffer
    /// for a whole message is allocated once and not three times too large.
    static func maximumLength(of input: UnsafeBufferPointer<UInt8>) -> Int {
        guard let base = input.baseAddress else { return 0 }
        var escaped = 0
        var lineFeeds = 0
        var index = 0
        while index + 8 <= input.count {
            let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
            escaped &+= (needsEncoding(word)).nonzeroBitCount
            lineFeeds &+= (ByteLanes.equals(word, 0x0A)).nonzeroBitCount
            index &+= 8
        }
        while index < input.count {
            let byte = input[index]
            if byte == 0x0A { lineFeeds &+= 1 }
            if byte < 0x20 || byte >= 0x7F || byte == 0x3D { escaped &+= 1 }
            index &+= 1
        }
        // Two more bytes per escape; per line a CR, an encoded trailing
        // space and an encoded line start. A soft break ends a line of at
        // least 73 bytes and costs three, plus two for encoding the start of
        // the line it begins: at most one per 71 bytes, five bytes each.
        let unbroken = input.count + 2 * escaped + 5 * (lineFeeds + 1)
        return unbroken + 5 * (unbroken / 71 + 1)
    }

    /// Writes the encoding of `input` at `output`, which must have room for
    /// `maximumLength(of: input)` bytes; returns how many it wrote.
    static func encode(_ input: UnsafeBufferPointer<UInt8>, into output: UnsafeMutablePointer<UInt8>) -> Int {
        guard let base = input.baseAddress else { return 0 }
        let count = input.count
        var out = 0
        var lineLength = 0
        var index = 0
        while index < count {
            // Mid-line, eight printable bytes at a time while the line has
            // room and the eighth is not a space ending the line.
            while lineLength > 0, lineLength <= 67, index + 8 <= count {
                let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
                guard needsEncoding(word) == 0,
                      !(base[index + 7] == 0x20 && (index + 8 == count || base[index + 8] == 0x0A)) else { break }
                UnsafeMutableRawPointer(output + out).storeBytes(of: word, as: UInt64.self)
                out &+= 8
                lineLength &+= 8
                index &+= 8
            }
            guard index < count else { break }
            let byte = base[index]
            index &+= 1
            if byte == 0x0A {
                output[out] = 0x0D
                output[out &+ 1] = 0x0A
                out &+= 2
                lineLength = 0
                continue
            }
            let atLineEnd = index == count || base[index] == 0x0A
            var encode: Bool
            switch byte {
            case 0x20, 0x09: encode = atLineEnd
            case 0x3D: encode = true
            case 0x21...0x7E: encode = false
            default: encode = true
            }
            if lineLength + (encode ? 3 : 1) > (atLineEnd ? 76 : 75) {
                output[out] = 0x3D
                output[out &+ 1] = 0x0D
                output[out &+ 2] = 0x0A
                out &+= 3
                lineLength = 0
            }
            if lineLength == 0, !encode {
                encode = byte == UInt8(ascii: ".")
                    || (byte == UInt8(ascii: "F") && index + 4 <= count
                        && base[index] == UInt8(ascii: "r") && base[index + 1] == UInt8(ascii: "o")
                        && base[index + 2] == UInt8(ascii: "m") && base[index + 3] == UInt8(ascii: " "))
            }
            if encode {
                output[out] = 0x3D
                output[out &+ 1] = hexDigit(byte >> 4)
                output[out &+ 2] = hexDigit(byte & 0x0F)
                out &+= 3
                lineLength &+= 3
            } else {
                output[out] = byte
                out &+= 1
                lineLength &+= 1
            }
        }
        return out
    }

    /// The high bit of each byte of `word` that cannot stand for itself in
    /// the middle of a line: below a space, DEL and above, and `=`. Each lane
    /// is computed on seven bits so that no carry crosses into the next.
    @inline(__always)
    private static func needsEncoding(_ word: UInt64) -> UInt64 {
        let delete = ((word & ByteLanes.lowBits) &+ 0x0101_0101_0101_0101) & ByteLanes.highBits
        return (word & ByteLanes.highBits) | ByteLanes.below(word, 0x20) | delete | ByteLanes.equals(word, 0x3D)
    }

    @inline(__always)
    private static func hexDigit(_ value: UInt8) -> UInt8 {
        value < 10 ? UInt8(ascii: "0") + value : UInt8(ascii: "A") + value - 10
    }
}
