import CommandLineParsing
import DigestLinkCheck
import DigestHTTP
import DigestLinkOptions
import Testing

@Suite("Reading digest-links' command line")
struct LinkCheckOptionsTests {
    static let parser = ArgumentParser(program: "digest-links", commands: [])

    /// The options the line asks for, or the parser's or a rule's refusal.
    static func options(_ arguments: [String]) throws -> LinkCheckOptions? {
        guard case .run(let invocation, _, _) = try parser.parse(arguments, as: LinkCheckCommand.spec) else { return nil }
        return try LinkCheckOptions(invocation)
    }

    @Test("No options means the documented defaults")
    func defaults() throws {
        #expect(try Self.options([]) == LinkCheckOptions(timeout: 10, concurrency: 8, deadline: 120, maxRedirects: 10))
    }

    @Test("Every option is read, with its value after a space or an equals sign, decimals allowed for seconds")
    func options() throws {
        #expect(try Self.options(["--timeout", "2.5", "--concurrency=16", "--deadline", "30", "--max-redirects=0", "--allow-private"])
            == LinkCheckOptions(timeout: 2.5, concurrency: 16, deadline: 30, maxRedirects: 0, allowPrivate: true))
    }

    @Test("--help wins over everything else")
    func help() throws {
        for arguments in [["--help"], ["-h"], ["--timeout", "3", "--help"]] {
            guard case .help(let topic, _) = try Self.parser.parse(arguments, as: LinkCheckCommand.spec) else {
                Issue.record("\(arguments) is not a request for help")
                continue
            }
            #expect(topic?.program == "digest-links")
        }
    }

    @Test("A bad value names the option, the value and what is expected", arguments: [
        (["--concurrency", "0"], "--concurrency must be a whole number from 1 to 64, not '0'."),
        (["--concurrency", "65"], "--concurrency must be a whole number from 1 to 64, not '65'."),
        (["--concurrency", "eight"], "--concurrency must be a whole number from 1 to 64, not 'eight'."),
        (["--timeout", "0"], "--timeout must be a number of seconds greater than 0, such as 10 or 2.5, not '0'."),
        (["--timeout=-1"], "--timeout must be a number of seconds greater than 0, such as 10 or 2.5, not '-1'."),
        (["--deadline", "nan"], "--deadline must be a number of seconds greater than 0, such as 10 or 2.5, not 'nan'."),
        (["--max-redirects", "-1"], "--max-redirects must be a whole number from 0 to 50, not '-1'."),
        (["--timeout"], "--timeout needs a value (S)."),
        (["--timeout", "3", "--timeout", "4"], "--timeout is given twice ('3', then '4'); give it once."),
        (["--verbose"], "unknown option '--verbose'."),
        (["--timout", "3"], "unknown option '--timout'. Did you mean '--timeout'?"),
        (["links.jsonl"], "digest-links does not take the argument 'links.jsonl'; it reads LINKS.jsonl on standard input."),
    ])
    func badValues(arguments: [String], message: String) {
        do {
            _ = try Self.options(arguments)
            Issue.record("\(arguments) was accepted")
        } catch CLIError.usage(let said, let command) {
            #expect(said == message)
            #expect(command?.program == "digest-links")
        } catch {
            Issue.record("\(arguments): \(error)")
        }
    }

    @Test("digest check-links declares the same run options, so both read and refuse the same values")
    func sharedWithDigest() {
        let names = LinkCheckOptions.runOptions.map(\.name)
        #expect(names == ["timeout", "concurrency", "deadline"])
        #expect(Set(names).isSubset(of: LinkCheckCommand.spec.options.map(\.name)))
    }
}
