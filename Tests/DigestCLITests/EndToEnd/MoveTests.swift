import Foundation
import Testing

@Suite("Moving items: a move writes the moved item only, and diff names only real moves")
struct MoveTests {
    let directory: TemporaryDirectory
    let digest: Digest

    init() throws {
        directory = try TemporaryDirectory()
        digest = Digest(directory: directory)
        try digest.initialise()
    }

    @Test("60 moves into one gap (past what a double can halve) each write one state, keep the order, and diff as one move")
    func manyMovesIntoOneGap() throws {
        let issue = try digest.draft()
        var order: [Int] = []
        for letter in ["a", "b", "c", "d", "e"] {
            order.append(try digest.addItem(issue, title: "Item \(letter)", url: "https://tides.example/\(letter)"))
        }
        for move in 1...60 {
            // The last item goes to position 2, between the first and the last one moved there.
            let moved = order.removeLast()
            order.insert(moved, at: 1)
            let result = try digest.run("move-item", String(issue), String(moved), "--to", "2", "--quiet")
            #expect(result.status == 0, "\(result.standardError)")
            let version = 5 + move + 1
            #expect(try DatabaseInspector.query(digest.databasePath,
                "SELECT item FROM item_states WHERE issue = \(issue) AND valid_from = \(version)") == [String(moved)])
            if move == 1 || move == 55 || move == 60 {
                let diff = try digest.run("diff", String(issue), String(version - 1), String(version))
                #expect(diff.status == 0)
                let title = try DatabaseInspector.scalar(digest.databasePath,
                    "SELECT title FROM item_states WHERE item = \(moved) AND valid_to IS NULL") ?? ""
                #expect(diff.standardOutput == """
                    Issue \(issue): version \(version - 1) → \(version)
                    ~ item \(moved) "\(title)" moved from position 5 to 2

                    """)
            }
        }
        // Every item has one state per move it made, plus the one it was added with: the first
        // never moved, the other four took turns (15 moves each).
        #expect(try DatabaseInspector.query(digest.databasePath,
            "SELECT count(*) FROM item_states WHERE issue = \(issue) GROUP BY item ORDER BY item") == ["1", "16", "16", "16", "16"])
        #expect(try DatabaseInspector.scalar(digest.databasePath,
            "SELECT count(*) FROM item_states WHERE issue = \(issue) AND sort_tag IS NOT NULL") != "0")
        let shown = try digest.run("show", String(issue), "--json")
        let ids = try (0..<5).map { try JSONReader.int(shown.standardOutput, "issue", "items", $0, "id") }
        #expect(ids == order)
        let doctor = try digest.run("doctor")
        #expect(doctor.status == 0, "\(doctor.standardOutput)")
    }

    @Test("an item that only shifted because another moved past it is not reported as moved")
    func shiftedIsNotMoved() throws {
        let issue = try digest.draft()
        let ids = try ["a", "b", "c", "d"].map { try digest.addItem(issue, title: "Item \($0)", url: "https://tides.example/\($0)") }
        #expect(try digest.run("move-item", String(issue), String(ids[0]), "--to", "4").status == 0)
        #expect(try digest.run("move-item", String(issue), String(ids[3]), "--to", "1").status == 0)
        let diff = try digest.run("diff", String(issue), "5", "7")
        #expect(diff.standardOutput == """
            Issue \(issue): version 5 → 7
            ~ item \(ids[3]) "Item d" moved from position 4 to 1
            ~ item \(ids[0]) "Item a" moved from position 1 to 4

            """)
    }
}
