import HTMLScanning

/// A feed that is not well-formed XML (a bare `&`, an `&nbsp;`, a raw
/// `<br>`, a PHP notice before the declaration, a document cut short), read
/// as feedparser's loose parser reads one: by the one HTML tokenizer, with
/// an end tag closing up to its nearest open match and stray ones ignored,
/// CDATA sections kept as text, every HTML character reference decoded.
/// The tree it gives is read by the same `FeedReader` code as a well-formed
/// one; its entries are marked as recovered, so an editor looks twice.
enum FeedRecovery {
    /// The document's feed element (`rss`, `rdf:RDF` or `feed`, wherever it
    /// starts), or nil when there is none.
    static func feedElement(in text: String) -> XMLElement? {
        guard let document = tree(escapingCDATA(text)) else { return nil }
        return first(in: document) { ["rss", "RDF", "feed"].contains($0.name) }
    }

    private static func first(in element: XMLElement, where matches: (XMLElement) -> Bool) -> XMLElement? {
        var queue = element.elements
        var index = 0
        while index < queue.count {
            if matches(queue[index]) { return queue[index] }
            queue += queue[index].elements
            index += 1
        }
        return nil
    }

    /// The HTML tokenizer lower-cases names; the few feeds spell in camel case are given back theirs.
    private static let spelled = ["pubdate": "pubDate", "rdf": "RDF", "ispermalink": "isPermaLink",
                                  "lastbuilddate": "lastBuildDate", "managingeditor": "managingEditor"]

    /// HTML elements a broken feed carries raw inside its text: a space keeps words apart.
    private static let breaking: Set<String> = ["br", "p", "div", "li", "hr", "h1", "h2", "h3", "tr"]

    private static func tree(_ text: String) -> XMLElement? {
        var scanner = HTMLScanner(text)
        var namespaces = ["xml": "http://www.w3.org/XML/1998/namespace"]
        var defaultNamespace = ""
        let document = XMLElement(name: "#document", namespace: "", attributes: [:])
        var open: [(qualified: String, element: XMLElement)] = [("#document", document)]
        while let token = scanner.next() {
            switch token {
            case .startTag(let range):
                guard open.count < XMLTreeBuilder.depthLimit else { return nil }
                let qualified = scanner.lowercased(range)
                var attributes: [String: String] = [:]
                for attribute in scanner.attributes {
                    let name = scanner.lowercased(attribute.name)
                    let key = spelled[name] ?? name
                    if attributes[key] == nil {
                        attributes[key] = HTMLEntities.decode(scanner.string(attribute.value), inAttribute: true)
                    }
                }
                for (key, value) in attributes {
                    if key == "xmlns" { defaultNamespace = value }
                    if key.hasPrefix("xmlns:") { namespaces[String(key.dropFirst(6))] = value }
                }
                let parts = qualified.split(separator: ":", maxSplits: 1).map(String.init)
                let local = parts.count == 2 ? parts[1] : qualified
                let namespace = parts.count == 2 ? namespaces[parts[0]] ?? parts[0] : defaultNamespace
                let element = XMLElement(name: spelled[local] ?? local, namespace: namespace, attributes: attributes)
                open[open.count - 1].element.children.append(.element(element))
                if breaking.contains(qualified) { open[open.count - 1].element.children.append(.text(" ")) }
                if !scanner.selfClosing, !breaking.contains(qualified) { open.append((qualified, element)) }
            case .endTag(let range):
                let qualified = scanner.lowercased(range)
                if let index = open.lastIndex(where: { $0.qualified == qualified }), index > 0 {
                    open.removeSubrange(index...)
                }
            case .text(let range):
                open[open.count - 1].element.children.append(.text(HTMLEntities.decode(scanner.string(range))))
            case .comment, .doctype:
                continue
            }
        }
        return document
    }

    /// `<![CDATA[…]]>` as escaped text, which the HTML tokenizer reads back as the same characters.
    static func escapingCDATA(_ text: String) -> String {
        guard text.contains("<![CDATA[") else { return text }
        var result = ""
        var rest = Substring(text)
        while let start = rest.range(of: "<![CDATA[") {
            result += rest[..<start.lowerBound]
            let inside = rest[start.upperBound...]
            let end = inside.range(of: "]]>")
            let content = inside[..<(end?.lowerBound ?? inside.endIndex)]
            result += content.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            rest = end.map { inside[$0.upperBound...] } ?? ""
        }
        return result + rest
    }
}
