import Foundation
import Testing
@testable import DigestStorage
@testable import DigestModel
@testable import DigestRendering
@testable import DigestWorkflow

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
            EditionRenderer(templates: .builtIn, publication: settings.publication)
        }
        #expect(edition.html.contains("<b>New Name</b>"))
        #expect(!edition.html.contains("Old Name"))
    }

    @Test("doctor started while another connection holds the write lock waits for it, and reports no problem")
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

        // doctor takes the lock for its checks: it cannot finish before the writer commits.
        let doctor = try DigestStore.open(at: path, forWriting: true, environment: [:])
        let outcome = DoctorOutcome(store: doctor)
        let started = DispatchSemaphore(value: 0), finished = DispatchSemaphore(value: 0)
        let thread = Thread {
            started.signal()
            outcome.run()
            finished.signal()
        }
        thread.start()
        started.wait()
        #expect(outcome.isEmpty, "doctor finished while another connection held the write lock")
        try writer.execute("COMMIT")
        finished.wait()
        let checks = try outcome.value()
        #expect(checks.filter { !$0.passed }.map(\.name) == [])
        #expect(checks.contains { $0.name == "search index" })
        #expect(try doctor.settings[SettingKey.excerptMax] == "1500")
    }
}

/// A doctor run on another thread, and what it came to; the store is used
/// by that thread only until the outcome is read.
private final class DoctorOutcome: @unchecked Sendable {
    private let store: DigestStore
    private let lock = NSLock()
    private var result: Result<[DoctorCheck], any Error>?

    init(store: DigestStore) {
        self.store = store
    }

    var isEmpty: Bool { lock.withLock { result == nil } }

    func run() {
        let value = Result { try store.doctor() }
        lock.withLock { result = value }
    }

    func value() throws -> [DoctorCheck] {
        guard let result = lock.withLock({ result }) else { throw CancellationError() }
        return try result.get()
    }
}
