import Foundation

/// What cmark reads in a Markdown render: its top-level blocks, each with
/// its text (soft and hard breaks as newlines) and its link destinations,
/// and every node kind it met.
struct MarkdownProbe {
    struct Block: Equatable {
        let kind: String
        let level: Int
        let text: String
        let links: [String]
    }

    let blocks: [Block]
    let kinds: Set<String>

    static let script = #"""
    import json, sys, xml.etree.ElementTree as ET
    NS = '{http://commonmark.org/xml/1.0}'
    root = ET.fromstring(sys.stdin.buffer.read())
    kinds = set()
    def inline(node, links):
        out = []
        for child in node:
            tag = child.tag.replace(NS, '')
            kinds.add(tag)
            if tag == 'text':
                out.append(child.text or '')
            elif tag in ('softbreak', 'linebreak'):
                out.append('\n')
            else:
                if tag == 'link':
                    links.append(child.get('destination'))
                out.append(inline(child, links))
        return ''.join(out)
    blocks = []
    for block in root:
        tag = block.tag.replace(NS, '')
        kinds.add(tag)
        links = []
        text = inline(block, links) if tag in ('heading', 'paragraph') else ''
        blocks.append({'kind': tag, 'level': int(block.get('level') or 0), 'text': text, 'links': links})
    print(json.dumps({'blocks': blocks, 'kinds': sorted(kinds)}))
    """#

    init(markdown: String) throws {
        let xml = try ExternalTool.run("cmark", package: "cmark", ["-t", "xml"], input: Data(markdown.utf8))
        guard xml.status == 0 else {
            throw ExternalTool.ProbeFailure(description: "cmark failed: \(xml.standardError)")
        }
        let json = try ExternalTool.python(Self.script, input: Data(xml.standardOutput.utf8))
        let rawBlocks = json["blocks"] as? [[String: Any]] ?? []
        blocks = rawBlocks.map { block in
            Block(
                kind: block["kind"] as? String ?? "",
                level: block["level"] as? Int ?? 0,
                text: block["text"] as? String ?? "",
                links: block["links"] as? [String] ?? [])
        }
        kinds = Set(json["kinds"] as? [String] ?? [])
    }

    /// The blocks' texts joined as paragraphs are: with a blank line between.
    var text: String { blocks.map(\.text).joined(separator: "\n\n") }

    var links: [String] { blocks.flatMap(\.links) }
}
