import Foundation
@testable import DigestStorage
@testable import DigestModel
@testable import DigestRendering
@testable import DigestWorkflow

/// Fictional issues the rendering tests share.
enum RenderingFixtures {
    static func date(_ iso: String) -> CivilDate {
        CivilDate(iso: iso) ?? CivilDate(year: 2000, month: 1, day: 1)!
    }

    static let harbour = PublicationInfo(
        name: "The Harbour Weekly",
        about: "A weekly reading list on open-source tooling: build systems, package managers, editors "
            + "and the people who keep them running.",
        email: "editors@harbour-weekly.example",
        website: "https://harbour-weekly.example",
        listAddress: "readers@lists.harbour-weekly.example",
        listUnsubscribe: "https://harbour-weekly.example/unsubscribe",
        archiveURL: "https://harbour-weekly.example/archive")

    /// The sample issue with every render setting on: sections in a set
    /// order, a table of contents, numbered text links, another language,
    /// its own preheader and an item with no section after sectioned ones.
    static let sections: EditionContent = {
        var publication = harbour
        publication.language = "en-GB"
        publication.sectionOrder = ["Long reads"]
        publication.tableOfContents = true
        publication.numberedTextLinks = true
        var input = sample
        input.publication = publication
        input.issue.preheader = "Larchwood 3.0, plain-text commits, and why lockfiles keep changing"
        input.items.append(EditionItem(
            id: 40, position: 5, title: "A reader writes in about tabs",
            url: "https://harbour-weekly.example/letters/tabs", source: "Letters", date: date("2026-11-22"),
            excerpt: "Tabs for indentation, spaces for alignment, and a plea to stop arguing about it."))
        return input
    }()

    /// The issue behind the golden files.
    static let sample = EditionContent(
        publication: harbour,
        issue: EditionIssue(
            number: 12, date: date("2026-11-23"),
            intro: "Two releases worth upgrading for, a long read about lockfiles, and one item still "
                + "waiting for its link.",
            edition: 1),
        items: [
            EditionItem(
                id: 31, position: 1,
                title: "Larchwood 3.0 makes incremental builds boring again",
                url: "https://larchwood.example/blog/2026/11/larchwood-3.0",
                source: "Larchwood blog", author: "Mira Castellanos", date: date("2026-11-19"),
                excerpt: "The third major release keeps a content-addressed cache of every step, so a "
                    + "one-line change rebuilds one target instead of forty. The team measured a median "
                    + "rebuild of 1.8 seconds on their own repository, down from 41.",
                section: "Releases", postedOn: date("2026-11-20"), linkText: "Larchwood 3.0"),
            EditionItem(
                id: 34, position: 2,
                title: "Tidewater adds a plain-text mode for commit messages",
                url: "https://tidewater.example/notes/plain_text_(commit-messages)?from=digest&lang=en",
                source: "Tidewater Project", author: "Jonas Ekberg", date: date("2026-11-17"),
                excerpt: "Wrapping at 72 columns, a ruler, and nothing else: the editor now opens COMMIT_EDITMSG "
                    + "without any of its usual panels.",
                section: "Releases", postedOn: date("2026-11-18")),
            EditionItem(
                id: 29, position: 3,
                title: "Why our lockfile format changed twice in one year",
                url: "https://notes.pebble.example/posts/lockfiles-twice",
                source: "Pebble Packaging Notes", date: date("2026-11-12"),
                excerpt: "Version 1 stored resolved versions; version 2 added hashes; version 3 stores the whole "
                    + "resolution graph, because \"which version\" turned out to be the wrong question.\n\n"
                    + "The post walks through the three formats and what each migration cost.",
                section: "Long reads", postedOn: date("2026-11-14"),
                linkText: "Why our lockfile format changed"),
            EditionItem(
                id: 36, position: 4,
                title: "Notes from the Quayside maintainers' meetup",
                url: nil,
                source: "Quayside Community", author: "Ana Ribeiro", date: date("2026-11-21"),
                excerpt: "Twelve maintainers, one long table, and a list of the five chores that every project "
                    + "in the room still does by hand.",
                section: "Long reads"),
        ])

