import Foundation
import Testing
import DigestStorage
import DigestModel
import DigestRendering
import DigestWorkflow

@Suite("The archive's index page")
struct ArchiveIndexPageTests {
    @Test("the page, with hostile titles in it, passes tidy without errors")
    func tidyAcceptsThePage() throws {
        var entries = try ArchiveTestData.entries()
        for (offset, title) in ArchiveTestData.hostileTitles.enumerated() {
            entries.append(try ArchiveTestData.entry(number: 20 + offset, date: "2026-12-0\(offset + 1)", title: title,
                                                     publishedAt: "2026-12-0\(offset + 1)T08:00:00Z", summary: title))
        }
        let result = try ArchiveTestTools.tidy(ArchiveIndexPage.render(site: ArchiveTestData.site, entries: entries))

        #expect(result.status != 2, "tidy found errors:\n\(result.standardError)")
        #expect(!result.standardError.contains("Error:"), "tidy found errors:\n\(result.standardError)")
    }

    @Test("the empty page passes tidy without errors")
    func tidyAcceptsTheEmptyPage() throws {
        let result = try ArchiveTestTools.tidy(ArchiveIndexPage.render(site: ArchiveTestData.site, entries: []))

        #expect(result.status != 2, "tidy found errors:\n\(result.standardError)")
        #expect(!result.standardError.contains("Error:"), "tidy found errors:\n\(result.standardError)")
    }

