import Foundation
import Testing
@testable import DigestCore

/// Reads that must see one moment of the database, with another connection writing beside them.
@Suite("Snapshots: each read of an issue is one moment; publish renders with the settings of its transaction")
struct ReadSnapshotTests {
    let folder: TemporaryFolder
    let path: String
    let store: DigestStore
    let ana = ChangeRequest(actor: "ana")

    init() throws {
        folder = try TemporaryFolder()
        path = folder.file("digest.sqlite")
        store = try DigestStore.create(at: path, environment: [:], settings: [(SettingKey.publicationName, "Old Name")],
                                       request: ana)
        _ = try store.draft(date: CivilDate(iso: "2026-11-23")!, title: nil, intro: nil, request: ana)
        let fields = try ItemValidator().newItem([
            "title": "Tide tables", "url": "https://harbour.example/tides", "source": "Harbour Review",
            "date": "2026-11-20", "excerpt": "About tides.",
        ], incomplete: false)
        let added = try store.addItems([NewItem(fields: fields)], to: 1, request: ana)
        _ = try store.submit(1, request: ana)
        _ = try store.review(1, decisions: ReviewDecisions(approve: [added.items[0].id], reject: [], deferred: []),
                             request: ChangeRequest(actor: "ben"))
    }

    @Test("a setting changed by another connection after this one read the settings is the one the edition shows")
    func publishUsesSettingsInsideItsTransaction() throws {
        #expect(try store.settings[SettingKey.publicationName] == "Old Name")
        let other = try DigestStore.open(at: path, forWriting: true, environment: [:])
        try other.setSetting(SettingKey.publicationName, to: "New Name", request: ana)
        let (_, edition, _) = try store.publish(1, request: ana) { settings in
            EditionMaker(templates: .builtIn, publication: settings.publication)
        }
        #expect(edition.html.contains(";\">New Name</h1>"))
        #expect(!edition.html.contains("Old Name"))
    }

    @Test("doctor beside a writer that holds the write lock reports no problem, before and after the writer commits")
    func doctorBesideAWriter() throws {
        // Another connection holds the write lock, with a change not yet committed.
        let writer = try Database(path: path, access: .readWrite)
        try writer.execute("BEGIN IMMEDIATE")
        try writer.execute("INSERT INTO settings(key, value) VALUES ('excerpt.max', '1500')")
        // The lock is held: a third connection cannot take it.
        let probe = try Database(path: path, access: .readWrite)
        try probe.execute("PRAGMA busy_timeout = 0")
        let blocked = #expect(throws: DatabaseError.self) { try probe.execute("BEGIN IMMEDIATE") }
        #expect(blocked?.isBusy == true)

        let doctor = try DigestStore.open(at: path, forWriting: true, environment: [:])
        let during = try doctor.doctor()
        #expect(during.filter { !$0.passed }.map(\.name) == [])
        #expect(during.contains { $0.name == "search index" })
        try writer.execute("COMMIT")
        let after = try doctor.doctor()
        #expect(after.filter { !$0.passed }.map(\.name) == [])
        #expect(try doctor.settings[SettingKey.excerptMax] == "1500")
    }
}
