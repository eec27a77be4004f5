import DigestModel
extension String {
    /// Text as a plain-text mail shows it: unchanged, except what would break
    /// the layout. Control characters become spaces, every kind of line break
    /// becomes `\n`, and trailing spaces go, so that a line of user text can
    /// never be the `-- ` signature delimiter.
    package var plainTextEscaped: String {
        var output: [UInt8] = []
        output.reserveCapacity(utf8.count)
        appendPlainTextEscaped(to: &output)
        return String(decoding: output, as: UTF8.self)
    }

    package func appendPlainTextEscaped(to output: inout [UInt8]) {
        guard needsPlainTextEscaping else {
            output.appendBytes(of: self)
            return
        }
        var pendingSpaces = 0
        var previousWasCarriageReturn = false
        for scalar in unicodeScalars {
            let value = scalar.value
            if value == 0x0A, previousWasCarriageReturn {
                previousWasCarriageReturn = false
                continue
            }
            previousWasCarriageReturn = value == 0x0D
            switch value {
            case 0x20:
                pendingSpaces += 1
            case 0x0A, 0x0D, 0x85, 0x2028, 0x2029:
                pendingSpaces = 0
                output.append(UInt8(ascii: "\n"))
            case 0x00...0x1F, 0x7F...0x9F:
                pendingSpaces += 1
            default:
                if pendingSpaces > 0 {
                    output.append(contentsOf: repeatElement(UInt8(ascii: " "), count: pendingSpaces))
                    pendingSpaces = 0
                }
                output.append(contentsOf: UTF8.encode(scalar) ?? UTF8.EncodedScalar())
            }
        }
    }

    /// Most text needs nothing and is copied whole; this finds out with one
    /// pass that looks closely only at spaces, control bytes and the lead
    /// bytes of U+0080–U+009F and U+2028–U+2029.
    private var needsPlainTextEscaping: Bool {
        let answer: Bool? = utf8.withContiguousStorageIfAvailable { buffer in
            let count = buffer.count
            for offset in 0..<count {
                let byte = buffer[offset]
                if byte &- 0x21 < 0x5E { continue }
                switch byte {
                case 0x20:
                    if offset + 1 == count || buffer[offset + 1] == 0x0A { return true }
                case 0x0A:
                    continue
                case 0x80...0xC1, 0xC3...0xE1, 0xE3...0xFF:
                    continue
                case 0xC2:
                    if offset + 1 < count, buffer[offset + 1] >= 0x80, buffer[offset + 1] <= 0x9F { return true }
                case 0xE2:
                    if offset + 2 < count, buffer[offset + 1] == 0x80,
                       buffer[offset + 2] == 0xA8 || buffer[offset + 2] == 0xA9 { return true }
                default:
                    return true
                }
            }
            return false
        }
        return answer ?? true
    }
}
