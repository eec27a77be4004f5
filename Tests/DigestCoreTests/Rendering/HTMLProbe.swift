import Foundation

/// What an HTML parser (Python's) reads in an HTML render: every tag and
/// attribute name, every link, and the text of each block element.
struct HTMLProbe {
    struct Block: Equatable {
        let tag: String
        let text: String
        let links: [String]
    }

    let tags: Set<String>
    let attributes: Set<String>
    let links: [String]
    let blocks: [Block]
    /// Every `id` in the document.
    let ids: Set<String>
    /// True when every `<table>` carries `role="presentation"`.
    let layoutTablesArePresentational: Bool

    static let script = #"""
    import json, sys
    from html.parser import HTMLParser
    BLOCKS = {'title', 'h1', 'h2', 'h3', 'p'}
    class Probe(HTMLParser):
        def __init__(self):
            super().__init__(convert_charrefs=True)
            self.tags, self.attributes, self.links, self.blocks = set(), set(), [], []
            self.ids, self.tables_ok = [], True
            self.current = None
        def handle_starttag(self, tag, attrs):
            self.tags.add(tag)
            for name, value in attrs:
                self.attributes.add(name)
                if name == 'id':
                    self.ids.append(value)
            if tag == 'table' and dict(attrs).get('role') != 'presentation':
                self.tables_ok = False
            if tag == 'a':
                href = dict(attrs).get('href')
                self.links.append(href)
                if self.current is not None:
                    self.current['links'].append(href)
            if tag in BLOCKS:
                self.current = {'tag': tag, 'text': '', 'links': []}
        def handle_endtag(self, tag):
            if tag in BLOCKS and self.current is not None:
                self.blocks.append(self.current)
                self.current = None
        def handle_data(self, data):
            if self.current is not None:
                self.current['text'] += data
    probe = Probe()
    probe.feed(sys.stdin.buffer.read().decode('utf-8'))
    probe.close()
    print(json.dumps({'tags': sorted(probe.tags), 'attributes': sorted(probe.attributes),
                      'links': probe.links, 'blocks': probe.blocks, 'ids': probe.ids, 'tables_ok': probe.tables_ok}))
    """#

    init(html: String) throws {
        let json = try ExternalTool.python(Self.script, input: Data(html.utf8))
        tags = Set(json["tags"] as? [String] ?? [])
        attributes = Set(json["attributes"] as? [String] ?? [])
        links = json["links"] as? [String] ?? []
        ids = Set(json["ids"] as? [String] ?? [])
        layoutTablesArePresentational = json["tables_ok"] as? Bool ?? false
        blocks = (json["blocks"] as? [[String: Any]] ?? []).map { block in
            Block(
                tag: block["tag"] as? String ?? "",
                text: block["text"] as? String ?? "",
                links: block["links"] as? [String] ?? [])
        }
    }

    /// tidy's verdict on a document: its exit status is 0 when clean, 1 for
    /// warnings only and 2 for errors; each error is a line with "Error:".
    static func tidy(_ html: String) throws -> (status: Int32, errors: [String], report: String) {
        let result = try ExternalTool.run("tidy", package: "tidy", ["-errors", "-quiet", "{input}"], input: Data(html.utf8))
        let report = result.standardError + result.standardOutput
        let errors = report.split(separator: "\n").filter { $0.contains("Error:") }.map(String.init)
        return (result.status, errors, report)
    }
}
