import DigestModel
/// Turns template source into nodes, once, so that rendering never looks at
/// a brace again.
///
/// The syntax is the part of Mustache that digest needs: variables, raw
/// variables, sections, inverted sections, partials and comments, with
/// Mustache's rule that a line holding only a section, comment or partial
/// tag leaves nothing behind.
struct TemplateParser {
    /// Far deeper than any real template, shallow enough that rendering a
    /// chain of partials each nested this deep stays well inside the stack.
    static let maximumSectionDepth = 32

    private let bytes: [UInt8]
    private let file: String

    init(source: String, file: String) {
        self.bytes = Array(source.utf8)
        self.file = file
    }

    private struct OpenSection {
        let name: TemplateName
        let line: Int
        let inverted: Bool
        let siblings: [TemplateNode]
    }

    private enum TagKind {
        case variable, raw, section, inverted, close, comment, partial, delimiters

        /// Tags that vanish with their line when they stand alone on it.
        var canStandAlone: Bool {
            switch self {
            case .section, .inverted, .close, .comment, .partial, .delimiters: true
            case .variable, .raw: false
            }
        }
    }

    func parse() throws(TemplateError) -> [TemplateNode] {
        var nodes: [TemplateNode] = []
        var open: [OpenSection] = []
        var textStart = 0
        var position = 0
        var line = 1
        var lineCountedTo = 0

        func lineNumber(at offset: Int) -> Int {
            while lineCountedTo < offset {
                if bytes[lineCountedTo] == UInt8(ascii: "\n") { line += 1 }
                lineCountedTo += 1
            }
            return line
        }

        while let tagStart = find(opening, from: position) {
            let tagLine = lineNumber(at: tagStart)
            let triple = tagStart + 2 < bytes.count && bytes[tagStart + 2] == UInt8(ascii: "{")
            let contentStart = tagStart + (triple ? 3 : 2)
            guard let contentEnd = find(triple ? tripleClosing : closing, from: contentStart) else {
                throw .unclosedTag(file: file, line: tagLine)
            }
            let tagEnd = contentEnd + (triple ? 3 : 2)
            let (kind, written) = try tag(bytes[contentStart..<contentEnd], triple: triple, line: tagLine)

            var textEnd = tagStart
            var next = tagEnd
            var indentation = ""
            if kind.canStandAlone, let lineStart = standaloneLineStart(before: tagStart, textStart: textStart),
               let lineEnd = standaloneLineEnd(after: tagEnd) {
                textEnd = lineStart
                next = lineEnd
                indentation = String(decoding: bytes[lineStart..<tagStart], as: UTF8.self)
            }
            if textEnd > textStart {
                nodes.append(.text(String(decoding: bytes[textStart..<textEnd], as: UTF8.self)))
            }
            textStart = next
            position = next

            switch kind {
            case .comment:
                break
            case .delimiters:
                throw .unsupportedDelimiters(file: file, line: tagLine)
            case .partial:
                guard !written.isEmpty, written.utf8.allSatisfy(TemplateName.isNameByte) else {
                    throw .invalidName(file: file, line: tagLine, name: written)
                }
                nodes.append(.partial(written, line: tagLine, indentation: indentation))
            case .variable, .raw:
                nodes.append(.variable(try name(written, line: tagLine), line: tagLine, escaped: kind == .variable))
            case .section, .inverted:
                guard open.count < Self.maximumSectionDepth else {
                    throw .sectionsTooDeep(file: file, line: tagLine, limit: Self.maximumSectionDepth)
                }
                open.append(OpenSection(
                    name: try name(written, line: tagLine), line: tagLine,
                    inverted: kind == .inverted, siblings: nodes))
                nodes = []
            case .close:
                guard let section = open.popLast() else {
                    throw .unopenedSection(file: file, line: tagLine, name: written)
                }
                guard section.name.written == written else {
                    throw .mismatchedClose(
                        file: file, line: tagLine, closed: written,
                        opened: section.name.written, openedLine: section.line)
                }
                let children = nodes
                nodes = section.siblings
                nodes.append(.section(section.name, line: section.line, inverted: section.inverted, children: children))
            }
        }
        if textStart < bytes.count {
            nodes.append(.text(String(decoding: bytes[textStart...], as: UTF8.self)))
        }
        if let unclosed = open.last {
            throw .unclosedSection(file: file, line: unclosed.line, name: unclosed.name.written)
        }
        return nodes
    }

