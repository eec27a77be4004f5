import CommandLineParsing
import DigestLinkCheck
import DigestHTTP
import Foundation
import Testing

@Suite("The digest-links executable, run as digest check-links runs it")
struct DigestLinksEndToEndTests {
    private let example = #"{"id": 12, "url": "https://example.com/"}"#

    private func object(_ line: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
    }

    @Test("Links in, one JSON line out per link in input order, exit 0 whatever the outcomes")
    func checksLinks() async throws {
        let closed = "http://127.0.0.1:\(try ClosedPort.make())/"
        try await LinkServer.with { server async throws in
            let input = """
                {"id": 7, "url": "\(server.url("/not-found"))"}
                {"id": 3, "url": "\(server.url("/chain/3"))"}

                {"id": 9, "url": "\(closed)"}
                {"id": 1, "url": "\(server.url("/ok"))"}

                """
            let run = try await BinaryRun.digestLinks(["--timeout", "5", "--allow-private"], input: input)
            #expect(run.status == 0)
            #expect(run.errors == "")
            let lines = run.outputLines
            #expect(lines.count == 4)
            let objects = try lines.map(object)
            #expect(objects.map { $0["id"] as? Int } == [7, 3, 9, 1])
            #expect(objects.map { $0["outcome"] as? String } == ["broken", "redirected", "unreachable", "ok"])
            #expect(objects[1]["suggested_url"] as? String == server.url("/ok"))
            #expect(objects[2]["status"] is NSNull)
            // Every key, sorted, nulls written: the one encoding of the programs' messages.
            #expect(lines[0].hasPrefix(#"{"checked_at":""#))
            #expect(lines[0].hasSuffix(#","final_url":"\#(server.url("/not-found"))","id":7,"outcome":"broken","redirects":0,"status":404,"suggested_url":null,"url":"\#(server.url("/not-found"))"}"#))
            #expect(lines[0].contains(#""detail":"HTTP 404 Not Found","elapsed_ms":"#))
        }
    }

    @Test("A line that is not JSON: exit 65, the line named on stderr, nothing checked")
    func notJSON() async throws {
        try await LinkServer.with { server async throws in
            let input = """
                {"id": 1, "url": "\(server.url("/ok"))"}
                {"id": 2, url: oops}

                """
            let run = try await BinaryRun.digestLinks([], input: input)
            #expect(run.status == 65)
            #expect(run.output == "")
            #expect(run.errors == """
                digest-links: error: line 2: not valid JSON; each line must be an object such as \(example)
                digest-links: error: no link was checked; correct the lines above and run again

                """)
            #expect(try await server.stats()["requests"] as? Int == 0)
        }
    }

    @Test("A line without a url: exit 65 naming the line and the missing key")
    func missingURL() async throws {
        let run = try await BinaryRun.digestLinks([], input: "{\"id\": 4}\n")
        #expect(run.status == 65)
        #expect(run.output == "")
        #expect(run.errors == """
            digest-links: error: line 1: "url" is missing; give the link to check, as in \(example)
            digest-links: error: no link was checked; correct the lines above and run again

            """)
    }

    @Test("--concurrency 0: exit 64 with the allowed range, the usage line and a pointer to --help")
    func concurrencyZero() async throws {
        let run = try await BinaryRun.digestLinks(["--concurrency", "0"], input: "")
        #expect(run.status == 64)
        #expect(run.output == "")
        #expect(run.errors == """
            digest-links: error: --concurrency must be a whole number from 1 to 64, not '0'.
            Usage: digest-links [OPTIONS] < LINKS.jsonl
            See 'digest-links --help'.

            """)
    }

    @Test("An unknown option is a usage error, exit 64")
    func unknownOption() async throws {
        let run = try await BinaryRun.digestLinks(["--follow"], input: "")
        #expect(run.status == 64)
        #expect(run.errors.hasPrefix("digest-links: error: unknown option '--follow'"))
    }

    @Test("--help prints the help on stdout; --version the version; both exit 0")
    func helpAndVersion() async throws {
        let help = try await BinaryRun.digestLinks(["--help"], input: "")
        #expect(help.status == 0)
        #expect(help.output == HelpFormatter.command(LinkCheckCommand.spec))
        #expect(help.output.contains("  --max-redirects N"))
        #expect(!help.output.contains("--isolated"))
        #expect(help.output.hasPrefix("OVERVIEW: "))
        #expect(help.errors == "")
        let version = try await BinaryRun.digestLinks(["--version"], input: "")
        #expect(version.status == 0)
        #expect(version.output == "digest-links 1.0\n")
    }

    @Test("Empty input: no output, exit 0")
    func emptyInput() async throws {
        let run = try await BinaryRun.digestLinks([], input: "")
        #expect(run.status == 0)
        #expect(run.output == "")
        #expect(run.errors == "")
    }

    @Test("--timeout and --deadline reach the checks")
    func timeoutOptions() async throws {
        try await LinkServer.with { server async throws in
            let input = """
                {"id": 1, "url": "\(server.url("/slow?seconds=5"))"}
                {"id": 2, "url": "\(server.url("/slow?seconds=5"))"}

                """
            let timedOut = try await BinaryRun.digestLinks(["--timeout", "0.3", "--allow-private"], input: input)
            #expect(timedOut.status == 0)
            #expect(try timedOut.outputLines.map { try object($0)["detail"] as? String } == ["timed out after 0.3 s", "timed out after 0.3 s"])
            let deadline = try await BinaryRun.digestLinks(["--deadline", "0.5", "--concurrency", "1", "--allow-private"], input: input)
            #expect(deadline.status == 0)
            #expect(try deadline.outputLines.map { try object($0)["detail"] as? String } == ["total deadline reached", "total deadline reached"])
        }
    }
}
