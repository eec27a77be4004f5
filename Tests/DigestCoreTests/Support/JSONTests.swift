import Foundation
import Testing
import JSONString
@testable import DigestStorage
@testable import DigestModel
@testable import DigestRendering
@testable import DigestWorkflow

@Suite("JSON reading and writing")
struct JSONTests {
    @Test("documents read back as the values they hold")
    func parses() throws {
        let value = try JSONParser.parse(#"{"a": [1, -2.5, true, null, "x\"\\\n\u00e9\ud83c\udf0a"], "b": {}}"#)
        #expect(value["a"] == .array([.integer(1), .double(-2.5), .bool(true), .null, .string("x\"\\\né🌊")]))
        #expect(value["b"] == .object([]))
    }

    @Test("errors say the line, the column and what was expected", arguments: [
        ("{\"a\": 1,}", "line 1, column 9: expected a key in double quotes, found '}'"),
        ("{\n  \"a\" 1\n}", "line 2, column 7: expected ':' after the key \"a\", found '1'"),
        ("[1, 2", "line 1, column 6: the input ends inside an array; add ']'"),
        ("\"abc", "line 1, column 5: the input ends inside a string; close it with '\"'"),
        ("{} {}", "line 1, column 4: unexpected '{' after the end of the JSON value"),
        ("01", "line 1, column 2: a number may not start with 0"),
        ("\"\\ud800\"", "line 1, column 8: a \\u escape holds half of a surrogate pair"),
        ("{\"a\": 1, \"a\": 2}", "line 1, column 10: the key \"a\" appears twice in one object; keep only one of them"),
        ("{\n  \"é\": {\"x\": 1},\n  \"b\": [{\"k\": 1, \"k\": 1}]\n}",
         "line 3, column 18: the key \"k\" appears twice in one object; keep only one of them"),
        ("{\"\\u0061\": 1, \"a\": 2}", "line 1, column 15: the key \"a\" appears twice in one object; keep only one of them"),
    ])
    func errors(input: String, message: String) {
        do {
            _ = try JSONParser.parse(input)
            Issue.record("accepted \(input)")
        } catch {
            #expect(error.description == message)
        }
    }

    @Test("a repeat among many keys is found as well (the check switches to a set past 16 keys)")
    func repeatedAmongMany() throws {
        let keys = (0..<40).map { "\"k\($0)\": \($0)" }
        let many = try JSONParser.parse("{" + keys.joined(separator: ", ") + "}")
        #expect(many.objectValue?.count == 40)
        for repeated in [3, 15, 16, 39] {
            let text = "{" + (keys + ["\"k\(repeated)\": 0"]).joined(separator: ", ") + "}"
            #expect(throws: JSONParser.Failure.self) { try JSONParser.parse(text) }
            do { _ = try JSONParser.parse(text) } catch {
                #expect(error.reason == "the key \"k\(repeated)\" appears twice in one object; keep only one of them")
            }
        }
        // The same key in two different objects is no repeat.
        #expect(try JSONParser.parse(#"[{"a": 1}, {"a": 2, "b": {"a": 3}}]"#).arrayValue?.count == 2)
    }

    @Test("an error on line 20,000 of a range is numbered from the range's first line, and costs only its own line")
    func positionsAreLocal() throws {
        // 20,000 bad lines, each parsed as a range of the one buffer as JSON
        // Lines import does: positions must not be counted from byte 0.
        let line = Array(#"{"title": "Story", "url": "https://harbour.example/x", "excerpt": oops}"#.utf8)
        var bytes: [UInt8] = []
        var ranges: [Range<Int>] = []
        for _ in 0..<20_000 {
            ranges.append(bytes.count..<bytes.count + line.count)
            bytes += line + [0x0A]
        }
        let started = Date()
        var failures: [JSONParser.Failure] = []
        for (number, range) in ranges.enumerated() {
            do { _ = try JSONParser.parse(bytes, range: range, line: number + 1) } catch { failures.append(error) }
        }
        #expect(failures.count == 20_000)
        #expect(failures.last == JSONParser.Failure(
            line: 20_000, column: 67, reason: "expected a value (object, array, string, number, true, false or null), found 'o'",
            isTruncated: false))
        // Counting from byte 0 made this ~30 billion byte visits (minutes);
        // counting per line takes a fraction of a second.
        #expect(Date().timeIntervalSince(started) < 20)

        // The whole buffer as one document: the error is on line 1, column 67.
        do { _ = try JSONParser.parse(bytes) } catch { #expect(error.line == 1 && error.column == 67) }
        // Cut short: the first line of a multi-line object ends inside it.
        do { _ = try JSONParser.parse("{\n") } catch { #expect(error.isTruncated && error.line == 2) }
    }

    @Test("nesting deeper than the limit is refused, not a crash")
    func deepNesting() {
        let deep = String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)
        #expect(throws: JSONParser.Failure.self) { try JSONParser.parse(deep) }
    }

    @Test("the one escaper: named escapes, \\u for other controls, DEL and U+2028/9; the rest kept", arguments: [
        ("plain é 🌊 / text", #""plain é 🌊 / text""#),
        ("q\"b\\n\nr\rt\tb\u{8}f\u{C}", #""q\"b\\n\nr\rt\tb\bf\f""#),
        ("\u{0}\u{1F}\u{7F}", #""\u0000\u001f\u007f""#),
        ("a\u{2028}b\u{2029}c\u{2027}", #""a\u2028b\u2029c\#u{2027}""#),
        ("€\u{2028}", #""€\u2028""#),
        ("", #""""#),
    ])
    func escaper(text: String, literal: String) throws {
        #expect(JSONString.quoted(text) == literal)
        #expect(try JSONParser.parse(literal) == .string(text))
        let decoded = try JSONSerialization.jsonObject(with: Data(literal.utf8), options: [.fragmentsAllowed]) as? String
        #expect(decoded == text)
    }

    @Test("writing keeps key order and escapes what JSON requires")
    func writes() throws {
        let value = JSONValue.object([("z", .string("a\"b\\c\n\u{1}é")), ("a", .array([.integer(1), .null]))])
        #expect(JSONWriter(pretty: false).string(value) == #"{"z":"a\"b\\c\n\u0001é","a":[1,null]}"#)
        #expect(try JSONParser.parse(JSONWriter(pretty: true).string(value)) == value)
    }
}

@Suite("Timestamps")
struct TimestampTests {
    @Test("instants print as RFC 3339 in UTC", arguments: [
        (0, "1970-01-01T00:00:00Z"), (951_782_400, "2000-02-29T00:00:00Z"),
        (1_795_371_679, "2026-11-22T18:21:19Z"), (-1, "1969-12-31T23:59:59Z"),
    ])
    func formats(seconds: Int, text: String) {
        #expect(Timestamp(secondsSinceEpoch: seconds).rfc3339 == text)
    }

    @Test("the twenty-byte form matches the civil parts at every scale, and years beyond 9999 still print")
    func formatsAcrossRange() {
        for seconds in stride(from: -70_000_000_000, through: 300_000_000_000, by: 7_777_777) {
            let parts = Timestamp(secondsSinceEpoch: seconds).utcParts
            let expected = "\(parts.year.zeroPadded(4))-\(parts.month.zeroPadded(2))-\(parts.day.zeroPadded(2))T"
                + "\(parts.hour.zeroPadded(2)):\(parts.minute.zeroPadded(2)):\(parts.second.zeroPadded(2))Z"
            #expect(Timestamp(secondsSinceEpoch: seconds).rfc3339 == expected, "\(seconds)")
        }
        #expect(Timestamp(secondsSinceEpoch: 253_402_300_800).rfc3339 == "10000-01-01T00:00:00Z")
    }

    @Test("SOURCE_DATE_EPOCH fixes the clock")
    func fixedClock() {
        #expect(Timestamp.now(environment: ["SOURCE_DATE_EPOCH": "86400"]).rfc3339 == "1970-01-02T00:00:00Z")
    }
}
