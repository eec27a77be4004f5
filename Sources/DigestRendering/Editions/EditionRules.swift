import Foundation
import DigestModel
import HTMLScanning

/// What every stored edition must be, whoever made it: checked when an
/// edition is rendered for publishing, when a dump is loaded and by `doctor`,
/// so an edition edited by hand cannot slip in something digest never writes.
///
/// - HTML: `HTMLSafety`, the rule set `render` applies too.
/// - Markdown: no active or outside content in its raw HTML, and every link
///   `http`, `https` or `mailto`.
/// - Text: no control characters but line breaks and tabs.
/// - Email: exactly the headers digest writes (From, To, Subject, Date,
///   Message-ID, MIME-Version, List-Unsubscribe, List-Unsubscribe-Post,
///   Content-Type), each once, ASCII, with valid addresses and the edition's
///   own Message-ID; its two parts are exactly the stored text and HTML.
package enum EditionRules {
    /// Every rule, for an edition stored before (a dump, the database).
    package static func problems(_ renders: RenderedEdition, messageID: String) -> [ValidationProblem] {
        renderProblems(renders, fix: "restore the edition as digest stored it")
            + emailProblems(renders, messageID: messageID).map {
                ValidationProblem(field: "email", value: nil, reason: $0,
                                  fix: "an edition's email is exactly what digest composed; restore it as digest stored it")
            }
    }

    /// The rules the templates decide, for an edition just rendered (the
    /// email around its parts was composed by digest itself).
    package static func renderProblems(
        _ renders: RenderedEdition, fix: String = "editions hold no scripts or outside resources; remove it from the template"
    ) -> [ValidationProblem] {
        var problems: [ValidationProblem] = []
        func add(_ field: String, _ reasons: [String], fix: String) {
            problems += reasons.map { ValidationProblem(field: field, value: nil, reason: $0, fix: fix) }
        }
        if let finding = HTMLSafety.firstFinding(in: Array(renders.html.utf8)) {
            add("html", ["it has \(finding.construct) (line \(finding.line)): \(finding.reason)"], fix: fix)
        }
        add("markdown", markdownProblems(renders.markdown), fix: fix)
        add("text", textProblems(renders.text), fix: "the text edition is plain text; remove it")
        return problems
    }

    /// Active and outside content in a Markdown render: its raw HTML, held
    /// to `HTMLSafety` like any HTML, and its links, autolinks and link
    /// definitions, which must use http, https or mailto.
    package static func markdownProblems(_ markdown: String) -> [String] {
        var bytes = Array(markdown.utf8)
        // A backslash-escaped `<` is text in Markdown, never the start of a tag.
        var backslashes = 0
        for index in bytes.indices {
            if bytes[index] == UInt8(ascii: "<"), backslashes % 2 == 1 { bytes[index] = UInt8(ascii: " ") }
            backslashes = bytes[index] == UInt8(ascii: "\\") ? backslashes + 1 : 0
        }
        var problems: [String] = []
        if let finding = HTMLSafety.firstFinding(in: bytes) {
            problems.append("it has \(finding.construct) (line \(finding.line)): \(finding.reason)")
        }
        return problems + MarkdownLinkScanner(bytes).problems()
    }

    private static func textProblems(_ text: String) -> [String] {
        // On the UTF-8 bytes: a C0 control or DEL is one byte, a C1 control
        // (U+0080–U+009F) is 0xC2 followed by 0x80–0x9F.
        var text = text
        let control: UInt32? = text.withUTF8 { bytes in
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                if (byte < 0x20 && byte != 0x0A && byte != 0x09) || byte == 0x7F { return UInt32(byte) }
                if byte == 0xC2, index + 1 < bytes.count, (0x80...0x9F).contains(bytes[index + 1]) {
                    return UInt32(bytes[index + 1])
                }
                index += 1
            }
            return nil
        }
        guard let control else { return [] }
        return ["it has a control character (U+\(String(control, radix: 16, uppercase: true)))"]
    }

    static let emailHeaders = [
        "from", "to", "reply-to", "subject", "date", "message-id", "mime-version", "list-id", "list-unsubscribe",
        "list-unsubscribe-post", "content-type",
    ]
    private static let requiredHeaders: Set = ["from", "to", "subject", "date", "message-id", "mime-version", "content-type"]

    private static func emailProblems(_ renders: RenderedEdition, messageID: String) -> [String] {
        let email = renders.email
        guard let end = email.range(of: "\r\n\r\n") else { return ["it has no header section ending in a blank line"] }
        let head = email[..<end.lowerBound]
        if let byte = head.utf8.first(where: { $0 >= 0x7F || ($0 < 0x20 && $0 != 0x0D && $0 != 0x0A && $0 != 0x09) }) {
            return ["its headers hold a byte that is not printable ASCII (0x\(String(byte, radix: 16, uppercase: true)))"]
        }
        var problems: [String] = []
        var fields: [(name: String, value: String, start: String.Index)] = []
        var lineStart = head.startIndex
        for line in head.split(separator: "\r\n", omittingEmptySubsequences: false) {
            defer { lineStart = line.endIndex < head.endIndex ? head.index(after: line.endIndex) : head.endIndex }
            if line.contains("\r") || line.contains("\n") {
                problems.append("a header line has a bare CR or LF")
            } else if line.first == " " || line.first == "\t", !fields.isEmpty {
                fields[fields.count - 1].value += line
            } else if let colon = line.firstIndex(of: ":") {
                fields.append((line[..<colon].lowercased(), String(line[line.index(after: colon)...]), lineStart))
            } else {
                problems.append("the header line \"\(line.prefix(60))\" has no field name")
            }
        }
        var seen: Set<String> = []
        for field in fields {
            if !emailHeaders.contains(field.name) {
                problems.append("it has a \(field.name) header, which digest never writes")
            } else if !seen.insert(field.name).inserted {
                problems.append("it has more than one \(field.name) header")
            }
        }
        for missing in emailHeaders where requiredHeaders.contains(missing) && !seen.contains(missing) {
            problems.append("it has no \(missing) header")
        }
        guard problems.isEmpty else { return problems }
        func value(_ name: String) -> String {
            fields.first { $0.name == name }?.value.trimmingCharacters(in: .whitespaces) ?? ""
        }
        if value("message-id") != messageID {
            problems.append("its Message-ID \(value("message-id")) is not the edition's \(messageID)")
        }
        let from = value("from")
        let fromAddress = from.hasSuffix(">") ? String(from.dropLast().split(separator: "<").last ?? "") : from
        for (header, address) in [("From", fromAddress), ("To", value("to"))] where address != EmailComposer.fallbackFrom {
            if let problem = EmailAddress.problem(with: address) {
                problems.append("its \(header) address \"\(address)\": \(problem.reason)")
            }
        }
        // The parts must be exactly the stored text and HTML, encoded as digest encodes them.
        guard let contentType = fields.last, contentType.name == "content-type",
              let boundary = contentType.value.components(separatedBy: "boundary=\"").last?.split(separator: "\"").first
        else {
            return problems + ["its Content-Type is not the last header or names no boundary"]
        }
        var text = renders.text
        var html = renders.html
        let headers = String(email[..<contentType.start])
        let expected = text.withUTF8 { text in
            html.withUTF8 { html in
                EmailComposer.assemble(headers: headers, boundary: String(boundary), text: text, html: html)?.message
            }
        }
        if expected != email {
            problems.append("its body is not the stored text and HTML of the edition")
        }
        return problems
    }
}

