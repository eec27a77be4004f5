import Foundation
import HTMLScanning
import Testing

/// `HTMLScanner` against html5lib's tokenizer tests (MIT; the files in
/// Fixtures/html5lib-tokenizer, from html5lib-tests), the suite browsers'
/// parsers are held to. Every test that starts in the data state is run;
/// the tokens are compared as a tree builder receives them: tag names,
/// attributes (the first of a repeated name), self-closing, comments, and
/// text with character references decoded (none in raw text), adjacent text
/// joined. A doctype is compared as being one; its fields are not read.
@Suite("The one HTML tokenizer reads what the HTML standard's tokenizer reads")
struct HTMLScannerConformanceTests {
    enum Token: Equatable, CustomStringConvertible {
        case start(String, [String: String], selfClosing: Bool)
        case end(String)
        case comment(String)
        case doctype
        case text(String)

        var description: String {
            switch self {
            case .start(let name, let attributes, let selfClosing):
                "<\(name)\(attributes.sorted { $0.key < $1.key }.map { " \($0.key)=\($0.value.debugDescription)" }.joined())\(selfClosing ? "/" : "")>"
            case .end(let name): "</\(name)>"
            case .comment(let text): "<!--\(text.debugDescription)-->"
            case .doctype: "<!DOCTYPE>"
            case .text(let text): text.debugDescription
            }
        }
    }

    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/html5lib-tokenizer")
    static let files = ["test1", "test2", "test3", "test4", "entities"]

    struct Case {
        let file: String
        let description: String
        let input: String
        let expected: [Token]
    }

    static func cases() throws -> [Case] {
        var cases: [Case] = []
        for file in files {
            let data = try Data(contentsOf: fixtures.appendingPathComponent("\(file).test"))
            let root = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
            for test in try #require(root["tests"] as? [[String: Any]]) {
                let states = test["initialStates"] as? [String] ?? ["Data state"]
                guard states.contains("Data state"), test["doubleEscaped"] == nil,
                      let input = test["input"] as? String, let output = test["output"] as? [[Any]] else { continue }
                cases.append(Case(file: file, description: test["description"] as? String ?? "",
                                  input: input, expected: joined(output.compactMap(token))))
            }
        }
        return cases
    }

    static func token(_ item: [Any]) -> Token? {
        switch item.first as? String {
        case "StartTag":
            return .start(item[1] as? String ?? "", item[2] as? [String: String] ?? [:],
                          selfClosing: item.count > 3 && (item[3] as? Bool ?? false))
        case "EndTag": return .end(item[1] as? String ?? "")
        case "Comment": return .comment(item[1] as? String ?? "")
        case "Character": return .text(item[1] as? String ?? "")
        case "DOCTYPE": return .doctype
        default: return nil
        }
    }

    static func joined(_ tokens: [Token]) -> [Token] {
        var result: [Token] = []
        for token in tokens {
            if case .text(let more) = token, case .text(let text)? = result.last {
                result[result.count - 1] = .text(text + more)
            } else {
                result.append(token)
            }
        }
        return result
    }

    /// What the scanner gives for `input`, after the input stream's own
    /// step (CR LF and CR become LF), in the suite's terms.
    static func scanned(_ input: String) -> [Token] {
        let preprocessed = input.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        var scanner = HTMLScanner(preprocessed)
        var tokens: [Token] = []
        var rawText: String?
        while let token = scanner.next() {
            switch token {
            case .startTag(let name):
                var attributes: [String: String] = [:]
                for attribute in scanner.attributes {
                    let key = scanner.lowercased(attribute.name)
                    if attributes[key] == nil {
                        attributes[key] = HTMLEntities.decode(scanner.string(attribute.value), inAttribute: true)
                    }
                }
                let lowered = scanner.lowercased(name)
                tokens.append(.start(lowered, attributes, selfClosing: scanner.selfClosing))
                rawText = lowered
            case .endTag(let name):
                tokens.append(.end(scanner.lowercased(name)))
                rawText = nil
            case .comment(let range):
                tokens.append(.comment(scanner.string(range)))
                rawText = nil
            case .doctype:
                tokens.append(.doctype)
                rawText = nil
            case .text(let range):
                // Text keeps a NUL, as the tokenizer passes it on (the tree builder drops it).
                let text = String(decoding: scanner.bytes[range], as: UTF8.self)
                // Only RCDATA (title, textarea) and ordinary text decode references.
                let decodes = rawText.map { ["title", "textarea"].contains($0) || !HTMLScanner.holdsRawText($0) } ?? true
                tokens.append(.text(decodes ? HTMLEntities.decode(text) : text))
            }
        }
        return joined(tokens)
    }

    @Test("tags, attributes, comments and text agree with html5lib's expected tokens")
    func agreement() throws {
        let cases = try Self.cases()
        var agreed = 0
        var disagreements: [String] = []
        for test in cases {
            let ours = Self.scanned(test.input)
            if ours == test.expected {
                agreed += 1
            } else {
                disagreements.append("\(test.file): \(test.description): \(test.input.debugDescription)\n"
                    + "  expected \(test.expected)\n  scanned  \(ours)")
            }
        }
        let share = Double(agreed) / Double(cases.count)
        print("html5lib tokenizer tests: \(agreed) of \(cases.count) agree (\(String(format: "%.1f", share * 100))%)")
        for line in disagreements.prefix(20) { print(line) }
        // 1,807 tests of html5lib-tests 224991e; every one agrees.
        #expect(cases.count == 1807)
        #expect(disagreements.isEmpty)
    }
}
