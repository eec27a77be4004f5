import Foundation
import Testing

/// JSON given to digest (items, archives, dumps) is refused whole when a key
/// repeats, naming the key and where it stands; and an error-ridden file is
/// reported line by line in time linear in its size.
@Suite("JSON input")
struct JSONInputTests {
    let directory: TemporaryDirectory
    let digest: Digest

    init() throws {
        directory = try TemporaryDirectory()
        digest = Digest(directory: directory)
        try digest.initialise()
    }

    func itemCount() throws -> String? {
        try DatabaseInspector.scalar(digest.databasePath, "SELECT count(*) FROM items")
    }

    @Test("add-item --file refuses a repeated key (65) in one object, a pretty-printed object and JSON Lines")
    func repeatedKeyInItems() throws {
        let issue = try digest.draft()
        let before = try directory.bytes("digest.sqlite")
        let item = #""title": "Tide tables", "url": "https://tides.example/a", "source": "Coastal Review", "date": "2026-11-20""#

        try directory.write("one.json", "{\(item), \"excerpt\": \"First.\", \"title\": \"Second title\"}\n")
        let one = try digest.run("add-item", String(issue), "--file", "one.json")
        #expect(one.status == 65)
        #expect(one.standardError == "digest: error: line 1: JSON: not valid JSON (column 131: the key \"title\" appears "
            + "twice in one object; keep only one of them); write one complete JSON object on each line.\n")

        try directory.write("pretty.json", "{\n  \"excerpt\": \"One.\",\n  \(item),\n  \"excerpt\": \"Two.\"\n}\n")
        let pretty = try digest.run("add-item", String(issue), "--file", "pretty.json")
        #expect(pretty.status == 65)
        #expect(pretty.standardError == "digest: error: pretty.json is not valid JSON: line 4, column 3: the key "
            + "\"excerpt\" appears twice in one object; keep only one of them.\n")

        try directory.write("lines.jsonl", "{\(item), \"excerpt\": \"Fine.\"}\n{\(item), \"excerpt\": \"A\", \"excerpt\": \"B\"}\n")
        let lines = try digest.run("add-item", String(issue), "--file", "lines.jsonl")
        #expect(lines.status == 65)
        #expect(lines.standardError.contains("line 2: JSON: not valid JSON (column 126: the key \"excerpt\" appears twice"))
        #expect(try directory.bytes("digest.sqlite") == before)
        #expect(try itemCount() == "0")
    }

    @Test("load refuses a dump with a repeated key (65) and leaves no database behind")
    func repeatedKeyInDump() throws {
        let issue = try digest.draft()
        try digest.addItem(issue, url: "https://tides.example/a")
        let dump = try digest.run("dump")
        #expect(dump.status == 0)
        var lines = dump.standardOutput.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let itemLine = try #require(lines.firstIndex { $0.hasPrefix(#"{"table":"items""#) })
        lines[itemLine] = lines[itemLine].replacingOccurrences(of: #""row":{"#, with: #""row":{"id":99,"#)
        try directory.write("dump.jsonl", lines.joined(separator: "\n"))
        let copy = directory.file("copy.sqlite")
        let loaded = try digest.run(["load", "dump.jsonl"], environment: ["DIGEST_DB": copy])
        #expect(loaded.status == 65)
        #expect(loaded.standardError.contains("line \(itemLine + 1): JSON: not valid JSON (column 33: the key \"id\" appears twice"),
                "\(loaded.standardError)")
        #expect(!FileManager.default.fileExists(atPath: copy))
    }

    @Test("20,000 bad lines are each reported by number, the last one too, and nothing is stored")
    func manyBadLines() throws {
        let issue = try digest.draft()
        var text = ""
        for index in 0..<20_000 {
            text += #"{"title": "Story \#(index)", "url": "https://harbour.example/\#(index)", "excerpt": oops}"# + "\n"
        }
        try directory.write("bad.jsonl", text)
        let before = try directory.bytes("digest.sqlite")
        let result = try digest.run("add-item", String(issue), "--file", "bad.jsonl")
        #expect(result.status == 65)
        #expect(result.standardError.hasPrefix("digest: error: 20000 problems; nothing was stored:\n"))
        #expect(result.standardError.contains("  - line 20000: JSON: not valid JSON (column 77: expected a value"))
        #expect(try directory.bytes("digest.sqlite") == before)
    }
}
