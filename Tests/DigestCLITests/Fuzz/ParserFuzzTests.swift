import CommandLineParsing
import Foundation
import Testing
@testable import DigestCLI
@testable import DigestStorage
@testable import DigestModel
@testable import DigestRendering
@testable import DigestWorkflow

/// Generated and mutated inputs thrown at every parser in the process: each
/// must end in a result or its own documented error, in bounded time, and
/// what it accepts must hold up (read back the same, stay inside limits).
@Suite("Fuzzing the parsers in process", .serialized)
struct ParserFuzzTests {
    static let jsonTokens: [[UInt8]] = [
        "{", "}", "[", "]", ",", ":", "\"", "\\", "\\u", "\\ud83c", "\\udf0a", "\\u0000", "true", "false", "null",
        "-0", "1e999", "0.5e-3", "\"title\":", "\"url\":", "\"title\": \"x\"", "{\"a\":1,\"a\":2}", "\n", "\r\n",
        "\u{FEFF}", "é", "\u{2028}", "[[[[[[[[", "]]]]]]]]", "{\"\":{\"\":{", "99999999999999999999",
    ].map { Array($0.utf8) }

    @Test("JSON: every input parses or fails with a position; what parses writes and reads back the same")
    func json() throws {
        var run = FuzzRun("json")
        let corpus = FuzzCorpus.jsonItems.flatMap { [$0] + FuzzCorpus.lines(of: $0).prefix(8) }
        let mutator = Mutator(tokens: Self.jsonTokens)
        for index in 0..<FuzzSettings.iterations {
            let input = index % 4 == 0
                ? Array(JSONWriter(pretty: run.random.chance(50)).string(Self.generatedJSON(&run.random, depth: 0)).utf8)
                : mutator.mutate(run.random.pick(corpus), splicing: run.random.pick(corpus), using: &run.random)
            run.check(input) { bytes in
                do {
                    let value = try JSONParser.parse(bytes)
                    for pretty in [false, true] {
                        let written = JSONWriter(pretty: pretty).string(value)
                        guard let again = try? JSONParser.parse(written), again == value else {
                            throw FuzzViolation("the value written as \(written.prefix(200).debugDescription) does not read back")
                        }
                    }
                    return "parsed"
                } catch let failure as JSONParser.Failure {
                    guard failure.line >= 1, failure.column >= 1, !failure.reason.isEmpty else {
                        throw FuzzViolation("a failure without a position: \(failure)")
                    }
                    return "refused"
                }
            }
        }
        run.report()
    }

