import Foundation
import Testing

/// Imports and loads larger than the piece digest reads at a time (about a
/// megabyte): read, checked and stored a piece at a time, with the same
/// outcome as an input read whole.
@Suite("Streaming: large imports and loads")
struct StreamingImportTests {
    let directory: TemporaryDirectory
    /// A fixed clock, so two databases made from the same lines are the same bytes.
    static let clock = ["SOURCE_DATE_EPOCH": "1795000000"]

    init() throws {
        directory = try TemporaryDirectory()
    }

    /// `issues` × `items` archive lines (about 1.5 MB for 40 × 60), issue by issue in `order`.
    static func archive(issues: Int = 40, items: Int = 60, order: [Int]? = nil) -> [String] {
        (order ?? Array(1...issues)).flatMap { issue in (1...items).map { item in line(issue, item) } }
    }

    static func line(_ issue: Int, _ item: Int, title: String? = nil, date: String? = nil) -> String {
        let excerpt = String(repeating: "Tides, harbours and the ships between them; ", count: 12)
        return #"{"issue": \#(issue), "title": "\#(title ?? "Item \(item) of issue \(issue)")", "#
            + #""url": "https://example.org/\#(issue)/\#(item)", "source": "Coastal Review", "#
            + #""date": "\#(date ?? "2026-01-\(String(format: "%02d", issue % 28 + 1))")", "excerpt": "\#(excerpt)", "#
            + #""status": "\#(item % 7 == 0 ? "rejected" : "approved")"}"#
    }

    func digest(_ name: String) throws -> Digest {
        let digest = Digest(directory: directory).with(database: directory.file(name))
        let result = try digest.run(["init", "--publication", "The Harbour Weekly", "--email", "editors@harbour.example"],
                                    environment: Self.clock)
        guard result.status == 0 else { throw StepFailed(step: "init", result: result) }
        return digest
    }

    /// A dump with the random parts of its emails (Message-IDs, MIME boundaries) made comparable.
    func dump(_ digest: Digest) throws -> String {
        let result = try digest.run(["dump"], environment: Self.clock)
        #expect(result.status == 0, "\(result.standardError)")
        return result.standardOutput
            .replacingOccurrences(of: #"<digest\.(\d+)\.(\d+)\.[0-9a-f]+@"#, with: "<digest.$1.$2.X@", options: .regularExpression)
            .replacingOccurrences(of: #"=_digest_[0-9a-f]+"#, with: "=_digest_X", options: .regularExpression)
    }

    /// What a refused import must leave as it was.
    func rows(_ digest: Digest) throws -> [String] {
        try ["issues", "issue_states", "items", "item_states", "revisions", "editions"].map {
            try DatabaseInspector.scalar(digest.databasePath, "SELECT count(*) FROM \($0)") ?? ""
        }
    }

    @Test("a large import read a piece at a time stores what the same lines read whole store", arguments: [true, false])
    func sameAsWhole(published: Bool) throws {
        let flag = published ? ["--published"] : []
        try directory.write("in-order.jsonl", Self.archive().joined(separator: "\n") + "\n")
        // Issues in falling order cannot stream: they are read whole and sorted.
        try directory.write("reversed.jsonl", Self.archive(order: Array((1...40).reversed())).joined(separator: "\n") + "\n")
        #expect(try directory.bytes("in-order.jsonl").count > 1 << 20)
        let streamed = try digest("streamed.sqlite"), whole = try digest("whole.sqlite")
        let first = try streamed.run(["import", "in-order.jsonl"] + flag, environment: Self.clock)
        let second = try whole.run(["import", "reversed.jsonl"] + flag, environment: Self.clock)
        #expect(first.status == 0, "\(first.standardError)")
        #expect(second.status == 0, "\(second.standardError)")
        #expect(first.standardOutput.hasPrefix("Imported 2400 items into 40 issues (40 new).\n"), "\(first.standardOutput)")
        #expect(first.standardOutput.replacingOccurrences(of: "in-order.jsonl", with: "FILE")
            == second.standardOutput.replacingOccurrences(of: "reversed.jsonl", with: "FILE"))
        let dumped = try dump(streamed)
        #expect(dumped.replacingOccurrences(of: "in-order.jsonl", with: "FILE")
            == (try dump(whole)).replacingOccurrences(of: "reversed.jsonl", with: "FILE"))
        #expect(try DatabaseInspector.scalar(streamed.databasePath, "SELECT count(*) FROM items") == "2400")
        #expect(try DatabaseInspector.scalar(streamed.databasePath, "SELECT count(*) FROM editions") == (published ? "40" : "0"))
        let found = try streamed.run("search", "\"Item 7 of issue 33\"", "--json")
        #expect(try JSONReader.int(found.standardOutput, "results", 0, "issue") == 33)
    }

