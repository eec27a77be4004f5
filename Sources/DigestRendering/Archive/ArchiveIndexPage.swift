import DigestModel
/// The archive's front page, `index.html`: every published issue, newest
/// first, with links to its four files and to the feed.
///
/// Like the issue renders it is one standalone HTML5 document: inline style
/// attributes only, no scripts and nothing fetched from elsewhere, so the
/// exported directory can be served from anywhere or opened from disk.
package enum ArchiveIndexPage {
    package static func render(site: ArchiveSite, entries: [ArchiveEntry]) -> String {
        var html = ""
        html.reserveCapacity(2_048 + entries.count * 900)
        let name = site.displayName

        html.append("<!DOCTYPE html>\n<html lang=\"\(site.language)\">\n<head>\n<meta charset=\"utf-8\">\n")
        html.append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        html.append("<title>")
        html.appendXMLEscaped(name)
        html.append(": archive</title>\n")
        // The feed is one of the archive's own files, so announcing it here
        // fetches nothing from elsewhere.
        html.append("<link rel=\"alternate\" type=\"application/atom+xml\" title=\"")
        html.appendXMLEscaped(name)
        html.append("\" href=\"feed.xml\">\n</head>\n")
        html.append("<body style=\"margin: 0 auto; max-width: 42em; padding: 1em 1.25em; font-family: Georgia, 'Times New Roman', serif; font-size: 17px; line-height: 1.5; color: #1d1d1d; background: #ffffff;\">\n")

        appendHeader(site: site, name: name, to: &html)

        html.append("<main>\n")
        if entries.isEmpty {
            html.append("<p style=\"color: #555555;\">Nothing has been published yet. Issues will be listed here once they are published.</p>\n")
        } else {
            html.append("<h2 style=\"font-size: 1.1em; margin: 1.5em 0 0.75em;\">")
            html.append(entries.count == 1 ? "1 issue" : "\(entries.count) issues")
            html.append("</h2>\n<ol style=\"list-style: none; margin: 0; padding: 0;\">\n")
            for entry in ArchiveEntry.newestFirst(entries) {
                appendEntry(entry, to: &html)
            }
            html.append("</ol>\n")
        }
        html.append("</main>\n</body>\n</html>\n")
        return html
    }

    private static func appendHeader(site: ArchiveSite, name: String, to html: inout String) {
        html.append("<header style=\"border-bottom: 1px solid #d0d0d0; padding-bottom: 0.75em;\">\n")
        html.append("<h1 dir=\"auto\" style=\"font-size: 1.6em; margin: 0.5em 0 0.25em;\">")
        html.appendXMLEscaped(name)
        html.append("</h1>\n")
        if let about = site.about, !about.allSatisfy(\.isWhitespace) {
            html.append("<p dir=\"auto\" style=\"margin: 0 0 0.5em; color: #444444;\">")
            html.appendXMLEscaped(about)
            html.append("</p>\n")
        }
        html.append("<p style=\"margin: 0; font-size: 0.9em;\"><a href=\"feed.xml\" style=\"color: #1a4f8b;\">Atom feed</a>")
        if let website = site.websiteBaseURL {
            html.append(" · <a href=\"")
            html.appendXMLEscaped(website + "/")
            html.append("\" style=\"color: #1a4f8b;\">Website</a>")
        }
        if let email = site.contactEmail {
            html.append(" · <a href=\"mailto:")
            html.appendXMLEscaped(mailtoEncoded(email))
            html.append("\" style=\"color: #1a4f8b;\">")
            html.appendXMLEscaped(email)
            html.append("</a>")
        }
        html.append("</p>\n</header>\n")
    }

    private static func appendEntry(_ entry: ArchiveEntry, to html: inout String) {
        let linkStyle = " style=\"color: #1a4f8b;\""
        let stem = entry.linkStem
        html.append("<li style=\"margin: 0 0 1.25em;\">\n<time datetime=\"")
        html.append(entry.date.iso)
        html.append("\" style=\"display: block; font-size: 0.85em; color: #666666;\">")
        html.append(entry.date.long)
        // `dir="auto"` lets a right-to-left title read in its own direction
        // without reordering the date and links around it.
        html.append("</time>\n<a href=\"")
        html.appendXMLEscaped(stem + ".html")
        html.append("\" dir=\"auto\" style=\"font-size: 1.15em; color: #1a4f8b;\">")
        html.appendXMLEscaped(entry.title)
        html.append("</a>\n")
        if let summary = entry.summary, !summary.allSatisfy(\.isWhitespace) {
            html.append("<p dir=\"auto\" style=\"margin: 0.2em 0; color: #444444;\">")
            html.appendXMLEscaped(summary)
            html.append("</p>\n")
        }
        html.append("<small style=\"display: block; color: #666666;\">Issue \(entry.number)")
        // A later edition means the issue was corrected after it first went out.
        if entry.edition > 1 { html.append(", edition \(entry.edition)") }
        html.append(" · <a href=\"")
        html.appendXMLEscaped(stem + ".md")
        html.append("\"\(linkStyle)>Markdown</a> · <a href=\"")
        html.appendXMLEscaped(stem + ".txt")
        html.append("\"\(linkStyle)>Plain text</a> · <a href=\"")
        html.appendXMLEscaped(stem + ".eml")
        html.append("\"\(linkStyle)>Email</a></small>\n</li>\n")
    }

    /// The address as a `mailto:` path (RFC 6068): `?`, `#`, `%` and the
    /// like are encoded so they cannot start headers or a fragment.
    private static func mailtoEncoded(_ address: String) -> String {
        address.percentEncodedForArchive(alsoKeeping: mailtoKeeps)
    }

    private static let mailtoKeeps: Set<UInt8> = Set("@+!$*=".utf8)
}
