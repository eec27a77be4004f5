import HTMLScanning
/// The readable text of HTML: markup removed, character references decoded,
/// white space collapsed to single spaces; scripts, styles and other
/// non-text elements dropped.
package enum HTMLText {
    /// Elements whose content is never text a reader sees.
    static let hidden: Set<String> = ["script", "style", "noscript", "template", "svg", "head", "iframe", "object"]
    /// Elements that end a run of text, so words on either side stay apart.
    static let breaking: Set<String> = [
        "p", "br", "div", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr", "td", "th",
        "section", "article", "header", "footer", "figure", "figcaption", "pre", "hr", "dd", "dt", "table",
    ]

    package static func plain(_ html: String) -> String {
        guard html.utf8.contains(where: { $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: "&") }) else { return collapse(html) }
        var tokenizer = HTMLToken.Reader(html)
        var text = ""
        var hiddenDepth = 0
        while let token = tokenizer.next() {
            switch token {
            case .start(let name, _):
                if hidden.contains(name) { hiddenDepth += 1 }
                if breaking.contains(name) { text += " " }
            case .end(let name):
                if hidden.contains(name) { hiddenDepth = max(0, hiddenDepth - 1) }
                if breaking.contains(name) { text += " " }
            case .text(let raw):
                if hiddenDepth == 0 { text += HTMLEntities.decode(raw) }
            }
        }
        return collapse(text)
    }

    /// A value that is text but may carry escaped HTML (a title, a meta
    /// description, an RSS title): as HTML only when it reads as HTML (an
    /// end tag or a character reference, as feedparser judges it), else as
    /// the text it is, so `Use <script> wisely` keeps its `<script>`.
    package static func readable(_ value: String) -> String {
        looksLikeHTML(value) ? plain(value) : collapse(value)
    }

    /// An end tag (`</b>`) or a character reference (`&amp;`, `&#38;`).
    static func looksLikeHTML(_ text: String) -> Bool {
        let scalars = Array(text.unicodeScalars)
        for (index, scalar) in scalars.enumerated() {
            if scalar == "<", index + 2 < scalars.count, scalars[index + 1] == "/",
               scalars[index + 2].properties.isAlphabetic { return true }
            if scalar == "&" {
                var end = index + 1
                if end < scalars.count, scalars[end] == "#" { end += 1 }
                let start = end
                while end < scalars.count, scalars[end].isASCII, scalars[end].properties.isAlphabetic
                        || ("0"..."9").contains(scalars[end]) { end += 1 }
                if end > start, end < scalars.count, scalars[end] == ";" { return true }
            }
        }
        return false
    }

    /// Runs of white space (non-breaking spaces and line breaks included) as one space, trimmed.
    package static func collapse(_ text: String) -> String {
        // UTF-8 bytes, not a scalar view, to build the result: see HTMLEntities.decode.
        var result: [UInt8] = []
        result.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            let isSpace = scalar.isASCII
                ? scalar.value <= 0x20 || scalar.value == 0x7F
                : scalar.properties.isWhitespace || scalar == "\u{00A0}" || (0x7F..<0xA0).contains(scalar.value)
            if isSpace {
                pendingSpace = !result.isEmpty
                continue
            }
            if scalar == "\u{200B}" || scalar == "\u{FEFF}" || scalar == "\u{00AD}" { continue }
            if pendingSpace { result.append(0x20) }
            pendingSpace = false
            UTF8.encode(scalar) { result.append($0) }
        }
        return String(decoding: result, as: UTF8.self)
    }
}
