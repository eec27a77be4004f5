/// The one HTML tokenizer of digest: the states of the HTML standard's
/// tokenizer (WHATWG HTML §13.2.5) that decide where tags, attributes,
/// comments and text begin and end, on bytes, without building strings.
///
/// `HTMLSafety` reads renders with it, and `digest-fetch` reads pages with
/// it, so what the rule set sees as a tag is what a browser sees as one:
/// `<!-->` is an empty comment, `</x y>` ends an element whatever follows,
/// a `<` not followed by a letter is text, `<script>` and `<style>` hold text
/// up to their own end tag, and a tag cut off by the end of the input is no
/// tag at all.
///
/// Left to the caller: character references (ranges are raw bytes) and the
/// tree. The one tree-builder decision a tokenizer needs, which elements hold
/// raw text, is made the way a browser with scripting makes it for HTML
/// content (not inside `<svg>` or `<math>`).
package struct HTMLScanner {
    package enum Token: Equatable, Sendable {
        /// Text as written, character references not decoded. The whole
        /// content of a raw-text element (`script`, `style`, `title`,
        /// `textarea`, …) comes as text, markup included.
        case text(Range<Int>)
        /// A start tag's name; its attributes are in `attributes`.
        case startTag(Range<Int>)
        case endTag(Range<Int>)
        /// A comment's content; also bogus comments (`<?…>`, `<!x…>`, `</1>`).
        case comment(Range<Int>)
        /// `<!DOCTYPE …>`, its content after the keyword.
        case doctype(Range<Int>)
    }

    /// An attribute as written: its name, and its value without quotes
    /// (empty for an attribute with no value). Later duplicates are kept:
    /// a browser ignores them, and the reader decides.
    package struct Attribute: Equatable, Sendable {
        package let name: Range<Int>
        package let value: Range<Int>
    }

    package let bytes: [UInt8]
    private var index = 0
    /// The element whose raw text comes next, after its start tag.
    private var rawTextEnd: [UInt8]?
    private var plainText = false

    /// The attributes of the last start tag.
    package private(set) var attributes: [Attribute] = []
    /// Where the last tag, comment or doctype began (its `<`).
    package private(set) var tokenStart = 0
    /// The last start tag ended in `/>`.
    package private(set) var selfClosing = false

    package init(_ bytes: [UInt8]) {
        self.bytes = bytes
        attributes.reserveCapacity(8)
    }

    package init(_ text: String) {
        self.init(Array(text.utf8))
    }

    /// Elements whose content is text up to their end tag (RAWTEXT, RCDATA
    /// and script data); `noscript` as a browser with scripting reads it.
    private static let rawTextElements: [[UInt8]] = [
        "script", "style", "title", "textarea", "xmp", "iframe", "noembed", "noframes", "noscript",
    ].map { Array($0.utf8) }
    private static let plaintext = Array("plaintext".utf8)

    /// Whether the element named (in lower case) holds text up to its end tag.
    package static func holdsRawText(_ lowercaseName: String) -> Bool {
        rawTextElements.contains(Array(lowercaseName.utf8))
    }

    package mutating func next() -> Token? {
        guard index < bytes.count else { return nil }
        if plainText {
            defer { index = bytes.count }
            return .text(index..<bytes.count)
        }
        if let end = rawTextEnd {
            rawTextEnd = nil
            let start = index
            while index < bytes.count {
                if bytes[index] == UInt8(ascii: "<"), isAppropriateEndTag(end, at: index) { break }
                index += 1
            }
            if index > start { return .text(start..<index) }
        }
        var start = index
        while index < bytes.count {
            guard bytes[index] == UInt8(ascii: "<"), startsMarkup(at: index) else {
                index += 1
                continue
            }
            if index > start { return .text(start..<index) }
            if let token = markup() { return token }
            // Consumed something the reader never sees (`</>`): text starts again after it.
            start = index
        }
        return index > start ? .text(start..<index) : nil
    }

    // MARK: - Tags

    /// Whether the `<` at `position` opens a tag, end tag, comment or
    /// declaration rather than being text.
    private func startsMarkup(at position: Int) -> Bool {
        guard position + 1 < bytes.count else { return false }
        let next = bytes[position + 1]
        if Self.isAlpha(next) || next == UInt8(ascii: "!") || next == UInt8(ascii: "?") { return true }
        if next == UInt8(ascii: "/") {
            return position + 2 < bytes.count  // `</` at the very end is text
        }
        return false
    }

    /// Reads what the `<` at `index` opens (`startsMarkup` said it opens
    /// something); nil when that is nothing a reader sees: `</>`, or a tag
    /// cut off by the end of the input.
    private mutating func markup() -> Token? {
        let open = index
        let next = bytes[open + 1]
        tokenStart = open
        if next == UInt8(ascii: "!") { return declaration() }
        if next == UInt8(ascii: "?") {
            // A bogus comment, `?` included, up to the first `>`.
            return bogusComment(from: open + 1)
        }
        if next == UInt8(ascii: "/") {
            let nameStart = open + 2
            let first = bytes[nameStart]
            if first == UInt8(ascii: ">") {
                index = nameStart + 1  // `</>` is dropped
                return nil
            }
            guard Self.isAlpha(first) else { return bogusComment(from: nameStart) }
            index = nameStart
            let name = tagName()
            guard attributesUntilTagEnd() else { return nil }
            attributes.removeAll(keepingCapacity: true)
            return .endTag(name)
        }
        index = open + 1
        let name = tagName()
        guard attributesUntilTagEnd() else { return nil }
        if Self.rawTextElements.contains(where: { spells(name, $0) }) {
            rawTextEnd = Array(bytes[name]).map(Self.lower)
        } else if spells(name, Self.plaintext) {
            plainText = true
        }
        return .startTag(name)
    }

    /// The tag name state: up to white space, `/` or `>`.
    private mutating func tagName() -> Range<Int> {
        let start = index
        while index < bytes.count {
            let byte = bytes[index]
            if Self.isSpace(byte) || byte == UInt8(ascii: "/") || byte == UInt8(ascii: ">") { break }
            index += 1
        }
        return start..<index
    }

    /// The attribute states, from after the tag name to after its `>`.
    /// False when the input ends inside the tag: the tag is then no tag.
    private mutating func attributesUntilTagEnd() -> Bool {
        attributes.removeAll(keepingCapacity: true)
        selfClosing = false
        while index < bytes.count {
            let byte = bytes[index]
            if Self.isSpace(byte) { index += 1; continue }
            if byte == UInt8(ascii: ">") {
                index += 1
                return true
            }
            if byte == UInt8(ascii: "/") {
                index += 1
                if index < bytes.count, bytes[index] == UInt8(ascii: ">") {
                    selfClosing = true
                    index += 1
                    return true
                }
                continue
            }
            // Attribute name: a leading `=` belongs to the name.
            let nameStart = index
            index += 1
            while index < bytes.count {
                let next = bytes[index]
                if Self.isSpace(next) || next == UInt8(ascii: "/") || next == UInt8(ascii: ">") || next == UInt8(ascii: "=") { break }
                index += 1
            }
            let name = nameStart..<index
            while index < bytes.count, Self.isSpace(bytes[index]) { index += 1 }
            guard index < bytes.count, bytes[index] == UInt8(ascii: "=") else {
                attributes.append(Attribute(name: name, value: index..<index))
                continue
            }
            index += 1
            while index < bytes.count, Self.isSpace(bytes[index]) { index += 1 }
            guard index < bytes.count else { return false }
            let quote = bytes[index]
            if quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") {
                let valueStart = index + 1
                guard let close = bytes[valueStart...].firstIndex(of: quote) else {
                    index = bytes.count
                    return false
                }
                attributes.append(Attribute(name: name, value: valueStart..<close))
                index = close + 1
            } else if quote == UInt8(ascii: ">") {
                attributes.append(Attribute(name: name, value: index..<index))
            } else {
                let valueStart = index
                while index < bytes.count, !Self.isSpace(bytes[index]), bytes[index] != UInt8(ascii: ">") { index += 1 }
                attributes.append(Attribute(name: name, value: valueStart..<index))
            }
        }
        return false
    }

    /// Whether `</name` followed by white space, `/` or `>` starts at `position`.
    private func isAppropriateEndTag(_ name: [UInt8], at position: Int) -> Bool {
        let after = position + 2 + name.count
        guard after < bytes.count, bytes[position + 1] == UInt8(ascii: "/") else { return false }
        for offset in 0..<name.count where Self.lower(bytes[position + 2 + offset]) != name[offset] { return false }
        let byte = bytes[after]
        return Self.isSpace(byte) || byte == UInt8(ascii: "/") || byte == UInt8(ascii: ">")
    }

    // MARK: - Comments and declarations

    private static let doctypeKeyword = Array("doctype".utf8)

    /// After `<!`: a comment, a doctype, or a bogus comment.
    private mutating func declaration() -> Token? {
        let open = tokenStart
        if starts(with: [UInt8(ascii: "-"), UInt8(ascii: "-")], at: open + 2) { return comment(from: open + 4) }
        if open + 2 + Self.doctypeKeyword.count <= bytes.count,
           spells(open + 2..<open + 2 + Self.doctypeKeyword.count, Self.doctypeKeyword) {
            let start = open + 2 + Self.doctypeKeyword.count
            let close = bytes[start...].firstIndex(of: UInt8(ascii: ">")) ?? bytes.count
            index = min(close + 1, bytes.count)
            return .doctype(start..<close)
        }
        return bogusComment(from: open + 2)
    }

    /// A bogus comment: up to the first `>`, or the end.
    private mutating func bogusComment(from start: Int) -> Token {
        let close = bytes[start...].firstIndex(of: UInt8(ascii: ">")) ?? bytes.count
        index = min(close + 1, bytes.count)
        return .comment(start..<close)
    }

    /// A comment whose `<!--` ends before `start`: `<!-->` and `<!--->` end
    /// at once; otherwise at the first `-->` or `--!>`, or the end.
    private mutating func comment(from start: Int) -> Token {
        if starts(with: [UInt8(ascii: ">")], at: start) {
            index = start + 1
            return .comment(start..<start)
        }
        if starts(with: [UInt8(ascii: "-"), UInt8(ascii: ">")], at: start) {
            index = start + 2
            return .comment(start..<start)
        }
        var cursor = start
        while cursor + 2 < bytes.count {
            if bytes[cursor] == UInt8(ascii: "-"), bytes[cursor + 1] == UInt8(ascii: "-") {
                if bytes[cursor + 2] == UInt8(ascii: ">") {
                    index = cursor + 3
                    return .comment(start..<cursor)
                }
                if bytes[cursor + 2] == UInt8(ascii: "!"), cursor + 3 < bytes.count, bytes[cursor + 3] == UInt8(ascii: ">") {
                    index = cursor + 4
                    return .comment(start..<cursor)
                }
            }
            cursor += 1
        }
        // Cut off by the end: dashes (and `--!`) that were waiting to close it are not part of it.
        index = bytes.count
        var end = bytes.count
        if end - start >= 3, bytes[end - 3] == UInt8(ascii: "-"), bytes[end - 2] == UInt8(ascii: "-"),
           bytes[end - 1] == UInt8(ascii: "!") {
            end -= 3
        } else {
            var dashes = 0
            while dashes < 2, end - dashes > start, bytes[end - dashes - 1] == UInt8(ascii: "-") { dashes += 1 }
            end -= dashes
        }
        return .comment(start..<end)
    }

    // MARK: - Bytes

    /// Whether the bytes in `range` spell `lowercaseName`, ASCII letters in either case.
    package func spells(_ range: Range<Int>, _ lowercaseName: [UInt8]) -> Bool {
        guard range.count == lowercaseName.count else { return false }
        var offset = 0
        for index in range {
            if Self.lower(bytes[index]) != lowercaseName[offset] { return false }
            offset += 1
        }
        return true
    }

    /// The bytes in `range` as text, ASCII letters in lower case: a name as HTML compares it.
    package func lowercased(_ range: Range<Int>) -> String {
        Self.text(bytes[range].map(Self.lower))
    }

    /// The bytes in `range` as text; a NUL becomes U+FFFD, as the tokenizer
    /// makes it in names, values and comments.
    package func string(_ range: Range<Int>) -> String {
        Self.text(bytes[range])
    }

    private static func text<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> String {
        let text = String(decoding: bytes, as: UTF8.self)
        guard bytes.contains(0) else { return text }
        return String(String.UnicodeScalarView(text.unicodeScalars.map { $0 == "\u{0}" ? "\u{FFFD}" : $0 }))
    }

    /// The 1-based line `offset` is on.
    package func line(of offset: Int) -> Int {
        var line = 1
        for byte in bytes[..<min(offset, bytes.count)] where byte == 0x0A { line += 1 }
        return line
    }

    private func starts(with pattern: [UInt8], at position: Int) -> Bool {
        position + pattern.count <= bytes.count && bytes[position..<position + pattern.count].elementsEqual(pattern)
    }

    package static func lower(_ byte: UInt8) -> UInt8 {
        byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte | 0x20 : byte
    }

    private static func isAlpha(_ byte: UInt8) -> Bool {
        let lowered = byte | 0x20
        return lowered >= UInt8(ascii: "a") && lowered <= UInt8(ascii: "z")
    }

    /// White space as the tokenizer sees it after input preprocessing (a CR
    /// becomes a line feed).
    package static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0C || byte == 0x0D
    }
}
