import Foundation
import Testing
@testable import DigestStorage
@testable import DigestModel
@testable import DigestRendering
@testable import DigestWorkflow

/// The reads that must not grow with an issue's history or the archive use
/// the indexes meant for them (`EXPLAIN QUERY PLAN`, not a timing).
@Suite("Query plans")
struct QueryPlanTests {
    let folder: TemporaryFolder
    let store: DigestStore
    let ana = ChangeRequest(actor: "ana")

    init() throws {
        folder = try TemporaryFolder()
        store = try DigestStore.create(at: folder.file("digest.sqlite"), environment: [:])
        _ = try store.draft(date: CivilDate(iso: "2026-11-23")!, title: "Week 47", intro: nil, request: ana)
        let items = try ["Tides", "Lighthouses", "Harbour walls"].map { title in
            NewItem(fields: try ItemValidator().newItem([
                "title": title, "url": "https://harbour.example/\(title.count)", "source": "Harbour Review",
                "date": "2026-11-20", "excerpt": "About \(title.lowercased()) and the sea.",
            ], incomplete: false))
        }
        let added = try store.addItems(items, to: 1, request: ana).items
        for round in 1...30 {
            _ = try store.editItem(added[round % 3].id, of: 1, changes: ["title": "Edited \(round)"], request: ana)
        }
    }

    /// The plan's detail lines, with their depth as leading spaces.
    func plan(_ sql: String) throws -> [String] {
        var depth: [Int: Int] = [0: 0]
        return try store.database.statement("EXPLAIN QUERY PLAN " + sql).rows { row in
            let level = (depth[row.int(1)] ?? 0) + 1
            depth[row.int(0)] = level
            return String(repeating: " ", count: level - 1) + row.string(3)
        }
    }

    @Test("show --version N seeks each item's state by (item, valid_from), never scanning the issue's history")
    func itemsAsOfVersion() throws {
        let lines = try plan(DigestStore.itemsAsOfVersionSQL)
        #expect(lines == [
            "SEARCH i USING INDEX items_by_issue (issue=?)",
            "SEARCH s USING INTEGER PRIMARY KEY (rowid=?)",
            "CORRELATED SCALAR SUBQUERY 1",
            " SEARCH x USING COVERING INDEX item_states_by_item_version (item=? AND valid_from<?)",
            "USE TEMP B-TREE FOR ORDER BY",
        ])
        // The issue's state by (issue, valid_from); its creator and its edition's review mark by key.
        #expect(try plan(DigestStore.issueStateAsOfVersionSQL) == [
            "SEARCH n USING INTEGER PRIMARY KEY (rowid=?)",
            "SEARCH s USING INDEX issue_states_by_version (issue=? AND valid_from<?)",
            "CORRELATED SCALAR SUBQUERY 1",
            " SEARCH e USING INDEX sqlite_autoindex_editions_2 (issue=? AND edition=?)",
        ])
        // And it reads what the issue was: version 2 is the three items as added.
        #expect(try store.issue(1, asOf: 2).items.map(\.fields.title) == ["Tides", "Lighthouses", "Harbour walls"])
        #expect(try store.issue(1, asOf: 32).items.map(\.fields.title) == ["Edited 30", "Edited 28", "Edited 29"])
        #expect(try store.issue(1, asOf: 5).items.map(\.fields.title) == ["Edited 3", "Edited 1", "Edited 2"])
    }

    @Test("search ranks the newest matches the full-text index hands out in rowid order, then fetches the best")
    func search() throws {
        let lines = try plan(DigestStore.bestMatchesSQL)
        // The inner query is the index alone, in its own order: no sort of all matches.
        #expect(lines.first == "CO-ROUTINE (subquery-1)")
        #expect(lines.dropFirst().first?.hasPrefix(" SCAN item_search VIRTUAL TABLE INDEX") == true)
        #expect(!lines.contains { $0.hasPrefix(" ") && $0.contains("TEMP B-TREE") })
        // The hits' details in one walk of the index between the lowest and
        // the highest of them (M: the match, >< the rowid range), the wanted
        // ids a list built once, then each state and its issue by key.
        #expect(try plan(DigestStore.hitDetailsSQL) == [
            "SCAN item_search VIRTUAL TABLE INDEX 0:M4><",
            "LIST SUBQUERY 1",
            " SCAN json_each VIRTUAL TABLE INDEX 1:",
            "SEARCH s USING INTEGER PRIMARY KEY (rowid=?)",
            "SEARCH st USING INDEX issue_states_current (issue=?)",
        ])
        #expect(try store.search("sea").map(\.item).count == 3)
        // The hits come back in the ranked order, each with its own snippet,
        // filtered to an issue too.
        let ranked = try store.database.statement(DigestStore.bestMatchesSQL).rows(["\"sea\"", 20, 2000]) { $0.int(0) }
        let hits = try store.search("sea")
        #expect(hits.count == ranked.count)
        #expect(hits.allSatisfy { $0.snippet.contains("[sea]") })
        #expect(try store.search("sea", issue: 1).map(\.item) == hits.map(\.item))
        #expect(try store.search("lighthouses").count == 1)
        #expect(try store.search("edited 30").map(\.title) == ["Edited 30"])
    }
}
