import CommandLineParsing
import Foundation
import Testing

@Suite("Odd invocations end with a clear error, never a crash")
struct InvocationTests {
    let directory: TemporaryDirectory
    let digest: Digest

    init() throws {
        directory = try TemporaryDirectory()
        digest = Digest(directory: directory)
    }

    @Test("SOURCE_DATE_EPOCH out of range is refused with 64 before anything changes", arguments: [
        "-1", "253402300800", "9223372036854775807", "-9223372036854775808", "99999999999999999999", "12abc",
    ])
    func sourceDateEpochOutOfRange(value: String) throws {
        try digest.initialise()
        let before = try directory.bytes("digest.sqlite")
        for arguments in [["draft", "--date", "2026-11-23"], ["list"], ["render", "1", "--format", "email"]] {
            let result = try digest.run(arguments, environment: ["SOURCE_DATE_EPOCH": value])
            #expect(result.status == 64, "\(arguments): \(result.standardError)")
            #expect(result.standardError == "digest: error: SOURCE_DATE_EPOCH must be a whole number of seconds since "
                + "1970-01-01 UTC, from 0 to 253402300799 (the end of the year 9999), not '\(value.prefix(40))'; "
                + "correct it, or unset it to use the clock.\n")
        }
        #expect(try directory.bytes("digest.sqlite") == before)
    }

    @Test("the last second of the year 9999 is a usable SOURCE_DATE_EPOCH, through to the published email")
    func sourceDateEpochAtTheEdge() throws {
        try digest.initialise()
        let last = ["SOURCE_DATE_EPOCH": "253402300799"]
        #expect(try digest.run(["draft", "--date", "2026-11-23"], environment: last).status == 0)
        try digest.addItem(1, url: "https://tides.example/a")
        try digest.run("submit", "1")
        try digest.run(["review", "1", "--approve", "1"], as: "ben")
        let published = try digest.run(["publish", "1", "--out", "out"], environment: last)
        #expect(published.status == 0, "\(published.standardError)")
        #expect(try directory.read("out/1-2026-11-23.eml").contains("\r\nDate: Fri, 31 Dec 9999 23:59:59 +0000\r\n"))
        #expect(try DatabaseInspector.scalar(digest.databasePath, "SELECT at FROM revisions WHERE version = 1")
            == "9999-12-31T23:59:59Z")
    }

    @Test("--db //path is a path, not an SQLite URI host")
    func doubleSlashPath() throws {
        let path = "/" + directory.file("double.sqlite")
        let created = try digest.run("--db", path, "init")
        #expect(created.status == 0, "\(created.standardError)")
        #expect(created.standardOutput == "Created \(path). Next: digest draft --date YYYY-MM-DD\n")
        #expect(try digest.run("--db", path, "draft", "--date", "2026-11-23").status == 0)
        #expect(try DatabaseInspector.scalar(directory.file("double.sqlite"), "SELECT count(*) FROM issues") == "1")
    }

    @Test("--db naming a folder says so: 66 for every command, 1 for init")
    func databaseIsAFolder() throws {
        try FileManager.default.createDirectory(atPath: directory.file("folder"), withIntermediateDirectories: true)
        for arguments in [["list"], ["draft", "--date", "2026-11-23"], ["doctor"]] {
            let result = try digest.run(["--db", "folder"] + arguments)
            #expect(result.status == 66, "\(arguments)")
            #expect(result.standardError == "digest: error: folder is a folder, not a database file; point --db or "
                + "DIGEST_DB at the database file itself (such as folder/digest.sqlite).\n")
        }
        let initialised = try digest.run("--db", "folder", "init")
        #expect(initialised.status == 1)
        #expect(initialised.standardError == "digest: error: folder is a folder; digest init creates a database file. "
            + "Give the path of the file to create, such as --db folder/digest.sqlite.\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.file("folder")) == [])
    }

    @Test("started with an empty argv (argc 0), digest runs as with no arguments: the help, exit 0")
    func emptyArgv() throws {
        let script = """
            import ctypes, os, sys
            pid = os.fork()
            if pid == 0:
                ctypes.CDLL(None).execv(sys.argv[1].encode(), (ctypes.c_char_p * 1)(None))
                os._exit(99)
            _, status = os.waitpid(pid, 0)
            sys.exit(os.waitstatus_to_exitcode(status))
            """
        let result = try Digest.execute("/usr/bin/env", ["python3", "-c", script, Products.digest],
                                        environment: digest.environment, directory: directory.path)
        #expect(result.status == 0)
        #expect(result.standardError == "")
        #expect(result.standardOutput == (try digest.run([]).standardOutput))
        #expect(result.standardOutput.hasPrefix("OVERVIEW: digest "))
    }
}

