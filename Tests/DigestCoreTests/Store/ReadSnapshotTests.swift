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

    @Test("doctor's search-index check waits for a concurrent writer instead of reporting a problem")
    func doctorBesideAWriter() throws {
        let path = self.path
        let started = DispatchSemaphore(value: 0)
        let done = DispatchSemaphore(value: 0)
        let thread = Thread {
            // Holds the write lock across doctor's read, then commits a change.
            guard let writer = try? Database(path: path, access: .readWrite) else {
                started.signal()
                done.signal()
                return
            }
            try? writer.execute("BEGIN IMMEDIATE")
            try? writer.execute("INSERT INTO settings(key, value) VALUES ('excerpt.max', '1500')")
            started.signal()
            Thread.sleep(forTimeInterval: 0.3)
            try? writer.execute("COMMIT")
            done.signal()
        }
        let doctor = try DigestStore.open(at: path, forWriting: true, environment: [:])
        thread.start()
        started.wait()
        let checks = try doctor.doctor()
        done.wait()
        #expect(checks.filter { !$0.passed }.map(\.name) == [])
        #expect(checks.contains { $0.name == "search index" })
    }
}
