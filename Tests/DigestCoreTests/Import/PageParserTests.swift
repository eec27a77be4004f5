import Foundation
import Testing
import DigestStorage
import DigestModel
import DigestRendering
import DigestWorkflow

@Suite("Reading digest pages")
struct PageParserTests {
    // MARK: - The seed page of the quick start

    @Test("the seed page gives its header, every field of its nine items, and one warning")
    func seedPage() throws {
        let page = try PageParser.parse(try Self.seedPage())

        #expect(page.publicationName == "Lighthouse Notes")
        #expect(page.about == "Lighthouse Notes is a weekly digest about life on the coast – harbours, ferries, fishing towns and the people who keep them going. Each week we gather reporting from local papers, radio stations and newsletters, and quote a few lines from each so that readers can follow every story back to its source.")
        #expect(page.contactLines == ["Email: desk@lighthouse-notes.example", "Twitter: LighthouseNotes"])
        try Self.expectItems(page.items, [
            PageItem(line: 14, title: "Ferry Timetable Moves to Summer Hours on the Northern Route",
                     postedOn: try day("2024-03-24"), source: "Ana Whitlow, The Harbour Gazette", date: try day("2024-03-22"),
                     excerpt: "The island ferry will run six crossings a day from the first of April, up from four, as the operator moves to its summer timetable a week early. Residents of the outer islands had asked for a later sailing on Fridays; the operator said the last boat will now leave the mainland at 21:15.",
                     linkText: "Ferry Timetable Moves to Summer Hours on the Northern Route"),
            PageItem(line: 20, title: "Oyster Beds Reopen After Winter Closure – Lighthouse Notes Weekly – Mar 21, 2024",
                     postedOn: try day("2024-03-22"), source: "Lighthouse Notes", date: try day("2024-03-21"),
                     excerpt: "Water tests in the estuary came back clean for the third week running, and the shellfish authority lifted the closure on Thursday morning. Growers at Kestrel Bay say the first harvest will go to the town’s own market before any is sent inland.",
                     linkText: "Oyster Beds Reopen After Winter Closure"),
            PageItem(line: 26, title: "Volunteers Count 212 Seals at Gull Point",
                     postedOn: nil, source: "Coastal Wildlife Trust", date: try day("2024-03-19"),
                     excerpt: "Forty volunteers walked the dunes at low tide and counted 212 grey seals, the highest number since the survey began. Pups born in the winter are now moulting, and walkers are asked to keep their dogs on a lead and stay at least 50 metres away.",
                     linkText: "Volunteers Count 212 Seals at Gull Point"),
            PageItem(line: 32, title: "Lighthouse Notes Weekly – Mar 15, 2024",
                     postedOn: try day("2024-03-17"), source: "Lighthouse Notes", date: try day("2024-03-15"),
                     excerpt: "This week: a new bus link to the ferry terminal, a row over parking on the promenade, and the café at the end of the pier changes hands after forty years. The new owners, two sisters from the village, promise “the same tea, the same chips, and a fresh coat of paint”. Harbour Master Retires After 31 Years",
                     linkText: nil),
            PageItem(line: 38, title: "Fishing Cooperative Votes on New Quay Fees",
                     postedOn: try day("2024-03-14"), source: "Tom Reyes, Coastline Radio, The Harbour Gazette, Port Elwyn",
                     date: try day("2024-03-13"),
                     excerpt: "Members of the cooperative voted 38 to 11 to accept the new quay fees, which rise by a tenth for boats over twelve metres and stay the same for the smaller inshore boats. The chair said the money will pay for new lighting on the slipway.",
                     linkText: "Fishing Cooperative Votes on New Quay Fees"),
            PageItem(line: 44, title: "“A Town That Floats”: Life on the Houseboats of Marrow Creek",
                     postedOn: try day("2024-03-11"), source: "Priya Anand, Tideline Magazine", date: try day("2024-03-10"),
                     excerpt: "Some forty households live on the water at Marrow Creek, in converted barges, old lifeboats and one former ferry. Mooring rights pass from hand to hand, and the waiting list is eleven years long. “You learn the tides before you learn the neighbours,” said one resident.",
                     linkText: "“A Town That Floats”"),
            PageItem(line: 50, title: "School Boat Service Saved by Parents’ Rota",
                     postedOn: try day("2024-03-08"), source: "The Harbour Gazette", date: try day("2024-03-07"),
                     excerpt: "The small boat that carries nine children from Holm Island to the mainland school will keep running after parents agreed to share the cost of a relief skipper. The council had warned in January that the service might end at Easter.",
                     linkText: nil),
            PageItem(line: 56, title: "Sea Wall Repairs: What the Council Agreed on March 5 2024",
                     postedOn: try day("2024-03-06"), source: "Council Notes, Port Elwyn", date: try day("2024-03-05"),
                     excerpt: "The council approved repairs to the northern sea wall in two stages: first the breach by the lifeboat station, before the spring tides; then the older section by the beach huts, in the autumn. Cost: about 1.2 million, shared with the harbour board.",
                     linkText: "Sea Wall Repairs"),
            PageItem(line: 62, title: "Lifeboat Crew Trains with Drones",
                     postedOn: try day("2024-03-04"), source: "Mara Lind, Shore Weekly", date: try day("2024-03-04"),
                     excerpt: "The volunteer lifeboat crew spent Saturday on the headland learning to fly two search drones, bought with money raised at last summer’s regatta. A drone can sweep the rocks below the cliffs in minutes, where a shore party needs an hour.",
                     linkText: "Lifeboat Crew Trains with Drones"),
        ])
        #expect(page.warnings == [PageWarning(line: 48, message: "read the month 'Mrach' as March")])
        #expect(page.warnings.map(\.description) == ["line 48: read the month 'Mrach' as March."])
    }

