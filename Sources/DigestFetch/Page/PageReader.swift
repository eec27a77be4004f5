import HTMLScanning
import Foundation

/// Reads an item's fields from a web page, in this order of preference:
///
/// 1. JSON-LD (`<script type="application/ld+json">`) describing a
///    `NewsArticle`, `Article`, `BlogPosting` (or another `…Article`):
///    headline, publisher's name, author's name, datePublished, description;
/// 2. OpenGraph: `og:title`, `og:site_name`, `article:author` (when it is a
///    name, not a profile link), `article:published_time`, `og:description`;
/// 3. Twitter cards: `twitter:title`, `twitter:description`;
/// 4. `<meta name=author>`, `<meta name=description>`, `<meta name=date>`
///    and the like, `<meta name=application-name>` for the source;
/// 5. `<link rel=canonical>` (then `og:url`) for the address;
/// 6. `<title>` (without a trailing " | Site name" when the site is known),
///    the first `<time datetime>`, and the first paragraph of at least a few
///    words as the excerpt, as a last resort.
///
/// Every value is plain text: markup removed, character references decoded,
/// white space collapsed; the excerpt is cut at a word boundary within `excerptLimit`.
package struct PageReader {
    package let excerptLimit: Int

    package init(excerptLimit: Int) {
        self.excerptLimit = excerptLimit
    }

    package func fields(of html: String, at address: URL) -> PageFields {
        var scan = PageScan()
        scan.read(html)
        var fields = PageFields()

        for object in scan.linkedData {
            fields.offer(\.title, "title", text(object["headline"] ?? object["name"]), from: "json-ld headline")
            fields.offer(\.source, "source", name(of: object["publisher"]), from: "json-ld publisher")
            fields.offer(\.author, "author", name(of: object["author"]), from: "json-ld author")
            fields.offer(\.date, "date", date(text(object["datePublished"] ?? object["dateCreated"])), from: "json-ld datePublished")
            fields.offer(\.excerpt, "excerpt", excerpt(text(object["description"])), from: "json-ld description")
            if let url = text(object["url"]) { scan.linkedDataURL = scan.linkedDataURL ?? url }
        }

        let meta = scan.meta
        fields.offer(\.title, "title", text(meta["og:title"]), from: "og:title")
        fields.offer(\.source, "source", text(meta["og:site_name"]), from: "og:site_name")
        if let author = text(meta["article:author"]), !author.contains("://") {
            fields.offer(\.author, "author", author, from: "article:author")
        }
        fields.offer(\.date, "date", date(text(meta["article:published_time"])), from: "article:published_time")
        fields.offer(\.excerpt, "excerpt", excerpt(text(meta["og:description"])), from: "og:description")

        fields.offer(\.title, "title", text(meta["twitter:title"]), from: "twitter:title")
        fields.offer(\.excerpt, "excerpt", excerpt(text(meta["twitter:description"])), from: "twitter:description")

        fields.offer(\.author, "author", text(meta["author"]), from: "meta author")
        fields.offer(\.excerpt, "excerpt", excerpt(text(meta["description"])), from: "meta description")
        for key in ["date", "pubdate", "publish-date", "dc.date", "dc.date.issued", "dcterms.created"] {
            fields.offer(\.date, "date", date(text(meta[key])), from: "meta \(key)")
        }
        fields.offer(\.source, "source", text(meta["application-name"]), from: "meta application-name")

        for (candidate, place) in [(scan.canonical, "link rel=canonical"), (meta["og:url"], "og:url"),
                                   (scan.linkedDataURL, "json-ld url")] {
            guard let candidate = candidate?.trimmingCharacters(in: .whitespacesAndNewlines), !candidate.isEmpty,
                  let resolved = URL(string: candidate, relativeTo: address)?.absoluteString else { continue }
            fields.offer(\.canonical, "url", resolved, from: place)
        }

        fields.offer(\.title, "title", titleWithoutSite(scan.title, site: fields.source), from: "<title>")
        fields.offer(\.date, "date", date(scan.firstTime), from: "<time datetime>")
        fields.offer(\.excerpt, "excerpt", excerpt(scan.firstParagraph), from: "first paragraph")
        return fields
    }

    private func text(_ value: Any?) -> String? {
        switch value {
        case let string as String:
            let readable = HTMLText.readable(string)
            return readable.isEmpty ? nil : readable
        case let array as [Any]:
            return array.lazy.compactMap { self.text($0) }.first
        case let object as [String: Any]:
            return text(object["@value"])
        default:
            return nil
        }
    }

    /// A person's or organisation's name: a string, `{"name": …}`, or a list of them (joined).
    private func name(of value: Any?) -> String? {
        switch value {
        case let array as [Any]:
            let names = array.compactMap { name(of: $0) }
            return names.isEmpty ? nil : names.joined(separator: ", ")
        case let object as [String: Any]:
            return text(object["name"])
        case let string as String:
            guard !string.contains("://") else { return nil }
            return text(string)
        default:
            return nil
        }
    }

    private func date(_ value: String?) -> String? {
        guard let value else { return nil }
        return PublicationDate.day(value) ?? value
    }

    private func excerpt(_ value: String?) -> String? {
        value.map { ExcerptCutter.cut($0, limit: excerptLimit) }
    }

    /// "Post title – Site" → "Post title", when "Site" is the known site name.
    private func titleWithoutSite(_ title: String?, site: String?) -> String? {
        guard let title = title.map(HTMLText.readable), !title.isEmpty else { return nil }
        guard let site, !site.isEmpty else { return title }
        for separator in [" | ", " – ", " — ", " - ", " · ", " :: "] {
            let suffix = separator + site
            if title.hasSuffix(suffix), title.count > suffix.count { return String(title.dropLast(suffix.count)) }
        }
        return title
    }
}

