import Foundation
import Testing

@Suite("completions and the manual page")
struct CompletionTests {
    static func script(_ shell: String, in directory: TemporaryDirectory) throws -> String {
        let digest = Digest(directory: directory)
        let result = try digest.run("completions", shell)
        #expect(result.status == 0, "\(result.standardError)")
        return try directory.write("digest.\(shell)", result.standardOutput)
    }

    static func tool(_ name: String) -> String? {
        ["/usr/bin/\(name)", "/bin/\(name)", "/usr/local/bin/\(name)"].first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    @Test("the bash, zsh and fish scripts parse, and shellcheck finds nothing in the bash one")
    func scriptsParse() throws {
        let directory = try TemporaryDirectory()
        let checks: [(shell: String, tool: String, arguments: [String])] = [
            ("bash", "bash", ["-n"]), ("zsh", "zsh", ["-n"]), ("fish", "fish", ["--no-execute"]),
            ("bash", "shellcheck", ["-s", "bash"]),
        ]
        for check in checks {
            let path = try Self.script(check.shell, in: directory)
            let tool = try #require(Self.tool(check.tool), "\(check.tool) is not installed (.ci/run installs it)")
            let result = try Digest.execute(tool, check.arguments + [path], environment: ProcessInfo.processInfo.environment,
                                            directory: directory.path)
            #expect(result.status == 0, "\(check.tool): \(result.standardOutput)\(result.standardError)")
            #expect(result.standardOutput.isEmpty, "\(check.tool): \(result.standardOutput)")
        }
        let unknown = try Digest(directory: directory).run("completions", "tcsh")
        #expect(unknown.status == 64)
        #expect(unknown.standardError.contains("SHELL must be bash, zsh or fish, not 'tcsh'"))
    }

    /// The candidates bash completion offers for a command line ending at the cursor.
    static func complete(_ words: [String], digest: Digest, script: String) throws -> [String] {
        let quoted = words.map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }.joined(separator: " ")
        let program = """
            source '\(script)'
            COMP_WORDS=(\(quoted))
            COMP_CWORD=\(words.count - 1)
            _digest
            printf '%s\\n' "${COMPREPLY[@]}"
            """
        var environment = digest.environment
        environment["PATH"] = Products.directory + ":" + (environment["PATH"] ?? "/usr/bin:/bin")
        let result = try Digest.execute("/bin/bash", ["-c", program], environment: environment, directory: digest.directory.path)
        #expect(result.status == 0, "\(result.standardError)")
        return result.standardOutput.split(separator: "\n").map(String.init)
    }

