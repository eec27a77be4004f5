import Foundation
import Testing

@Suite("Output that cannot be written")
struct OutputSafetyTests {
    let directory: TemporaryDirectory
    let digest: Digest

    init() throws {
        directory = try TemporaryDirectory()
        digest = Digest(directory: directory)
        try digest.initialise()
        let issue = try digest.draft()
        try digest.addItem(issue, url: "https://tides.example/explained")
    }

    @Test("dump, list and render onto a full device end with 73 and say so on standard error", arguments: [
        ["dump"], ["list"], ["render", "1", "--format", "text"], ["show", "1", "--json"],
    ])
    func fullStandardOutput(arguments: [String]) throws {
        let full = try directory.makeFullDevice()
        let result = try Spawned.run(digest, arguments, standardOutput: try FileHandle(forWritingTo: URL(fileURLWithPath: full)))
        #expect(result.reason == .exit)
        #expect(result.status == 73)
        #expect(result.standardError == "digest: error: cannot write to standard output: No space left on device; "
            + "the output is incomplete.\n")
    }

    @Test("a warning that cannot be written to standard error turns success into 73")
    func fullStandardError() throws {
        let full = try directory.makeFullDevice()
        let issue = try digest.draft(date: "2026-11-30")
        _ = try digest.run("add-item", String(issue), "--title", "Unlinked", "--source", "Review", "--date", "2026-11-20",
                           "--excerpt", "No link yet.", "--incomplete")
        let shown = try digest.run("check-links", String(issue))
        #expect(shown.status == 0)
        #expect(shown.standardError == "digest: warning: item 2 has no link yet; nothing to check.\n")
        let result = try Spawned.run(digest, ["check-links", String(issue)], standardOutput: FileHandle.nullDevice,
                                     standardError: try FileHandle(forWritingTo: URL(fileURLWithPath: full)))
        #expect(result.reason == .exit)
        #expect(result.status == 73)
    }

    @Test("a reader that went away ends digest quietly by SIGPIPE, as it ends other tools")
    func closedPipe() throws {
        let pipe = Pipe()
        try pipe.fileHandleForReading.close()
        let result = try Spawned.run(digest, ["dump"], standardOutput: pipe.fileHandleForWriting)
        #expect(result.killedBySignal == SIGPIPE)
        #expect(result.standardError == "")
    }

    @Test("digest list | head -1 prints the first line and nothing on standard error")
    func headOfAPipeline() throws {
        for index in 0..<3 { _ = try digest.draft(date: "2026-12-0\(index + 1)") }
        let result = try Digest.execute("/bin/sh", ["-c", "\"$0\" list | head -1", Products.digest],
                                        environment: digest.environment, directory: directory.path)
        #expect(result.status == 0)
        #expect(result.standardOutput == "#  DATE        STATUS  VERSION  ITEMS  TITLE\n")
        #expect(result.standardError == "")
    }

    @Test("--out onto a FIFO or a device is refused with 73 and leaves it as it was", arguments: ["fifo", "device"])
    func outOntoSpecialFile(kind: String) throws {
        let path = kind == "fifo" ? try directory.makeFIFO("special") : try directory.makeFullDevice("special")
        #expect(directory.kind("special") == (kind == "fifo" ? "fifo" : "character device"))
        for arguments in [["render", "1", "--format", "text", "--out", path], ["dump", "--out", path],
                          ["render", "1", "--format", "email", "--out", "special"]] {
            let result = try digest.run(arguments)
            #expect(result.status == 73, "\(arguments): \(result.standardError)")
            #expect(result.standardError.hasPrefix("digest: error: cannot write \(arguments.last ?? ""): it is "
                + (kind == "fifo" ? "a FIFO (named pipe)" : "a character device")
                + ", not a regular file, and digest replaces only regular files; give the path of a file "
                + "(or - for standard output).\n"))
            #expect(result.standardOutput == "")
        }
        #expect(directory.kind("special") == (kind == "fifo" ? "fifo" : "character device"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.contains(".tmp-") } == [])
    }

    @Test("a FIFO or device inside an export folder is refused, not replaced")
    func exportOntoSpecialFile() throws {
        try digest.run("submit", "1")
        try digest.run(["review", "1", "--approve", "1"], as: "ben")
        #expect(try digest.run("publish", "1", "--out", "published").status == 0)
        try FileManager.default.createDirectory(atPath: directory.file("site"), withIntermediateDirectories: true)
        try directory.makeFIFO("site/index.html")
        let result = try digest.run("export", "--out", "site")
        #expect(result.status == 73)
        #expect(result.standardError.contains("cannot write site/index.html: it is a FIFO (named pipe), not a regular file"))
        #expect(directory.kind("site/index.html") == "fifo")
    }

    @Test("--out - and --out naming what standard output already is write to standard output")
    func outToStandardOutput() throws {
        let expected = try digest.run("render", "1", "--format", "text").standardOutput
        let dash = try digest.run("render", "1", "--format", "text", "--out", "-")
        #expect(dash.status == 0)
        #expect(dash.standardOutput == expected)
        // The dump's header carries the time it was made: fixed, so two dumps can be compared.
        let fixedClock = ["SOURCE_DATE_EPOCH": "1795000000"]
        #expect(try digest.run(["dump", "--out", "-"], environment: fixedClock).standardOutput
                    == digest.run(["dump"], environment: fixedClock).standardOutput)
        // Standard output is a FIFO here, and --out names that same FIFO: the
        // bytes go down the pipe, and the FIFO stays a FIFO.
        try directory.makeFIFO("pipe")
        let script = "cat pipe > received & \"$0\" render 1 --format text --out pipe > pipe; status=$?; wait; exit $status"
        let result = try Digest.execute("/bin/sh", ["-c", script, Products.digest],
                                        environment: digest.environment, directory: directory.path)
        #expect(result.status == 0, "\(result.standardError)")
        #expect(try directory.read("received") == expected)
        #expect(directory.kind("pipe") == "fifo")
    }

    @Test("--out through a symbolic link replaces the file it points at and keeps the link")
    func outThroughLink() throws {
        try directory.write("real.txt", "old")
        try FileManager.default.createSymbolicLink(atPath: directory.file("link.txt"), withDestinationPath: "real.txt")
        #expect(try digest.run("render", "1", "--format", "text", "--out", "link.txt").status == 0)
        #expect(directory.kind("link.txt") == "link")
        #expect(try directory.read("real.txt") == digest.run("render", "1", "--format", "text").standardOutput)
    }
}