@Suite("check-links options")
struct CheckLinksOptionTests {
    @Test("a bad value is refused by digest with 64, by digest-links' own rules, before anything runs", arguments: [
        ("--concurrency", "2.5", "a whole number from 1 to 64"), ("--concurrency", "65", "a whole number from 1 to 64"),
        ("--concurrency", "0", "a whole number from 1 to 64"),
        ("--timeout", "0", "a number of seconds greater than 0, such as 10 or 2.5"),
        ("--timeout", "86401", "a number of seconds greater than 0, such as 10 or 2.5"),
        ("--deadline", "soon", "a number of seconds greater than 0, such as 10 or 2.5"),
    ])
    func badValues(option: String, value: String, expected: String) throws {
        let directory = try TemporaryDirectory()
        let digest = Digest(directory: directory)
        try digest.initialise()
        let issue = try digest.draft()
        try digest.addItem(issue, url: "http://127.0.0.1:9/never-asked")
        let result = try digest.run("check-links", String(issue), option, value)
        #expect(result.status == 64)
        #expect(result.standardError == "digest: error: \(option) must be \(expected), not '\(value)'.\n"
            + "Usage: digest check-links ISSUE [OPTIONS]\nSee 'digest help check-links'.\n")
        #expect(try DatabaseInspector.scalar(digest.databasePath, "SELECT count(*) FROM link_checks") == "0")
        // digest-links itself refuses the same value with the same code and message.
        let checker = try Digest.execute(Products.directory + "/digest-links", [option, value], input: [],
                                         environment: digest.environment, directory: directory.path)
        #expect(checker.status == 64)
        #expect(checker.standardError.hasPrefix("digest-links: error: \(option) must be \(expected), not '\(value)'.\n"))
    }

    @Test("a checker that ends without reading its links is reported (70), and digest does not die of SIGPIPE")
    func checkerEndsEarly() throws {
        let directory = try TemporaryDirectory()
        let digest = Digest(directory: directory)
        try digest.initialise()
        let issue = try digest.draft()
        // More than a pipe holds (64 KiB), so digest is still writing when the checker is gone.
        var lines = ""
        for index in 0..<1500 {
            lines += #"{"title": "Story \#(index)", "url": "https://harbour.example/stories/\#(index)/"#
                + String(repeating: "x", count: 40) + #"", "source": "Review", "date": "2026-11-20", "excerpt": "Words."}"# + "\n"
        }
        try directory.write("items.jsonl", lines)
        #expect(try digest.run("add-item", String(issue), "--file", "items.jsonl").status == 0)
        // A copy of digest with a checker beside it that exits at once.
        try FileManager.default.createDirectory(atPath: directory.file("bin"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: Products.digest, toPath: directory.file("bin/digest"))
        try directory.write("bin/digest-links", "#!/bin/sh\necho 'gone' >&2\nexit 74\n")
        chmod(directory.file("bin/digest-links"), 0o755)
        let result = try Spawned.run(digest, ["check-links", String(issue)], standardOutput: FileHandle.nullDevice,
                                     program: directory.file("bin/digest"))
        #expect(result.reason == .exit)
        #expect(result.status == 70)
        #expect(result.standardError == "digest: error: digest-links failed (exit 74): gone\n")
    }
}