    @Test("bash completion offers commands, a command's options, --format values, setting keys and issue numbers")
    func bashCandidates() throws {
        let directory = try TemporaryDirectory()
        let digest = Digest(directory: directory)
        try digest.initialise()
        _ = try digest.draft(date: "2026-11-16")
        _ = try digest.draft(date: "2026-11-23")
        let script = try Self.script("bash", in: directory)

        #expect(try Self.complete(["digest", "d"], digest: digest, script: script) == ["draft", "diff", "dump", "doctor"])
        #expect(try Self.complete(["digest", "--db", "x.sqlite", "re"], digest: digest, script: script)
            == ["remove-item", "review", "render", "reopen"])
        let addItem = try Self.complete(["digest", "add-item", "1", "--"], digest: digest, script: script)
        for option in ["--title", "--url", "--source", "--date", "--excerpt", "--file", "--from-backlog", "--expect-version", "--json"] {
            #expect(addItem.contains(option), "add-item -- lacks \(option): \(addItem)")
        }
        #expect(!addItem.contains("--approve"))
        #expect(try Self.complete(["digest", "render", "2", "--format", ""], digest: digest, script: script)
            == ["markdown", "html", "text", "email"])
        #expect(try Self.complete(["digest", "list", "--status", "in"], digest: digest, script: script) == ["in-review"])
        let keys = try Self.complete(["digest", "config", "pub"], digest: digest, script: script)
        #expect(keys.contains("publication.name") && keys.contains("publication.email") && keys.contains("publish.require-links-ok"))
        #expect(try Self.complete(["digest", "config", "peo"], digest: digest, script: script) == ["people."])
        #expect(try Self.complete(["digest", "show", ""], digest: digest, script: script) == ["2", "1"])
        // The second argument of diff is a version, not an issue: nothing to offer.
        #expect(try Self.complete(["digest", "diff", "1", ""], digest: digest, script: script) == [])
        #expect(try Self.complete(["digest", "--color", ""], digest: digest, script: script) == ["auto", "always", "never"])
        #expect(try Self.complete(["digest", "completions", ""], digest: digest, script: script) == ["bash", "zsh", "fish"])
    }

    @Test("digest help --man equals the committed digest.1, which mandoc finds clean and man renders")
    func manualPage() throws {
        let directory = try TemporaryDirectory()
        let result = try Digest(directory: directory).run("help", "--man")
        #expect(result.status == 0)
        let committed = try String(contentsOfFile: Products.packageRoot + "/scripts/digest.1", encoding: .utf8)
        #expect(result.standardOutput == committed,
                "scripts/digest.1 is out of date: run 'digest help --man > scripts/digest.1'")
        let page = try directory.write("digest.1", result.standardOutput)
        let mandoc = try #require(Self.tool("mandoc"), "mandoc is not installed (.ci/run installs it)")
        let lint = try Digest.execute(mandoc, ["-T", "lint", "-W", "all", page], environment: ProcessInfo.processInfo.environment,
                                      directory: directory.path)
        #expect(lint.status == 0, "\(lint.standardOutput)\(lint.standardError)")
        #expect(lint.standardOutput.isEmpty && lint.standardError.isEmpty, "\(lint.standardOutput)\(lint.standardError)")
        var environment = ProcessInfo.processInfo.environment
        environment["MANPAGER"] = "cat"
        environment["MANWIDTH"] = "80"
        let man = try #require(Self.tool("man"), "man is not installed (.ci/run installs man-db)")
        let rendered = try Digest.execute(man, ["-l", page], environment: environment, directory: directory.path)
        #expect(rendered.status == 0, "\(rendered.standardError)")
        for heading in ["NAME", "SYNOPSIS", "COMMANDS", "EXIT STATUS", "ENVIRONMENT", "FILES"] {
            #expect(rendered.standardOutput.contains("\n\(heading)\n"), "the rendered page lacks \(heading)")
        }
        #expect(rendered.standardOutput.contains("add-item"))
    }

    @Test("the manual's exit codes are the reference's")
    func exitCodesAgree() throws {
        let readme = try String(contentsOfFile: Products.packageRoot + "/docs/reference.md", encoding: .utf8)
        let table = try #require(readme.components(separatedBy: "## Output and exit codes").dropFirst().first)
        let readmeCodes = table.split(separator: "\n").prefix { !$0.hasPrefix("## ") }.compactMap { line -> String? in
            let cells = line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
            return cells.first.flatMap { Int($0) }.map { "\($0) \(cells.dropFirst().first ?? "")" }
        }
        let directory = try TemporaryDirectory()
        let page = try Digest(directory: directory).run("help", "--man").standardOutput
        let section = try #require(page.components(separatedBy: ".SH EXIT STATUS\n").dropFirst().first?
            .components(separatedBy: ".SH ").first)
        let lines = section.split(separator: "\n").map(String.init)
        var manualCodes: [String] = []
        for (index, line) in lines.enumerated() {
            // Each code is a tag line, `\fR64\fR`, followed by its meaning up to the next macro.
            guard let code = Int(line.replacingOccurrences(of: "\\fR", with: "")) else { continue }
            let meaning = lines[(index + 1)...].prefix { !$0.hasPrefix(".") }.joined(separator: " ")
            manualCodes.append("\(code) " + meaning.replacingOccurrences(of: "\\-", with: "-"))
        }
        #expect(manualCodes == readmeCodes)
    }

    @Test("scripts/install puts both programs, the manual and the completions under PREFIX, and check-links finds digest-links")
    func install() throws {
        let directory = try TemporaryDirectory()
        let prefix = directory.file("prefix")
        let result = try Digest.execute("/bin/bash", [Products.packageRoot + "/scripts/install", "--from", Products.directory, prefix],
                                        environment: ProcessInfo.processInfo.environment, directory: directory.path)
        #expect(result.status == 0, "\(result.standardOutput)\(result.standardError)")
        for file in ["bin/digest", "bin/digest-links", "share/man/man1/digest.1", "share/bash-completion/completions/digest",
                     "share/zsh/site-functions/_digest", "share/fish/vendor_completions.d/digest.fish"] {
            #expect(FileManager.default.fileExists(atPath: "\(prefix)/\(file)"), "\(file) was not installed")
        }
        #expect(FileManager.default.isExecutableFile(atPath: "\(prefix)/bin/digest-links"))

        var environment = ProcessInfo.processInfo.environment
        environment["PATH"] = "/usr/bin:/bin"
        environment["DIGEST_DB"] = directory.file("digest.sqlite")
        environment["DIGEST_USER"] = "ana"
        let installed = "\(prefix)/bin/digest"
        let version = try Digest.execute(installed, ["--version"], environment: environment, directory: directory.path)
        #expect(version.status == 0)
        let versionLines = version.standardOutput.split(separator: "\n")
        #expect(versionLines.count == 2 && versionLines[0].hasPrefix("digest ") && versionLines[1].hasPrefix("build: "),
                "\(version.standardOutput)")
        for step in [["init", "--publication", "The Harbour Weekly"], ["draft", "--date", "2026-11-23"],
                     ["add-item", "1", "--title", "Closed port", "--url", "http://127.0.0.1:\(try LocalServer.closedPort())/",
                      "--source", "Local", "--date", "2026-11-20", "--excerpt", "Nobody listens here."]] {
            let ran = try Digest.execute(installed, step, environment: environment, directory: directory.path)
            #expect(ran.status == 0, "\(step): \(ran.standardError)")
        }
        let checked = try Digest.execute(installed, ["check-links", "1", "--timeout", "2"], environment: environment,
                                         directory: directory.path)
        #expect(checked.status == 0, "\(checked.standardError)")
        #expect(checked.standardOutput.contains("unreachable"))

        // digest alone, without its companion: the error says where it looked and how to install it.
        let alone = directory.file("alone")
        try FileManager.default.createDirectory(atPath: alone, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: installed, toPath: alone + "/digest")
        let missing = try Digest.execute(alone + "/digest", ["check-links", "1"], environment: environment, directory: directory.path)
        #expect(missing.status == 66)
        #expect(missing.standardError.contains("Looked in: \(alone)/digest-links, /usr/bin/digest-links, /bin/digest-links."),
                "\(missing.standardError)")
        #expect(missing.standardError.contains("scripts/install"))
    }
}
