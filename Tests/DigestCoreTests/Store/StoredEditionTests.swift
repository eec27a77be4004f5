import Foundation
import Testing
@testable import DigestStorage
@testable import DigestModel
@testable import DigestRendering
@testable import DigestWorkflow

/// Emails are stored without the text and HTML they repeat, and must come
/// back byte for byte.
@Suite("Stored editions")
struct StoredEditionTests {
    let folder: TemporaryFolder
    let ana = ChangeRequest(actor: "ana")
    static let publishedAt = 1_795_000_000
    let publication = PublicationInfo(name: "The Harbour Weekly", email: "editors@harbour.example",
                                      listAddress: "readers@lists.harbour.example",
                                      listUnsubscribe: "https://harbour.example/unsubscribe")

    init() throws {
        folder = try TemporaryFolder()
    }

    func store(_ name: String = "digest.sqlite") throws -> DigestStore {
        try DigestStore.create(at: folder.file(name), environment: ["SOURCE_DATE_EPOCH": String(Self.publishedAt)])
    }

    /// The archive's lines as import targets, one per issue.
    func archiveTargets(_ lines: [UInt8]) throws -> [ImportTarget] {
        var targets: [Int: ImportTarget] = [:]
        for record in try ItemRecordReader.read(lines, origin: "archive").records {
            let fields = try ItemValidator().newItem(record.values, incomplete: false, location: record.location)
            let number = try #require(record.issue)
            targets[number, default: ImportTarget(number: number, date: record.issueDate.flatMap { CivilDate(iso: $0) },
                                                  title: record.issueTitle, items: [])].items.append(NewItem(fields: fields))
        }
        return targets.keys.sorted().compactMap { targets[$0] }
    }

    @Test("every edition of the archive comes back byte for byte as composed, stored without its repeated renders")
    func archiveEditions() throws {
        let archive = try [UInt8](Data(contentsOf: URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("seeds/harbour-weekly-archive.jsonl")))
        let store = try store()
        let maker = EditionRenderer(templates: TemplateSet.builtIn, publication: publication)
        _ = try store.importItems(try archiveTargets(archive), published: true, origin: "archive", request: ana, edition: maker)
        let numbers = try store.latestEditionNumbers()
        #expect(numbers.count == 3)
        for (number, editionNumber, _) in numbers {
            let edition = try #require(try store.edition(of: number, edition: editionNumber))
            // Composed again, independently, from the issue and the stored envelope.
            let issue = try store.issue(number, asOf: edition.version)
            let envelope = EmailEnvelope(date: Date(timeIntervalSince1970: Double(Self.publishedAt)),
                                         messageID: edition.messageID)
            let composed = try FormatRenderer(templates: TemplateSet.builtIn)
                .renderEdition(issue.renderInput(publication: publication), envelope: envelope)
            #expect(Array(edition.email.utf8) == Array(composed.email.utf8))
            #expect(edition.text == composed.text && edition.html == composed.html)
            let raw = try store.database.statement("SELECT length(email), email_layout FROM editions WHERE issue = ?")
                .row([number]) { ($0.int(0), $0.optionalString(1)) }
            #expect(raw?.1?.hasPrefix("text@") == true && raw?.1?.contains(" html@") == true)
            #expect((raw?.0 ?? .max) < 2000 && composed.email.utf8.count > 5000)
        }
    }

