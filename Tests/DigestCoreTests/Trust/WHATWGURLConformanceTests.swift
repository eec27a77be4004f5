import Foundation
import Testing
@testable import DigestModel

/// `URLValidator` against the URL standard's own parsing tests (web-platform
/// tests' urltestdata.json, in Fixtures/whatwg-url), for every absolute
/// http and https input: each the standard refuses, digest refuses; each it
/// accepts, digest accepts, unless one of digest's deliberate, documented
/// refusals applies (docs/reference.md, "Links").
@Suite("Links: the WHATWG URL standard's host rules, on its own tests")
struct WHATWGURLConformanceTests {
    struct Case {
        let input: String
        let failure: Bool
    }

    static let cases: [Case] = {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/whatwg-url/urltestdata.json")
        guard let data = try? Data(contentsOf: url),
              let list = try? JSONSerialization.jsonObject(with: data) as? [Any] else { return [] }
        return list.compactMap { entry in
            guard let object = entry as? [String: Any], let input = object["input"] as? String,
                  input.lowercased().hasPrefix("http://") || input.lowercased().hasPrefix("https://") else { return nil }
            return Case(input: input, failure: object["failure"] as? Bool ?? false)
        }
    }()

    /// digest's own refusals of what the standard accepts, each documented.
    static let deliberate = [
        "it contains a space", "it contains an invisible or control character",
        "which addresses may not hold", "it carries a user name or password before the host", "it has no host",
        "its port is 0, where no service listens", "is not a valid name",
    ]

    @Test("every absolute http(s) input the standard refuses, digest refuses")
    func refusedAsTheStandardRefuses() throws {
        let failures = Self.cases.filter(\.failure)
        #expect(failures.count >= 150)
        let accepted = failures.filter { URLValidator.validate($0.input) == nil }.map(\.input)
        #expect(accepted.isEmpty, "accepted: \(accepted.map(\.debugDescription))")
    }

    @Test("every absolute http(s) input the standard accepts, digest accepts, but for its documented refusals")
    func acceptedAsTheStandardAccepts() throws {
        let valid = Self.cases.filter { !$0.failure }
        #expect(valid.count >= 140)
        var refusedWithoutRule: [String] = []
        for input in valid.map(\.input) {
            guard let problem = URLValidator.validate(input) else { continue }
            if !Self.deliberate.contains(where: { problem.reason.contains($0) }) {
                refusedWithoutRule.append("\(input.debugDescription): \(problem.reason)")
            }
        }
        #expect(refusedWithoutRule.isEmpty, "\(refusedWithoutRule)")
    }
}