/// What one pass over the page's tokens collects.
private struct PageScan {
    var meta: [String: String] = [:]
    var linkedData: [[String: Any]] = []
    var linkedDataURL: String?
    var canonical: String?
    var title: String?
    var firstTime: String?
    var firstParagraph: String?

    static let articleTypes: Set<String> = ["Article", "NewsArticle", "BlogPosting", "ReportageNewsArticle",
                                            "AnalysisNewsArticle", "OpinionNewsArticle", "TechArticle",
                                            "ScholarlyArticle", "Report", "LiveBlogPosting", "SocialMediaPosting"]

    mutating func read(_ html: String) {
        var tokenizer = HTMLToken.Reader(html)
        var inside: String?
        var paragraph: String?
        var hiddenDepth = 0
        while let token = tokenizer.next() {
            switch token {
            case .start(let name, let attributes):
                switch name {
                case "meta":
                    let key = (attributes["property"] ?? attributes["name"] ?? attributes["itemprop"] ?? "").lowercased()
                    if !key.isEmpty, meta[key] == nil, let content = attributes["content"] { meta[key] = content }
                case "link":
                    let rel = (attributes["rel"] ?? "").lowercased().split(separator: " ")
                    if rel.contains("canonical"), canonical == nil { canonical = attributes["href"] }
                case "script":
                    inside = (attributes["type"] ?? "").lowercased().hasPrefix("application/ld+json") ? "ld+json" : "script"
                case "title" where title == nil:
                    inside = "title"
                case "time":
                    if firstTime == nil { firstTime = attributes["datetime"] }
                case "p" where firstParagraph == nil && hiddenDepth == 0:
                    // An unclosed paragraph ends where the next one starts.
                    if let open = paragraph { finish(open) }
                    paragraph = firstParagraph == nil ? "" : nil
                default:
                    if HTMLText.hidden.contains(name) { hiddenDepth += 1 }
                }
            case .end(let name):
                if name == "p", let text = paragraph {
                    paragraph = nil
                    finish(text)
                } else if HTMLText.hidden.contains(name), name != "script" {
                    hiddenDepth = max(0, hiddenDepth - 1)
                }
                if name == "script" || name == "title" { inside = nil }
            case .text(let raw):
                switch inside {
                case "ld+json": collectLinkedData(raw)
                case "title": title = (title ?? "") + HTMLEntities.decode(raw)
                case "script": break
                default: if paragraph != nil, hiddenDepth == 0 { paragraph? += raw }
                }
            }
            // A line break inside a paragraph still parts the words on either side.
            if paragraph != nil, case .start(let name, _) = token, name != "p", HTMLText.breaking.contains(name) {
                paragraph? += " "
            }
        }
        if let open = paragraph { finish(open) }
    }

    /// The first paragraph of a few words is the page's text; shorter ones are captions and bylines.
    private mutating func finish(_ raw: String) {
        guard firstParagraph == nil else { return }
        let plain = HTMLText.plain(raw)
        if plain.split(separator: " ").count >= 5 { firstParagraph = plain }
    }

    mutating func collectLinkedData(_ raw: String) {
        guard let data = raw.trimmingCharacters(in: .whitespacesAndNewlines).data(using: .utf8),
              let value = try? JSONSerialization.jsonObject(with: data) else { return }
        collect(value)
    }

    /// Articles anywhere in the document: at the top, in an array, or in `@graph`.
    private mutating func collect(_ value: Any) {
        if let array = value as? [Any] {
            for element in array { collect(element) }
            return
        }
        guard let object = value as? [String: Any] else { return }
        let types: [String] = (object["@type"] as? String).map { [$0] } ?? (object["@type"] as? [String]) ?? []
        if types.contains(where: Self.articleTypes.contains) { linkedData.append(object) }
        if let graph = object["@graph"] { collect(graph) }
    }
}