    @Test("quoted-printable corner cases: '=', dots and 'From ' at line starts, trailing spaces, long and non-ASCII lines",
          arguments: [
              "= signs == everywhere =3D", ".starts with a dot\n.and again", "From the harbour\nFrom here",
              "trailing space \nand tab\t\nend ", String(repeating: "ä€𝄞 ", count: 90), String(repeating: "x", count: 300),
              "",
          ])
    func corners(body: String) throws {
        let text = "Intro\n" + body + "\n"
        let html = "<p>" + body + "</p>\n"
        let envelope = EmailEnvelope(date: Date(timeIntervalSince1970: 0), messageID: "<m.1@harbour.example>")
        let input = Issue(number: 1, date: CivilDate(iso: "2026-11-23")!, title: body, intro: nil, status: .published,
                          version: 1, edition: 1, items: []).renderInput(publication: publication)
        var warnings: [String] = []
        let composed = EmailComposer.compose(text: text, html: html, input: input, envelope: envelope, warnings: &warnings)
        let email = composed.message
        let stored = StoredEmail.compact(email, text: text, html: html)
        #expect(stored.layout != nil)
        #expect(stored.stored.utf8.count < email.utf8.count)
        #expect(StoredEmail.expand(stored.stored, layout: stored.layout, text: text, html: html).map { Array($0.utf8) }
            == Array(email.utf8))
        // The composer's own ranges give the same stored form without encoding again.
        try expectPartsAgree(email, text: text, html: html, parts: composed.encodedParts)
        // And so does the skeleton, made without encoding at all.
        let skeleton = EmailComposer.skeleton(input: input, envelope: envelope, warnings: &warnings)
        #expect(skeleton.message == stored.stored)
        #expect(StoredEmail.layout(textAt: skeleton.partOffsets[0], htmlAt: skeleton.partOffsets[1]) == stored.layout)
    }

    /// The ranges the composer reports hold exactly the encodings `expand`
    /// makes, and cutting them out stores what the search-and-check path stores.
    func expectPartsAgree(_ email: String, text: String, html: String, parts: [Range<Int>]) throws {
        try #require(parts.count == 2)
        let message = Array(email.utf8)
        #expect(Array(message[parts[0]]) == StoredEmail.quotedPrintable(text))
        #expect(Array(message[parts[1]]) == StoredEmail.quotedPrintable(html))
        let searched = StoredEmail.compact(email, text: text, html: html)
        let cut = StoredEmail.compact(email, text: text, html: html, encodedParts: parts)
        #expect(cut.stored == searched.stored && cut.layout == searched.layout)
        #expect(StoredEmail.expand(cut.stored, layout: cut.layout, text: text, html: html) == email)
    }

    @Test("every edition of the archive: the composer's part ranges, and the stored form made without encoding, store what searching for the encodings stores")
    func archivePartRanges() throws {
        let archive = try [UInt8](Data(contentsOf: URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("seeds/harbour-weekly-archive.jsonl")))
        let renderer = FormatRenderer(templates: TemplateSet.builtIn)
        let targets = try archiveTargets(archive)
        #expect(targets.count == 3)
        for target in targets {
            let issue = Issue(number: target.number ?? 1, date: target.date ?? CivilDate(iso: "2026-11-23")!,
                              title: target.title, intro: nil, status: .published, version: 1, edition: 1,
                              items: target.items.enumerated().map { offset, item in
                                  Item(id: offset + 1, issue: target.number ?? 1, position: offset + 1, fields: item.fields,
                                       status: .approved, note: nil, addedBy: "ana", editedBy: nil, reviewedBy: "ana",
                                       reviewedAt: nil, origin: nil, stateID: 0, sortKey: SortKey(Double(offset + 1)))
                              })
            let envelope = EmailEnvelope(date: Date(timeIntervalSince1970: Double(Self.publishedAt)),
                                         messageID: "<\(issue.number).1@harbour.example>")
            let renders = try renderer.renderEdition(issue.renderInput(publication: publication), envelope: envelope)
            try expectPartsAgree(renders.email, text: renders.text, html: renders.html, parts: renders.emailParts)
            // Rendered in the stored form, as an import renders it: the same renders, the same stored email.
            let stored = try renderer.renderEdition(issue.renderInput(publication: publication), envelope: envelope,
                                                    email: .stored)
            let cut = StoredEmail.compact(renders.email, text: renders.text, html: renders.html,
                                          encodedParts: renders.emailParts)
            #expect(stored.email == cut.stored && stored.emailLayout == cut.layout && cut.layout != nil)
            #expect(stored.markdown == renders.markdown && stored.html == renders.html && stored.text == renders.text)
            #expect(stored.warnings == renders.warnings)
        }
    }

    @Test("ranges that do not fit the message are not used: the encodings are searched for instead")
    func unusableParts() throws {
        let text = "Intro\n= sign\n"
        let html = "<p>= sign</p>\n"
        let envelope = EmailEnvelope(date: Date(timeIntervalSince1970: 0), messageID: "<m.2@harbour.example>")
        let input = Issue(number: 1, date: CivilDate(iso: "2026-11-23")!, title: "T", intro: nil, status: .published,
                          version: 1, edition: 1, items: []).renderInput(publication: publication)
        var warnings: [String] = []
        let email = EmailComposer.compose(text: text, html: html, input: input, envelope: envelope, warnings: &warnings).message
        let searched = StoredEmail.compact(email, text: text, html: html)
        for parts in [[0..<1], [5..<9, 2..<3], [0..<2, 3..<(email.utf8.count + 1)]] {
            let result = StoredEmail.compact(email, text: text, html: html, encodedParts: parts)
            #expect(result.stored == searched.stored && result.layout == searched.layout)
        }
    }

    @Test("an email that does not repeat the renders is stored whole, with no layout, and read back as it was")
    func storedWhole() throws {
        let email = "From: a@harbour.example\r\n\r\nA message of its own.\r\n"
        let stored = StoredEmail.compact(email, text: "Something else\n", html: "<p>Other</p>\n")
        #expect(stored.stored == email && stored.layout == nil)
        #expect(StoredEmail.expand(email, layout: nil, text: "", html: "") == email)
        #expect(StoredEmail.expand("abc", layout: "text@9", text: "t", html: "h") == nil)
        #expect(StoredEmail.expand("abc", layout: "body@1", text: "t", html: "h") == nil)
        #expect(StoredEmail.expand("abc", layout: "html@2 text@1", text: "t", html: "h") == nil)
    }

    @Test("a schema 1 database migrates with its stored editions' bytes intact")
    func migration() throws {
        let path = folder.file("old.sqlite")
        let email = "From: editors@harbour.example\r\nSubject: Old\r\n\r\nHello=\r\n world\r\n"
        do {
            let database = try Database(path: path, access: .create)
            try database.execute("PRAGMA application_id = \(Schema.applicationID)")
            try Migrator(migrations: [Schema.migrations[0]]).migrate(database)
            try database.execute("""
                INSERT INTO issues VALUES (1, 1, '2026-11-23T00:00:00Z', 'ana');
                INSERT INTO issue_states(issue, valid_from, date, status, edition) VALUES (1, 1, '2026-11-23', 'published', 1);
                """)
            try database.statement("INSERT INTO editions VALUES (1, 1, 1, 'at', 'ana', '<m@x>', 'md', 'Hello world', 'Hello world', ?)")
                .execute([email])
        }
        let store = try DigestStore.open(at: path, forWriting: true, environment: [:])
        #expect(try store.database.integer("PRAGMA user_version") == Migrator.digest.latestVersion)
        #expect(try store.edition(of: 1, edition: 1)?.email == email)
        #expect(try store.database.statement("SELECT email, email_layout FROM editions").row { [$0.string(0), $0.optionalString(1) ?? "NULL"] }
            == [email, "NULL"])
    }
}