/// Finds links in Markdown's own syntax (`[text](destination)`, `<scheme:…>`
/// autolinks and `[label]: destination` definitions) whose scheme is not
/// one digest writes. Raw HTML in Markdown is `HTMLSafety`'s. Text in
/// digest's renders is always escaped, so every link found here came from a
/// template (or a hand).
private struct MarkdownLinkScanner {
    let bytes: [UInt8]
    private var found: [String] = []

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    static let allowedSchemes: Set = ["http", "https", "mailto"]

    func problems() -> [String] {
        var scanner = self
        scanner.scan()
        return scanner.found
    }

    private mutating func report(_ problem: String) {
        if !found.contains(problem), found.count < 10 { found.append(problem) }
    }

    private func isEscaped(_ index: Int) -> Bool {
        var backslashes = 0
        var cursor = index - 1
        while cursor >= 0, bytes[cursor] == UInt8(ascii: "\\") {
            backslashes += 1
            cursor -= 1
        }
        return backslashes % 2 == 1
    }

    private mutating func scan() {
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "<") {
                index = autolink(at: index)
            } else if byte == UInt8(ascii: "]"), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "("),
                      !isEscaped(index) {
                index = markdownDestination(at: index + 2)
            } else {
                index += 1
            }
        }
        referenceDefinitions()
    }

    private static func isLetter(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte | 0x20)
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x0C
    }

    /// A CommonMark autolink, `<scheme:…>`, starting at `<`; returns where scanning goes on.
    private mutating func autolink(at start: Int) -> Int {
        var index = start + 1
        guard index < bytes.count, Self.isLetter(bytes[index]) else { return start + 1 }
        while index < bytes.count, Self.isLetter(bytes[index]) || (0x30...0x39).contains(bytes[index])
            || bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: ".") {
            index += 1
        }
        guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { return start + 1 }
        var end = index
        while end < bytes.count, bytes[end] != UInt8(ascii: ">"), !Self.isSpace(bytes[end]) { end += 1 }
        if !plainLinkIsAllowed(start + 1..<end) {
            checkLink(String(decoding: bytes[start + 1..<end], as: UTF8.self), in: "an autolink")
        }
        return end
    }

    /// A CommonMark link destination after `](`.
    private mutating func markdownDestination(at start: Int) -> Int {
        var index = start
        while index < bytes.count, bytes[index] == 0x20 { index += 1 }
        var end = index
        if index < bytes.count, bytes[index] == UInt8(ascii: "<") {
            index += 1
            end = index
            while end < bytes.count, bytes[end] != UInt8(ascii: ">"), bytes[end] != 0x0A { end += 1 }
        } else {
            while end < bytes.count, !Self.isSpace(bytes[end]), bytes[end] != UInt8(ascii: ")") { end += 1 }
        }
        if !plainLinkIsAllowed(index..<end) {
            checkLink(Self.unescapeMarkdown(String(decoding: bytes[index..<end], as: UTF8.self)), in: "a link")
        }
        return max(end, start)
    }

    /// Whether the link in `range` is plain ASCII, without an entity or a
    /// backslash, and starts with an allowed scheme or none: nearly every
    /// link, decided on its bytes. Any other link goes through `checkLink`
    /// as text, which decodes it first and reports what it finds; for a
    /// plain link both read the same characters, so they agree.
    private func plainLinkIsAllowed(_ range: Range<Int>) -> Bool {
        var scheme: UInt64 = 0
        var length = 0
        for index in range {
            let byte = bytes[index]
            if byte >= 0x80 || byte == UInt8(ascii: "&") || byte == UInt8(ascii: "\\") { return false }
            if byte <= 0x20 || byte == 0x7F { continue }
            if byte == UInt8(ascii: ":") {
                return Self.allowedPackedSchemes.contains { $0.length == length && $0.packed == scheme }
            }
            // A colon after a path, query or fragment starts no scheme.
            if byte == UInt8(ascii: "/") || byte == UInt8(ascii: "?") || byte == UInt8(ascii: "#") { return true }
            if length < 8 { scheme |= UInt64(byte.asciiLowercased) << (8 * length) }
            length += 1
        }
        return true
    }

    /// The allowed schemes as `plainLinkIsAllowed` packs them: up to eight lower-case bytes in a word.
    private static let allowedPackedSchemes: [(length: Int, packed: UInt64)] = allowedSchemes.map { scheme in
        (scheme.utf8.count, scheme.utf8.enumerated().reduce(0) { $0 | UInt64($1.element) << (8 * $1.offset) })
    }

    private func string(_ range: Range<Int>) -> String { String(decoding: bytes[range], as: UTF8.self) }
    private func lowercased(_ range: Range<Int>) -> String { string(range).lowercased() }


    /// `[label]: destination` lines.
    private mutating func referenceDefinitions() {
        // Only a line whose first byte after its spaces is '[' can define a
        // link; the others are passed over as bytes. Lines end at a line
        // feed that does not follow a carriage return (CR LF is one character).
        var start = 0
        while start < bytes.count {
            var end = start
            while end < bytes.count, !(bytes[end] == 0x0A && (end == 0 || bytes[end - 1] != 0x0D)) { end += 1 }
            defer { start = end + 1 }
            var first = start
            while first < end, bytes[first] == 0x20 { first += 1 }
            guard first < end, bytes[first] == UInt8(ascii: "[") else { continue }
            referenceDefinition(String(decoding: bytes[start..<end], as: UTF8.self)[...])
        }
    }

    private mutating func referenceDefinition(_ line: Substring) {
        let trimmed = line.drop { $0 == " " }
        guard trimmed.hasPrefix("["), let close = trimmed.range(of: "]:") else { return }
        let destination = trimmed[close.upperBound...].drop { $0 == " " || $0 == "\t" }
            .prefix { $0 != " " && $0 != "\t" }
        let link = destination.hasPrefix("<") ? String(destination.dropFirst().prefix { $0 != ">" }) : String(destination)
        checkLink(Self.unescapeMarkdown(link), in: "a link definition")
    }

    /// Reports a link whose scheme is not one digest writes. Browsers ignore
    /// white space and control characters inside a scheme, so they are dropped first.
    private mutating func checkLink(_ link: String, in place: String) {
        // An ASCII link, as nearly all are: the same steps on its bytes.
        if link.utf8.allSatisfy({ $0 < 0x80 }) {
            var scheme: [UInt8] = []
            for byte in link.utf8 where byte > 0x20 && byte != 0x7F {
                if byte == UInt8(ascii: ":") {
                    if !Self.allowedSchemes.contains(String(decoding: scheme, as: UTF8.self).lowercased()) {
                        report("\(place) uses the scheme '\(String(decoding: scheme, as: UTF8.self))' (only http, https and mailto)")
                    }
                    return
                }
                // A colon after a path, query or fragment starts no scheme.
                if byte == UInt8(ascii: "/") || byte == UInt8(ascii: "?") || byte == UInt8(ascii: "#") { return }
                scheme.append(byte)
            }
            return
        }
        let cleaned = String(String.UnicodeScalarView(link.unicodeScalars.filter { $0.value > 0x20 && $0.value != 0x7F }))
        guard let colon = cleaned.firstIndex(of: ":") else { return }
        let scheme = cleaned[..<colon]
        // A colon after a path, query or fragment starts no scheme.
        guard !scheme.contains(where: { "/?#".contains($0) }) else { return }
        if !Self.allowedSchemes.contains(scheme.lowercased()) {
            report("\(place) uses the scheme '\(scheme)' (only http, https and mailto)")
        }
    }

    private static func unescapeMarkdown(_ text: String) -> String {
        // Without a backslash or an entity there is nothing to undo.
        guard text.utf8.contains(where: { $0 == UInt8(ascii: "\\") || $0 == UInt8(ascii: "&") }) else { return text }
        var result = ""
        var escaping = false
        for character in text {
            if !escaping, character == "\\" {
                escaping = true
                continue
            }
            escaping = false
            result.append(character)
        }
        return HTMLEntities.decode(result)
    }
}