    @Test("export of a 40-issue archive: every file as render makes it; a FIFO halfway stops it there, with nothing written after")
    func exportWhileReadingAhead() throws {
        try directory.write("archive.jsonl", Self.archive(items: 20).joined(separator: "\n") + "\n")
        let digest = try digest("export.sqlite")
        #expect(try digest.run(["import", "archive.jsonl", "--published"], environment: Self.clock).status == 0)
        let first = try digest.run("export", "--out", "site", "--json")
        #expect(first.status == 0, "\(first.standardError)")
        #expect(try JSONReader.int(first.standardOutput, "export", "written") == 40 * 4 + 2)
        for issue in [1, 17, 40] {
            let date = String(format: "2026-01-%02d", issue % 28 + 1)
            for (format, suffix) in [("markdown", "md"), ("html", "html"), ("text", "txt"), ("email", "eml")] {
                #expect(try directory.read("site/\(issue)-\(date).\(suffix)")
                    == (try digest.run("render", "\(issue)", "--format", format).standardOutput), "\(issue).\(suffix)")
            }
        }
        // The reading thread is ahead of the writing when a write fails: the
        // export stops at that file, says which, and writes nothing after it.
        try FileManager.default.createDirectory(atPath: directory.file("other"), withIntermediateDirectories: true)
        try directory.makeFIFO("other/20-2026-01-21.html")
        let stopped = try digest.run("export", "--out", "other")
        #expect(stopped.status == 73)
        #expect(stopped.standardError.contains("cannot write other/20-2026-01-21.html: it is a FIFO (named pipe), not a regular file"))
        #expect(directory.kind("other/20-2026-01-21.html") == "fifo")
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.file("other"))
        #expect(names.contains("19-2026-01-20.eml") && names.contains("20-2026-01-21.md"))
        #expect(!names.contains("20-2026-01-21.txt") && !names.contains("21-2026-01-22.md") && !names.contains("index.html"))
        #expect(names.filter { $0.contains(".tmp-") } == [])
    }

    @Test("a large import into a database with items indexes its own items in batches: the index is what a rebuild makes")
    func searchIndexInBatches() throws {
        let digest = try digest("batches.sqlite")
        // A small import first, indexed item by item; then 16,400 items in
        // drafts, indexed 16,000 and then 400 at a time (ImportSession.searchBatch).
        try directory.write("small.jsonl", Self.archive(issues: 2, items: 5).joined(separator: "\n") + "\n")
        try directory.write("large.jsonl", Self.archive(items: 400, order: Array(3...43)).joined(separator: "\n") + "\n")
        for (file, options) in [("small.jsonl", ["--published"]), ("large.jsonl", [])] {
            let result = try digest.run(["import", file] + options, environment: Self.clock)
            #expect(result.status == 0, "\(result.standardError)")
        }
        let path = digest.databasePath
        // FTS5 checks its index against the content it reads (the current
        // states): with rank 1, a row missing from the index is an error.
        _ = try DatabaseInspector.query(path, "INSERT INTO item_search(item_search, rank) VALUES ('integrity-check', 1)")
        let queries = ["tides", "\"item 7 of issue 33\"", "42", "\"issue 1\"", "coastal AND 5"]
        func hits() throws -> [[String]] {
            try queries.map { query in
                try DatabaseInspector.query(path, "SELECT rowid FROM item_search WHERE item_search MATCH '"
                    + query.replacingOccurrences(of: "'", with: "''") + "' ORDER BY rowid")
            }
        }
        let batched = try hits()
        // The larger pieces and the pause in merging last only as long as the load.
        #expect(try DatabaseInspector.query(path, "SELECT k || '=' || v FROM item_search_config "
            + "WHERE k IN ('automerge', 'hashsize') ORDER BY k") == ["automerge=4", "hashsize=1048576"])
        #expect(batched[0].count == 16_410)
        #expect(batched[1].count == 1 && batched[3].count == 5)
        _ = try DatabaseInspector.query(path, "INSERT INTO item_search(item_search) VALUES ('rebuild')")
        #expect(try hits() == batched)
        let found = try digest.run("search", "\"Item 7 of issue 33\"", "--json")
        #expect(try JSONReader.int(found.standardOutput, "results", 0, "issue") == 33)
    }

    @Test("every bad line of a large import is reported with its number, in order, and nothing is stored")
    func badLinesFarIn() throws {
        var lines = Self.archive()
        lines[1999] = "not json at all"
        lines[2299] = Self.line(39, 20, date: "Smarch 3 2026")
        lines[2300] = Self.line(39, 21, title: "")
        try directory.write("bad.jsonl", lines.joined(separator: "\n") + "\n")
        let digest = try digest("digest.sqlite")
        let before = try rows(digest)
        let result = try digest.run("import", "bad.jsonl", "--published")
        #expect(result.status == 65)
        let reported = result.standardError.split(separator: "\n").map(String.init)
        #expect(reported.first == "digest: error: 3 problems; nothing was stored:", "\(result.standardError)")
        #expect(reported.dropFirst().map { $0.split(separator: ":").first.map(String.init) ?? "" }
            == ["  - line 2000", "  - line 2300", "  - line 2301"], "\(result.standardError)")
        #expect(try rows(digest) == before)
        #expect(try DatabaseInspector.scalar(digest.databasePath, "SELECT count(*) FROM items") == "0")
        #expect(try DatabaseInspector.scalar(digest.databasePath, "PRAGMA journal_mode") == "wal")
    }

    @Test("past a hundred problems the list stops, saying how many more there were")
    func boundedProblems() throws {
        var lines = Self.archive()
        for index in stride(from: 10, to: 2400, by: 10) { lines[index] = "{\"title\": " }
        try directory.write("bad.jsonl", lines.joined(separator: "\n") + "\n")
        let digest = try digest("digest.sqlite")
        let result = try digest.run("import", "bad.jsonl")
        #expect(result.status == 65)
        let reported = result.standardError.split(separator: "\n").map(String.init)
        #expect(reported.first == "digest: error: 239 problems; nothing was stored. The first 100:", "\(reported.first ?? "")")
        #expect(reported.count == 102)
        #expect(reported[1].hasPrefix("  - line 11: JSON: not valid JSON"), "\(reported[1])")
        #expect(reported[100].hasPrefix("  - line 1001: "), "\(reported[100])")
        #expect(reported.last == "  … and 139 more.")
    }

    @Test("a large dump loads a piece at a time into the same database, and a bad line far in loads nothing")
    func largeLoad() throws {
        try directory.write("archive.jsonl", Self.archive().joined(separator: "\n") + "\n")
        let original = try digest("original.sqlite")
        #expect(try original.run(["import", "archive.jsonl", "--published"], environment: Self.clock).status == 0)
        let dumped = try original.run(["dump", "--out", directory.file("dump.jsonl")], environment: Self.clock)
        #expect(dumped.status == 0, "\(dumped.standardError)")
        #expect(try directory.bytes("dump.jsonl").count > 1 << 20)
        #expect(try directory.read("dump.jsonl") == (try original.run(["dump"], environment: Self.clock)).standardOutput)

        let copy = Digest(directory: directory).with(database: directory.file("copy.sqlite"))
        let loaded = try copy.run(["load", "dump.jsonl"], environment: Self.clock)
        #expect(loaded.status == 0, "\(loaded.standardError)")
        #expect(loaded.standardOutput == "Loaded 40 issues and 2400 items into \(copy.databasePath).\n")
        #expect(try copy.run(["dump"], environment: Self.clock).standardOutput == (try directory.read("dump.jsonl")))
        // The index built in the load's larger pieces is whole, and FTS5's own settings are back.
        _ = try DatabaseInspector.query(copy.databasePath, "INSERT INTO item_search(item_search, rank) VALUES ('integrity-check', 1)")
        #expect(try DatabaseInspector.query(copy.databasePath, "SELECT k || '=' || v FROM item_search_config "
            + "WHERE k IN ('automerge', 'hashsize') ORDER BY k") == ["automerge=4", "hashsize=1048576"])
        #expect(try DatabaseInspector.query(copy.databasePath, "SELECT count(*) FROM item_search WHERE item_search MATCH 'tides'") == ["2400"])

        var lines = try directory.read("dump.jsonl").split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let far = lines.count - 20
        lines[far] = "{\"table\": \"items\", "
        try directory.write("damaged.jsonl", lines.joined(separator: "\n"))
        let damaged = Digest(directory: directory).with(database: directory.file("damaged.sqlite"))
        let refused = try damaged.run("load", "damaged.jsonl")
        #expect(refused.status == 65)
        #expect(refused.standardError.hasPrefix("digest: error: line \(far + 1): JSON: not valid JSON"), "\(refused.standardError)")
        #expect(!FileManager.default.fileExists(atPath: damaged.databasePath))
    }
}
