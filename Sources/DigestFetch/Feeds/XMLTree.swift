import DigestHTTP
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// An element of a parsed XML document, with namespaces resolved.
final class XMLElement {
    let name: String
    let namespace: String
    let attributes: [String: String]
    var children: [XMLChild] = []

    init(name: String, namespace: String, attributes: [String: String]) {
        self.name = name
        self.namespace = namespace
        self.attributes = attributes
    }

    var elements: [XMLElement] {
        children.compactMap { if case .element(let element) = $0 { element } else { nil } }
    }

    func first(_ name: String, in namespace: String? = nil) -> XMLElement? {
        elements.first { $0.name == name && (namespace == nil || $0.namespace == namespace) }
    }

    /// Of an element given more than once, the last (as feedparser reads links, ids and dates).
    func last(_ name: String, in namespace: String? = nil) -> XMLElement? {
        elements.last { $0.name == name && (namespace == nil || $0.namespace == namespace) }
    }

    func all(_ name: String, in namespace: String? = nil) -> [XMLElement] {
        elements.filter { $0.name == name && (namespace == nil || $0.namespace == namespace) }
    }

    /// The text of the element and its descendants.
    var text: String {
        children.map { child in
            switch child {
            case .text(let text): text
            case .element(let element): element.text
            }
        }.joined()
    }

    /// The children written back as markup (for `type="xhtml"` content), to be read as HTML.
    var innerMarkup: String {
        children.map { child in
            switch child {
            case .text(let text):
                text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            case .element(let element):
                "<\(element.name)>\(element.innerMarkup)</\(element.name)>"
            }
        }.joined()
    }

    /// `xml:base`, whichever way the parser names it.
    var base: String? {
        attributes["xml:base"] ?? attributes["base"]
    }
}

enum XMLChild {
    case element(XMLElement)
    case text(String)
}

/// Builds the tree with Foundation's `XMLParser`; external entities are never loaded.
final class XMLTreeBuilder: NSObject, XMLParserDelegate {
    private var stack: [XMLElement] = []
    private(set) var root: XMLElement?
    /// The first error the parser reported; some are reported without failing the parse.
    private(set) var error: (line: Int, message: String)?

    /// Why a document was not read: where, what, and whether it was only too deep (well-formed, but refused).
    struct Failure: Error {
        let line: Int
        let detail: String
        let tooDeep: Bool

        /// "(line 3: a tag is not closed)"
        var place: String { "(line \(line): \(detail))" }

        /// The failure as the user reads it, for `document` ("the feed", "the OPML file").
        func reason(for document: String) -> FetchFailure {
            tooDeep ? FetchFailure("\(document) was not read: \(detail) (line \(line))")
                : FetchFailure("\(document) is not well-formed XML \(place)")
        }
    }

    /// The document's root element, or why it was not read.
    static func parse(_ data: Data) -> Result<XMLElement, Failure> {
        let parser = XMLParser(data: data)
        parser.shouldProcessNamespaces = true
        parser.shouldResolveExternalEntities = false
        let builder = XMLTreeBuilder()
        parser.delegate = builder
        let parsed = parser.parse()
        guard parsed, builder.error == nil, let root = builder.root else {
            let line = builder.error?.line ?? parser.lineNumber
            let detail = builder.error?.message
                ?? parser.parserError.map { ($0 as NSError).localizedDescription } ?? "no root element"
            return .failure(Failure(line: line, detail: detail, tooDeep: detail == tooDeep))
        }
        return .success(root)
    }

    /// Deeper than any real feed: past it the document is refused, before
    /// a tree that deep (walked and freed recursively) exhausts the stack.
    static let depthLimit = 512
    static let tooDeep = "elements are nested more than \(depthLimit) deep, deeper than any real feed"

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                qualifiedName: String?, attributes: [String: String] = [:]) {
        guard stack.count < Self.depthLimit else {
            if error == nil { error = (parser.lineNumber, Self.tooDeep) }
            parser.abortParsing()
            return
        }
        let element = XMLElement(name: elementName, namespace: namespaceURI ?? "", attributes: attributes)
        if let parent = stack.last { parent.children.append(.element(element)) } else { root = element }
        stack.append(element)
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
        _ = stack.popLast()
    }

    /// libxml2's error numbers (which XMLParser passes on) in words: the
    /// number means nothing to an editor.
    static func describe(_ code: Int) -> String {
        switch code {
        case 3: "the document does not start with markup"
        case 4: "the document is empty"
        case 5, 86: "there is more after the root element (a notice printed before it, or a second document?)"
        case 77, 85: "the document ends before its elements are closed (was it cut short?)"
        case 6, 7, 8, 10...13: "a character reference (&#…;) is broken"
        case 9: "the text has a character XML does not allow"
        case 14...17, 23, 24: "an entity reference is missing its ';' (write & as &amp;)"
        case 25...30: "it uses an entity XML does not define, such as &nbsp; (write & as &amp;, or declare it)"
        case 31, 32, 79, 81: "its encoding is unknown or its bytes do not match it"
        case 33, 34, 43, 44: "a quoted value is not closed"
        case 38: "an attribute value has a raw '<'"
        case 39, 40, 41, 84: "an attribute is not quoted or has no value"
        case 42: "an element has the same attribute twice"
        case 45, 80: "a comment is not closed, or has '--' inside"
        case 46, 47, 64: "a processing instruction (<?…?>) is broken or misplaced"
        case 62, 63: "a CDATA section is not closed, or ']]>' appears outside one"
        case 65, 66: "a space is missing between attributes"
        case 68: "a bare '&' or '<' in the text (write &amp; and &lt;)"
        case 72, 73, 74: "a tag is not closed"
        case 76: "an end tag does not match its start tag (an unclosed <br> or <p>?)"
        case 200...299: "a namespace prefix is not declared"
        default: "the XML is not well-formed"
        }
    }

    func parser(_ parser: XMLParser, parseErrorOccurred parseError: any Error) {
        guard error == nil else { return }
        error = (parser.lineNumber, Self.describe((parseError as NSError).code))
        parser.abortParsing()
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        stack.last?.children.append(.text(string))
    }

    func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) {
        stack.last?.children.append(.text(String(decoding: CDATABlock, as: UTF8.self)))
    }
}
