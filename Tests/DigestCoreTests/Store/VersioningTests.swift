import Foundation
import Testing
@testable import DigestStorage
@testable import DigestModel
@testable import DigestRendering
@testable import DigestWorkflow

@Suite("Versioned issues")
struct VersioningTests {
    let folder: TemporaryFolder
    let store: DigestStore
    let ana = ChangeRequest(actor: "ana")

    init() throws {
        folder = try TemporaryFolder()
        store = try DigestStore.create(at: folder.file("digest.sqlite"), environment: [:])
    }

    func fields(_ title: String, url: String? = nil) throws -> ItemFields {
        try ItemValidator().newItem([
            "title": title, "url": url ?? "https://harbour.example/\(title.lowercased().split(separator: " ").joined(separator: "-"))",
            "source": "Harbour Review", "date": "2026-11-20", "excerpt": "About \(title).",
        ], incomplete: false)
    }

    @discardableResult
    func add(_ titles: [String], to issue: Int) throws -> [Item] {
        try store.addItems(titles.map { NewItem(fields: try fields($0)) }, to: issue, request: ana).items
    }

    @Test("a new issue is at version 1 and each change adds exactly one revision")
    func revisionsCount() throws {
        let issue = try store.draft(date: CivilDate(iso: "2026-11-23")!, title: nil, intro: nil, request: ana)
        #expect(issue.number == 1 && issue.version == 1)
        let items = try add(["One", "Two", "Three"], to: 1)
        try add(["Four"], to: 1)
        _ = try store.moveItem(items[2].id, of: 1, to: 1, request: ana)
        _ = try store.removeItem(items[0].id, of: 1, request: ana)
        let head = try #require(try store.issueHead(1))
        #expect(head.version == 5)
        #expect(try store.history(of: 1).map(\.version) == [1, 2, 3, 4, 5])
        #expect(try store.history(of: 1).map(\.action) == ["draft", "add-item", "add-item", "move-item", "remove-item"])
    }

    @Test("the issue as of any version is exactly what it was then")
    func pointInTime() throws {
        _ = try store.draft(date: CivilDate(iso: "2026-11-23")!, title: "Week 47", intro: nil, request: ana)
        let items = try add(["One", "Two", "Three"], to: 1)
        let atTwo = try store.issue(1)
        _ = try store.editItem(items[1].id, of: 1, changes: ["title": "Two, revised"], request: ana)
        _ = try store.moveItem(items[2].id, of: 1, to: 1, request: ana)
        _ = try store.removeItem(items[0].id, of: 1, request: ana)
        #expect(try store.issue(1, asOf: 2) == atTwo)
        #expect(try store.issue(1, asOf: 3).items.map(\.fields.title) == ["One", "Two, revised", "Three"])
        #expect(try store.issue(1, asOf: 4).items.map(\.fields.title) == ["Three", "One", "Two, revised"])
        #expect(try store.issue(1).items.map(\.fields.title) == ["Three", "Two, revised"])
        #expect(try store.issue(1).items.map(\.position) == [1, 2])
        #expect(throws: DigestError.self) { try store.issue(1, asOf: 6) }
    }

    @Test("a revision stores only what changed, not a copy of the issue")
    func storageGrowsWithTheChange() throws {
        _ = try store.draft(date: CivilDate(iso: "2026-11-23")!, title: nil, intro: nil, request: ana)
        let items = try add((1...40).map { "Item \($0)" }, to: 1)
        let before = try store.database.integer("SELECT count(*) FROM item_states") ?? 0
        _ = try store.editItem(items[7].id, of: 1, changes: ["excerpt": "Shorter."], request: ana)
        _ = try store.moveItem(items[30].id, of: 1, to: 2, request: ana)
        let after = try store.database.integer("SELECT count(*) FROM item_states") ?? 0
        #expect(before == 40)
        #expect(after == 42)
    }

    @Test("moving to the same spot many times keeps a correct order")
    func manyMoves() throws {
        _ = try store.draft(date: CivilDate(iso: "2026-11-23")!, title: nil, intro: nil, request: ana)
        let items = try add(["A", "B", "C", "D"], to: 1)
        for round in 0..<80 {
            let moving = round % 2 == 0 ? items[3] : items[2]
            _ = try store.moveItem(moving.id, of: 1, to: 2, request: ana)
        }
        #expect(try store.issue(1).items.map(\.fields.title) == ["A", "C", "D", "B"])
    }

