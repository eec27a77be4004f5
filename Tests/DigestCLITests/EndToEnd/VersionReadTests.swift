import Foundation
import Testing

@Suite("Reading an issue as of a version")
struct VersionReadTests {
    @Test("every version of a scripted week reads back exactly as show printed it at that moment")
    func scriptedWeek() throws {
        let directory = try TemporaryDirectory()
        let digest = Digest(directory: directory)
        try digest.initialise()
        var seen: [Int: (json: String, text: String)] = [:]
        func step(_ arguments: [String], as user: String? = nil) throws {
            let result = try digest.run(arguments, as: user)
            #expect(result.status == 0, "\(arguments): \(result.standardError)")
            let json = try digest.run("show", "1", "--json").standardOutput
            let version = try #require(try JSONReader.int(json, "issue", "version"))
            #expect(seen[version] == nil, "\(arguments) recorded no new version")
            seen[version] = (json, try digest.run("show", "1").standardOutput)
        }
        func add(_ title: String, _ path: String) throws {
            try step(["add-item", "1", "--title", title, "--url", "https://harbour.example/\(path)", "--source", "Harbour Review",
                      "--date", "2026-11-20", "--excerpt", "About \(title.lowercased())."])
        }
        try step(["draft", "--date", "2026-11-23", "--title", "Harbour notes, week 48"])
        try add("Tide tables, explained", "tides")
        try add("Seals on the sandbank", "seals")
        try add("Paywalled survey", "survey")
        try add("Quay crane arrives", "crane")
        try step(["edit-item", "1", "1", "--excerpt", "Why there are two tides a day."])
        try step(["move-item", "1", "4", "--to", "1"])
        try step(["submit", "1"])
        try step(["review", "1", "--approve", "1,2", "--reject", "3", "--note", "3=Paywalled"], as: "ben")
        try step(["review", "1", "--defer", "4"], as: "ben")
        try step(["reopen", "1", "--reason", "Wrong link in item 2"])
        try step(["edit-item", "1", "2", "--url", "https://harbour.example/seals-corrected"])
        try step(["submit", "1"])
        try step(["review", "1", "--approve", "2"], as: "ben")
        try step(["publish", "1", "--out", "out"])
        try step(["reopen", "1", "--reason", "Typo in the title"])
        try step(["edit-issue", "1", "--title", "Harbour notes, week 48 (corrected)"])
        try step(["submit", "1"])
        try step(["review", "1", "--approve-issue"], as: "ben")
        try step(["publish", "1", "--out", "out"])

        let last = try #require(seen.keys.max())
        #expect(seen.keys.sorted() == Array(1...last))
        #expect(try DatabaseInspector.scalar(digest.databasePath, "SELECT count(*) FROM revisions WHERE issue = 1") == String(last))
        for version in 1...last {
            let recorded = try #require(seen[version])
            let json = try digest.run("show", "1", "--version", String(version), "--json")
            #expect(json.status == 0)
            #expect(json.standardOutput == recorded.json, "version \(version), --json")
            // The text says which version it shows, on its status line; otherwise the same.
            var lines = try digest.run("show", "1", "--version", String(version)).standardOutput
                .split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            let marker = " (as of version \(version))"
            #expect(lines.count > 1 && lines[1].hasSuffix(marker), "version \(version): \(lines.prefix(2))")
            if lines.count > 1, lines[1].hasSuffix(marker) { lines[1].removeLast(marker.count) }
            #expect(lines.joined(separator: "\n") == recorded.text, "version \(version), text")
        }
    }
}
