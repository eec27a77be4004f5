/// JSON string literals, written the one way both programs use: `digest`
/// (its `--json` output and dumps) and `digest-links` (its result lines),
/// which cannot share DigestCore.
///
/// Quotes, backslashes and control characters are escaped (the common ones
/// by name), and so are DEL and the line and paragraph separators U+2028
/// and U+2029, which JavaScript does not accept raw; everything else,
/// slashes and non-ASCII text included, stays as it is.
package enum JSONString {
    /// `text` as a JSON string literal, quotes included.
    package static func quoted(_ text: String) -> String {
        var output = ""
        output.reserveCapacity(text.utf8.count + 2)
        append(text, to: &output)
        return output
    }

    /// Appends `text` as a JSON string literal, copying the runs that need
    /// no escape whole.
    package static func append(_ text: String, to output: inout String) {
        output += "\""
        let utf8 = text.utf8
        var pending = utf8.startIndex
        var index = utf8.startIndex
        while index != utf8.endIndex {
            let byte = utf8[index]
            var width = 1
            let escape: String?
            switch byte {
            case 0x22: escape = "\\\""
            case 0x5C: escape = "\\\\"
            case 0x0A: escape = "\\n"
            case 0x0D: escape = "\\r"
            case 0x09: escape = "\\t"
            case 0x08: escape = "\\b"
            case 0x0C: escape = "\\f"
            case 0x00..<0x20, 0x7F: escape = unicodeEscape(UInt32(byte))
            case 0xE2:
                // U+2028 and U+2029 are E2 80 A8 and E2 80 A9.
                let second = utf8.index(after: index)
                let third = second == utf8.endIndex ? second : utf8.index(after: second)
                if third != utf8.endIndex, utf8[second] == 0x80, utf8[third] == 0xA8 || utf8[third] == 0xA9 {
                    escape = utf8[third] == 0xA8 ? "\\u2028" : "\\u2029"
                    width = 3
                } else {
                    escape = nil
                }
            default: escape = nil
            }
            if let escape {
                output += String(text[pending..<index])
                output += escape
                index = utf8.index(index, offsetBy: width)
                pending = index
            } else {
                index = utf8.index(after: index)
            }
        }
        output += String(text[pending..<utf8.endIndex])
        output += "\""
    }

    private static func unicodeEscape(_ value: UInt32) -> String {
        let hex = String(value, radix: 16)
        return "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
    }
}