@Suite("How edition files reach the disk")
struct DurableWriteTests {
    @Test("each edition file is written under an unguessable name opened O_EXCL|O_NOFOLLOW, flushed, renamed, then its folder flushed")
    func publishTrace() throws {
        let directory = try TemporaryDirectory()
        let digest = Digest(directory: directory)
        try digest.initialise()
        _ = try digest.draft()
        try digest.addItem(1, url: "https://tides.example/a")
        try digest.run("submit", "1")
        try digest.run(["review", "1", "--approve", "1"], as: "ben")
        let traced = try Digest.execute("/usr/bin/env", ["strace", "-qq", "-e", "trace=openat,fsync,rename,link",
                                                         "-o", directory.file("trace"), Products.digest, "publish", "1", "--out", "out"],
                                        environment: digest.environment, directory: directory.path)
        #expect(traced.status == 0, "\(traced.standardError)")
        let calls = try directory.read("trace").split(separator: "\n").map { line in
            // Only the main thread is traced (no -f), so no call is split by another
            // thread's; the padding before " = result" goes.
            String(line).replacing(/\ +=/, with: " =")
        }
        for suffix in ["md", "html", "txt", "eml"] {
            let name = "1-2026-11-23.\(suffix)"
            let opened = try #require(calls.firstIndex { $0.contains("\"out/.\(name).tmp-") && $0.contains("O_CREAT") },
                                      "no temporary file for \(name)")
            let call = calls[opened]
            #expect(call.contains("O_EXCL") && call.contains("O_NOFOLLOW"), "\(call)")
            let temporary = try #require(call.split(separator: "\"").dropFirst().first.map(String.init))
            #expect(temporary.split(separator: "-").last.map(String.init)?.wholeMatch(of: /[0-9a-f]{1,16}/) != nil)
            let descriptor = try #require(call.split(separator: "=").last?.trimmingCharacters(in: .whitespaces))
            let rest = calls[(opened + 1)...]
            let synced = try #require(rest.firstIndex { $0 == "fsync(\(descriptor)) = 0" }, "\(name) was not flushed")
            let renamed = try #require(rest.firstIndex { $0 == "rename(\"\(temporary)\", \"out/\(name)\") = 0" },
                                       "\(name) was not renamed into place")
            #expect(synced < renamed)
            let folderOpened = try #require(calls[(renamed + 1)...].firstIndex { $0.hasPrefix("openat(AT_FDCWD, \"out\", ") && $0.contains("O_DIRECTORY") },
                                            "the folder was not opened after \(name)")
            let folderDescriptor = try #require(calls[folderOpened].split(separator: "=").last?.trimmingCharacters(in: .whitespaces))
            #expect(calls[(folderOpened + 1)...].first { $0.hasPrefix("fsync(") } == "fsync(\(folderDescriptor)) = 0",
                    "the folder was not flushed after \(name)")
        }
    }
}
