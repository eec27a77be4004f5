import Testing
@testable import DigestCore

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
    ])
    func errors(input: String, message: String) {
        do {
            _ = try JSONParser.parse(input)
            Issue.record("accepted \(input)")
        } catch {
            #expect(error.description == message)
        }
    }

    @Test("nesting deeper than the limit is refused, not a crash")
    func deepNesting() {
        let deep = String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)
        #expect(throws: JSONParser.Failure.self) { try JSONParser.parse(deep) }
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

    @Test("SOURCE_DATE_EPOCH fixes the clock")
    func fixedClock() {
        #expect(Timestamp.now(environment: ["SOURCE_DATE_EPOCH": "86400"]).rfc3339 == "1970-01-02T00:00:00Z")
    }
}
