/// A small, tolerant HTML tokenizer: tags, attributes and text, enough to
/// read a page's metadata and its paragraphs. It never fails: a `<` that
/// does not start a tag is text, an unclosed tag or comment ends the
/// document, and attributes may be quoted either way or not at all.
/// Comments, doctypes and processing instructions are skipped.
package struct HTMLTokenizer {
    private let bytes: [UInt8]
    private var index = 0

    package init(_ html: String) {
        bytes = Array(html.utf8)
    }

    /// Every token of the document.
    package static func tokens(_ html: String) -> [HTMLToken] {
        var tokenizer = HTMLTokenizer(html)
        var tokens: [HTMLToken] = []
        while let token = tokenizer.next() { tokens.append(token) }
        return tokens
    }

    /// Elements whose content is text up to their end tag, markup included.
    private static let rawText: Set<String> = ["script", "style", "title", "textarea", "xmp", "noscript"]
    private var pendingRawText: String?

    package mutating func next() -> HTMLToken? {
        if let name = pendingRawText {
            pendingRawText = nil
            let start = index
            let close = Array("</\(name)".utf8)
            while index < bytes.count {
                if bytes[index] == UInt8(ascii: "<"), matches(close, at: index) { break }
                index += 1
            }
            if index > start { return .text(text(start, index)) }
        }
        while index < bytes.count, bytes[index] == UInt8(ascii: "<") {
            switch tag() {
            case .token(let token): return token
            case .skipped: continue
            case .notATag: break
            }
            break
        }
        guard index < bytes.count else { return nil }
        let start = index
        index += 1
        while index < bytes.count, bytes[index] != UInt8(ascii: "<") { index += 1 }
        return .text(text(start, index))
    }

    private enum TagRead {
        case token(HTMLToken)
        /// A comment, doctype or processing instruction, passed over.
        case skipped
        /// The `<` is plain text.
        case notATag
    }

    /// A tag, comment or declaration at `index` (a `<`).
    private mutating func tag() -> TagRead {
        let start = index
        var cursor = index + 1
        guard cursor < bytes.count else { return .notATag }
        if bytes[cursor] == UInt8(ascii: "!") {
            if matches(Array("<!--".utf8), at: start) {
                index = find(Array("-->".utf8), from: start + 4).map { $0 + 3 } ?? bytes.count
            } else {
                index = bytes[cursor...].firstIndex(of: UInt8(ascii: ">")).map { $0 + 1 } ?? bytes.count
            }
            return .skipped
        }
        if bytes[cursor] == UInt8(ascii: "?") {
            index = bytes[cursor...].firstIndex(of: UInt8(ascii: ">")).map { $0 + 1 } ?? bytes.count
            return .skipped
        }
        let closing = bytes[cursor] == UInt8(ascii: "/")
        if closing { cursor += 1 }
        guard cursor < bytes.count, Self.isLetter(bytes[cursor]) else { return .notATag }
        let nameStart = cursor
        while cursor < bytes.count, !Self.isSpace(bytes[cursor]), bytes[cursor] != UInt8(ascii: ">"),
              bytes[cursor] != UInt8(ascii: "/") {
            cursor += 1
        }
        let name = text(nameStart, cursor).lowercased()
        var attributes: [String: String] = [:]
        while cursor < bytes.count {
            while cursor < bytes.count, Self.isSpace(bytes[cursor]) || bytes[cursor] == UInt8(ascii: "/") { cursor += 1 }
            guard cursor < bytes.count, bytes[cursor] != UInt8(ascii: ">") else { break }
            let attributeStart = cursor
            while cursor < bytes.count, !Self.isSpace(bytes[cursor]), bytes[cursor] != UInt8(ascii: ">"),
                  bytes[cursor] != UInt8(ascii: "="), bytes[cursor] != UInt8(ascii: "/") || cursor == attributeStart {
                cursor += 1
            }
            let attribute = text(attributeStart, cursor).lowercased()
            while cursor < bytes.count, Self.isSpace(bytes[cursor]) { cursor += 1 }
            var value = ""
            if cursor < bytes.count, bytes[cursor] == UInt8(ascii: "=") {
                cursor += 1
                while cursor < bytes.count, Self.isSpace(bytes[cursor]) { cursor += 1 }
                if cursor < bytes.count, bytes[cursor] == UInt8(ascii: "\"") || bytes[cursor] == UInt8(ascii: "'") {
                    let quote = bytes[cursor]
                    let valueStart = cursor + 1
                    cursor = bytes[valueStart...].firstIndex(of: quote) ?? bytes.count
                    value = text(valueStart, cursor)
                    if cursor < bytes.count { cursor += 1 }
                } else {
                    let valueStart = cursor
                    while cursor < bytes.count, !Self.isSpace(bytes[cursor]), bytes[cursor] != UInt8(ascii: ">") { cursor += 1 }
                    value = text(valueStart, cursor)
                }
            }
            if !attribute.isEmpty, attributes[attribute] == nil {
                attributes[attribute] = HTMLEntities.decode(value)
            }
        }
        index = min(cursor + 1, bytes.count)
        if closing { return .token(.end(name)) }
        if Self.rawText.contains(name) { pendingRawText = name }
        return .token(.start(name, attributes))
    }

    private func matches(_ pattern: [UInt8], at position: Int) -> Bool {
        guard position + pattern.count <= bytes.count else { return false }
        for offset in 0..<pattern.count where Self.lower(bytes[position + offset]) != pattern[offset] { return false }
        return true
    }

    private func find(_ pattern: [UInt8], from position: Int) -> Int? {
        var cursor = position
        while cursor + pattern.count <= bytes.count {
            if matches(pattern, at: cursor) { return cursor }
            cursor += 1
        }
        return nil
    }

    private func text(_ start: Int, _ end: Int) -> String {
        String(decoding: bytes[start..<end], as: UTF8.self)
    }

    private static func lower(_ byte: UInt8) -> UInt8 {
        (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) ? byte + 32 : byte
    }

    private static func isLetter(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(lower(byte))
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0C || byte == 0x0D
    }
}
