import CommandLineParsing
import Foundation
import Testing
@testable import DigestCLI

/// Options are read by name (`invocation.has("approve-issue")`), and a name
/// that no specification declares would read as "not given" for ever. This
/// reads every command's source and checks each name it asks for against
/// that command's own specification (shared helpers: against the commands
/// that declare it), so a misspelt or removed option fails here.
@Suite("Every option a command reads is one its specification declares")
struct OptionNameTests {
    static let sources = Products.packageRoot + "/Sources/DigestCLI"

    /// The option names a source file asks an invocation for.
    static func namesRead(in text: String) throws -> Set<String> {
        let pattern = try NSRegularExpression(
            pattern: #"invocation\.(?:has|value|list)\("([^"]+)"\)|invocation\.number\(option: "([^"]+)"\)"#)
        var names: Set<String> = []
        let range = NSRange(text.startIndex..., in: text)
        for match in pattern.matches(in: text, range: range) {
            for group in 1...2 {
                if let found = Range(match.range(at: group), in: text) { names.insert(String(text[found])) }
            }
        }
        return names
    }

    @Test("each command file reads only options its command declares; shared helpers only options some command declares")
    func declared() throws {
        let specs = CLI.commands.map { $0.spec }
        let everyOption = Set(specs.flatMap { $0.allOptions.map(\.name) })
        guard let walker = FileManager.default.enumerator(atPath: Self.sources) else {
            Issue.record("cannot read \(Self.sources)")
            return
        }
        var checked = 0, commandFiles = 0
        for case let path as String in walker where path.hasSuffix(".swift") {
            let text = try String(contentsOfFile: Self.sources + "/" + path, encoding: .utf8)
            let names = try Self.namesRead(in: text)
            guard !names.isEmpty else { continue }
            checked += names.count
            let command = specs.first { spec in text.contains("static let spec = CommandSpec(\n        name: \"\(spec.name)\"") }
            if command != nil { commandFiles += 1 }
            let allowed = command.map { Set($0.allOptions.map(\.name)) } ?? everyOption
            for name in names.sorted() where !allowed.contains(name) {
                Issue.record("\(path) reads --\(name), which \(command.map { "'\($0.name)'" } ?? "no command") declares")
            }
        }
        // The scan found the names, and most of them in a command's own file.
        #expect(checked >= 40)
        #expect(commandFiles >= 15)
    }

    @Test("the scan finds a misspelt name")
    func findsMisspelling() throws {
        #expect(try Self.namesRead(in: #"if invocation.has("aprove-issue") { }"#) == ["aprove-issue"])
        #expect(try Self.namesRead(in: #"try invocation.number(option: "expect-versoin")"#) == ["expect-versoin"])
    }

    @Test("--json, --color and --no-pager are read by the parser even from a line that does not parse, up to --")
    func presentation() {
        #expect(ArgumentParser.presentation(of: ["list", "--color=never", "--json", "--", "--no-pager"])
            == .init(json: true, color: "never", noPager: false))
        #expect(ArgumentParser.presentation(of: ["--no-pager", "shwo", "--color", "always"])
            == .init(json: false, color: "always", noPager: true))
        #expect(ArgumentParser.presentation(of: ["add-item", "1", "--title", "--", "--json"]) == .init())
    }
}
