import Foundation
import Testing
@testable import DigestModel

/// `JSONParser` against JSONTestSuite's parsing tests (MIT; the files in
/// Fixtures/JSONTestSuite, from nst/JSONTestSuite), the suite JSON parsers
/// are compared by: every `y_` file accepted (but a repeated key), every `n_` file refused, and
/// no `i_` file (where RFC 8259 leaves the choice to the parser: huge
/// numbers, deep nesting, invalid UTF-16 escapes) crashing it.
@Suite("The one JSON parser reads what RFC 8259 says, on JSONTestSuite")
struct JSONTestSuiteConformanceTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/JSONTestSuite/test_parsing")

    static func files(_ prefix: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasPrefix(prefix) }.sorted()
    }

    private func parses(_ name: String) throws -> Bool {
        let bytes = [UInt8](try Data(contentsOf: Self.folder.appendingPathComponent(name)))
        do {
            _ = try JSONParser.parse(bytes)
            return true
        } catch {
            return false
        }
    }

    @Test("all 95 y_ files are accepted, but the two that repeat a key, which digest refuses on purpose")
    func accepted() throws {
        let files = try Self.files("y_")
        #expect(files.count == 95)
        let refused = try files.filter { !(try parses($0)) }
        // RFC 8259 allows a repeated name but says nothing of which value
        // counts; keeping either would silently drop the other.
        #expect(refused == ["y_object_duplicated_key.json", "y_object_duplicated_key_and_value.json"])
    }

    @Test("all 188 n_ files are refused")
    func refused() throws {
        let files = try Self.files("n_")
        #expect(files.count == 188)
        let accepted = try files.filter { try parses($0) }
        #expect(accepted.isEmpty, "accepted: \(accepted)")
    }

    @Test("the 35 i_ files are each accepted or refused, never a crash")
    func implementationDefined() throws {
        let files = try Self.files("i_")
        #expect(files.count == 35)
        var decided = 0
        for file in files {
            _ = try parses(file)
            decided += 1
        }
        #expect(decided == 35)
    }
}
