import DigestHTTP
import Foundation

/// Reads RSS 2.0 (and 0.9x), RSS 1.0 (RDF), Atom 1.0 and JSON Feed 1.0/1.1
/// into plain-text entries.
///
/// - Links are resolved against `xml:base` (Atom, at every level) and the feed's own address.
/// - The excerpt is the summary (RSS `description`, Atom `summary`, JSON
///   `summary`), else the content (`content:encoded`, Atom `content`,
///   `content_html`/`content_text`), stripped of markup and cut at a word
///   boundary within `excerptLimit`.
/// - The author is `dc:creator`, else RSS `author`, Atom `author/name`, JSON `authors[].name`.
package struct FeedReader {
    package let excerptLimit: Int

    package init(excerptLimit: Int) {
        self.excerptLimit = excerptLimit
    }

    static let atom = "http://www.w3.org/2005/Atom"
    static let rdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
    static let rss1 = "http://purl.org/rss/1.0/"
    static let dc = "http://purl.org/dc/elements/1.1/"
    static let content = "http://purl.org/rss/1.0/modules/content/"

    /// The feed in `text` (already decoded), fetched from `address`.
    package func read(_ text: String, at address: URL) throws(FetchFailure) -> FeedDocument {
        let trimmed = text.drop { $0.isWhitespace }
        if trimmed.first == "{" { return try readJSON(String(trimmed), at: address) }
        // The text is decoded already: its declaration must no longer name the old encoding.
        let data = Data(Self.withoutEncodingDeclaration(String(trimmed)).utf8)
        let root: XMLElement
        switch XMLTreeBuilder.parse(data) {
        case .success(let element): root = element
        case .failure(let failure): throw failure
        }
        switch (root.name, root.namespace) {
        case ("rss", _): return readRSS(root, at: address)
        case ("RDF", Self.rdf): return readRDF(root, at: address)
        case ("feed", Self.atom): return readAtom(root, at: address)
        default:
            throw FetchFailure("not a feed: the document's root element is <\(root.name)>, not <rss>, <rdf:RDF> or <feed>")
        }
    }

    private func readRSS(_ root: XMLElement, at address: URL) -> FeedDocument {
        let channel = root.first("channel") ?? root
        let entries = channel.all("item").map { item in
            rssEntry(item, at: address, link: item.first("link")?.text, guid: item.first("guid")?.text)
        }
        return FeedDocument(format: "rss", title: plain(channel.first("title")?.text), entries: entries)
    }

    private func readRDF(_ root: XMLElement, at address: URL) -> FeedDocument {
        let channel = root.first("channel", in: Self.rss1)
        let entries = root.all("item", in: Self.rss1).map { item in
            rssEntry(item, at: address, link: item.first("link")?.text, guid: item.attributes["rdf:about"] ?? item.attributes["about"])
        }
        return FeedDocument(format: "rdf", title: plain(channel?.first("title")?.text), entries: entries)
    }

    private func rssEntry(_ item: XMLElement, at address: URL, link: String?, guid: String?) -> FeedEntry {
        let resolved = resolve(link, against: address)
        let title = plain(item.first("title")?.text)
        let summary = item.first("description")?.text ?? item.first("encoded", in: Self.content)?.text
        let author = item.first("creator", in: Self.dc)?.text ?? item.first("author")?.text
        let date = item.first("pubDate")?.text ?? item.first("date", in: Self.dc)?.text
        return FeedEntry(key: key(guid, resolved, title), title: title, link: resolved, author: plain(author),
                         date: day(date), excerpt: excerpt(summary))
    }

    private func readAtom(_ root: XMLElement, at address: URL) -> FeedDocument {
        let feedBase = resolveURL(root.base, against: address) ?? address
        let feedAuthor = plain(root.first("author", in: Self.atom)?.first("name", in: Self.atom)?.text)
        let entries = root.all("entry", in: Self.atom).map { entry -> FeedEntry in
            let base = resolveURL(entry.base, against: feedBase) ?? feedBase
            let links = entry.all("link", in: Self.atom)
            let alternate = links.first { ($0.attributes["rel"] ?? "alternate") == "alternate" } ?? links.first
            let linkBase = resolveURL(alternate?.base, against: base) ?? base
            let link = resolve(alternate?.attributes["href"], against: linkBase)
            let title = atomText(entry.first("title", in: Self.atom))
            let authors = entry.all("author", in: Self.atom).compactMap { plain($0.first("name", in: Self.atom)?.text) }
            let date = entry.first("published", in: Self.atom)?.text ?? entry.first("updated", in: Self.atom)?.text
            let summary = atomText(entry.first("summary", in: Self.atom)) ?? atomText(entry.first("content", in: Self.atom))
            return FeedEntry(key: key(entry.first("id", in: Self.atom)?.text, link, title), title: title, link: link,
                             author: authors.isEmpty ? feedAuthor : authors.joined(separator: ", "),
                             date: day(date), excerpt: summary.map { ExcerptCutter.cut($0, limit: excerptLimit) })
        }
        return FeedDocument(format: "atom", title: atomText(root.first("title", in: Self.atom)), entries: entries)
    }

    /// An Atom text construct as plain text: `text` as is, `html` and `xhtml` stripped of markup.
    private func atomText(_ element: XMLElement?) -> String? {
        guard let element else { return nil }
        let plainText: String
        switch element.attributes["type"] ?? "text" {
        case "xhtml": plainText = HTMLText.plain(element.innerMarkup)
        case "html", "text/html": plainText = HTMLText.plain(element.text)
        default: plainText = HTMLText.collapse(element.text)
        }
        return plainText.isEmpty ? nil : plainText
    }

    private func readJSON(_ text: String, at address: URL) throws(FetchFailure) -> FeedDocument {
        guard let object = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any] else {
            throw FetchFailure("the feed is not valid JSON")
        }
        guard let version = object["version"] as? String, version.hasPrefix("https://jsonfeed.org/version/") else {
            throw FetchFailure("not a JSON Feed: it has no \"version\": \"https://jsonfeed.org/version/1.1\"")
        }
        let feedAuthors = jsonAuthors(object)
        let items = object["items"] as? [[String: Any]] ?? []
        let entries = items.map { item -> FeedEntry in
            let link = resolve(item["url"] as? String ?? item["external_url"] as? String, against: address)
            let title = plain(item["title"] as? String)
            let summary = item["summary"] as? String ?? item["content_html"] as? String ?? item["content_text"] as? String
            let authors = jsonAuthors(item) ?? feedAuthors
            return FeedEntry(key: key((item["id"] as? String) ?? (item["id"] as? Int).map(String.init), link, title),
                             title: title, link: link, author: authors, date: day(item["date_published"] as? String),
                             excerpt: excerpt(summary))
        }
        return FeedDocument(format: "json", title: plain(object["title"] as? String), entries: entries)
    }

    private func jsonAuthors(_ object: [String: Any]) -> String? {
        let list = (object["authors"] as? [[String: Any]]) ?? (object["author"] as? [String: Any]).map { [$0] } ?? []
        let names = list.compactMap { plain($0["name"] as? String) }
        return names.isEmpty ? nil : names.joined(separator: ", ")
    }

    private func plain(_ text: String?) -> String? {
        guard let text else { return nil }
        let plain = HTMLText.plain(text)
        return plain.isEmpty ? nil : plain
    }

    private func excerpt(_ html: String?) -> String? {
        plain(html).map { ExcerptCutter.cut($0, limit: excerptLimit) }
    }

    private func day(_ raw: String?) -> String? {
        guard let raw = raw?.trimmingCharacters(in: .whitespacesAndNewlines), !raw.isEmpty else { return nil }
        return PublicationDate.day(raw) ?? raw
    }

    private func key(_ id: String?, _ link: String?, _ title: String?) -> String {
        let id = id?.trimmingCharacters(in: .whitespacesAndNewlines)
        if let id, !id.isEmpty { return id }
        return link ?? title ?? ""
    }

    private func resolveURL(_ reference: String?, against base: URL) -> URL? {
        guard let reference = reference?.trimmingCharacters(in: .whitespacesAndNewlines), !reference.isEmpty else { return nil }
        return URL(string: reference, relativeTo: base)?.absoluteURL
    }

    /// The reference resolved; one that is no URL at all is kept as written, for digest to report.
    private func resolve(_ reference: String?, against base: URL) -> String? {
        guard let reference = reference?.trimmingCharacters(in: .whitespacesAndNewlines), !reference.isEmpty else { return nil }
        return resolveURL(reference, against: base)?.absoluteString ?? reference
    }

    /// `<?xml version="1.0" encoding="windows-1252"?>` without its encoding.
    static func withoutEncodingDeclaration(_ text: String) -> String {
        guard text.hasPrefix("<?xml"), let end = text.range(of: "?>") else { return text }
        let declaration = text[..<end.lowerBound]
        guard let encoding = declaration.range(of: "encoding") else { return text }
        var rest = declaration[encoding.upperBound...].drop { $0 == " " || $0 == "=" }
        guard let quote = rest.first, quote == "\"" || quote == "'" else { return text }
        rest = rest.dropFirst()
        guard let close = rest.firstIndex(of: quote) else { return text }
        return String(text[..<encoding.lowerBound]) + String(text[text.index(after: close)...])
    }
}
