import DigestModel
import DigestRendering
import DigestWorkflow

/// What digest prints for people never carries raw control bytes: text read
/// from the database or typed by someone else (a name, a setting, a value
/// echoed in an error) could otherwise move the cursor, rewrite the screen,
/// retitle the window or reorder what the reader sees. Such characters are
/// shown as `<U+001B>`.
enum TerminalText {
    /// `text` with every control and bidi character made visible. Line
    /// breaks and tabs stay; with `keepingStyle`, so do the colour sequences
    /// (`ESC [ … m`) digest's own `TextStyle` writes.
    static func safe(_ text: String, keepingStyle: Bool) -> String {
        // On the UTF-8 bytes: every character made visible is recognised by
        // its first one to three bytes, and the runs between them are copied
        // whole (a long `show` is some 30 KB).
        var text = text
        return text.withUTF8 { bytes -> String? in
            var output: [UInt8] = []
            var copied = 0
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                if byte == 0x1B, keepingStyle, let end = styleSequenceEnd(bytes, from: index) {
                    index = end + 1
                    continue
                }
                guard let (scalar, length) = escaped(bytes, at: index) else {
                    index += 1
                    continue
                }
                if output.isEmpty { output.reserveCapacity(bytes.count + 64) }
                output.append(contentsOf: bytes[copied..<index])
                output.append(contentsOf: "<U+\(TextRules.hex(scalar))>".utf8)
                index += length
                copied = index
            }
            guard copied > 0 else { return nil }
            output.append(contentsOf: bytes[copied...])
            return String(decoding: output, as: UTF8.self)
        } ?? text
    }

    /// The character at `index` and its length in bytes when it must be
    /// made visible: controls other than line feed and tab (C0, DEL, C1),
    /// the invisible and bidi formatting characters (U+200B–U+200F,
    /// U+2028–U+202E, U+2060, U+2066–U+2069) and U+FEFF.
    private static func escaped(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (Unicode.Scalar, Int)? {
        let byte = bytes[index]
        switch byte {
        case 0x0A, 0x09:
            return nil
        case 0x00..<0x20, 0x7F:
            return (Unicode.Scalar(byte), 1)
        case 0xC2:
            guard index + 1 < bytes.count, (0x80...0x9F).contains(bytes[index + 1]) else { return nil }
            return (Unicode.Scalar(bytes[index + 1]), 2)
        case 0xE2, 0xEF:
            guard index + 2 < bytes.count else { return nil }
            let value = (UInt32(byte & 0x0F) << 12) | (UInt32(bytes[index + 1] & 0x3F) << 6) | UInt32(bytes[index + 2] & 0x3F)
            switch value {
            case 0x200B...0x200F, 0x2028...0x202E, 0x2060, 0x2066...0x2069, 0xFEFF:
                return Unicode.Scalar(value).map { ($0, 3) }
            default:
                return nil
            }
        default:
            return nil
        }
    }

    /// The index of the `m` ending an SGR sequence `ESC [ digits;… m` at `start`.
    private static func styleSequenceEnd(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        guard start + 2 < bytes.count, bytes[start + 1] == UInt8(ascii: "[") else { return nil }
        var index = start + 2
        while index < bytes.count, index - start < 16 {
            let byte = bytes[index]
            if byte == UInt8(ascii: "m") { return index }
            guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || byte == UInt8(ascii: ";") else { return nil }
            index += 1
        }
        return nil
    }
}