    // MARK: - Variations of a well-formed page

    @Test("titles with commas, quotes, dashes, dates and colons, blank and missing 'Posted on' lines, date forms, Unicode and link titles are read as written")
    func variations() throws {
        let page = try PageParser.parse(try Self.fixture("variations"))

        #expect(page.publicationName == "Riverbank Dispatch")
        #expect(page.about == "A fortnightly round-up of news from the towns along the River Wend.")
        #expect(page.contactLines == ["Contact: editors@riverbank-dispatch.example"])
        try Self.expectItems(page.items, try Self.variationItems())
        #expect(page.warnings.isEmpty)
    }

    @Test("CRLF and lone CR line endings read exactly like LF")
    func lineEndings() throws {
        let text = try Self.fixture("variations")
        let expected = try PageParser.parse(text)
        let crlf = try PageParser.parse(text.replacingOccurrences(of: "\n", with: "\r\n"))
        let cr = try PageParser.parse(text.replacingOccurrences(of: "\n", with: "\r"))
        #expect(crlf == expected)
        #expect(cr == expected)
    }

    @Test("a page with no header, no 'Posted on' lines, wrapped paragraphs and a footer")
    func noHeader() throws {
        let page = try PageParser.parse(try Self.fixture("no-header"))

        #expect(page.publicationName == nil)
        #expect(page.about == nil)
        #expect(page.contactLines == [])
        try Self.expectItems(page.items, [
            PageItem(line: 1, title: "Night Buses Return to the Valley Line",
                     postedOn: nil, source: "Wend Transport", date: try day("2023-02-20"),
                     excerpt: "Two night buses will run on Fridays and Saturdays from March, stopping at every village on the valley line.",
                     linkText: "Night Buses Return"),
            PageItem(line: 8, title: "Allotment Waiting List Falls",
                     postedOn: try day("2023-02-19"), source: "Oldmill Allotment Society", date: try day("2023-02-17"),
                     excerpt: "The waiting list for plots fell to twelve names after the society split six large plots in two.",
                     linkText: "Allotment Waiting List Falls"),
        ])
        #expect(page.warnings.map(\.description) == [
            "line 15: left out '© 2023 Riverbank Dispatch. All rights reserved.', which belongs to no item.",
        ])
    }

    @Test("a page without blank lines: header lines, items back to back, a misspelt month")
    func compact() throws {
        let page = try PageParser.parse(try Self.fixture("compact"))

        #expect(page.publicationName == "The Quay Letter")
        #expect(page.about == nil)
        #expect(page.contactLines == ["Email: post@quay-letter.example", "Phone: 01632 960 123"])
        try Self.expectItems(page.items, [
            PageItem(line: 5, title: "Tide Gauge Fixed at Last",
                     postedOn: try day("2022-11-30"), source: "Harbour Board", date: try day("2022-11-29"),
                     excerpt: "The tide gauge on the north pier is working again after two months.",
                     linkText: "Tide Gauge Fixed"),
            PageItem(line: 8, title: "New Ice Plant for the Fish Market",
                     postedOn: try day("2022-11-28"), source: "Fish Market Traders", date: try day("2022-11-25"),
                     excerpt: "The old ice plant will be replaced in January, paid for by a grant and the traders' own fund.",
                     linkText: nil),
        ])
        #expect(page.warnings.map(\.description) == ["line 10: read the month 'Novemebr' as November."])
    }

    // MARK: - The header

    @Test("without an 'Author:' line the name is the first short line, and the about text keeps its paragraphs")
    func headerWithoutAuthor() throws {
        let page = try PageParser.parse("""
            The Saltmarsh Post
            News from the marsh villages, gathered
            every Friday by volunteers.

            We quote, we link, we do not rewrite.
            Website: https://saltmarsh-post.example
            Mastodon: @post@saltmarsh.example

            Boardwalk Mended
            Posted on: 2021/06/04
            Marsh Trust, June 3 2021:… The boardwalk is open again.
            """)
        #expect(page.publicationName == "The Saltmarsh Post")
        #expect(page.about == "News from the marsh villages, gathered every Friday by volunteers.\n\nWe quote, we link, we do not rewrite.")
        #expect(page.contactLines == ["Website: https://saltmarsh-post.example", "Mastodon: @post@saltmarsh.example"])
        #expect(page.items.map(\.title) == ["Boardwalk Mended"])
    }

    @Test("an 'Author:' line names the publication, its repetitions are dropped, and a header may have no contact lines")
    func headerWithAuthorOnly() throws {
        let page = try PageParser.parse("""
            Author:\u{00A0}The Saltmarsh Post\u{00A0}

            The Saltmarsh Post
            the saltmarsh post

            Boardwalk Mended
            Posted on: 2021/06/04
            Marsh Trust, June 3 2021:… The boardwalk is open again.
            """)
        #expect(page.publicationName == "The Saltmarsh Post")
        #expect(page.about == nil)
        #expect(page.contactLines == [])
    }

    // MARK: - Attributions and dates

    @Test("the attribution's date may be written in each accepted form, with ':…', ':...' or ':'", arguments: [
        ("Marsh Trust, June 3 2021:… The boardwalk is open.", "Marsh Trust", "2021-06-03"),
        ("Marsh Trust, Jun 3, 2021:… The boardwalk is open.", "Marsh Trust", "2021-06-03"),
        ("Marsh Trust, 3 June 2021:… The boardwalk is open.", "Marsh Trust", "2021-06-03"),
        ("Marsh Trust, Sept. 30, 2021:... The boardwalk is open.", "Marsh Trust", "2021-09-30"),
        ("Marsh Trust, 3rd June 2021: The boardwalk is open.", "Marsh Trust", "2021-06-03"),
        ("Marsh Trust, june 03 2021 :…The boardwalk is open.", "Marsh Trust", "2021-06-03"),
        ("Ana Ruiz, Radio Marsh, Marsh Trust, Eastby, Norfolk, June 3 2021:… The boardwalk is open.",
         "Ana Ruiz, Radio Marsh, Marsh Trust, Eastby, Norfolk", "2021-06-03"),
        ("Radio Marsh: Morning Show, June 3 2021:… The boardwalk is open.", "Radio Marsh: Morning Show", "2021-06-03"),
        ("Marsh Trust,\u{00A0}June\u{00A0}3\u{00A0}2021:…\u{00A0}The boardwalk is open.", "Marsh Trust", "2021-06-03"),
    ])
    func attributionForms(paragraph: String, source: String, iso: String) throws {
        let page = try PageParser.parse("Boardwalk Mended\nPosted on: 2021/06/04\n\(paragraph)\n")
        let item = try #require(page.items.first)
        #expect(item.source == source)
        #expect(item.date == (try day(iso)))
        #expect(item.excerpt == "The boardwalk is open.")
        #expect(page.warnings.isEmpty)
    }

    @Test("an excerpt keeps later ':…', colons and dates of its own; only the first date before a colon ends the attribution")
    func laterColons() throws {
        let page = try PageParser.parse("""
            Tide Tables
            Posted on: 2021/06/04
            Harbour Office, June 2 2021:… Changes from July 1 2021:… high water at 06:40; from August 5 2021: at 07:10.
            """)
        let item = try #require(page.items.first)
        #expect(item.source == "Harbour Office")
        #expect(item.date == (try day("2021-06-02")))
        #expect(item.excerpt == "Changes from July 1 2021:… high water at 06:40; from August 5 2021: at 07:10.")
    }

    @Test("a misspelt month keeps the item, read as the nearest month, with a warning naming the line")
    func misspeltMonth() throws {
        let page = try PageParser.parse("""
            Author: The Saltmarsh Post

            Boardwalk Mended
            Posted on: 2021/02/04

            Marsh Trust, Febrauary 3 2021:… The boardwalk is open again.

            Gate Repainted
            Posted on: Agust 2 2021

            Marsh Trust, 1 Agust 2021:… The gate is green now.
            """)
        #expect(page.items.map(\.date) == [try day("2021-02-03"), try day("2021-08-01")])
        #expect(page.items.map(\.postedOn) == [try day("2021-02-04"), try day("2021-08-02")])
        #expect(page.warnings.map(\.description) == [
            "line 6: read the month 'Febrauary' as February.",
            "line 9: read the month 'Agust' as August.",
            "line 11: read the month 'Agust' as August.",
        ])
    }

    @Test("'Posted on' accepts any case and spacing of its label, even without its colon before a date, the dates digest reads, and a blank value")
    func postedOnForms() throws {
        let page = try PageParser.parse("""
            One
            posted ON : 2021-06-04
            Marsh Trust, June 3 2021:… First.

            Two
            Posted on: June 5 2021
            Marsh Trust, June 3 2021:… Second.

            Three
            Posted on:\u{00A0}
            Marsh Trust, June 3 2021:… Third.

            Four
            Posted on 2021/06/07
            Marsh Trust, June 3 2021:… Fourth.

            Posted on the Harbour Wall
            Marsh Trust, June 3 2021:… Fifth.
            """)
        #expect(page.items.map(\.title) == ["One", "Two", "Three", "Four", "Posted on the Harbour Wall"])
        #expect(page.items.map(\.postedOn) == [try day("2021-06-04"), try day("2021-06-05"), nil, try day("2021-06-07"), nil])
    }

    @Test("without 'Posted on' lines, a title that looks like an attribution is still the title of the paragraph below it")
    func titleShapedLikeAttribution() throws {
        let page = try PageParser.parse("""
            Storm Diary, January 9 2023: A Week Without Power
            Eastby Parish News, January 16 2023:… The lights came back on Sunday. Storm Diary

            Power Back On, January 15 2023: Thanks to the Crews
            Eastby Parish News, January 16 2023:… Crews worked through the night.
            """)
        #expect(page.items.map(\.title) == ["Storm Diary, January 9 2023: A Week Without Power",
                                             "Power Back On, January 15 2023: Thanks to the Crews"])
        #expect(page.items.map(\.linkText) == ["Storm Diary", nil])
        #expect(page.items.map(\.excerpt) == ["The lights came back on Sunday.", "Crews worked through the night."])
    }

    @Test("an excerpt that starts on the line below its attribution is read")
    func excerptOnNextLine() throws {
        let page = try PageParser.parse("""
            Boardwalk Mended
            Posted on: 2021/06/04
            Marsh Trust, June 3 2021:…
            The boardwalk is open again.
            """)
        #expect(page.items.first?.excerpt == "The boardwalk is open again.")
    }

    // MARK: - The trailing link title

    @Test("the trailing link title is split off only when it is the title or the title cut at a word boundary, after a sentence", arguments: [
        // The whole title, in another case, with ` .` and spaces after it.
        ("The slipway is open. HARBOUR SLIPWAY REOPENS AFTER REPAIRS . \u{00A0}", "The slipway is open.",
         "HARBOUR SLIPWAY REOPENS AFTER REPAIRS"),
        // The title cut after a word, after a closing quote.
        ("“It is open,” she said. Harbour Slipway", "“It is open,” she said.", "Harbour Slipway"),
        // Curly and straight quotes, spaces and non-breaking spaces compare alike.
        ("Done! Harbour\u{00A0}\u{00A0}Slipway Reopens", "Done!", "Harbour\u{00A0}\u{00A0}Slipway Reopens"),
        // Cut inside a word: not an abbreviation.
        ("The slipway is open. Harbour Slip", "The slipway is open. Harbour Slip", nil),
        // Not after the end of a sentence: the excerpt's own words.
        ("The boats use the Harbour Slipway", "The boats use the Harbour Slipway", nil),
        // Another title altogether.
        ("The slipway is open. Ferry Fares Frozen", "The slipway is open. Ferry Fares Frozen", nil),
        // Nothing else: the words are the excerpt.
        ("Harbour Slipway Reopens After Repairs", "Harbour Slipway Reopens After Repairs", nil),
        // No link title at all.
        ("The slipway is open.", "The slipway is open.", nil),
    ] as [(String, String, String?)])
    func linkTitles(excerpt: String, expectedExcerpt: String, linkText: String?) throws {
        let page = try PageParser.parse("""
            Harbour Slipway Reopens After Repairs
            Posted on: 2021/06/04
            Harbour Office, June 2 2021:… \(excerpt)
            """)
        let item = try #require(page.items.first)
        #expect(item.excerpt == expectedExcerpt)
        #expect(item.linkText == linkText)
    }

    @Test("a link title alone on the line after its paragraph becomes the item's link title")
    func linkTitleOnItsOwnLine() throws {
        let page = try PageParser.parse("""
            Harbour Slipway Reopens After Repairs
            Posted on: 2021/06/04
            Harbour Office, June 2 2021:… The slipway is open.

            Harbour Slipway Reopens .

            Back Next Week
            """)
        #expect(page.items.first?.linkText == "Harbour Slipway Reopens")
        #expect(page.items.first?.excerpt == "The slipway is open.")
        #expect(page.warnings.map(\.description) == ["line 7: left out 'Back Next Week', which belongs to no item."])
    }

    // MARK: - Pages that cannot be imported

    @Test("every problem of a page is reported at once, in page order, with its line and its fix")
    func everyProblemAtOnce() throws {
        let failure = try #require(Self.failure(try Self.fixture("broken")))
        #expect(failure.description == """
            line 4: the 'Posted on' value 'next Tuesday' cannot be read as a date (it is not a date digest can read): write it as YYYY/MM/DD, or leave it blank.
            line 9: the paragraph of the item 'Item Without a Date' does not start with a source and a date that can be read: write it as 'Source, Month D YYYY:… excerpt' (also 'Mon D, YYYY' or 'D Month YYYY').
            line 13: the date 'February 30 2022' of the item 'Item With an Impossible Date' cannot be read (February 2022 has 28 days, not 30): use a day from 1 to 28.
            line 17: the item 'Item Without an Excerpt' has no excerpt after its date: write the excerpt after 'Month D YYYY:…'.
            line 19: this 'Posted on' line has no title line above it: put the item's title on the line above it.
            line 24: the item 'Item Without a Source' names no source before its date: write it as 'Source, Month D YYYY:… excerpt' (also 'Mon D, YYYY' or 'D Month YYYY').
            line 27: the item 'Item Without a Paragraph' has no paragraph after its 'Posted on' line: add its paragraph on the next line: 'Source, Month D YYYY:… excerpt'.
            """)
        #expect(failure.problems.map(\.line) == [4, 9, 13, 17, 19, 24, 27])
    }

    @Test("a page with a header and no item says what an item looks like", arguments: ["header-only", "empty"])
    func noItem(name: String) throws {
        let text = name == "empty" ? "" : try Self.fixture(name)
        let failure = try #require(Self.failure(text))
        #expect(failure.problems == [PageProblem(line: nil, reason: "no item found", fix: Self.itemShape)])
        #expect(failure.description == "no item found: \(Self.itemShape).")
    }

    @Test("blank lines, spaces and non-breaking spaces alone are no item", arguments: ["", "\n", "\n\n   \n\u{00A0}\n", "\r\n\r\n", "\u{FEFF}"])
    func blankPages(text: String) throws {
        let failure = try #require(Self.failure(text))
        #expect(failure.problems == [PageProblem(line: nil, reason: "no item found", fix: Self.itemShape)])
    }

    @Test("an item with an empty excerpt is refused, even with spaces and an ellipsis after its date")
    func emptyExcerpt() throws {
        let failure = try #require(Self.failure("Boardwalk Mended\nPosted on: 2021/06/04\nMarsh Trust, June 3 2021:... \u{00A0} \n"))
        #expect(failure.description == "line 3: the item 'Boardwalk Mended' has no excerpt after its date: write the excerpt after 'Month D YYYY:…'.")
    }

    @Test("attributions without a readable date are refused", arguments: [
        "Marsh Trust, June 3 21:… Two-digit year.",
        "Marsh Trust, Blorp 3 2021:… Not a month.",
        "Marsh Trust, 2021/06/03:… Not a form for attributions.",
        "Marsh Trust June 3 2021:… No comma before the date.",
        "Marsh Trust, June 3 2021 The colon is missing.",
    ])
    func unreadableAttribution(paragraph: String) throws {
        let failure = try #require(Self.failure("Boardwalk Mended\nPosted on: 2021/06/04\n\(paragraph)\n"))
        #expect(failure.problems == [PageProblem(
            line: 3,
            reason: "the paragraph of the item 'Boardwalk Mended' does not start with a source and a date that can be read",
            fix: "write it as 'Source, Month D YYYY:… excerpt' (also 'Mon D, YYYY' or 'D Month YYYY')")])
    }

    @Test("an attribution with no title above it, after the items, is refused")
    func attributionWithoutTitle() throws {
        let failure = try #require(Self.failure("""
            Boardwalk Mended
            Marsh Trust, June 3 2021:… The boardwalk is open again.

            Marsh Trust, June 4 2021:… Whose item is this?
            """))
        #expect(failure.description == "line 4: this attribution paragraph has no title line above it: put the item's title on its own line above it.")
    }

    @Test("long titles are shortened in messages")
    func longTitleInMessage() throws {
        let title = String(repeating: "Tide ", count: 30) + "End"
        let failure = try #require(Self.failure("\(title)\nPosted on: 2021/06/04\nMarsh Trust, June 3 2021:…\n"))
        #expect(failure.problems.first?.reason == "the item '\(String(title.prefix(60)))…' has no excerpt after its date")
    }

    // MARK: - Hostile input

    @Test("random bytes decoded lossily are refused as not text, at once")
    func randomBytes() throws {
        var generator = SplitMix64(seed: 20_240_304)
        let bytes = (0..<65_536).map { _ in UInt8(truncatingIfNeeded: generator.next()) }
        let failure = try #require(Self.failure(String(decoding: bytes, as: UTF8.self)))
        let problem = try #require(failure.problems.first)
        #expect(failure.problems.count == 1)
        #expect(problem.reason.hasPrefix("the file does not look like text: "))
        #expect(problem.reason.hasSuffix(" characters are control characters or bytes that are not UTF-8"))
        #expect(problem.fix == "save the page as plain UTF-8 text and import that file")
    }

    @Test("a NUL character marks the page as binary and names its line")
    func nulCharacter() throws {
        let failure = try #require(Self.failure("Boardwalk Mended\nPosted on: 2021/06/04\nMarsh Trust, June 3 2021:… Open\u{0}again.\n"))
        #expect(failure.problems == [PageProblem(
            line: 3,
            reason: "the file does not look like text: 1 of its 78 characters are control characters or bytes that are not UTF-8",
            fix: "save the page as plain UTF-8 text and import that file")])
    }

    @Test("a stray control character is kept for the shared validation to report, not taken for binary")
    func strayControlCharacter() throws {
        let excerpt = String(repeating: "The boardwalk is open again. ", count: 4) + "Bell\u{7}."
        let page = try PageParser.parse("Boardwalk Mended\nPosted on: 2021/06/04\nMarsh Trust, June 3 2021:… \(excerpt)\n")
        #expect(page.items.first?.excerpt == excerpt)
    }

    @Test("a 5 MB page of items is read in linear time")
    func largePage() throws {
        var text = "Author: The Long Almanac\n\n"
        var count = 0
        while text.utf8.count < 5_000_000 {
            count += 1
            let day = count % 28 + 1
            text += """
                Item \(count): Tides, Boats – and “Weather”
                Posted on: 2020/03/\(day < 10 ? "0" : "")\(day)

                Harbour Office, Eastby, March \(day) 2020:… High water at 06:\(count % 60); the pier is open: bring a coat… The café stays shut. Item \(count): Tides, Boats .\u{00A0}


                """
        }
        let clock = ContinuousClock()
        var page: ParsedPage?
        let elapsed = try clock.measure { page = try PageParser.parse(text) }
        #expect(page?.items.count == count)
        #expect(page?.items.last?.linkText == "Item \(count): Tides, Boats")
        #expect(elapsed < .seconds(60))
    }

    @Test("a 5 MB paragraph built to slow down the link-title search and the date search is read in linear time")
    func adversarialParagraph() throws {
        // A title of one repeated word makes a naive prefix search quadratic;
        // colons after date-like words make every colon a candidate.
        let title = String(repeating: "a ", count: 200_000) + "b"
        let excerpt = String(repeating: "a. a ", count: 600_000) + String(repeating: "May 3 2021: ", count: 100_000)
            + String(repeating: "a ", count: 199_999) + "a"
        let text = "\(title)\nPosted on: 2021/05/03\nHarbour Office, May 3 2021:… \(excerpt)\n"
        let clock = ContinuousClock()
        var page: ParsedPage?
        let elapsed = try clock.measure { page = try PageParser.parse(text) }
        #expect(page?.items.count == 1)
        #expect(page?.items.first?.linkText == nil)
        #expect(elapsed < .seconds(60))
    }

    // MARK: - Helpers

    static let itemShape = "an item is a title line followed by 'Posted on: YYYY/MM/DD' and a paragraph 'Source, Month D YYYY:… excerpt'"

    /// The items of `Fixtures/pages/variations.txt`, field by field.
    static func variationItems() throws -> [PageItem] {
        [
            PageItem(line: 6, title: "Bridge Works, Detours, and the “Long Way Round” – Week 12",
                     postedOn: try day("2023-03-20"), source: "Ella Marsh, The Wend Courier", date: try day("2023-03-18"),
                     excerpt: "Works on the old stone bridge will close it to cars until June. Buses will cross at Fenny Ford instead, adding twenty minutes to the trip into town.",
                     linkText: "Bridge Works, Detours, and the \"Long Way Round\" – Week 12"),
            PageItem(line: 11, title: "Mill Race Reopens to Canoes",
                     postedOn: nil, source: "Wend Paddlers’ Club", date: try day("2023-03-15"),
                     excerpt: "The mill race is open again after the winter repairs, and the club will run taster sessions on Saturday mornings from April.",
                     linkText: nil),
            PageItem(line: 16, title: "Flood Diary, January 9 2023: The Week the Water Came",
                     postedOn: nil, source: "Harriet Lowe, Oldmill", date: try day("2023-03-09"),
                     excerpt: "The diary opens with a list: “Monday: rain. Tuesday: more rain.” By Thursday the entries are short:… sandbags, the school hall, a borrowed boat.",
                     linkText: "Flood diary"),
            PageItem(line: 21, title: "Weekly Round-up — 10 March 2023",
                     postedOn: try day("2023-03-11"), source: "River Wend Trust", date: try day("2023-03-10"),
                     excerpt: "Otters were seen below the weir for the first time in years; the trust asks anglers to report sightings. Ferry Fares Frozen Until Autumn",
                     linkText: nil),
            PageItem(line: 26, title: "Café Owners in Saint-Aubin Join the Market Board",
                     postedOn: try day("2023-03-05"), source: "Lucía Peña, La Voz del Río", date: try day("2023-03-03"),
                     excerpt: "The new sign at the market reads «Marché du samedi», with the same words in Arabic, سوق السبت, and in Hebrew, שוק השבת, for the families who run the stalls.",
                     linkText: "Café Owners in Saint-Aubin Join the Market Board"),
            PageItem(line: 31, title: "Three Papers, One Story: The Oldmill Weir",
                     postedOn: try day("2023-03-02"), source: "The Wend Courier, Radio Wend, Valley Times, Oldmill, Wend Valley",
                     date: try day("2023-03-01"),
                     excerpt: "All three agree that the weir needs repairs; they disagree on who should pay.",
                     linkText: "Three Papers, One Story"),
        ]
    }

    /// Compares item by item, so a failure names the item that differs.
    static func expectItems(_ actual: [PageItem], _ expected: [PageItem],
                            sourceLocation: SourceLocation = #_sourceLocation) throws {
        try #require(actual.count == expected.count, sourceLocation: sourceLocation)
        for (index, pair) in zip(actual, expected).enumerated() {
            #expect(pair.0 == pair.1, "item \(index + 1)", sourceLocation: sourceLocation)
        }
    }

    static func failure(_ text: String) -> PageParseFailure? {
        do {
            _ = try PageParser.parse(text)
            return nil
        } catch {
            return error
        }
    }

    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // Import
        .deletingLastPathComponent()  // DigestCoreTests
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()

    static func fixture(_ name: String) throws -> String {
        let url = packageRoot.appendingPathComponent("Tests/DigestCoreTests/Fixtures/pages/\(name).txt")
        return try String(contentsOf: url, encoding: .utf8)
    }

    static func seedPage() throws -> String {
        try String(contentsOf: packageRoot.appendingPathComponent("seeds/sample-page.txt"), encoding: .utf8)
    }
}

private func day(_ iso: String) throws -> CivilDate {
    try #require(CivilDate(iso: iso))
}

/// A small deterministic generator, so the random-bytes test is the same on every run.
private struct SplitMix64 {
    var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var value = state
        value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
        value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
        return value ^ (value >> 31)
    }
}
