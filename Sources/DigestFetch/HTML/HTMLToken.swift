import HTMLScanning

/// One piece of a page, as strings: what `HTMLScanner`, the one tokenizer,
/// finds, for readers that want names and values rather than ranges.
/// Comments and doctypes are left out.
package enum HTMLToken: Equatable, Sendable {
    /// A start tag: the name in lower case, the attributes (names in lower
    /// case, values with character references decoded; of a name given
    /// twice, the first, as browsers keep it).
    case start(String, [String: String])
    case end(String)
    /// Text as written (character references not yet decoded); the whole
    /// content of `script`, `style`, `title` and `textarea` comes as one text token.
    case text(String)

    /// Every token of `html`.
    package static func tokens(_ html: String) -> [HTMLToken] {
        var reader = Reader(html)
        var tokens: [HTMLToken] = []
        while let token = reader.next() { tokens.append(token) }
        return tokens
    }

    /// The tokens of a document one at a time.
    package struct Reader {
        private var scanner: HTMLScanner

        package init(_ html: String) {
            scanner = HTMLScanner(html)
        }

        package mutating func next() -> HTMLToken? {
            while let token = scanner.next() {
                switch token {
                case .startTag(let name):
                    var attributes: [String: String] = [:]
                    for attribute in scanner.attributes {
                        let key = scanner.lowercased(attribute.name)
                        if attributes[key] == nil { attributes[key] = HTMLEntities.decode(scanner.string(attribute.value), inAttribute: true) }
                    }
                    return .start(scanner.lowercased(name), attributes)
                case .endTag(let name):
                    return .end(scanner.lowercased(name))
                case .text(let range):
                    return .text(scanner.string(range))
                case .comment, .doctype:
                    continue
                }
            }
            return nil
        }
    }
}