    private func tag(_ content: ArraySlice<UInt8>, triple: Bool, line: Int) throws(TemplateError) -> (TagKind, String) {
        let trimmed = Self.trim(content)
        if triple {
            guard !trimmed.isEmpty else { throw .emptyTag(file: file, line: line) }
            return (.raw, String(decoding: trimmed, as: UTF8.self))
        }
        guard let first = trimmed.first else { throw .emptyTag(file: file, line: line) }
        let kind: TagKind
        switch first {
        case UInt8(ascii: "#"): kind = .section
        case UInt8(ascii: "^"): kind = .inverted
        case UInt8(ascii: "/"): kind = .close
        case UInt8(ascii: "!"): return (.comment, "")
        case UInt8(ascii: ">"): kind = .partial
        case UInt8(ascii: "&"): kind = .raw
        case UInt8(ascii: "="): return (.delimiters, "")
        default: return (.variable, String(decoding: trimmed, as: UTF8.self))
        }
        let name = Self.trim(trimmed.dropFirst())
        guard !name.isEmpty else { throw .emptyTag(file: file, line: line) }
        return (kind, String(decoding: name, as: UTF8.self))
    }

    private func name(_ written: String, line: Int) throws(TemplateError) -> TemplateName {
        guard let name = TemplateName(written) else { throw .invalidName(file: file, line: line, name: written) }
        return name
    }

    /// Where the tag's line starts, if only blanks stand between it and the tag
    /// and no earlier tag shares the line.
    private func standaloneLineStart(before tagStart: Int, textStart: Int) -> Int? {
        var index = tagStart
        while index > textStart, Self.isBlank(bytes[index - 1]) { index -= 1 }
        if index == textStart {
            return textStart == 0 || bytes[textStart - 1] == UInt8(ascii: "\n") ? index : nil
        }
        return bytes[index - 1] == UInt8(ascii: "\n") ? index : nil
    }

    /// Just past the tag line's newline, if only blanks follow the tag.
    private func standaloneLineEnd(after tagEnd: Int) -> Int? {
        var index = tagEnd
        while index < bytes.count, Self.isBlank(bytes[index]) { index += 1 }
        if index == bytes.count { return index }
        if bytes[index] == UInt8(ascii: "\n") { return index + 1 }
        if bytes[index] == UInt8(ascii: "\r"), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "\n") {
            return index + 2
        }
        return nil
    }

    private let opening: [UInt8] = Array("{{".utf8)
    private let closing: [UInt8] = Array("}}".utf8)
    private let tripleClosing: [UInt8] = Array("}}}".utf8)

    private func find(_ needle: [UInt8], from start: Int) -> Int? {
        guard needle.count <= bytes.count else { return nil }
        var index = start
        let last = bytes.count - needle.count
        while index <= last {
            if bytes[index] == needle[0] {
                var matched = true
                for offset in 1..<needle.count where bytes[index + offset] != needle[offset] {
                    matched = false
                    break
                }
                if matched { return index }
            }
            index += 1
        }
        return nil
    }

    private static func isBlank(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t")
    }

    private static func trim(_ bytes: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        var slice = bytes
        while let first = slice.first, isBlank(first) || first == UInt8(ascii: "\n") || first == UInt8(ascii: "\r") {
            slice = slice.dropFirst()
        }
        while let last = slice.last, isBlank(last) || last == UInt8(ascii: "\n") || last == UInt8(ascii: "\r") {
            slice = slice.dropLast()
        }
        return slice
    }
}
