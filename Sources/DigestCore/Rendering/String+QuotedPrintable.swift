extension String {
    /// The quoted-printable form of this UTF-8 text (RFC 2045), with `\n` line
    /// breaks written as CRLF and no line over 76 characters.
    ///
    /// Beyond the RFC, a `.` or `From ` at the start of a line is encoded too,
    /// so the message survives `sendmail` without `-i` and mbox-style mailers.
    package var quotedPrintable: String {
        var text = self
        return text.withUTF8 { input in
            let count = input.count
            // The worst case (every byte encoded, a soft break every 25 bytes)
            // costs no first pass; only the pages written are ever touched.
            let capacity = 3 * count + 3 * (count / 24 + 2) + 2 * count / 70 + 16
            let bytes = [UInt8](unsafeUninitializedCapacity: capacity) { output, initialized in
                guard let buffer = output.baseAddress, let input = input.baseAddress else {
                    initialized = 0
                    return
                }
                var out = 0
                var lineLength = 0
                var index = 0
                while index < count {
                    let byte = input[index]
                    // The common case, mid-line: printable bytes, and spaces
                    // that do not end a line, copied as far as the line has room.
                    if lineLength > 0, lineLength < 75 {
                        let limit = Swift.min(count, index + 75 - lineLength)
                        var end = index
                        while end < limit {
                            let next = input[end]
                            guard next &- 0x20 < 0x5F, next != 0x3D,
                                  next != 0x20 || (end + 1 < count && input[end + 1] != 0x0A) else { break }
                            buffer[out &+ end &- index] = next
                            end &+= 1
                        }
                        if end > index {
                            out &+= end &- index
                            lineLength &+= end &- index
                            index = end
                            continue
                        }
                    }
                    index += 1
                    if byte == 0x0A {
                        buffer[out] = 0x0D
                        buffer[out + 1] = 0x0A
                        out += 2
                        lineLength = 0
                        continue
                    }
                    let atLineEnd = index == count || input[index] == 0x0A
                    var encode: Bool
                    switch byte {
                    case 0x20, 0x09: encode = atLineEnd
                    case 0x3D: encode = true
                    case 0x21...0x7E: encode = false
                    default: encode = true
                    }
                    if lineLength + (encode ? 3 : 1) > (atLineEnd ? 76 : 75) {
                        buffer[out] = 0x3D
                        buffer[out + 1] = 0x0D
                        buffer[out + 2] = 0x0A
                        out += 3
                        lineLength = 0
                    }
                    if lineLength == 0, !encode {
                        encode = byte == UInt8(ascii: ".")
                            || (byte == UInt8(ascii: "F") && index + 4 <= count
                                && input[index] == UInt8(ascii: "r") && input[index + 1] == UInt8(ascii: "o")
                                && input[index + 2] == UInt8(ascii: "m") && input[index + 3] == UInt8(ascii: " "))
                    }
                    if encode {
                        buffer[out] = 0x3D
                        buffer[out + 1] = Self.hexDigit(byte >> 4)
                        buffer[out + 2] = Self.hexDigit(byte & 0x0F)
                        out += 3
                        lineLength += 3
                    } else {
                        buffer[out] = byte
                        out += 1
                        lineLength += 1
                    }
                }
                initialized = out
            }
            return String(decoding: bytes, as: UTF8.self)
        }
    }

    @inline(__always)
    private static func hexDigit(_ value: UInt8) -> UInt8 {
        value < 10 ? UInt8(ascii: "0") + value : UInt8(ascii: "A") + value - 10
    }
}