    @Test("a standalone HTML5 document in English and UTF-8, titled after the publication, announcing its feed")
    func documentShape() throws {
        let html = ArchiveIndexPage.render(site: ArchiveTestData.site, entries: try ArchiveTestData.entries())
        let page = try ArchiveTestTools.parsePage(html)

        #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"))
        #expect(html.hasSuffix("</body>\n</html>\n"))
        #expect(page.title == "The Harbour Weekly: archive")
        #expect(page.headLinks == [[
            "rel": "alternate", "type": "application/atom+xml", "title": "The Harbour Weekly", "href": "feed.xml",
        ]])
    }

    @Test("issues are listed newest first, each with its long date, its title linking to its page, and its other three files")
    func listing() throws {
        let page = try ArchiveTestTools.parsePage(
            ArchiveIndexPage.render(site: ArchiveTestData.site, entries: try ArchiveTestData.entries()))

        #expect(page.times == ["November 23 2026", "November 16 2026", "November 9 2026"])
        #expect(page.anchors == [
            .init(href: "feed.xml", text: "Atom feed"),
            .init(href: "https://harbour-weekly.example/", text: "Website"),
            .init(href: "mailto:desk@harbour-weekly.example", text: "desk@harbour-weekly.example"),
            .init(href: "12-2026-11-23.html", text: "Storm week at Kestrel Bay"),
            .init(href: "12-2026-11-23.md", text: "Markdown"),
            .init(href: "12-2026-11-23.txt", text: "Plain text"),
            .init(href: "12-2026-11-23.eml", text: "Email"),
            .init(href: "11-2026-11-16.html", text: "Ferries & Fares: the \"winter\" timetable <draft> for Café 'Øresund' “Nord”"),
            .init(href: "11-2026-11-16.md", text: "Markdown"),
            .init(href: "11-2026-11-16.txt", text: "Plain text"),
            .init(href: "11-2026-11-16.eml", text: "Email"),
            .init(href: "10-2026-11-09.html", text: "Quiet waters"),
            .init(href: "10-2026-11-09.md", text: "Markdown"),
            .init(href: "10-2026-11-09.txt", text: "Plain text"),
            .init(href: "10-2026-11-09.eml", text: "Email"),
        ])
        #expect(page.paragraphs.contains("Timetables, tolls and a new pier café."))
    }

    @Test("a republished issue shows its edition")
    func edition() throws {
        let html = ArchiveIndexPage.render(site: ArchiveTestData.site, entries: try ArchiveTestData.entries())

        #expect(html.contains(">Issue 12, edition 2 · <a href=\"12-2026-11-23.md\""))
        #expect(html.contains(">Issue 11 · <a href=\"11-2026-11-16.md\""))
    }

    @Test("hostile titles, summaries and names are shown as text, never as markup")
    func hostileText() throws {
        let hostile = ArchiveTestData.hostileTitles
        let entries = try hostile.enumerated().map { offset, title in
            try ArchiveTestData.entry(number: offset + 1, date: "2026-12-0\(offset + 1)", title: title,
                                      publishedAt: "2026-12-0\(offset + 1)T08:00:00Z", summary: title)
        }
        let site = ArchiveSite(name: "<b>Harbour</b> \"Weekly\"", about: "<img src=x onerror=alert(1)>")
        let html = ArchiveIndexPage.render(site: site, entries: entries)
        let page = try ArchiveTestTools.parsePage(html)

        let titleLinks = page.anchors.filter { $0.href?.hasSuffix(".html") == true }
        #expect(titleLinks.map(\.text) == hostile.reversed())
        #expect(page.paragraphs.filter { hostile.contains($0) } == hostile.reversed())
        #expect(page.title == "<b>Harbour</b> \"Weekly\": archive")
        #expect(page.paragraphs.contains("<img src=x onerror=alert(1)>"))
        #expect(!page.tags.contains("script"))
        #expect(!page.tags.contains("img"))
        #expect(!page.tags.contains("b"))
        #expect(!page.attributeNames.contains("onmouseover"))
        #expect(!page.attributeNames.contains("onerror"))
        #expect(html.contains("&lt;script&gt;alert(&#39;boo&#39;)&lt;/script&gt;"))
        #expect(html.contains("&quot; onmouseover=&quot;alert(1)"))
        #expect(html.contains("Fish &amp;amp; chips"))
        #expect(html.contains(">مرفأ الصيادين يفتح من جديد</a>"))
    }

    @Test("the page loads nothing: no style element, no scripts, no src, links only to its own files and the publication")
    func nothingOutside() throws {
        let html = ArchiveIndexPage.render(site: ArchiveTestData.site, entries: try ArchiveTestData.entries())
        let page = try ArchiveTestTools.parsePage(html)

        #expect(!page.tags.contains("style"))
        #expect(!page.tags.contains("script"))
        #expect(!page.attributeNames.contains("src"))
        let outside = page.anchors.compactMap(\.href).filter { $0.contains(":") }
        #expect(outside == ["https://harbour-weekly.example/", "mailto:desk@harbour-weekly.example"])
    }

    @Test("a website that is not an http or https address is never linked")
    func unsafeWebsite() throws {
        let site = ArchiveSite(name: "The Harbour Weekly", website: "javascript:alert(1)", email: "desk?subject=hi@x.example")
        let html = ArchiveIndexPage.render(site: site, entries: [])
        let page = try ArchiveTestTools.parsePage(html)

        #expect(!html.contains("javascript"))
        #expect(page.anchors.map(\.href) == ["feed.xml", "mailto:desk%3Fsubject=hi@x.example"])
    }

    @Test("an empty archive says nothing has been published yet and still offers the feed")
    func emptyArchive() throws {
        let page = try ArchiveTestTools.parsePage(ArchiveIndexPage.render(site: ArchiveTestData.site, entries: []))

        #expect(page.paragraphs.contains("Nothing has been published yet. Issues will be listed here once they are published."))
        #expect(!page.tags.contains("ol"))
        #expect(page.anchors.first == .init(href: "feed.xml", text: "Atom feed"))
    }

    @Test("an odd file stem is percent-encoded so its links stay inside the archive")
    func oddBaseName() throws {
        var entry = try ArchiveTestData.entry(number: 1, date: "2026-01-05", title: "One", publishedAt: "2026-01-05T08:00:00Z")
        entry.baseName = "../1 \"a\"/é"
        let page = try ArchiveTestTools.parsePage(ArchiveIndexPage.render(site: ArchiveSite(name: "H"), entries: [entry]))

        #expect(page.anchors.map(\.href).contains("..%2F1%20%22a%22%2F%C3%A9.html"))
    }

    /// How fast is the benchmarks' business (`Benchmarks/run`: export).
    @Test("520 issues render as one page of 520 entries")
    func largeArchive() throws {
        let entries = try ArchiveTestData.manyEntries(count: 520)
        let html = ArchiveIndexPage.render(site: ArchiveTestData.site, entries: entries)
        let page = try ArchiveTestTools.parsePage(html)
        #expect(page.times.count == 520)
        #expect(page.times.first == "December 15 2025")
    }
}
