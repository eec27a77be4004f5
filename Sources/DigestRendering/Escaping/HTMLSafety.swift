import Foundation
import DigestModel
import HTMLScanning

/// The one rule set for HTML, and its scanner: every HTML render passes it
/// before it is printed (`render`), published (`publish`, the same renderer)
/// or stored (`EditionRules`: a loaded dump, `doctor`), so what previews
/// fine publishes, and the reverse. It reads the rendered bytes, so it holds
/// whatever a template does — `{{{ }}}` output and partials included.
/// It reads tags, comments and raw text with `HTMLScanner`, the one
/// tokenizer, as a browser does (`<!-->` is an empty comment).
///
/// Refused: elements that run, submit, embed or load (`<script>`,
/// `<iframe>`, `<object>`, `<form>`, `<input>`, `<img>`, `<video>`, `<svg>`,
/// `<link>`, `<base>`, … the list below); `<meta http-equiv>`; any `on…=`
/// event attribute and `srcdoc`; in any link-like attribute a scheme other
/// than http, https and mailto (`javascript:`, `vbscript:`, `data:` named as
/// such); `src`, `srcset`, `poster`, `background`, … pointing at http(s);
/// CSS `url(http…)`, `@import` and `expression(` in `style` attributes and
/// `<style>` elements. A `<style>` element that loads nothing is allowed
/// (dark-mode rules, for instance).
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

    private static let forbiddenElements = [
        "script", "iframe", "frame", "frameset", "object", "embed", "applet", "form", "base", "portal", "link",
        "input", "button", "textarea", "select", "img", "picture", "source", "video", "audio", "track", "svg",
        "math", "noscript", "template", "xmp", "noembed", "noframes", "plaintext",
    ].map { Array($0.utf8) }
    /// Attributes holding a link or a resource address.
    private static let addressAttributes = [
        "href", "src", "srcset", "action", "formaction", "xlink:href", "poster", "background", "data", "cite",
        "lowsrc", "dynsrc", "ping", "manifest", "codebase", "longdesc", "usemap", "icon",
    ].map { Array($0.utf8) }
    /// Attributes whose address a mail reader or browser fetches by itself.
    private static let resourceAttributes = [
        "src", "srcset", "poster", "background", "data", "lowsrc", "dynsrc", "manifest", "codebase", "icon",
    ].map { Array($0.utf8) }

    /// The first thing in `html` that breaks the rules, if any.
    package static func firstFinding(in html: [UInt8]) -> Finding? {
        var scanner = Scanner(bytes: html)
        return scanner.run()
    }

    /// Reads the tokens of `HTMLScanner`, the one tokenizer, and holds each
    /// start tag, its attributes and the text of each `<style>` to the rules.
    private struct Scanner {
        let bytes: [UInt8]

        init(bytes: [UInt8]) { self.bytes = bytes }

        mutating func run() -> Finding? {
            var tokens = HTMLScanner(bytes)
            var inStyle = false
            while let token = tokens.next() {
                switch token {
                case .startTag(let name):
                    let start = tokens.tokenStart
                    if HTMLSafety.forbiddenElements.contains(where: { bytes.spells(name, $0) }) {
                        let element = lowercased(name)
                        return finding(at: start, "<\(element)>", "the \(element) element can run code, submit or load "
                            + "something in the reader's mail program or browser")
                    }
                    if let problem = check(element: name, attributes: tokens.attributes, at: start) { return problem }
                    inStyle = bytes.spells(name, Self.style)
                case .text(let range) where inStyle:
                    inStyle = false
                    var lineStart = range.lowerBound
                    while lineStart < range.upperBound {
                        let lineEnd = bytes[lineStart..<range.upperBound].firstIndex(of: 0x0A) ?? range.upperBound
                        if let problem = checkCSS(lineStart..<lineEnd, in: "<style>") { return problem }
                        lineStart = lineEnd + 1
                    }
                default:
                    inStyle = false
                }
            }
            return nil
        }

        private static let style = Array("style".utf8)
        private static let srcdoc = Array("srcdoc".utf8)
        private static let meta = Array("meta".utf8)
        private static let httpEquiv = Array("http-equiv".utf8)

        func check(element: Range<Int>, attributes: [HTMLScanner.Attribute], at start: Int) -> Finding? {
            for attribute in attributes {
                // Compared as ASCII, as HTML lowers names: only A–Z.
                let name = attribute.name
                if name.count > 2, bytes[name.lowerBound].asciiLowercased == UInt8(ascii: "o"),
                   bytes[name.lowerBound + 1].asciiLowercased == UInt8(ascii: "n") {
                    return finding(at: name.lowerBound, "\(lowercased(name))=", "event attributes run code when the "
                        + "reader's mail program or browser shows the page")
                }
                if bytes.spells(name, Self.srcdoc) {
                    return finding(at: name.lowerBound, "srcdoc=", "it embeds a whole page")
                }
                if bytes.spells(element, Self.meta), bytes.spells(name, Self.httpEquiv) {
                    return finding(at: start, "<meta http-equiv>", "it can redirect or reload the page")
                }
                if bytes.spells(name, Self.style), let problem = checkCSS(attribute.value, in: "style=") {
                    return problem
                }
                guard HTMLSafety.addressAttributes.contains(where: { bytes.spells(name, $0) }) else { continue }
                let address = compactStart(of: attribute.value)
                for scheme in Self.refusedSchemes where address.starts(with: scheme) {
                    let text = String(decoding: scheme, as: UTF8.self)
                    return finding(at: name.lowerBound, "\(lowercased(name))=\"\(text)", "\(text) addresses run code or "
                        + "smuggle content; link to an http(s) page instead")
                }
                let outside = Self.outsideAddresses.contains { address.starts(with: $0) }
                if outside, HTMLSafety.resourceAttributes.contains(where: { bytes.spells(name, $0) }) {
                    let value = String(decoding: bytes[attribute.value], as: UTF8.self)
                    return finding(at: name.lowerBound, "\(lowercased(name))=",
                                   "it loads a resource from outside (\(value.prefix(80))), which tracks "
                                       + "readers; digest's renders carry everything they show")
                }
                if let scheme = Self.scheme(of: address), !Self.allowedSchemes.contains(scheme) {
                    let text = String(decoding: scheme, as: UTF8.self)
                    return finding(at: name.lowerBound, "\(lowercased(name))=\"\(text):",
                                   "only http, https and mailto links are allowed, not \(text):")
                }
            }
            return nil
        }

        private static let refusedSchemes = ["javascript:", "vbscript:", "data:"].map { Array($0.utf8) }
        private static let allowedSchemes = ["http", "https", "mailto"].map { Array($0.utf8) }

        /// The scheme of a compacted address (lower case, before its `:`),
        /// nil for a relative one (`#section`, `/path`, `page.html`).
        static func scheme(of address: [UInt8]) -> [UInt8]? {
            guard let colon = address.firstIndex(of: UInt8(ascii: ":")), colon > 0 else { return nil }
            let candidate = address[..<colon]
            guard candidate.allSatisfy({ (0x61...0x7A).contains($0) || (0x30...0x39).contains($0)
                || $0 == UInt8(ascii: "+") || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: ".") }),
                  (0x61...0x7A).contains(candidate[candidate.startIndex]) else { return nil }
            return Array(candidate)
        }
        private static let outsideAddresses = ["http:", "https:", "//"].map { Array($0.utf8) }

        /// The start of the value in `range` as `compact` gives it, long
        /// enough for the prefixes the rules look for; on the bytes when
        /// they are ASCII without entities, as nearly every address is.
        func compactStart(of range: Range<Int>) -> [UInt8] {
            var start: [UInt8] = []
            for index in range {
                let byte = bytes[index]
                guard byte < 0x80, byte != UInt8(ascii: "&") else {
                    return Array(Self.compact(String(decoding: bytes[range], as: UTF8.self)).utf8.prefix(32))
                }
                if byte <= 0x20 || byte == 0x7F { continue }
                start.append(byte.asciiLowercased)
                if start.count == 32 { break }
            }
            return start
        }

        func lowercased(_ range: Range<Int>) -> String {
            String(decoding: bytes[range], as: UTF8.self).lowercased()
        }

        func checkCSS(_ range: Range<Int>, in place: String) -> Finding? {
            // Searched as bytes: the email's HTML carries a style attribute on
            // most elements, so this runs hundreds of times per render.
            var compact: [UInt8] = []
            compact.reserveCapacity(range.count)
            for index in range {
                let byte = bytes[index]
                guard byte < 0x80, byte != UInt8(ascii: "&") else {
                    compact = Array(Self.compact(String(decoding: bytes[range], as: UTF8.self)).utf8)
                    break
                }
                if byte > 0x20, byte != 0x7F { compact.append(byte.asciiLowercased) }
            }
            let offset = range.lowerBound
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
            // Character references decoded as a browser decodes them.
            return String(String.UnicodeScalarView(HTMLEntities.decode(value, inAttribute: true).lowercased().unicodeScalars.filter {
                $0.value > 0x20 && $0.value != 0x7F && !$0.properties.isWhitespace
            }))
        }

        func finding(at offset: Int, _ construct: String, _ reason: String) -> Finding {
            var line = 1
            for byte in bytes[..<min(offset, bytes.count)] where byte == 0x0A { line += 1 }
            return Finding(line: line, construct: construct, reason: reason)
        }
    }
}
