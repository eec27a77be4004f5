import DigestModel
extension String {
    /// Text that a CommonMark parser reads back as exactly this text, whether
    /// it lands at the start of a line, inside link text or inside a `<…>`
    /// link destination.
    package var markdownEscaped: String {
        var output: [UInt8] = []
        output.reserveCapacity(utf8.count + 16)
        appendMarkdownEscaped(to: &output)
        return String(decoding: output, as: UTF8.self)
    }

    /// Punctuation that means something anywhere in a line is backslash-escaped
    /// everywhere; what means something only at the start of a line (`-`, `+`,
    /// `=`, `~`, `1.`, `2020)`) is escaped there, and the value's own start
    /// counts as one because the template may put it there. Spaces that
    /// CommonMark would strip (leading, trailing) or read as code (four
    /// leading) become `&#32;`. An `&` that would start a character reference
    /// becomes `&amp;` rather than `\&` (cmark decodes references in a link
    /// destination before backslash escapes); any other `&` stays as it is.
    package func appendMarkdownEscaped(to output: inout [UInt8]) {
        let bytes = utf8
        let (low, high) = Self.markdownSpecials
        let done: Bool? = bytes.withContiguousStorageIfAvailable { buffer in
            let count = buffer.count
            var runStart = 0
            var offset = 0
            var atLineStart = true

            func flush(upTo end: Int) {
                output.appendBytes(buffer, from: runStart, to: end)
            }
            func replaceSpace(at position: Int) {
                flush(upTo: position)
                output.appendBytes(of: "&#32;")
                runStart = position + 1
            }

            while offset < count {
                let byte = buffer[offset]
                // Away from a line start, only the bytes in the mask matter:
                // one bit test passes over the rest.
                if !atLineStart, byte >= 128 || (byte < 64 ? low &>> UInt64(byte) : high &>> UInt64(byte &- 64)) & 1 == 0 {
                    offset += 1
                    continue
                }
                let replacement: StaticString
                switch byte {
                case UInt8(ascii: "\\"): replacement = "\\\\"
                case UInt8(ascii: "`"): replacement = "\\`"
                case UInt8(ascii: "*"): replacement = "\\*"
                case UInt8(ascii: "_"): replacement = "\\_"
                case UInt8(ascii: "["): replacement = "\\["
                case UInt8(ascii: "]"): replacement = "\\]"
                // Entities, not backslashes: Python-Markdown (MkDocs, Pelican)
                // shows `\<` as written, and every renderer reads `&lt;` as `<`.
                case UInt8(ascii: "<"): replacement = "&lt;"
                case UInt8(ascii: ">"): replacement = "&gt;"
                case UInt8(ascii: "&"):
                    // Only an `&` that starts a reference (`&copy;`, `&#38;`) is
                    // written `&amp;`; a bare one stays, so heading ids made from
                    // the source (Hugo's) read "Tides & tolls" as GitHub does.
                    var end = offset + 1
                    if end < count, buffer[end] == UInt8(ascii: "#") { end += 1 }
                    let nameStart = end
                    while end < count, end - nameStart < 32,
                          (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(buffer[end] | 0x20)
                            || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(buffer[end]) { end += 1 }
                    guard end > nameStart, end < count, buffer[end] == UInt8(ascii: ";") else {
                        atLineStart = false
                        offset += 1
                        continue
                    }
                    replacement = "&amp;"
                case UInt8(ascii: "#"): replacement = "\\#"
                case UInt8(ascii: "\t"): replacement = "&#9;"
                case UInt8(ascii: " ")
                    where atLineStart || offset + 1 == count || buffer[offset + 1] == UInt8(ascii: "\n"):
                    replacement = "&#32;"
                case UInt8(ascii: "-") where atLineStart: replacement = "\\-"
                case UInt8(ascii: "+") where atLineStart: replacement = "\\+"
                // Python-Markdown has no escape for these two: entities again.
                case UInt8(ascii: "=") where atLineStart: replacement = "&#61;"
                case UInt8(ascii: "~") where atLineStart: replacement = "&#126;"
                case UInt8(ascii: "0")...UInt8(ascii: "9") where atLineStart:
                    // `2020. was` and `1) first` would start an ordered list.
                    var end = offset + 1
                    while end < count, buffer[end] >= UInt8(ascii: "0"), buffer[end] <= UInt8(ascii: "9") { end += 1 }
                    atLineStart = false
                    offset = end
                    if end < count, buffer[end] == UInt8(ascii: ".") || buffer[end] == UInt8(ascii: ")") {
                        flush(upTo: end)
                        output.append(UInt8(ascii: "\\"))
                        runStart = end
                    }
                    continue
                case UInt8(ascii: "\n"):
                    // A space just before a line break would be stripped.
                    if offset > runStart, buffer[offset - 1] == UInt8(ascii: " ") { replaceSpace(at: offset - 1) }
                    atLineStart = true
                    offset += 1
                    continue
                default:
                    atLineStart = false
                    offset += 1
                    continue
                }
                atLineStart = false
                flush(upTo: offset)
                output.appendBytes(of: replacement)
                offset += 1
                runStart = offset
            }
            if count > runStart, buffer[count - 1] == UInt8(ascii: " ") { replaceSpace(at: count - 1) }
            flush(upTo: count)
            return true
        }
        if done == nil {
            // Only strings not stored as UTF-8 get here; a native copy is.
            String(unicodeScalars).appendMarkdownEscaped(to: &output)
        }
    }

    /// What may need escaping away from a line start: the characters escaped
    /// everywhere, and the newline, which starts a line and decides whether
    /// the space before it is kept. (A space is looked at only at a line
    /// start, before a newline and at the very end.)
    private static let markdownSpecials = byteMask("\\`*_[]<>&#\t\n")
}
