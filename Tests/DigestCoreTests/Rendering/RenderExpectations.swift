import Foundation
import Testing
@testable import DigestStorage
@testable import DigestModel
@testable import DigestRendering
@testable import DigestWorkflow

/// The properties every render of every issue must have, checked with real
/// parsers and validators: what SPEC's "Renders" section promises.
enum RenderExpectations {
    /// `Author, Source, September 28 2020 · Posted on: 2020/09/29`: the
    /// attribution line as a reader sees it, above the excerpt, apart from it.
    static func attributionLine(_ item: EditionItem) -> String {
        "\(item.attribution), \(item.date.long)" + (item.postedOn.map { " · Posted on: \($0.slashed)" } ?? "")
    }

    static func markdown(_ markdown: String, shows input: EditionContent, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let probe = try MarkdownProbe(markdown: markdown)
        var allowed: Set = ["heading", "paragraph", "thematic_break", "text", "softbreak", "linebreak", "link"]
        if input.publication.tableOfContents { allowed.formUnion(["list", "item"]) }
        #expect(probe.kinds.isSubset(of: allowed), "unexpected CommonMark nodes: \(probe.kinds.subtracting(allowed))",
                sourceLocation: sourceLocation)
        #expect(probe.blocks.contains { $0.kind == "heading" && $0.text == input.publication.name },
                "the publication's name is a heading", sourceLocation: sourceLocation)
        #expect(probe.blocks.contains { $0.kind == "heading" && $0.text == input.displayTitle },
                "the issue's title is a heading", sourceLocation: sourceLocation)
        for text in [input.publication.about, input.issue.intro].compactMap({ $0 }) {
            #expect(probe.text.contains(text), "cmark gives back \(text.debugDescription)", sourceLocation: sourceLocation)
        }
        for item in input.items {
            let headings = probe.blocks.filter { $0.kind == "heading" && $0.level == 3 && $0.text == item.title }
            #expect(headings.count == 1, "item \(item.id)'s title is one heading: \(item.title.debugDescription)",
                    sourceLocation: sourceLocation)
            #expect(headings.first?.links == (item.url.map { [$0.hrefSafe] } ?? []),
                    "item \(item.id)'s heading links to exactly its URL", sourceLocation: sourceLocation)
            #expect(probe.blocks.contains { $0.kind == "paragraph" && $0.text == attributionLine(item) },
                    "cmark gives back item \(item.id)'s attribution as a paragraph of its own: \(attributionLine(item).debugDescription)",
                    sourceLocation: sourceLocation)
            #expect(probe.text.contains(item.excerpt), "cmark gives back item \(item.id)'s excerpt", sourceLocation: sourceLocation)
            if let url = item.url?.hrefSafe {
                #expect(probe.links.filter { $0 == url }.count == 1, "item \(item.id)'s URL is linked once",
                        sourceLocation: sourceLocation)
            }
        }
        let itemURLs = Set(input.items.compactMap { $0.url?.hrefSafe })
        let publicationLinks = Set([input.publication.email.map { "mailto:" + $0 }, input.publication.website].compactMap { $0 })
        #expect(probe.links.allSatisfy { itemURLs.contains($0) || publicationLinks.contains($0) || isContentsLink($0, input) },
                "every link is an item's or the publication's: \(probe.links)", sourceLocation: sourceLocation)
        #expect(probe.links.filter { itemURLs.contains($0) }.count == input.items.filter { $0.url != nil }.count,
                "exactly one link per item with a URL", sourceLocation: sourceLocation)
    }

    static func html(_ html: String, shows input: EditionContent, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let tidy = try HTMLProbe.tidy(html)
        #expect(tidy.status <= 1 && tidy.errors.isEmpty, "tidy reports errors:\n\(tidy.report)", sourceLocation: sourceLocation)
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"\(input.publication.language)\">"), sourceLocation: sourceLocation)
        #expect(html.contains("<meta charset=\"utf-8\">"), sourceLocation: sourceLocation)
        #expect(html.contains("<meta name=\"color-scheme\" content=\"light dark\">"), sourceLocation: sourceLocation)

        let probe = try HTMLProbe(html: html)
        let allowedTags: Set = ["html", "head", "meta", "title", "style", "body", "div", "h1", "h2", "h3", "p", "a", "br",
                                "table", "tr", "td", "ul", "li", "b", "span"]
        #expect(probe.tags.isSubset(of: allowedTags), "unexpected elements: \(probe.tags.subtracting(allowedTags))",
                sourceLocation: sourceLocation)
        #expect(probe.layoutTablesArePresentational, "every table has role=\"presentation\"", sourceLocation: sourceLocation)
        let allowedAttributes: Set = ["lang", "charset", "name", "content", "style", "dir", "href", "role", "id", "class"]
        #expect(probe.attributes.isSubset(of: allowedAttributes),
                "unexpected attributes: \(probe.attributes.subtracting(allowedAttributes))", sourceLocation: sourceLocation)
        #expect(probe.blocks.first { $0.tag == "title" }?.text == input.displayTitle, sourceLocation: sourceLocation)

        for item in input.items {
            let headings = probe.blocks.filter { $0.tag == "h3" && $0.text == item.title }
            #expect(headings.count == 1, "item \(item.id)'s title is one heading: \(item.title.debugDescription)",
                    sourceLocation: sourceLocation)
            #expect(headings.first?.links == (item.url.map { [$0.hrefSafe] } ?? []),
                    "item \(item.id)'s heading holds one link, to exactly its URL", sourceLocation: sourceLocation)
            #expect(probe.blocks.contains { $0.tag == "p" && $0.text == attributionLine(item) },
                    "item \(item.id)'s attribution is a paragraph of its own: \(attributionLine(item).debugDescription)",
                    sourceLocation: sourceLocation)
            #expect(probe.blocks.contains { $0.tag == "p" && $0.text == item.excerpt },
                    "item \(item.id)'s excerpt is a paragraph of its own", sourceLocation: sourceLocation)
        }
        let itemLinks = input.items.filter { $0.url != nil }.count
        let contactLinks = (input.publication.email == nil ? 0 : 1) + (input.publication.website == nil ? 0 : 1)
        let onlineURL = input.publication.onlineURL(pageName: input.issue.pageName)
        let onlineLinks = onlineURL == nil ? 0 : 2
        let unsubscribeLinks = input.publication.unsubscribeLink == nil ? 0 : 1
        let contentsLinks = probe.links.filter { isContentsLink($0, input) }.count
        #expect(html.components(separatedBy: "<a href").count - 1
                    == itemLinks + contactLinks + onlineLinks + unsubscribeLinks + contentsLinks,
                "one <a href per item with a URL, plus the contact address, the page online, unsubscribing and contents",
                sourceLocation: sourceLocation)
        let contact = input.publication.email.map { "mailto:" + $0 }
        #expect(probe.links.allSatisfy { link in
            input.items.contains { $0.url?.hrefSafe == link } || link == contact || link == onlineURL
                || link == input.publication.website
                || link == input.publication.unsubscribeLink || isContentsLink(link, input)
        }, "every link is an item's URL, the contact address, the page online, unsubscribing or a section: \(probe.links)",
                sourceLocation: sourceLocation)
        if input.publication.tableOfContents {
            for link in probe.links where isContentsLink(link, input) {
                #expect(probe.ids.contains(String(link.dropFirst())), "the jump link \(link) has its target",
                        sourceLocation: sourceLocation)
            }
        }
        // One <style> element, for the dark scheme; nothing that loads anything.
        #expect(html.components(separatedBy: "<style>").count == 2, "one <style> element", sourceLocation: sourceLocation)
        for forbidden in ["<script", "<link", "<img", "@import", "url("] {
            #expect(!html.lowercased().contains(forbidden) || input.items.contains { $0.url?.contains(forbidden) == true },
                    "the HTML holds \(forbidden)", sourceLocation: sourceLocation)
        }
    }

    static func text(_ text: String, shows input: EditionContent, sourceLocation: SourceLocation = #_sourceLocation) {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        for line in lines {
            let isSingleWord = !line.contains(" ")
            let columns = TextWrapper.columns(String(line))
            #expect(columns <= 78 || (isSingleWord && line.contains("://")),
                    "line over 78 columns: \(line.debugDescription)", sourceLocation: sourceLocation)
            #expect(columns <= 72 || isSingleWord, "line over 72 columns: \(line.debugDescription)",
                    sourceLocation: sourceLocation)
            #expect(line == "-- " || !line.hasSuffix(" "), "trailing space: \(line.debugDescription)",
                    sourceLocation: sourceLocation)
        }
        #expect(lines.filter { $0 == "-- " }.count == 1, "exactly one signature line", sourceLocation: sourceLocation)
        if let signature = lines.firstIndex(of: "-- ") {
            #expect(lines[signature...].contains { $0 == input.publication.name },
                    "the footer names the publication", sourceLocation: sourceLocation)
        }
        #expect(!text.contains("\r"), sourceLocation: sourceLocation)

        let flowing = normalisedWhitespace(text)
        var searchFrom = flowing.startIndex
        let numbered = input.publication.numberedTextLinks
        for item in input.items {
            // The title once, then the attribution on its own, then the excerpt and the link.
            let attribution = "\(item.attribution), \(item.date.long)"
            for expected in [item.title, attribution, item.excerpt] + (numbered ? [] : item.url.map { [$0.hrefSafe] } ?? []) {
                let range = flowing.range(of: normalisedWhitespace(expected), range: searchFrom..<flowing.endIndex)
                #expect(range != nil, "the text holds, in order, \(expected.debugDescription)", sourceLocation: sourceLocation)
                if let range { searchFrom = range.upperBound }
            }
            if let postedOn = item.postedOn {
                #expect(text.contains("Posted on: \(postedOn.slashed)"), sourceLocation: sourceLocation)
            }
        }
        let sources = ([input.publication.name, input.publication.about ?? "", input.displayTitle, input.issue.intro ?? ""]
            + input.items.flatMap { [$0.title, $0.source, $0.author ?? "", $0.excerpt, $0.linkText ?? "", $0.url ?? ""] })
            .joined(separator: "\n")
        for entity in ["&amp;", "&lt;", "&gt;", "&quot;", "&#"] {
            #expect(text.components(separatedBy: entity).count == sources.components(separatedBy: entity).count,
                    "the text introduces \(entity)", sourceLocation: sourceLocation)
        }
    }

    static func email(
        _ email: String, text: String, html: String, input: EditionContent, envelope: EmailEnvelope,
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        let probe = try EmailProbe(email: email)
        #expect(probe.defects.isEmpty, "the parser found defects: \(probe.defects)", sourceLocation: sourceLocation)
        #expect(!probe.hasBareLineFeed, "every line ends with CRLF", sourceLocation: sourceLocation)
        #expect(!probe.hasNonASCII, "the message is ASCII", sourceLocation: sourceLocation)
        #expect(probe.longestLine <= 998, sourceLocation: sourceLocation)
        #expect(probe.longestHeaderLine <= 998, sourceLocation: sourceLocation)
        #expect(probe.encodedPartLines.allSatisfy { $0.utf8.count <= 76 },
                "a body line is over 76 characters", sourceLocation: sourceLocation)
        #expect(probe.headers["Subject"] == input.displayTitle, sourceLocation: sourceLocation)
        #expect(probe.fromName == input.publication.name, sourceLocation: sourceLocation)
        #expect(probe.fromAddress == (input.publication.email ?? "noreply@invalid"), sourceLocation: sourceLocation)
        #expect(probe.headers["To"] == (input.publication.listAddress ?? probe.fromAddress), sourceLocation: sourceLocation)
        #expect(probe.headers["Date"] == envelope.date.rfc5322, sourceLocation: sourceLocation)
        #expect(probe.headers["Message-ID"] == envelope.messageID, sourceLocation: sourceLocation)
        #expect(probe.headers["MIME-Version"] == "1.0", sourceLocation: sourceLocation)
        #expect(probe.contentType == "multipart/alternative", sourceLocation: sourceLocation)
        #expect(probe.parts.map(\.contentType) == ["text/plain", "text/html"], sourceLocation: sourceLocation)
        #expect(probe.parts.allSatisfy { $0.charset == "utf-8" && $0.transferEncoding == "quoted-printable" },
                sourceLocation: sourceLocation)
        #expect(probe.parts.first?.text == text, "the text part decodes to the text render", sourceLocation: sourceLocation)
        #expect(probe.parts.last?.text == html, "the HTML part decodes to the HTML render", sourceLocation: sourceLocation)
        #expect(!probe.boundary.isEmpty && !probe.encodedPartLines.contains { $0.contains(probe.boundary) },
                "the boundary occurs in neither part", sourceLocation: sourceLocation)
    }

    /// A table-of-contents jump link, `#releases`.
    static func isContentsLink(_ link: String, _ input: EditionContent) -> Bool {
        input.publication.tableOfContents && link.hasPrefix("#") && link.count > 1
    }

    static func normalisedWhitespace(_ text: String) -> String {
        text.split(whereSeparator: { $0 == " " || $0 == "\n" }).joined(separator: " ")
    }
}
