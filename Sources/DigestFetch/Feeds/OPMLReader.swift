import DigestHTTP
import Foundation

/// The feeds an OPML subscription list names: every `<outline>` with an
/// `xmlUrl`, at any depth, with its `title` or `text` as the name and the
/// enclosing outline's title as the section (the way feed readers file them).
package enum OPMLReader {
    package struct Subscription: Equatable, Sendable {
        package var url: String
        package var name: String?
        package var section: String?

        package init(url: String, name: String?, section: String?) {
            self.url = url
            self.name = name
            self.section = section
        }
    }

    package static func subscriptions(in data: Data) throws(FetchFailure) -> [Subscription] {
        let text = try TextDecoder.decode(data, declared: nil)
        let root: XMLElement
        switch XMLTreeBuilder.parse(Data(FeedReader.withoutEncodingDeclaration(text).utf8)) {
        case .success(let element): root = element
        case .failure(let failure): throw failure.reason(for: "the OPML file")
        }
        guard root.name == "opml", let body = root.first("body") else {
            throw FetchFailure("not an OPML file: it has no <opml> with a <body>")
        }
        var found: [Subscription] = []
        func walk(_ element: XMLElement, folder: String?) {
            for outline in element.all("outline") {
                let title = (outline.attributes["title"] ?? outline.attributes["text"]).map(HTMLText.collapse)
                if let url = outline.attributes["xmlUrl"]?.trimmingCharacters(in: .whitespaces), !url.isEmpty {
                    found.append(Subscription(url: url, name: title?.isEmpty == false ? title : nil, section: folder))
                }
                walk(outline, folder: title?.isEmpty == false ? title : folder)
            }
        }
        walk(body, folder: nil)
        return found
    }
}
