import Testing
@testable import DigestStorage
@testable import DigestModel
@testable import DigestRendering
@testable import DigestWorkflow

@Suite("Sections: their order, items without one, the table of contents")
struct SectionOrderTests {
    static func item(_ id: Int, _ title: String, section: String?) -> EditionItem {
        EditionItem(id: id, position: id, title: title, url: "https://example.org/\(id)", source: "Source",
                   date: RenderingFixtures.date("2026-11-20"), excerpt: "Excerpt \(id).", section: section)
    }

    static func input(_ items: [EditionItem], order: [String] = [], toc: Bool = false) -> EditionContent {
        var publication = RenderingFixtures.harbour
        publication.sectionOrder = order
        publication.tableOfContents = toc
        return EditionContent(publication: publication, issue: EditionIssue(number: 3, date: RenderingFixtures.date("2026-11-23")),
                           items: items)
    }

    /// Where each of `needles` first occurs in `text`, in characters.
    static func offsets(of needles: [String], in text: String) -> [Int] {
        needles.map { needle in
            text.range(of: needle).map { text.distance(from: text.startIndex, to: $0.lowerBound) } ?? -1
        }
    }

    @Test("an item without a section is never rendered under the previous item's section heading, in any format")
    func itemWithoutSectionLeads() throws {
        let input = Self.input([Self.item(1, "Sectioned item", section: "Releases"),
                                Self.item(2, "Loose item", section: nil)])
        let renders = try FormatRenderer().renderEdition(input, envelope: RenderingFixtures.sampleEnvelope)
        for (output, needles) in [(renders.markdown, ["[Loose item]", "## Releases", "[Sectioned item]"]),
                                  (renders.text, ["\nLoose item\n", "=== Releases ===", "\nSectioned item\n"]),
                                  (renders.html, [">Loose item</a>", ">Releases</h2>", ">Sectioned item</a>"])] {
            let at = Self.offsets(of: needles, in: output)
            #expect(at.allSatisfy { $0 >= 0 } && at[0] < at[1] && at[1] < at[2],
                    "the loose item comes before the section heading, which comes before its item: \(at)")
        }
    }

    @Test("sections.order puts the listed sections first; the others follow in the order of their first item")
    func explicitOrder() throws {
        let input = Self.input([
            Self.item(1, "Alpha one", section: "Alpha"), Self.item(2, "Beta one", section: "Beta"),
            Self.item(3, "Gamma one", section: "Gamma"), Self.item(4, "Alpha two", section: "Alpha"),
            Self.item(5, "Delta one", section: "Delta"),
        ], order: ["gamma", "Delta", "Nowhere"])
        #expect(input.sectionGroups.map(\.name) == ["Gamma", "Delta", "Alpha", "Beta"])
        #expect(input.sectionGroups.map(\.items) == [[2], [4], [0, 3], [1]])
        let markdown = try FormatRenderer().render(input, format: .markdown).output
        let at = Self.offsets(of: ["## Gamma", "## Delta", "## Alpha", "Alpha one", "Alpha two", "## Beta"], in: markdown)
        #expect(at.allSatisfy { $0 >= 0 } && at == at.sorted(), "\(at)")
        #expect(markdown.components(separatedBy: "## Alpha").count == 2, "items of one section are gathered under one heading")
    }

    @Test("render.toc lists the named sections in every format, with jump links to the headings in HTML and Markdown")
    func tableOfContents() throws {
        let input = Self.input([Self.item(1, "Loose", section: nil), Self.item(2, "A release", section: "Releases"),
                                Self.item(3, "A long read", section: "Long reads & essays")], toc: true)
        let renders = try FormatRenderer().renderEdition(input, envelope: RenderingFixtures.sampleEnvelope)
        #expect(renders.text.contains("\nIn this issue:\n- Releases\n- Long reads & essays\n"))
        #expect(renders.markdown.contains("In this issue:\n\n- [Releases](<#releases>)\n- [Long reads & essays](<#long-reads--essays>)\n"))
        #expect(renders.markdown.contains("\n## Long reads & essays\n"))
        #expect(renders.html.contains("<a href=\"#long-reads--essays\" style=\"color:#1a5fb4;\">Long reads &amp; essays</a>"))
        #expect(renders.html.contains("<h2 id=\"long-reads--essays\" dir=\"auto\""))
        try RenderExpectations.html(renders.html, shows: input)
        try RenderExpectations.markdown(renders.markdown, shows: input)

        let plain = try FormatRenderer().renderEdition(Self.input(input.items), envelope: RenderingFixtures.sampleEnvelope)
        for output in [plain.text, plain.markdown, plain.html] { #expect(!output.contains("In this issue")) }
    }

    @Test("anchors follow GitHub's rule and stay unique and non-empty")
    func anchors() throws {
        #expect("Long reads & essays".headingAnchor == "long-reads--essays")
        #expect("Café, Ærø_2".headingAnchor == "café-ærø_2")
        let input = Self.input([Self.item(1, "x", section: "A-B"), Self.item(2, "y", section: "a b"),
                                Self.item(3, "z", section: "!!!")], toc: true)
        let html = try FormatRenderer().render(input, format: .html).output
        for id in ["a-b", "a-b-1", "section"] { #expect(html.contains("<h2 id=\"\(id)\""), "\(id)") }
    }

    @Test("numbered text links: a [N] after each linked title and every link listed in order before the footer")
    func numberedLinks() throws {
        var input = Self.input([Self.item(1, "First", section: nil), Self.item(2, "Second", section: nil)])
        input.items.append(EditionItem(id: 3, position: 3, title: "Unlinked", url: nil, source: "S",
                                      date: RenderingFixtures.date("2026-11-20"), excerpt: "E."))
        input.publication.numberedTextLinks = true
        let text = try FormatRenderer().render(input, format: .text).output
        #expect(text.contains("\nFirst [1]\n"))
        #expect(text.contains("\nSecond [2]\n"))
        #expect(text.contains("\nUnlinked\n"))
        #expect(text.contains("\nLinks:\n[1] https://example.org/1\n[2] https://example.org/2\n\n-- \n"))
        #expect(text.components(separatedBy: "https://example.org/1").count == 2, "each link once, in the list")
        RenderExpectations.text(text, shows: input)
    }
}

@Suite("Preheader, language and the page online")
struct PreheaderTests {
    @Test("the preheader is the hidden first block of the HTML and appears in no other render")
    func onlyInHTML() throws {
        let renders = try FormatRenderer().renderEdition(RenderingFixtures.sections, envelope: RenderingFixtures.sampleEnvelope)
        let preheader = "Larchwood 3.0, plain-text commits, and why lockfiles keep changing"
        #expect(renders.html.contains(
            "<body class=\"page\" style=\"margin:0;padding:0;width:100%;background-color:#f3f1ec;\">\n<!--[if !mso]><!-->\n"
                + "<div style=\"display:none;max-height:0;max-width:0;opacity:0;overflow:hidden;\">\(preheader)"
                + String(repeating: "&#8204;&nbsp;", count: 40) + "</div>\n<!--<![endif]-->\n"),
                "the preheader, then a run of zero-width non-joiners and spaces, so the inbox preview stops at it")
        #expect(!renders.text.contains(preheader))
        #expect(!renders.markdown.contains(preheader))
        let probe = try EmailProbe(email: renders.email)
        #expect(probe.parts.first?.text.contains(preheader) == false)
    }

    @Test("without one, the preheader comes from the intro, else the first three titles, on one line and cut near 140")
    func derived() {
        var input = RenderingFixtures.sample
        #expect(input.preheader == "Two releases worth upgrading for, a long read about lockfiles, and one item still "
            + "waiting for its link.")
        input.issue.intro = String(repeating: "word\n", count: 60)
        #expect(input.preheader == String(repeating: "word ", count: 28).dropLast() + "…")
        input.issue.intro = nil
        #expect(input.preheader == "Larchwood 3.0 makes incremental builds boring again · Tidewater adds a plain-text mode "
            + "for commit messages · Why our lockfile format…")
        input.items = []
        #expect(input.preheader == nil)
    }

    @Test("publication.language sets lang; a malformed tag is refused naming the setting, the value and the fix")
    func language() throws {
        for (tag, normalised) in [("en", "en"), ("EN-gb", "en-GB"), ("zh-hant-tw", "zh-Hant-TW"), ("sr-Latn-RS", "sr-Latn-RS"),
                                  ("de-CH-1996", "de-CH-1996"), ("es-419", "es-419"), ("x-klingon", "x-klingon"),
                                  ("en-a-bbb-x-a-ccc", "en-a-bbb-x-a-ccc")] {
            #expect(try SettingValue.normalise(tag, for: SettingKey.publicationLanguage) == normalised, "\(tag)")
        }
        for bad in ["", "e", "en-GB-fun", "en_GB", "en--GB", "123", "en-GB-GB", "de-1996-1996", "en-a", "fr-x"] {
            #expect(throws: DigestError.self, "\(bad)") { try SettingValue.normalise(bad, for: SettingKey.publicationLanguage) }
            #expect(LanguageTag.problem(with: bad) != nil, "\(bad)")
        }
        do {
            _ = try SettingValue.normalise("en_GB", for: SettingKey.publicationLanguage)
        } catch {
            #expect(error.description == "publication.language \"en_GB\": it is not a BCP 47 language tag: a language tag "
                + "holds only ASCII letters, digits and hyphens; give a tag such as en, en-GB, fr, pt-BR or zh-Hant.")
        }
        let html = try FormatRenderer().render(RenderingFixtures.sections, format: .html).output
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"en-GB\">"))
    }

    @Test("with publication.archive-url, both parts of the email and the HTML link to the issue's page as export names it")
    func onlineLink() throws {
        var input = RenderingFixtures.sample
        let renders = try FormatRenderer().renderEdition(input, envelope: RenderingFixtures.sampleEnvelope)
        let page = "https://harbour-weekly.example/archive/12-2026-11-23.html"
        #expect(renders.text.contains("\nView this issue online:\n\(page)\n"))
        #expect(renders.text.contains("\nRead this issue online:\n\(page)\n"))
        #expect(renders.html.contains("<a href=\"\(page)\" style=\"color:#1a5fb4;\">View online</a>"))
        #expect(!renders.markdown.contains(page))
        input.issue = EditionIssue(number: 12, date: input.issue.date, edition: 2,
                                  pageName: EditionFileName.stem(issue: 12, date: input.issue.date, edition: 2))
        let second = try FormatRenderer().render(input, format: .html).output
        #expect(second.contains("https://harbour-weekly.example/archive/12-2026-11-23-edition-2.html"))
        input.publication.archiveURL = nil
        let none = try FormatRenderer().renderEdition(input, envelope: RenderingFixtures.sampleEnvelope)
        #expect(!none.html.contains("online") && !none.text.contains("online"))
    }
}
