import DigestModel
extension String {
    /// Appends this string's UTF-8 bytes to `output` with the ASCII bytes
    /// marked in the mask (bit N of `low` for byte N below 64, of `high` for
    /// byte 64 + N) replaced by what `replacement` returns.
    ///
    /// The scan tests one bit per byte and copies the text between
    /// replacements in whole runs. Output is a byte buffer because appending
    /// to a String costs tens of nanoseconds a time, which adds up over the
    /// thousands of pieces of a large issue.
    @inline(__always)
    func appendReplacingBytes(
        to output: inout [UInt8], low: UInt64, high: UInt64, _ replacement: (UInt8) -> StaticString
    ) {
        let done: Bool? = utf8.withContiguousStorageIfAvailable { buffer in
            var runStart = 0
            for offset in 0..<buffer.count {
                let byte = buffer[offset]
                // The wrapping shift keeps this test free of branches; bytes
                // from 0x80 up are never replaced.
                let bits = byte < 64 ? low : high
                guard byte < 128, (bits &>> UInt64(byte & 63)) & 1 == 1 else { continue }
                output.appendBytes(buffer, from: runStart, to: offset)
                output.appendBytes(of: replacement(byte))
                runStart = offset + 1
            }
            output.appendBytes(buffer, from: runStart, to: buffer.count)
            return true
        }
        if done == nil {
            // Only strings not stored as UTF-8 get here; a native copy is.
            String(unicodeScalars).appendReplacingBytes(to: &output, low: low, high: high, replacement)
        }
    }

    /// The bit mask `appendReplacingBytes` takes for these ASCII characters.
    static func byteMask(_ characters: String) -> (low: UInt64, high: UInt64) {
        var low: UInt64 = 0
        var high: UInt64 = 0
        for byte in characters.utf8 where byte < 128 {
            if byte < 64 { low |= 1 << UInt64(byte) } else { high |= 1 << UInt64(byte - 64) }
        }
        return (low, high)
    }
}
