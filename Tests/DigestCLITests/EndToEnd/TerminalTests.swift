import Foundation
import Testing

/// digest at a terminal: colour, the pager and progress lines, each checked
/// under a real pseudo-terminal and through a pipe.
@Suite("terminal: colour, pager, progress")
struct TerminalTests {
    static let escape = "\u{1B}["

    /// Runs digest on a pseudo-terminal `rows` lines tall.
    static func onTerminal(_ digest: Digest, _ arguments: [String], rows: Int = 24, stdoutTo file: String? = nil,
                           environment extra: [String: String] = [:]) throws -> ProcessResult {
        var command = ["python3", Products.packageRoot + "/Tests/DigestCLITests/Fixtures/pty_run.py",
                       "--rows", String(rows), "--timeout", "30"]
        if let file { command += ["--stdout", file] }
        command += ["--", Products.digest] + arguments
        var environment = digest.environment
        environment.removeValue(forKey: "NO_COLOR")
        environment["TERM"] = "xterm-256color"
        environment.merge(extra) { $1 }
        return try Digest.execute("/usr/bin/env", command, environment: environment, directory: digest.directory.path)
    }

    /// A database holding the sample archive, published.
    static func digestWithArchive() throws -> Digest {
        let digest = Digest(directory: try TemporaryDirectory())
        try digest.initialise()
        let imported = try digest.run("import", Products.packageRoot + "/seeds/harbour-weekly-archive.jsonl", "--published")
        #expect(imported.status == 0, "\(imported.standardError)")
        return digest
    }

    /// What a terminal showed is progress as one line, rewritten in place and cleared at the end.
    static func expectOneClearedLine(_ screen: String, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(screen.hasSuffix("\r\(escape)K"), "the progress line was not cleared: \(screen.debugDescription)",
                sourceLocation: sourceLocation)
        #expect(!screen.contains("\n"), "progress is one rewritten line", sourceLocation: sourceLocation)
    }

    static func digestWithIssue(items: Int = 0) throws -> (Digest, Int) {
        let directory = try TemporaryDirectory()
        let digest = Digest(directory: directory)
        try digest.initialise()
        let issue = try digest.draft()
        for index in 0..<items {
            try digest.addItem(issue, title: "Item number \(index)", url: "https://example.org/\(index)")
        }
        return (digest, issue)
    }

    @Test("statuses are coloured on a terminal, and never with NO_COLOR, --color never, through a pipe or with --json")
    func colour() throws {
        let (digest, _) = try Self.digestWithIssue()
        let terminal = try Self.onTerminal(digest, ["list"])
        #expect(terminal.status == 0)
        #expect(terminal.standardOutput.contains("\(Self.escape)2mdraft\(Self.escape)0m"), "\(terminal.standardOutput.debugDescription)")

        let noColour = try Self.onTerminal(digest, ["list"], environment: ["NO_COLOR": "1"])
        #expect(noColour.status == 0)
        #expect(noColour.standardOutput.contains("draft"))
        #expect(!noColour.standardOutput.contains(Self.escape))

        let never = try Self.onTerminal(digest, ["list", "--color", "never"])
        #expect(never.status == 0)
        #expect(!never.standardOutput.contains(Self.escape))

        let dumb = try Self.onTerminal(digest, ["list"], environment: ["TERM": "dumb"])
        #expect(!dumb.standardOutput.contains(Self.escape))

        let json = try Self.onTerminal(digest, ["list", "--json", "--color", "always"])
        #expect(json.status == 0)
        #expect(json.standardOutput.contains("\"status\": \"draft\""))
        #expect(!json.standardOutput.contains(Self.escape))

        let piped = try digest.run("list")
        #expect(piped.status == 0)
        #expect(!piped.standardOutput.contains(Self.escape))
        let forced = try digest.run("list", "--color", "always")
        #expect(forced.standardOutput.contains("\(Self.escape)2mdraft\(Self.escape)0m"))
    }

