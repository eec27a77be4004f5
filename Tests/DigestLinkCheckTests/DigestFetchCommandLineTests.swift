import CommandLineParsing
import DigestFetch
import Testing

/// digest-fetch reads its command line with the parser digest and
/// digest-links use: the same messages, exit codes and help layout.
@Suite("digest-fetch's command line, read by the one parser")
struct DigestFetchCommandLineTests {
    @Test("--help lists the commands people run, not the one digest-fetch gives its children")
    func help() async throws {
        let run = try await BinaryRun.digestFetch(["--help"])
        #expect(run.status == 0)
        #expect(run.output == DigestFetchCommand.help)
        #expect(run.output.contains("\n  page "))
        #expect(run.output.contains("\n  feeds "))
        #expect(run.output.contains("\n  opml "))
        #expect(!run.output.contains("\n  feed "))
        #expect(run.errors == "")
    }

    @Test("a command's help shows its own options, declared once; --isolated is the program's own and not shown")
    func commandHelp() async throws {
        let run = try await BinaryRun.digestFetch(["page", "--help"])
        #expect(run.status == 0)
        #expect(run.output.hasPrefix("OVERVIEW: Fetches one page"))
        #expect(run.output.contains("USAGE: digest-fetch page URL [OPTIONS]"))
        #expect(run.output.contains("  --max-bytes N"))
        #expect(!run.output.contains("--concurrency"))
        #expect(!run.output.contains("--isolated"))
        let feeds = try await BinaryRun.digestFetch(["help", "feeds"])
        #expect(feeds.status == 0)
        #expect(feeds.output.contains("USAGE: digest-fetch feeds [OPTIONS] < FEEDS.jsonl"))
        #expect(feeds.output.contains("  --concurrency N"))
    }

    @Test("a bad command line is 64, with the parser's message, the command's usage and a pointer to the help", arguments: [
        (["pag"], "'pag' is not a digest-fetch command. Did you mean 'page'? 'digest-fetch help' lists the commands.",
         "digest-fetch COMMAND [ARGUMENTS] [OPTIONS]"),
        (["page", "https://example.com/", "--timeout", "0"],
         "--timeout must be a number of seconds greater than 0, such as 10 or 2.5, not '0'.", "digest-fetch page URL [OPTIONS]"),
        (["page", "https://example.com/", "--max-bytes=-5"], "--max-bytes must be a whole number from 1 up, not '-5'.",
         "digest-fetch page URL [OPTIONS]"),
        (["page", "https://example.com/", "--concurrency", "4"], "unknown option '--concurrency' for 'page'.",
         "digest-fetch page URL [OPTIONS]"),
        (["feeds", "--concurrency", "65"], "--concurrency must be a whole number from 1 to 64, not '65'.",
         "digest-fetch feeds [OPTIONS] < FEEDS.jsonl"),
        (["opml", "list.opml"], "'opml' does not take the argument 'list.opml'; it reads FILE.opml on standard input.",
         "digest-fetch opml < FILE.opml"),
        (["page"], "'page' needs URL — the page's address.", "digest-fetch page URL [OPTIONS]"),
    ])
    func usageErrors(arguments: [String], message: String, usage: String) async throws {
        let run = try await BinaryRun.digestFetch(arguments)
        #expect(run.status == 64)
        #expect(run.output == "")
        #expect(run.errors == "digest-fetch: error: \(message)\nUsage: \(usage)\nSee 'digest-fetch --help'.\n")
    }
}
