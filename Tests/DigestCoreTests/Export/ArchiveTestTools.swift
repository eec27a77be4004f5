import Foundation
import Testing

/// Runs the outside tools the export tests check renders with: Python's XML
/// and HTML parsers, and tidy. A missing tool fails the test that needs it,
/// saying which tool to install; it never lets the test pass unchecked.
enum ArchiveTestTools {
    struct ParsedLink: Decodable, Equatable {
        let rel: String?
        let type: String?
        let href: String?
    }

    struct ParsedEntry: Decodable {
        let title: String?
        let id: String?
        let updated: String?
        let published: String?
        let links: [ParsedLink]
        let summary: String?
        let summaryType: String?
        let content: String?
        let contentType: String?
        let contentItems: [String]?
    }

    struct ParsedFeed: Decodable {
        let tag: String
        let lang: String?
        let title: String?
        let subtitle: String?
        let id: String?
        let updated: String?
        let links: [ParsedLink]
        let authorName: String?
        let authorEmail: String?
        let authorURI: String?
        let entries: [ParsedEntry]
    }

    struct ParsedAnchor: Decodable, Equatable {
        let href: String?
        let text: String
    }

    struct ParsedIndexPage: Decodable {
        let title: String
        let tags: [String]
        let attributeNames: [String]
        let anchors: [ParsedAnchor]
        let times: [String]
        let paragraphs: [String]
        let headLinks: [[String: String]]
    }

    /// The feed as Python's `xml.etree.ElementTree` reads it.
    static func parseFeed(_ xml: String) throws -> ParsedFeed {
        let json = try runPython(feedScript, on: xml)
        return try JSONDecoder().decode(ParsedFeed.self, from: Data(json.utf8))
    }

    /// The page as Python's `html.parser` reads it, references decoded.
    static func parsePage(_ html: String) throws -> ParsedIndexPage {
        let json = try runPython(pageScript, on: html)
        return try JSONDecoder().decode(ParsedIndexPage.self, from: Data(json.utf8))
    }

    /// `tidy -errors -quiet` on the page: exit 0 clean, 1 warnings, 2 errors.
    static func tidy(_ html: String) throws -> ExternalTool.Result {
        try ExternalTool.run("tidy", package: "tidy", ["-errors", "-quiet", "{input}"], input: Data(html.utf8))
    }

    private static func runPython(_ script: String, on document: String) throws -> String {
        let result = try ExternalTool.run("python3", package: "python3", ["-c", script, "{input}"],
                                          input: Data(document.utf8))
        try #require(result.status == 0, "the parser refused the document: \(result.standardError)")
        return result.standardOutput
    }

    // ASCII-only JSON on stdout, so the result does not depend on the
    // locale Python runs in.
    private static let feedScript = #"""
    import json, sys
    import xml.etree.ElementTree as ET
    A = '{http://www.w3.org/2005/Atom}'
    root = ET.parse(sys.argv[1]).getroot()
    def text(element, name):
        child = element.find(A + name)
        return None if child is None else (child.text or '')
    def attribute(element, name, key):
        child = element.find(A + name)
        return None if child is None else child.get(key)
    def links(element):
        return [{'rel': l.get('rel'), 'type': l.get('type'), 'href': l.get('href')} for l in element.findall(A + 'link')]
    def entry(e):
        content = text(e, 'content')
        items = None
        if content is not None and attribute(e, 'content', 'type') == 'html':
            items = [li.text or '' for li in ET.fromstring(content).iter('li')]
        return {'title': text(e, 'title'), 'id': text(e, 'id'), 'updated': text(e, 'updated'),
                'published': text(e, 'published'), 'links': links(e),
                'summary': text(e, 'summary'), 'summaryType': attribute(e, 'summary', 'type'),
                'content': content, 'contentType': attribute(e, 'content', 'type'), 'contentItems': items}
    author = root.find(A + 'author')
    print(json.dumps({
        'tag': root.tag, 'lang': root.get('{http://www.w3.org/XML/1998/namespace}lang'),
        'title': text(root, 'title'), 'subtitle': text(root, 'subtitle'), 'id': text(root, 'id'),
        'updated': text(root, 'updated'), 'links': links(root),
        'authorName': None if author is None else text(author, 'name'),
        'authorEmail': None if author is None else text(author, 'email'),
        'authorURI': None if author is None else text(author, 'uri'),
        'entries': [entry(e) for e in root.findall(A + 'entry')],
    }))
    """#

    private static let pageScript = #"""
    import json, sys
    from html.parser import HTMLParser
    class Page(HTMLParser):
        def __init__(self):
            super().__init__(convert_charrefs=True)
            self.title = ''; self.tags = []; self.names = []; self.anchors = []; self.times = []
            self.paragraphs = []; self.head_links = []; self.open = []
        def handle_starttag(self, tag, attrs):
            self.tags.append(tag)
            self.names.extend(name for name, _ in attrs)
            if tag == 'link':
                self.head_links.append({name: value or '' for name, value in attrs})
            if tag in ('a', 'title', 'time', 'p'):
                self.open.append([tag, dict(attrs).get('href'), ''])
        def handle_endtag(self, tag):
            if self.open and self.open[-1][0] == tag:
                name, href, text = self.open.pop()
                if name == 'a': self.anchors.append({'href': href, 'text': text})
                elif name == 'title': self.title = text
                elif name == 'time': self.times.append(text)
                elif name == 'p': self.paragraphs.append(text)
                if self.open: self.open[-1][2] += text
        def handle_data(self, data):
            if self.open: self.open[-1][2] += data
    page = Page()
    with open(sys.argv[1], encoding='utf-8') as f:
        page.feed(f.read())
    page.close()
    print(json.dumps({'title': page.title, 'tags': page.tags, 'attributeNames': page.names,
                      'anchors': page.anchors, 'times': page.times, 'paragraphs': page.paragraphs,
                      'headLinks': page.head_links}))
    """#
}
