import DigestLinkCheck
import DigestLinkOptions
import Testing

@Suite("Reading the command line")
struct LinkCheckActionTests {
    @Test("No options means the documented defaults")
    func defaults() throws {
        #expect(try LinkCheckAction.parse([]) == .check(LinkCheckOptions(timeout: 10, concurrency: 8, deadline: 120, maxRedirects: 10)))
    }

    @Test("Every option is read, with its value after a space or an equals sign, decimals allowed for seconds")
    func options() throws {
        #expect(try LinkCheckAction.parse(["--timeout", "2.5", "--concurrency=16", "--deadline", "30", "--max-redirects=0"])
            == .check(LinkCheckOptions(timeout: 2.5, concurrency: 16, deadline: 30, maxRedirects: 0)))
    }

    @Test("Help and version win over everything else", arguments: [
        (["--help"], LinkCheckAction.help), (["-h"], .help), (["--timeout", "3", "--version"], .version),
    ])
    func helpAndVersion(arguments: [String], expected: LinkCheckAction) throws {
        #expect(try LinkCheckAction.parse(arguments) == expected)
    }

    @Test("A bad value names the option, the value and what is expected", arguments: [
        (["--concurrency", "0"], "--concurrency must be a whole number from 1 to 64, not '0'"),
        (["--concurrency", "65"], "--concurrency must be a whole number from 1 to 64, not '65'"),
        (["--concurrency", "eight"], "--concurrency must be a whole number from 1 to 64, not 'eight'"),
        (["--timeout", "0"], "--timeout must be a number of seconds greater than 0, such as 10 or 2.5, not '0'"),
        (["--timeout=-1"], "--timeout must be a number of seconds greater than 0, such as 10 or 2.5, not '-1'"),
        (["--deadline", "nan"], "--deadline must be a number of seconds greater than 0, such as 10 or 2.5, not 'nan'"),
        (["--max-redirects", "-1"], "--max-redirects must be a whole number from 0 to 50, not '-1'"),
        (["--timeout"], "--timeout needs a value: a number of seconds greater than 0, such as 10 or 2.5"),
        (["--verbose"], "unknown option '--verbose'; the options are --timeout, --concurrency, --deadline, --max-redirects, --allow-private, --help and --version"),
        (["links.jsonl"], "unexpected argument 'links.jsonl'; digest-links reads its links from standard input, one JSON object a line"),
    ])
    func badValues(arguments: [String], message: String) {
        do {
            _ = try LinkCheckAction.parse(arguments)
            Issue.record("\(arguments) was accepted")
        } catch {
            #expect(error.messages == [message])
            #expect(error.exitCode == 64)
        }
    }
}