    @Test("diff reports added, removed, moved and changed items field by field")
    func diff() throws {
        _ = try store.draft(date: CivilDate(iso: "2026-11-23")!, title: "Week 47", intro: nil, request: ana)
        let items = try add(["One", "Two", "Three"], to: 1)
        _ = try store.editItem(items[1].id, of: 1, changes: ["title": "Two, revised", "author": "Mira Holm"], request: ana)
        _ = try store.moveItem(items[2].id, of: 1, to: 1, request: ana)
        _ = try store.removeItem(items[0].id, of: 1, request: ana)
        try add(["Four"], to: 1)
        let diff = try store.diff(1, from: 2, to: 6)
        #expect(diff.items.map(\.kind) == [.moved, .changed, .added, .removed])
        #expect(diff.items.map(\.id) == [items[2].id, items[1].id, items[2].id + 1, items[0].id])
        let changed = diff.items[1]
        #expect(changed.fields == [
            IssueDiff.FieldChange(field: "title", from: "Two", to: "Two, revised"),
            IssueDiff.FieldChange(field: "author", from: nil, to: "Mira Holm"),
        ])
        #expect(diff.items[0].fromPosition == 3 && diff.items[0].toPosition == 1)
        #expect(try store.diff(1, from: 3, to: 3).isEmpty)
    }

    @Test("a failed change leaves no trace: no revision, no state, same version")
    func failedChangeChangesNothing() throws {
        _ = try store.draft(date: CivilDate(iso: "2026-11-23")!, title: nil, intro: nil, request: ana)
        try add(["One"], to: 1)
        let states = try store.database.integer("SELECT count(*) FROM item_states")
        #expect(throws: DigestError.self) {
            try store.addItems([NewItem(fields: try fields("Two")), NewItem(fields: try fields("One"))], to: 1, request: ana)
        }
        #expect(try store.issueHead(1)?.version == 2)
        #expect(try store.database.integer("SELECT count(*) FROM item_states") == states)
        #expect(try store.database.integer("SELECT count(*) FROM items") == 1)
    }

    @Test("history rows cannot be rewritten, even by a bug")
    func historyIsAppendOnly() throws {
        _ = try store.draft(date: CivilDate(iso: "2026-11-23")!, title: nil, intro: nil, request: ana)
        try add(["One"], to: 1)
        #expect(throws: DatabaseError.self) { try store.database.execute("UPDATE revisions SET actor = 'mallory'") }
        #expect(throws: DatabaseError.self) { try store.database.execute("DELETE FROM item_states") }
        #expect(throws: DatabaseError.self) { try store.database.execute("UPDATE item_states SET title = 'x'") }
    }

    @Test("--expect-version refuses a change when the issue moved on")
    func expectVersion() throws {
        _ = try store.draft(date: CivilDate(iso: "2026-11-23")!, title: nil, intro: nil, request: ana)
        try add(["One"], to: 1)
        var stale = ana
        stale.expectedVersion = 1
        #expect(throws: DigestError.self) { try store.addItems([NewItem(fields: try fields("Two"))], to: 1, request: stale) }
        stale.expectedVersion = 2
        try store.addItems([NewItem(fields: try fields("Two"))], to: 1, request: stale)
        #expect(try store.issueHead(1)?.version == 3)
    }

    @Test("search finds current items and forgets replaced text")
    func searchIndexFollowsStates() throws {
        _ = try store.draft(date: CivilDate(iso: "2026-11-23")!, title: nil, intro: nil, request: ana)
        let items = try add(["Lighthouse keepers"], to: 1)
        _ = try store.editItem(items[0].id, of: 1, changes: ["title": "Harbour pilots", "excerpt": "About pilots."],
                               request: ana)
        try store.database.execute("INSERT INTO item_search(item_search, rank) VALUES ('integrity-check', 1)")
        let hits = { (word: String) in
            try store.database.integer("SELECT count(*) FROM item_search WHERE item_search MATCH ?", [word])
        }
        #expect(try hits("pilots") == 1)
        #expect(try hits("lighthouse") == 0)
    }
}
