import DigestModel
/// The archive's Atom 1.0 feed (RFC 4287), `feed.xml`: one entry per
/// published issue, newest first.
///
/// Entry ids are `tag:` URIs (RFC 4151) built from the publication's domain,
/// the issue's own date and its number, never from a time or an edition: a
/// feed reader treats a new id as a new post, so re-exporting the archive or
/// publishing a corrected edition must update the entry, not repeat it.
package enum AtomFeed {
    /// `updated` is the feed's own RFC 3339 time, normally the newest
    /// edition's `publishedAt` so that an unchanged archive exports the
    /// same bytes.
    package static func render(site: ArchiveSite, entries: [ArchiveEntry], updated: String) -> String {
        let ordered = ArchiveEntry.newestFirst(entries)
        let authority = site.tagAuthority
        // Relative links when no website is known: they resolve against the
        // feed's own address, which is the archive directory.
        let prefix = site.archiveBaseURL.map { $0 + "/" } ?? ""
        var xml = ""
        xml.reserveCapacity(1_024 + entries.count * 1_200)

        xml.append("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n")
        xml.append("<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"\(site.language)\">\n")
        appendElement("title", site.displayName, indent: "  ", to: &xml)
        if let about = site.about, !about.allSatisfy(\.isWhitespace) {
            appendElement("subtitle", about, indent: "  ", to: &xml)
        }
        appendElement("id", "tag:\(authority),\(feedTagDate(ordered: ordered, updated: updated)):feed", indent: "  ", to: &xml)
        appendElement("updated", updated, indent: "  ", to: &xml)
        appendLink(rel: "self", type: "application/atom+xml", href: prefix + "feed.xml", indent: "  ", to: &xml)
        appendLink(rel: "alternate", type: "text/html", href: prefix + "index.html", indent: "  ", to: &xml)
        // RFC 4287 wants an author on the feed unless every entry has one;
        // the publication is the author of every issue.
        xml.append("  <author>\n")
        appendElement("name", site.displayName, indent: "    ", to: &xml)
        if let email = site.contactEmail { appendElement("email", email, indent: "    ", to: &xml) }
        if let website = site.websiteBaseURL ?? site.archiveBaseURL {
            appendElement("uri", website + "/", indent: "    ", to: &xml)
        }
        xml.append("  </author>\n")

        for entry in ordered {
            appendEntry(entry, authority: authority, linkPrefix: prefix, to: &xml)
        }
        xml.append("</feed>\n")
        return xml
    }

    /// The id of an issue's entry: `tag:harbour-weekly.example,2026-11-23:issue-12`.
    package static func entryID(for entry: ArchiveEntry, site: ArchiveSite) -> String {
        entryID(for: entry, authority: site.tagAuthority)
    }

    private static func entryID(for entry: ArchiveEntry, authority: String) -> String {
        "tag:\(authority),\(entry.date.iso):issue-\(entry.number)"
    }

    /// The feed id's date: the oldest issue's, so it stays put as issues are
    /// added. Only an empty archive falls back to the day of `updated`; its
    /// id changes once, when the first issue appears, before any reader has
    /// an entry to keep.
    private static func feedTagDate(ordered: [ArchiveEntry], updated: String) -> String {
        if let oldest = ordered.last { return oldest.date.iso }
        if let day = CivilDate(iso: String(updated.prefix(10))) { return day.iso }
        // `updated` is not an RFC 3339 time; a fixed day still gives a
        // well-formed tag URI.
        return "2000-01-01"
    }

    private static func appendEntry(_ entry: ArchiveEntry, authority: String, linkPrefix: String, to xml: inout String) {
        xml.append("  <entry>\n")
        appendElement("title", entry.title, indent: "    ", to: &xml)
        appendElement("id", entryID(for: entry, authority: authority), indent: "    ", to: &xml)
        appendElement("updated", entry.publishedAt, indent: "    ", to: &xml)
        // A corrected issue was first published with edition 1; the correction is its update.
        appendElement("published", entry.firstPublishedAt, indent: "    ", to: &xml)
        appendLink(rel: "alternate", type: "text/html", href: linkPrefix + entry.fileLink(extension: "html"),
                   indent: "    ", to: &xml)
        if let summary = entry.summary, !summary.allSatisfy(\.isWhitespace) {
            xml.append("    <summary type=\"text\">")
            xml.appendXMLEscaped(summary)
            xml.append("</summary>\n")
        }
        if !entry.itemTitles.isEmpty {
            // Each title is escaped as HTML text and the list, markup and
            // all, once more as XML text, as `type="html"` requires.
            xml.append("    <content type=\"html\">&lt;ul&gt;")
            for title in entry.itemTitles {
                xml.append("&lt;li&gt;")
                xml.appendXMLEscapedHTML(title)
                xml.append("&lt;/li&gt;")
            }
            xml.append("&lt;/ul&gt;")
            xml.append("</content>\n")
        }
        xml.append("  </entry>\n")
    }

    private static func appendElement(_ name: String, _ text: String, indent: String, to xml: inout String) {
        xml.append(indent)
        xml.append("<\(name)>")
        xml.appendXMLEscaped(text)
        xml.append("</\(name)>\n")
    }

    private static func appendLink(rel: String, type: String, href: String, indent: String, to xml: inout String) {
        xml.append(indent)
        xml.append("<link rel=\"\(rel)\" type=\"\(type)\" href=\"")
        xml.appendXMLEscaped(href)
        xml.append("\"/>\n")
    }
}