    static func generatedJSON(_ random: inout FuzzRandom, depth: Int) -> JSONValue {
        switch random.below(depth > 4 ? 5 : 7) {
        case 0: return .null
        case 1: return .bool(random.chance(50))
        case 2: return .integer(Int(truncatingIfNeeded: random.next()) >> random.below(64))
        case 3: return .double(Double(Int(truncatingIfNeeded: random.next() >> 12)) / 1024)
        case 4:
            let pieces = ["a", "é", "\"", "\\", "\n", "\u{0}", "\u{1F}", "\u{7F}", "\u{2028}", "🌊", "/", "title", " "]
            return .string((0..<random.below(12)).map { _ in random.pick(pieces) }.joined())
        case 5: return .array((0..<random.below(5)).map { _ in generatedJSON(&random, depth: depth + 1) })
        default:
            var members: [(String, JSONValue)] = []
            for index in 0..<random.below(6) {
                members.append(("k\(index)\(random.pick(["", "é", "\"", "\\n"]))", generatedJSON(&random, depth: depth + 1)))
            }
            return .object(members)
        }
    }

    @Test("JSON Lines and item files: every input gives records and problems, or one 65 error")
    func itemFiles() throws {
        var run = FuzzRun("json-lines")
        let corpus = FuzzCorpus.jsonItems
        let mutator = Mutator(tokens: Self.jsonTokens + Self.fieldTokens)
        for _ in 0..<FuzzSettings.iterations {
            let input = mutator.mutate(run.random.pick(corpus), splicing: run.random.pick(corpus), using: &run.random)
            run.check(input) { bytes in
                do {
                    let batch = try ItemRecordReader.read(bytes, origin: "items.jsonl")
                    let lines = bytes.count { $0 == 0x0A } + 1
                    guard batch.records.count <= max(lines, 1) || bytes.first == UInt8(ascii: "[") else {
                        throw FuzzViolation("\(batch.records.count) records from \(lines) lines")
                    }
                    for problem in batch.problems where problem.reason.isEmpty || problem.fix.isEmpty {
                        throw FuzzViolation("a problem without a reason or a fix: \(problem)")
                    }
                    return batch.problems.isEmpty ? "read" : "problems"
                } catch let error as DigestError {
                    guard error.exitCode == 65 else { throw FuzzViolation("exit \(error.exitCode): \(error)") }
                    return "refused"
                }
            }
        }
        run.report()
    }

    static let fieldTokens: [[UInt8]] = [
        "\"title\": ", "\"url\": \"https://x.example/a\"", "\"url\": \"javascript:alert(1)\"", "\"source\": \"S\"",
        "\"date\": \"2026-02-30\"", "\"date\": \"Sep 31, 2020\"", "\"excerpt\": \"", "\"author\": null",
        "\"section\": [1]", "\"posted_on\": 3", "\"incomplete\": true", "\"id\": 1", "\"extra\": 1",
    ].map { Array($0.utf8) }

    @Test("dates: every text is a date or a problem; a date read back from its ISO form is the same date")
    func dates() throws {
        var run = FuzzRun("dates")
        let months = ["January", "Feb", "Feb.", "march", "SEPTEMBER", "Septmber", "Dec", "Mai", "Okt", ""]
        let mutator = Mutator(tokens: (months + ["-", "/", ",", " ", "0", "29", "31", "2020", "9999", "0000", "\u{0660}"]).map { Array($0.utf8) })
        let seeds = ["2020-09-28", "2020/09/28", "September 28 2020", "Sep 28, 2020", "28 September 2020", "2024-02-29"]
            .map { Array($0.utf8) }
        for index in 0..<FuzzSettings.iterations * 4 {
            let input: [UInt8]
            if index % 3 == 0 {
                let year = run.random.pick([0, 1, 999, 1000, 2000, 2024, 2100, 9999, 10000, -5])
                let month = run.random.below(14), day = run.random.below(33)
                input = Array(run.random.pick([
                    "\(year)-\(month)-\(day)", "\(year)/\(month)/\(day)",
                    "\(run.random.pick(months)) \(day) \(year)", "\(day) \(run.random.pick(months)) \(year)",
                    "\(run.random.pick(months)) \(day), \(year)",
                ]).utf8)
            } else {
                input = mutator.mutate(run.random.pick(seeds), splicing: run.random.pick(seeds), using: &run.random)
            }
            run.check(input) { bytes in
                let text = String(decoding: bytes, as: UTF8.self)
                _ = DateParser.parseLeniently(text)
                switch DateParser.parse(text) {
                case .success(let date):
                    guard case .success(date) = DateParser.parse(date.iso), CivilDate(iso: date.iso) == date else {
                        throw FuzzViolation("\(text.debugDescription) read as \(date.iso), which does not read back")
                    }
                    guard case .success(date) = DateParser.parse(date.long) else {
                        throw FuzzViolation("\(text.debugDescription) read as \(date.iso), whose long form \(date.long.debugDescription) does not read back")
                    }
                    return "date"
                case .failure(let problem):
                    guard !problem.reason.isEmpty, !problem.fix.isEmpty else { throw FuzzViolation("an empty problem") }
                    return "refused"
                }
            }
        }
        run.report()
    }

    @Test("URLs: every text is accepted or refused; an accepted one is http(s) with no space, control or quote")
    func urls() throws {
        var run = FuzzRun("urls")
        let parts = ["https://", "http://", "HTTPS://", "javascript:", "data:", "//", "@", ":", ":80", ":99999", "/", "?", "#",
                     "%", "%0a", "%zz", " ", "\t", "\u{0}", "\u{7F}", "\u{202E}", "\u{200B}", "é", "xn--", "[::1]", "<", ">",
                     "\"", "'", "\\", "`", "example.org", "a.example", "..", "localhost", "user:pass@"]
        let mutator = Mutator(tokens: parts.map { Array($0.utf8) })
        let seeds = ["https://tides.example/explained", "http://a.example:8080/p?q=1#f", "https://xn--bcher-kva.example/ü"]
            .map { Array($0.utf8) }
        for index in 0..<FuzzSettings.iterations * 4 {
            let input = index % 2 == 0
                ? Array((0..<(1 + run.random.below(6))).map { _ in run.random.pick(parts) }.joined().utf8)
                : mutator.mutate(run.random.pick(seeds), splicing: run.random.pick(seeds), using: &run.random)
            run.check(input) { bytes in
                let text = String(decoding: bytes, as: UTF8.self)
                guard URLValidator.validate(text) == nil else { return "refused" }
                let lowered = text.lowercased()
                guard lowered.hasPrefix("http://") || lowered.hasPrefix("https://"),
                      !text.unicodeScalars.contains(where: { $0.value <= 0x20 || $0.value == 0x7F || "\"<>\\`".unicodeScalars.contains($0) }),
                      text.utf8.count <= URLValidator.maximumLength else {
                    throw FuzzViolation("accepted \(text.debugDescription)")
                }
                return "accepted"
            }
        }
        run.report()
    }

    @Test("pages: every text is a page or a list of problems, each naming a line that exists")
    func pages() throws {
        var run = FuzzRun("pages")
        let corpus = FuzzCorpus.pages
        let tokens = ["Posted on: ", "Posted on: 2021/03/04", "Author: ", "Email: ", ", March 3 2021:", ":…", "…", "\n\n",
                      "\r\n", "\u{FEFF}", "\u{0}", ", Septmber 3 2021:", " 31 February 2021:"].map { Array($0.utf8) }
        let mutator = Mutator(tokens: tokens)
        for _ in 0..<FuzzSettings.iterations {
            let input = mutator.mutate(run.random.pick(corpus), splicing: run.random.pick(corpus), using: &run.random)
            run.check(input) { bytes in
                let text = String(decoding: bytes, as: UTF8.self)
                // Lines end at LF, CR or CRLF, as the page reader counts them.
                let lineCount = text.replacingOccurrences(of: "\r\n", with: "\n").utf8.count { $0 == 0x0A || $0 == 0x0D } + 1
                do {
                    let page = try PageParser.parse(text)
                    guard !page.items.isEmpty else { throw FuzzViolation("a page with no items was accepted") }
                    return "page"
                } catch let failure as PageParseFailure {
                    guard !failure.problems.isEmpty else { throw FuzzViolation("a failure with no problems") }
                    for problem in failure.problems {
                        if let line = problem.line, !(1...max(1, lineCount)).contains(line) {
                            throw FuzzViolation("a problem on line \(line) of \(lineCount): \(problem)")
                        }
                    }
                    return "refused"
                }
            }
        }
        run.report()
    }

    @Test("templates: every template renders inside its budget or fails with a template error")
    func templates() throws {
        var run = FuzzRun("templates")
        let corpus = FuzzCorpus.templates
        let names = ["items", "sections", "title", "url", "issue", "issue.title", "publication.name", "name", ".", "author",
                     "isFirst", "isLast", "excerpt", "nope", "a.b", "items.title"]
        let tokens = (["{{", "}}", "{{{", "}}}", "{{#", "{{/", "{{^", "{{>", "{{!", "{{=", "{{&", "\n", "\r\n", "  "]
            + names.map { "{{#\($0)}}" } + names.map { "{{/\($0)}}" } + names.map { "{{\($0)}}" }
            + ["{{> p}}", "{{> html-item}}", "{{> markdown-item}}", "{{> text-item}}"]).map { Array($0.utf8) }
        let mutator = Mutator(tokens: tokens)
        let input = try Self.renderInput(items: 31)
        for index in 0..<FuzzSettings.iterations {
            let main: [UInt8], partial: [UInt8]
            if index % 2 == 0 {
                main = Self.generatedTemplate(&run.random, names: names)
                partial = run.random.chance(50) ? Self.generatedTemplate(&run.random, names: names) : Array("{{issue.title}}".utf8)
            } else {
                main = mutator.mutate(run.random.pick(corpus), splicing: run.random.pick(corpus), using: &run.random)
                partial = mutator.mutate(run.random.pick(corpus), splicing: [], using: &run.random)
            }
            let format = run.random.pick([RenderFormat.markdown, .html, .text])
            let fileName = TemplateSet.fileName(for: format) ?? "markdown.tmpl"
            run.check(main + [0] + partial) { bytes in
                let split = bytes.firstIndex(of: 0) ?? bytes.count
                let files = [fileName: String(decoding: bytes[..<split], as: UTF8.self),
                             "_p.tmpl": String(decoding: bytes[min(bytes.count, split + 1)...], as: UTF8.self)]
                let renderer = FormatRenderer(templates: TemplateSet(files: files, directory: "fuzz"))
                do {
                    let rendering = try renderer.render(input, format: format)
                    guard rendering.output.utf8.count <= RenderBudget(itemCount: input.items.count).maximumBytes + 4096 else {
                        throw FuzzViolation("a render of \(rendering.output.utf8.count) bytes passed the budget")
                    }
                    return "rendered"
                } catch let error as TemplateError {
                    guard error.description.hasPrefix("fuzz/") || error.description.hasPrefix("templates/") else {
                        throw FuzzViolation("an error naming no file: \(error)")
                    }
                    return "refused (" + (Mirror(reflecting: error).children.first?.label ?? "\(error)") + ")"
                }
            }
        }
        run.report()
    }

    /// Mostly valid templates (names that exist where they stand), so the
    /// renderer and its budget are reached, not only the checker.
    static func generatedTemplate(_ random: inout FuzzRandom, names: [String]) -> [UInt8] {
        let top = ["issue.title", "issue.number", "issue.dateLong", "publication.name", "issue.intro"]
        let inItem = ["title", "url", "source", "author", "excerpt", "first", "last", "position", "attribution", "linkText"]
        var text = ""
        var open: [String] = []
        for _ in 0..<random.below(60) {
            let inside = open.contains("items")
            switch random.below(9) {
            case 0 where open.count < 40, 1 where open.count < 40:
                let name = random.chance(2) ? random.pick(names)
                    : open.last == "sections" ? "items"
                    : inside ? random.pick(["author", "first", "last", "url", "items"]) : random.pick(["items", "sections", "issue"])
                text += random.chance(85) ? "{{#\(name)}}" : "{{^\(name)}}"
                open.append(name)
            case 2 where !open.isEmpty, 3 where !open.isEmpty:
                text += "{{/\(open.removeLast())}}"
            case 4:
                let name = random.chance(1) ? random.pick(names) : inside ? random.pick(inItem + top) : random.pick(top)
                text += random.chance(80) ? "{{\(name)}}" : "{{{\(name)}}}"
            case 5: text += random.chance(70) ? "{{> p}}" : "{{> \(random.pick(["html-item", "markdown-item", "text-item", "p", "q"]))}}"
            case 6: text += random.pick(["\n", " ", "text", "<b>&amp;</b>", "é", "{{! note }}", "\t\n", "\r\n"])
            default: text += random.pick(["Links\n", "- ", "*", "[x](y)", "\n\n"])
            }
        }
        while random.chance(95), let name = open.popLast() { text += "{{/\(name)}}" }
        return Array(text.utf8)
    }

    static func renderInput(items count: Int) throws -> EditionContent {
        let date = try #require(CivilDate(year: 2026, month: 11, day: 20))
        return EditionContent(
            publication: PublicationInfo(name: "The Harbour Weekly", email: "editors@harbour.example",
                                         website: "https://harbour.example"),
            issue: EditionIssue(number: 4, date: date, title: "No. 4", intro: "Tides & <storms>."),
            items: (1...count).map { index in
                EditionItem(id: index, position: index, title: "Story \(index) <b>&</b>", url: "https://harbour.example/\(index)",
                           source: "Review", author: index % 2 == 0 ? "Mira" : nil, date: date,
                           excerpt: "Story \(index), told in a few words.", section: index % 3 == 0 ? nil : "Sea \(index % 2)")
            })
    }

    @Test("arguments: every command line parses or is refused with a usage error")
    func arguments() throws {
        var run = FuzzRun("arguments")
        let specs = CLI.commands.map { $0.spec }
        let parser = ArgumentParser(program: "digest", commands: specs, globalOptions: GlobalOptions.specs)
        let words = Self.argumentWords(specs)
        for _ in 0..<FuzzSettings.iterations * 4 {
            let arguments = (0..<run.random.below(8)).map { _ in run.random.pick(words) }
            let input = Array(arguments.joined(separator: "\u{0}").utf8)
            run.check(input) { bytes in
                let arguments = bytes.isEmpty ? [] : bytes.split(separator: 0, omittingEmptySubsequences: false)
                    .map { String(decoding: $0, as: UTF8.self) }
                do {
                    _ = try parser.parse(arguments)
                    return "parsed"
                } catch let error as CLIError {
                    guard case .usage(let message, _) = error, !message.isEmpty else { throw FuzzViolation("\(error)") }
                    return "usage"
                } catch let error as DigestError {
                    guard error.exitCode == 64 else { throw FuzzViolation("exit \(error.exitCode): \(error)") }
                    return "usage"
                }
            }
        }
        run.report()
    }

    static func argumentWords(_ specs: [CommandSpec]) -> [String] {
        var words = specs.map(\.name) + ["--db", "--as", "--json", "--quiet", "--help", "-h", "--version", "--", "-", "",
                                         "help", "lsit", "--db=", "--as=", "-x", "--no-such", "---", "--=", "1", "0", "-1",
                                         "2.5", "99999999999999999999", "1,2,,3", "é", "\u{0}", "a b", "--title=x", "=", "--json=1"]
        for spec in specs {
            for option in spec.options { words.append("--" + option.name) }
        }
        return words
    }
}