    @Test("errors and warnings are marked in colour on a terminal's standard error only")
    func colouredErrors() throws {
        let (digest, _) = try Self.digestWithIssue()
        let terminal = try Self.onTerminal(digest, ["show", "99"])
        #expect(terminal.status == 66)
        #expect(terminal.standardOutput.contains("\(Self.escape)31mdigest: error:\(Self.escape)0m there is no issue 99"),
                "\(terminal.standardOutput.debugDescription)")
        let piped = try digest.run("show", "99")
        #expect(piped.status == 66)
        #expect(piped.standardError.hasPrefix("digest: error: there is no issue 99"))
    }

    @Test("diff lines are marked: + added, - removed, ~ changed")
    func diffColours() throws {
        let (digest, issue) = try Self.digestWithIssue(items: 2)
        _ = try digest.run("remove-item", String(issue), "1")
        let result = try digest.run("diff", String(issue), "2", "4", "--color", "always")
        #expect(result.status == 0)
        #expect(result.standardOutput == "Issue 1: version 2 → 4\n"
            + "\(Self.escape)32m+ item 2 \"Item number 1\" added at position 1\(Self.escape)0m\n"
            + "\(Self.escape)31m- item 1 \"Item number 0\" removed (was at position 1)\(Self.escape)0m\n",
            "\(result.standardOutput.debugDescription)")
    }

    @Test("long output goes through the pager on a terminal; short output, pipes, --no-pager and DIGEST_PAGER= skip it")
    func pager() throws {
        let (digest, issue) = try Self.digestWithIssue(items: 6)
        let paged = digest.directory.file("paged.txt")
        let pager = ["DIGEST_PAGER": "cat > '\(paged)'"]

        let long = try Self.onTerminal(digest, ["show", String(issue)], rows: 10, environment: pager)
        #expect(long.status == 0)
        let pagedText = try String(contentsOfFile: paged, encoding: .utf8)
        #expect(pagedText.contains("Item number 5"))
        #expect(!long.standardOutput.contains("Item number 5"), "the page went to the terminal as well")
        try FileManager.default.removeItem(atPath: paged)

        let short = try Self.onTerminal(digest, ["show", String(issue)], rows: 200, environment: pager)
        #expect(short.status == 0)
        #expect(short.standardOutput.contains("Item number 5"))
        #expect(!FileManager.default.fileExists(atPath: paged))

        let disabled = try Self.onTerminal(digest, ["show", String(issue), "--no-pager"], rows: 10, environment: pager)
        #expect(disabled.standardOutput.contains("Item number 5"))
        #expect(!FileManager.default.fileExists(atPath: paged))

        let emptied = try Self.onTerminal(digest, ["show", String(issue)], rows: 10,
                                          environment: ["DIGEST_PAGER": "", "PAGER": "cat > '\(paged)'"])
        #expect(emptied.standardOutput.contains("Item number 5"))
        #expect(!FileManager.default.fileExists(atPath: paged))

        let json = try Self.onTerminal(digest, ["show", String(issue), "--json"], rows: 10, environment: pager)
        #expect(json.standardOutput.contains("Item number 5"))
        #expect(!FileManager.default.fileExists(atPath: paged))

        // A command whose output is not a page (list) is never paged, however long.
        let list = try Self.onTerminal(digest, ["list"], rows: 2, environment: pager)
        #expect(list.status == 0)
        #expect(!FileManager.default.fileExists(atPath: paged))

        let piped = try digest.run(["show", String(issue)], environment: pager)
        #expect(piped.standardOutput.contains("Item number 5"))
        #expect(!FileManager.default.fileExists(atPath: paged))
    }

    @Test("export shows one rewritten progress line on a terminal's standard error, cleared at the end; none in a pipe")
    func progress() throws {
        let digest = try Self.digestWithArchive()
        let directory = digest.directory
        let output = directory.file("export-output.txt")
        let terminal = try Self.onTerminal(digest, ["export", "--out", directory.file("site")], stdoutTo: output)
        #expect(terminal.status == 0)
        let screen = terminal.standardOutput
        #expect(screen.contains("\r\(Self.escape)KExporting  1/3 issues"), "\(screen.debugDescription)")
        Self.expectOneClearedLine(screen)
        #expect(try String(contentsOfFile: output, encoding: .utf8).hasPrefix("Exported 3 issues"))

        let piped = try digest.run("export", "--out", directory.file("site-again"))
        #expect(piped.status == 0)
        #expect(piped.standardError.isEmpty)
        #expect(!piped.standardOutput.contains("Exporting "))
    }

    @Test("import and load show one rewritten progress line on a terminal's standard error, cleared at the end; none in a pipe")
    func importAndLoadProgress() throws {
        let directory = try TemporaryDirectory()
        let digest = Digest(directory: directory)
        try digest.initialise()
        let archive = Products.packageRoot + "/seeds/harbour-weekly-archive.jsonl"
        let output = directory.file("import-output.txt")
        let terminal = try Self.onTerminal(digest, ["import", archive, "--published"], stdoutTo: output)
        #expect(terminal.status == 0)
        let screen = terminal.standardOutput
        #expect(screen.contains("\r\(Self.escape)KImporting  "), "\(screen.debugDescription)")
        #expect(screen.contains(" items  "), "\(screen.debugDescription)")
        Self.expectOneClearedLine(screen)
        #expect(try String(contentsOfFile: output, encoding: .utf8).hasPrefix("Imported 12 items into 3 issues"))

        let dump = try digest.run("dump", "--out", directory.file("dump.jsonl"))
        #expect(dump.status == 0)
        let copy = Digest(directory: directory).with(database: directory.file("copy.sqlite"))
        let loadOutput = directory.file("load-output.txt")
        let loaded = try Self.onTerminal(copy, ["load", directory.file("dump.jsonl")], stdoutTo: loadOutput)
        #expect(loaded.status == 0)
        #expect(loaded.standardOutput.contains("\r\(Self.escape)KLoading  "), "\(loaded.standardOutput.debugDescription)")
        #expect(loaded.standardOutput.contains(" lines  "))
        Self.expectOneClearedLine(loaded.standardOutput)
        #expect(try String(contentsOfFile: loadOutput, encoding: .utf8).hasPrefix("Loaded 3 issues and 12 items"))

        let pipedDirectory = try TemporaryDirectory()
        let piped = Digest(directory: pipedDirectory)
        try piped.initialise()
        let pipedImport = try piped.run("import", archive, "--published")
        #expect(pipedImport.status == 0)
        #expect(pipedImport.standardError.isEmpty, "\(pipedImport.standardError.debugDescription)")
        #expect(!pipedImport.standardOutput.contains("Importing "))
        let pipedLoad = try piped.with(database: pipedDirectory.file("copy.sqlite")).run("load", directory.file("dump.jsonl"))
        #expect(pipedLoad.status == 0)
        #expect(pipedLoad.standardError.isEmpty, "\(pipedLoad.standardError.debugDescription)")
        #expect(!pipedLoad.standardOutput.contains("Loading "))
    }

    @Test("check-links shows its progress on a terminal as each link is checked")
    func linkProgress() throws {
        let (digest, issue) = try Self.digestWithIssue()
        let server = try LocalServer()
        defer { server.stop() }
        #expect(try digest.run("config", "fetch.allow-private", "on").status == 0)
        for index in 0..<3 {
            try digest.addItem(issue, title: "Link \(index)", url: server.url("/ok?\(index)"))
        }
        let output = digest.directory.file("check-output.txt")
        let terminal = try Self.onTerminal(digest, ["check-links", String(issue)], stdoutTo: output)
        #expect(terminal.status == 0)
        #expect(terminal.standardOutput.contains("\r\(Self.escape)KChecking links  "), "\(terminal.standardOutput.debugDescription)")
        #expect(terminal.standardOutput.hasSuffix("\r\(Self.escape)K"))
        #expect(try String(contentsOfFile: output, encoding: .utf8).contains("3 links checked: 3 ok"))
    }
}