    static let sampleEnvelope = EmailEnvelope(
        date: Date(timeIntervalSince1970: 1_795_424_400),
        messageID: "<digest.12.1.5f0c2a9e41b7d3a8c6e0f1b2a3d4c5e6@harbour-weekly.example>")

    /// Text that tries to become markup, links or a signature in every format.
    static let hostile = EditionContent(
        publication: PublicationInfo(
            name: "Harbour & <Co> \"Weekly\"", about: "# Not a heading\n-- \n* not a list",
            email: "editors@harbour-weekly.example", website: "https://harbour-weekly.example",
            listAddress: "readers@harbour-weekly.example", listUnsubscribe: "leave@harbour-weekly.example"),
        issue: EditionIssue(
            number: 7, date: date("2026-02-02"), title: "Ça marche — *déjà* vu? [x](https://evil.example)",
            intro: "1. not a list\n2020. was a year\n> not a quote\n    not code"),
        items: [
            EditionItem(
                id: 1, position: 1, title: "[click](https://evil.example)",
                url: "https://en.wikipedia.org/wiki/Fish_(food)", source: "Wiki_pedia", author: "*Star* _Under_",
                date: date("2026-01-30"),
                excerpt: "Prices at AT&amp;T rose; 2 * 3 = 6 and snake_case_names stay.\n-- \n2020. was a year",
                postedOn: date("2026-01-31")),
            EditionItem(
                id: 2, position: 2, title: "# Not a heading",
                url: "https://example.org/search?q=a_b*c&x=%20y'z&list=[1]&n=(2)",
                source: "Example `code` \\ backslash", date: date("2026-01-29"),
                excerpt: "- dash\n+ plus\n= equals\n1) one\n  two leading spaces  \n<b>bold</b> & &copy;"),
            EditionItem(
                id: 3, position: 3, title: "<script>alert(1)</script>",
                url: "https://example.org/" + String(repeating: "very-long-path-segment/", count: 8) + "end",
                source: "Script Kiddie Weekly", date: date("2026-01-28"),
                excerpt: "A 200-character link follows in the text: https://example.org/"
                    + String(repeating: "abcdefghij", count: 18) + " and more words after it."),
            EditionItem(
                id: 4, position: 4, title: "\" onmouseover=\"alert(1)",
                url: "https://example.org/o'brien-(quotes)", source: "Attribute Times", author: "O'Brien",
                date: date("2026-01-27"),
                excerpt: "' onload='alert(2)' and \" plus > and < all stay text."),
            EditionItem(
                id: 5, position: 5, title: "مرحبا بالعالم — سلام دنیا",
                url: "https://example.org/rtl", source: "روزنامه", author: "نویسنده",
                date: date("2026-01-26"),
                excerpt: "متن فارسی با کلمات بسیار زیاد که باید به درستی شکسته شود و هیچ کلمه‌ای از دست نرود، "
                    + "و همچنین نص عربي قصير. Then café, naïve, Ærø and Øresund.",
                section: "Right to left", linkText: "بیشتر بخوانید"),
        ])

    /// `count` items with excerpts of `excerptLength` characters, for size and speed.
    static func large(count: Int = 40, excerptLength: Int = 500) -> EditionContent {
        let words = "Maintainers shipped another careful release with notes, fixes and a faster test suite "
        var excerpt = ""
        while excerpt.count < excerptLength { excerpt += words }
        excerpt = String(excerpt.prefix(excerptLength))
        let items = (1...count).map { index in
            EditionItem(
                id: 100 + index, position: index,
                title: "Release notes number \(index) for a project with a reasonably long name",
                url: "https://projects.example/releases/\(index)?utm=none&page=\(index)",
                source: "Project blog \(index)", author: index % 3 == 0 ? nil : "Author Number \(index)",
                date: date("2026-11-19"), excerpt: excerpt, section: index <= count / 2 ? "First half" : "Second half",
                postedOn: date("2026-11-20"))
        }
        return EditionContent(publication: harbour, issue: EditionIssue(number: 40, date: date("2026-11-23")), items: items)
    }
}
