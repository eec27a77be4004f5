import DigestHTTP
import Foundation

/// Reads RSS 2.0 (and 0.9x), RSS 1.0, 1.1 and 0.90 (RDF), Atom 1.0 and 0.3,
/// CDF and JSON Feed 1.0/1.1 into plain-text entries, as feedparser reads them: of a
/// title, summary or author given twice, the first; of a link, id or date,
/// the last; of an RSS item, its own elements before namespaced look-alikes
/// (`<itunes:title>` is never the title of an item that has a `<title>`).
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
    static let atom03 = "http://purl.org/atom/ns#"
    static let rdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
    static let rss1 = "http://purl.org/rss/1.0/"
    static let rss090 = "http://my.netscape.com/rdf/simple/0.9/"
    static let rss11 = "http://purl.org/net/rss1.1#"
    static let dc = "http://purl.org/dc/elements/1.1/"
    static let dcterms = "http://purl.org/dc/terms/"
    static let content = "http://purl.org/rss/1.0/modules/content/"
    static let media = "http://search.yahoo.com/mrss/"

    /// The feed in `text` (already decoded), fetched from `address`.
    package func read(_ text: String, at address: URL) throws(FetchFailure) -> FeedDocument {
        let trimmed = text.drop { $0.isWhitespace }
        if trimmed.first == "{" { return try readJSON(String(trimmed), at: address) }
        // The text is decoded already: its declaration must no longer name the old encoding.
        let source = Self.withoutEncodingDeclaration(String(trimmed))
        switch XMLTreeBuilder.parse(Data(source.utf8)) {
        case .success(let root):
            return try read(root, at: address)
        case .failure(let failure):
            // Not well-formed: the entries are recovered as feedparser's loose
            // parser would, and marked; a document with none is refused as it was.
            guard !failure.tooDeep,
                  let root = FeedRecovery.feedElement(in: source),
                  var document = try? read(root, at: address), document.entries.contains(where: { $0.link != nil })
            else { throw failure.reason(for: "the feed") }
            document.recovered = failure.place
            return document
        }
    }

    private func read(_ root: XMLElement, at address: URL) throws(FetchFailure) -> FeedDocument {
        switch (root.name, root.namespace) {
        case ("rss", _): return readRSS(root, at: address)
        case ("RDF", Self.rdf): return readRDF(root, at: address)
        case ("feed", Self.atom): return readAtom(root, at: address, namespace: Self.atom)
        case ("feed", Self.atom03): return readAtom(root, at: address, namespace: Self.atom03)
        // An Atom feed with no namespace or a misspelt one, as feedparser reads it.
        case ("feed", _): return readAtom(root, at: address, namespace: root.namespace)
        // An Atom entry document: a feed of one entry.
        case ("entry", Self.atom):
            let feed = XMLElement(name: "feed", namespace: Self.atom, attributes: [:])
            feed.children = [.element(root)]
            return readAtom(feed, at: address, namespace: Self.atom)
        case ("Channel", Self.rss11): return readRSS11(root, at: address)
        case ("CHANNEL", ""): return readCDF(root, at: address)
        default:
            let namespace = root.namespace.isEmpty ? "" : " in the namespace \(root.namespace)"
            throw FetchFailure("not a feed: the document's root element is <\(root.name)>\(namespace); a feed is RSS "
                + "(<rss>, or <rdf:RDF> for RSS 1.0 and 0.90), Atom (<feed> in Atom 1.0's or 0.3's namespace) or JSON Feed")
        }
    }

    private func readRSS(_ root: XMLElement, at address: URL) -> FeedDocument {
        // RSS 2.0 and 0.9x have no namespace: a namespaced look-alike
        // (<itunes:title>, <media:title>, <atom:link>) is not the item's own.
        let channel = root.first("channel", in: "") ?? root
        let entries = channel.all("item", in: "").map { item in
            let guid = item.last("guid", in: "")
            // A guid is the item's permalink unless it says otherwise (RSS 2.0), and only if it is a web address;
            // of two, the first gives the link and the last the key, as in feedparser.
            let permalink = item.first("guid", in: "").flatMap { guid -> String? in
                guard guid.attributes["isPermaLink"]?.lowercased() != "false" else { return nil }
                let text = guid.text.trimmingCharacters(in: .whitespacesAndNewlines)
                return text.lowercased().hasPrefix("http://") || text.lowercased().hasPrefix("https://") ? text : nil
            }
            return rssEntry(item, in: "", at: address, link: item.last("link", in: "")?.text ?? permalink, guid: guid?.text)
        }
        return FeedDocument(format: "rss", title: plainTitle(channel.first("title", in: "")?.text), entries: entries)
    }

    /// RSS 1.0 and RSS 0.90: RDF with the items beside the channel.
    private func readRDF(_ root: XMLElement, at address: URL) -> FeedDocument {
        let namespace = root.last("channel", in: Self.rss090) != nil || !root.all("item", in: Self.rss090).isEmpty
            ? Self.rss090 : Self.rss1
        let channel = root.last("channel", in: namespace)
        let entries = root.all("item", in: namespace).map { item in
            rssEntry(item, in: namespace, at: address, link: item.last("link", in: namespace)?.text,
                     guid: item.attributes["rdf:about"] ?? item.attributes["about"])
        }
        return FeedDocument(format: "rdf", title: plainTitle(channel?.first("title", in: namespace)?.text), entries: entries)
    }

    /// RSS 1.1: the channel is the root, its items in `<items>`.
    private func readRSS11(_ root: XMLElement, at address: URL) -> FeedDocument {
        let items = root.first("items", in: Self.rss11)?.all("item", in: Self.rss11) ?? []
        let entries = items.map { item in
            rssEntry(item, in: Self.rss11, at: address, link: item.last("link", in: Self.rss11)?.text,
                     guid: item.attributes["rdf:about"] ?? item.attributes["about"])
        }
        return FeedDocument(format: "rdf", title: plainTitle(root.first("title", in: Self.rss11)?.text), entries: entries)
    }

    /// Microsoft's Channel Definition Format (1997), which feedparser still
    /// reads: items with an `HREF`, a `TITLE`, an `ABSTRACT` and a `LASTMOD`.
    private func readCDF(_ root: XMLElement, at address: URL) -> FeedDocument {
        let base = resolveURL(root.attributes["BASE"], against: address) ?? address
        let entries = root.all("ITEM", in: "").map { item in
            let link = resolve(item.attributes["HREF"], against: base)
            let title = plainTitle(item.first("TITLE", in: "")?.text)
            return FeedEntry(key: key(nil, link, title), title: title, link: link, author: nil,
                             date: day(item.attributes["LASTMOD"]), excerpt: excerpt(item.first("ABSTRACT", in: "")?.text))
        }
        return FeedDocument(format: "cdf", title: plainTitle(root.first("TITLE", in: "")?.text), entries: entries)
    }

    private func rssEntry(_ item: XMLElement, in namespace: String, at address: URL, link: String?, guid: String?) -> FeedEntry {
        let resolved = resolve(link, against: address)
        // The item's own title; only an item without one takes Dublin Core's or Media RSS's.
        let title = plainTitle((item.first("title", in: namespace) ?? item.first("title", in: Self.dc)
            ?? item.first("title", in: Self.media))?.text)
        let summary = item.first("description", in: namespace)?.text ?? item.first("encoded", in: Self.content)?.text
        let author = item.first("creator", in: Self.dc)?.text ?? item.first("author", in: namespace)?.text
        // Published first, as feedparser reads them; then the dates of a change.
        let date = [item.last("pubDate", in: namespace), item.last("issued", in: Self.dcterms),
                    item.last("date", in: Self.dc), item.last("modified", in: Self.dcterms),
                    item.last("created", in: Self.dcterms)].lazy.compactMap { day($0?.text) }.first
        return FeedEntry(key: key(guid, resolved, title), title: title, link: resolved, author: plain(author),
                         date: date, excerpt: excerpt(summary))
    }

    /// Atom 1.0, and Atom 0.3 (its dates are `issued`, `modified` and `created`).
    private func readAtom(_ root: XMLElement, at address: URL, namespace: String) -> FeedDocument {
        let feedBase = resolveURL(root.base, against: address) ?? address
        let feedAuthor = plain(root.first("author", in: namespace)?.first("name", in: namespace)?.text)
        let entries = root.all("entry", in: namespace).map { entry -> FeedEntry in
            let base = resolveURL(entry.base, against: feedBase) ?? feedBase
            let id = entry.last("id", in: namespace)
            // Without an alternate link, an id that is a web address is the
            // page (feedparser's "guid is link").
            // A link written as the element's text, not its href, is read too (as feedparser does).
            let link = Self.alternate(among: entry.all("link", in: namespace)).flatMap { alternate in
                resolve(alternate.attributes["href"] ?? alternate.text, against: resolveURL(alternate.base, against: base) ?? base)
            } ?? id.flatMap { id in
                resolve(id.text, against: resolveURL(id.base, against: base) ?? base).flatMap { link in
                    let lower = link.prefix(8).lowercased()
                    guard lower.hasPrefix("http://") || lower.hasPrefix("https://"), !id.text.contains(" ") else { return nil }
                    return link
                }
            }
            let title = atomText(entry.first("title", in: namespace))
            let authors = entry.all("author", in: namespace).compactMap { plain($0.first("name", in: namespace)?.text) }
            let date = ["published", "issued", "updated", "modified", "created"].lazy
                .compactMap { self.day(entry.last($0, in: namespace)?.text) }.first
            let summary = atomText(entry.first("summary", in: namespace)) ?? atomText(entry.first("content", in: namespace))
            return FeedEntry(key: key(id?.text, link, title), title: title, link: link,
                             author: authors.isEmpty ? feedAuthor : authors.joined(separator: ", "),
                             date: date, excerpt: summary.map { ExcerptCutter.cut($0, limit: excerptLimit) })
        }
        return FeedDocument(format: "atom", title: atomText(root.first("title", in: namespace)), entries: entries)
    }

    /// The entry's web page: the last `alternate` link (no `rel` means
    /// alternate) of an HTML type or none, else the last alternate of any
    /// type. A `license`, `enclosure`, `related` or `self` link is never the
    /// page, as feedparser reads it.
    static func alternate(among links: [XMLElement]) -> XMLElement? {
        let alternates = links.filter { ($0.attributes["rel"] ?? "alternate").lowercased() == "alternate" }
        let html = alternates.filter { link in
            guard let type = link.attributes["type"]?.lowercased() else { return true }
            return type == "text/html" || type == "application/xhtml+xml"
        }
        return html.last ?? alternates.last
    }

    /// An Atom text construct as plain text: `text` as is, `html` and `xhtml` stripped of markup.
    private func atomText(_ element: XMLElement?) -> String? {
        guard let element else { return nil }
        let plainText: String
        let type = (element.attributes["type"] ?? "text").lowercased()
        // Atom 0.3's base64 mode, and Atom 1.0's media types other than
        // text: the text is base64, then read as HTML or as text.
        let isMediaType = type.contains("/") && !type.hasPrefix("text/") && !type.hasSuffix("xml")
        if element.attributes["mode"] == "base64" || isMediaType {
            let decoded = Data(base64Encoded: element.text.filter { !$0.isWhitespace }).map { String(decoding: $0, as: UTF8.self) }
            guard let decoded else { return nil }
            let text = type.contains("html") ? HTMLText.plain(decoded) : HTMLText.readable(decoded)
            return text.isEmpty ? nil : text
        }
        switch type {
        case "xhtml", "application/xhtml+xml": plainText = HTMLText.plain(element.innerMarkup)
        case "html", "text/html": plainText = HTMLText.plain(element.text)
        // Atom 0.3 says how the markup is carried: escaped, or as XML.
        case _ where element.attributes["mode"] == "escaped": plainText = HTMLText.plain(element.text)
        case _ where element.attributes["mode"] == "xml": plainText = HTMLText.plain(element.innerMarkup)
        // Text, unless it reads as escaped HTML (an end tag or a reference), as feedparser reads it.
        default: plainText = HTMLText.readable(element.text)
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

    /// A title is text, not markup: `Use &lt;script&gt; wisely` is about a
    /// script element (see `HTMLText.readable`).
    private func plainTitle(_ text: String?) -> String? {
        guard let text else { return nil }
        let readable = HTMLText.readable(text)
        return readable.isEmpty ? nil : readable
    }

    private func plain(_ text: String?) -> String? {
        guard let text else { return nil }
        let plain = HTMLText.plain(text)
        return plain.isEmpty ? nil : plain
    }

    private func excerpt(_ html: String?) -> String? {
        plain(html).map { ExcerptCutter.cut($0, limit: excerptLimit) }
    }

    /// The day, or nil when the feed gives none that can be read: the
    /// entry is kept and the editor gives the date.
    private func day(_ raw: String?) -> String? {
        guard let raw, !raw.isEmpty else { return nil }
        return PublicationDate.day(HTMLText.collapse(raw))
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

    /// The reference resolved; an absolute web address is kept as written
    /// (an IRI stays readable, as feedparser keeps it), but for an empty
    /// query or fragment at its end; one that is no URL at all is kept as
    /// written, for digest to report.
    private func resolve(_ reference: String?, against base: URL) -> String? {
        guard var reference = reference?.trimmingCharacters(in: .whitespacesAndNewlines), !reference.isEmpty else { return nil }
        while reference.hasSuffix("#") || reference.hasSuffix("?") { reference.removeLast() }
        let lower = reference.prefix(8).lowercased()
        if lower.hasPrefix("http://") || lower.hasPrefix("https://") { return reference }
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
