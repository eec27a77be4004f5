import Foundation

/// The check every HTML render passes before it is published or printed:
/// nothing that runs, submits, redirects or loads from outside. It reads the
/// rendered bytes, so it holds whatever a template does — `{{{ }}}` output and
/// partials included.
///
/// Refused: `<script>`, `<iframe>`, `<frame>`, `<object>`, `<embed>`,
/// `<applet>`, `<form>`, `<base>`, `<meta http-equiv>`; any `on…=` event
/// attribute and `srcdoc`; `javascript:`, `vbscript:` and `data:` in any
/// link-like attribute; `src`, `srcset`, `poster`, `background`, … and
/// `<link href>` pointing at http(s) (outside resources); CSS `url(http…)`,
/// `@import` and `expression(` in `style` attributes and `<style>` elements.
package enum HTMLSafety {
    /// One thing the render must not contain.
    package struct Finding: Equatable, Sendable {
        /// 1-based line of the rendered HTML.
        package let line: Int
        /// What was found, as the reader would search for it: `<script>`, `onerror=`.
        package let construct: String
        package let reason: String

        /// What to look for in a template's lines to find where it is written,
        /// in the form `searchForm` gives text.
        package var searchKey: String {
            switch construct {
            case "<link href>": return "<link"
            case "<meta http-equiv>": return "http-equiv"
            default:
                if let quote = construct.firstIndex(of: "\"") { return String(construct[construct.index(after: quote)...]) }
                return construct.hasSuffix(">") ? String(construct.dropLast()) : construct
            }
        }
    }

    /// Text as the check reads it: lower case, entities decoded, no white
    /// space or control characters.
    package static func searchForm(_ text: String) -> String {
        Scanner.compact(text)
    }

    private static let forbiddenElements: Set<String> = [
        "script", "iframe", "frame", "frameset", "object", "embed", "applet", "form", "base", "portal",
    ]
    /// Attributes holding a link or a resource address.
    private static let addressAttributes: Set<String> = [
        "href", "src", "srcset", "action", "formaction", "xlink:href", "poster", "background", "data", "cite",
        "lowsrc", "dynsrc", "ping", "manifest", "codebase", "longdesc", "usemap", "icon",
    ]
    /// Attributes whose address a mail reader or browser fetches by itself.
    private static let resourceAttributes: Set<String> = [
        "src", "srcset", "poster", "background", "data", "lowsrc", "dynsrc", "manifest", "codebase", "icon",
    ]

    /// The first thing in `html` that breaks the rules, if any.
    package static func firstFinding(in html: [UInt8]) -> Finding? {
        var scanner = Scanner(bytes: html)
        return scanner.run()
    }

    private struct Scanner {
        let bytes: [UInt8]
        var index = 0

        init(bytes: [UInt8]) { self.bytes = bytes }

        mutating func run() -> Finding? {
            while index < bytes.count {
                guard bytes[index] == UInt8(ascii: "<") else { index += 1; continue }
                let start = index
                if starts(with: "<!--", at: index) {
                    index = find("-->", from: index + 4).map { $0 + 3 } ?? bytes.count
                    continue
                }
                if index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "!") || bytes[index + 1] == UInt8(ascii: "?")
                    || bytes[index + 1] == UInt8(ascii: "/") {
                    index = find(">", from: index + 1).map { $0 + 1 } ?? bytes.count
                    continue
                }
                index += 1
                let name = readName()
                guard !name.isEmpty else { continue }
                if Self.isForbidden(name) {
                    return finding(at: start, "<\(name)>", "the \(name) element can run code, submit or load "
                        + "something in the reader's mail program or browser")
                }
                let attributes = readAttributes()
                if let problem = check(element: name, attributes: attributes, at: start) { return problem }
                if name == "style", let end = findCaseInsensitive("</style", from: index) {
                    var lineStart = index
                    while lineStart < end {
                        let lineEnd = bytes[lineStart..<end].firstIndex(of: 0x0A) ?? end
                        let css = String(decoding: bytes[lineStart..<lineEnd], as: UTF8.self)
                        if let problem = checkCSS(css, at: lineStart, in: "<style>") { return problem }
                        lineStart = lineEnd + 1
                    }
                    index = end
                }
            }
            return nil
        }

        static func isForbidden(_ name: String) -> Bool {
            HTMLSafety.forbiddenElements.contains(name)
        }

        func check(element: String, attributes: [(name: String, value: String, offset: Int)], at start: Int) -> Finding? {
            for attribute in attributes {
                let name = attribute.name
                if name.count > 2, name.hasPrefix("on") {
                    return finding(at: attribute.offset, "\(name)=", "event attributes run code when the reader's "
                        + "mail program or browser shows the page")
                }
                if name == "srcdoc" {
                    return finding(at: attribute.offset, "srcdoc=", "it embeds a whole page")
                }
                if element == "meta", name == "http-equiv" {
                    return finding(at: start, "<meta http-equiv>", "it can redirect or reload the page")
                }
                if name == "style", let problem = checkCSS(attribute.value, at: attribute.offset, in: "style=") {
                    return problem
                }
                guard HTMLSafety.addressAttributes.contains(name) else { continue }
                let address = Self.compact(attribute.value)
                for scheme in ["javascript:", "vbscript:", "data:"] where address.hasPrefix(scheme) {
                    return finding(at: attribute.offset, "\(name)=\"\(scheme)", "\(scheme) addresses run code or "
                        + "smuggle content; link to an http(s) page instead")
                }
                let outside = address.hasPrefix("http:") || address.hasPrefix("https:") || address.hasPrefix("//")
                if outside, HTMLSafety.resourceAttributes.contains(name) || (element == "link" && name == "href") {
                    return finding(at: attribute.offset, element == "link" ? "<link href>" : "\(name)=",
                                   "it loads a resource from outside (\(attribute.value.prefix(80))), which tracks "
                                       + "readers; digest's renders carry everything they show")
                }
            }
            return nil
        }

        func checkCSS(_ css: String, at offset: Int, in place: String) -> Finding? {
            // Searched as bytes: the email's HTML carries a style attribute on
            // most elements, so this runs hundreds of times per render.
            let compact = Array(Self.compact(css).utf8)
            if compact.firstOffset(of: Self.cssImport) != nil {
                return finding(at: offset, "@import", "CSS imports load style sheets from outside")
            }
            if compact.firstOffset(of: Self.cssExpression) != nil {
                return finding(at: offset, "expression(", "CSS expressions run code")
            }
            var from = 0
            while let found = compact.firstOffset(of: Self.cssURL, from: from) {
                var target = found + Self.cssURL.count
                while target < compact.count, compact[target] == UInt8(ascii: "\"") || compact[target] == UInt8(ascii: "'") {
                    target += 1
                }
                let rest = compact[target...]
                if Self.outsidePrefixes.contains(where: { rest.starts(with: $0) }) {
                    return finding(at: offset, "url(", "the \(place) CSS loads a resource from outside")
                }
                from = found + Self.cssURL.count
            }
            return nil
        }

        private static let cssImport = Array("@import".utf8)
        private static let cssExpression = Array("expression(".utf8)
        private static let cssURL = Array("url(".utf8)
        private static let outsidePrefixes = ["http:", "https:", "//", "javascript:", "data:"].map { Array($0.utf8) }


        /// Lower case, entities decoded, without the white space and control
        /// characters browsers skip inside a scheme (`java&#09;script:`).
        static func compact(_ value: String) -> String {
            // ASCII without entities (nearly every style and link): lower
            // case and drop what is at most a space, and DEL, byte by byte.
            // Every ASCII white space is at most a space, so this is what the
            // general path below gives.
            var ascii = true
            var plain: [UInt8] = []
            plain.reserveCapacity(value.utf8.count)
            for byte in value.utf8 {
                guard byte < 0x80, byte != UInt8(ascii: "&") else {
                    ascii = false
                    break
                }
                if byte <= 0x20 || byte == 0x7F { continue }
                plain.append(byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte | 0x20 : byte)
            }
            if ascii { return String(decoding: plain, as: UTF8.self) }
            var decoded = ""
            var scalars = Substring(value).unicodeScalars[...]
            while let scalar = scalars.first {
                scalars = scalars.dropFirst()
                guard scalar == "&" else { decoded.unicodeScalars.append(scalar); continue }
                var entity = ""
                while let next = scalars.first, entity.count < 12, next != ";", next != "&", !next.properties.isWhitespace {
                    entity.unicodeScalars.append(next)
                    scalars = scalars.dropFirst()
                }
                if scalars.first == ";" { scalars = scalars.dropFirst() }
                decoded += decode(entity) ?? ("&" + entity)
            }
            return String(String.UnicodeScalarView(decoded.lowercased().unicodeScalars.filter {
                $0.value > 0x20 && $0.value != 0x7F && !$0.properties.isWhitespace
            }))
        }

        static func decode(_ entity: String) -> String? {
            let lower = entity.lowercased()
            if lower.hasPrefix("#x"), let value = UInt32(lower.dropFirst(2), radix: 16) {
                return Unicode.Scalar(value).map { String($0) } ?? ""
            }
            if lower.hasPrefix("#"), let value = UInt32(lower.dropFirst()) {
                return Unicode.Scalar(value).map { String($0) } ?? ""
            }
            let named: [String: String] = ["colon": ":", "tab": "\t", "newline": "\n", "amp": "&", "quot": "\"",
                                           "apos": "'", "lt": "<", "gt": ">", "sol": "/", "lpar": "(", "rpar": ")",
                                           "nbsp": " "]
            return named[lower]
        }

        mutating func readName() -> String {
            let start = index
            while index < bytes.count, Self.isNameByte(bytes[index]) { index += 1 }
            return String(decoding: bytes[start..<index], as: UTF8.self).lowercased()
        }

        /// Reads attributes up to the tag's `>`; the index ends after it.
        mutating func readAttributes() -> [(name: String, value: String, offset: Int)] {
            var attributes: [(String, String, Int)] = []
            while index < bytes.count {
                while index < bytes.count, Self.isSpace(bytes[index]) || bytes[index] == UInt8(ascii: "/") { index += 1 }
                guard index < bytes.count else { break }
                if bytes[index] == UInt8(ascii: ">") { index += 1; break }
                let offset = index
                let nameStart = index
                while index < bytes.count, !Self.isSpace(bytes[index]), bytes[index] != UInt8(ascii: "="),
                      bytes[index] != UInt8(ascii: ">"), !(bytes[index] == UInt8(ascii: "/") && index > nameStart) {
                    index += 1
                }
                if index == nameStart { index += 1; continue }
                let name = String(decoding: bytes[nameStart..<index], as: UTF8.self).lowercased()
                while index < bytes.count, Self.isSpace(bytes[index]) { index += 1 }
                var value = ""
                if index < bytes.count, bytes[index] == UInt8(ascii: "=") {
                    index += 1
                    while index < bytes.count, Self.isSpace(bytes[index]) { index += 1 }
                    if index < bytes.count, bytes[index] == UInt8(ascii: "\"") || bytes[index] == UInt8(ascii: "'") {
                        let quote = bytes[index]
                        let valueStart = index + 1
                        index = valueStart
                        while index < bytes.count, bytes[index] != quote { index += 1 }
                        value = String(decoding: bytes[valueStart..<min(index, bytes.count)], as: UTF8.self)
                        index = min(index + 1, bytes.count)
                    } else {
                        let valueStart = index
                        while index < bytes.count, !Self.isSpace(bytes[index]), bytes[index] != UInt8(ascii: ">") { index += 1 }
                        value = String(decoding: bytes[valueStart..<index], as: UTF8.self)
                    }
                }
                attributes.append((name, value, offset))
            }
            return attributes
        }

        func finding(at offset: Int, _ construct: String, _ reason: String) -> Finding {
            var line = 1
            for byte in bytes[..<min(offset, bytes.count)] where byte == 0x0A { line += 1 }
            return Finding(line: line, construct: construct, reason: reason)
        }

        func starts(with text: String, at position: Int) -> Bool {
            let pattern = Array(text.utf8)
            guard position + pattern.count <= bytes.count else { return false }
            return Array(bytes[position..<position + pattern.count]) == pattern
        }

        func find(_ text: String, from position: Int) -> Int? {
            var cursor = position
            while cursor < bytes.count {
                if starts(with: text, at: cursor) { return cursor }
                cursor += 1
            }
            return nil
        }

        func findCaseInsensitive(_ text: String, from position: Int) -> Int? {
            let pattern = Array(text.utf8)
            var cursor = position
            while cursor + pattern.count <= bytes.count {
                if zip(bytes[cursor..<cursor + pattern.count], pattern).allSatisfy({ Self.lower($0) == $1 }) { return cursor }
                cursor += 1
            }
            return nil
        }

        static func lower(_ byte: UInt8) -> UInt8 {
            (0x41...0x5A).contains(byte) ? byte + 0x20 : byte
        }

        static func isSpace(_ byte: UInt8) -> Bool {
            byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0C || byte == 0x0D
        }

        static func isNameByte(_ byte: UInt8) -> Bool {
            (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) || (0x30...0x39).contains(byte)
                || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ":") || byte == UInt8(ascii: "_")
        }
    }
}
