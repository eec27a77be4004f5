import Foundation
import Testing
@testable import DigestStorage
@testable import DigestModel
@testable import DigestRendering
@testable import DigestWorkflow

@Suite("Validating items")
struct ItemValidatorTests {
    let valid: [String: String] = [
        "title": "Tide tables, explained", "url": "https://tides.example/explained", "source": "Coastal Review",
        "date": "2026-11-20", "excerpt": "Why there are two tides a day.",
    ]

    func problems(_ values: [String: String], incomplete: Bool = false, limit: Int = 2000) -> [ValidationProblem] {
        do {
            _ = try ItemValidator(excerptLimit: limit).newItem(values, incomplete: incomplete)
            return []
        } catch {
            guard case .invalid(let found) = error else { return [] }
            return found
        }
    }

    @Test("a complete item is stored trimmed and NFC-normalised")
    func normalises() throws {
        var values = valid
        values["title"] = "  Cafe\u{301} society \n"
        values["excerpt"] = "Line one\r\nLine two  "
        values["author"] = "   "
        let fields = try ItemValidator().newItem(values, incomplete: false)
        #expect(fields.title == "Café society")
        #expect(fields.title.unicodeScalars.count == 12)
        #expect(fields.excerpt == "Line one\nLine two")
        #expect(fields.author == nil)
        #expect(fields.date.iso == "2026-11-20")
    }

    @Test("every missing required field is reported at once, naming the field")
    func allMissing() {
        let found = problems([:])
        #expect(found.map(\.field) == ["title", "url", "source", "date", "excerpt"])
        #expect(found.allSatisfy { $0.reason == "it is missing" && !$0.fix.isEmpty })
    }

    @Test("problems name the field, the value and the fix")
    func describes() {
        var values = valid
        values["date"] = "2020-02-30"
        let found = problems(values)
        #expect(found.count == 1)
        #expect(found[0].description
            == "date \"2020-02-30\": February 2020 has 29 days, not 30; use a day from 1 to 29.")
    }

    @Test("hostile values are refused", arguments: [
        ("title", "Two\nlines", "it has a line break"),
        ("title", String(repeating: "x", count: 301), "it is 301 characters long, over the limit of 300"),
        ("title", "Bell\u{7}", "it has a control character (U+0007)"),
        ("source", "Tab\there", "it has a tab character"),
        ("excerpt", "Null\u{0}byte", "it has a control character (U+0000)"),
        ("excerpt", String(repeating: "é", count: 2001), "it is 2001 characters long, over the limit of 2000"),
        ("url", "javascript:alert(1)", "the scheme 'javascript' is not allowed (only http and https)"),
        ("posted_on", "Smarch 3 2020", "'Smarch' is not a month name (did you mean March?)"),
    ])
    func hostile(field: String, value: String, reason: String) {
        var values = valid
        values[field] = value
        let found = problems(values)
        #expect(found.map(\.field) == [field])
        #expect(found.first?.reason == reason)
    }

    @Test("the excerpt limit follows the setting")
    func excerptLimit() {
        var values = valid
        values["excerpt"] = String(repeating: "a", count: 11)
        #expect(problems(values, limit: 10).first?.reason == "it is 11 characters long, over the limit of 10")
        #expect(problems(values, limit: 11).isEmpty)
    }

    @Test("an incomplete item may lack its url, but not other fields")
    func incomplete() throws {
        var values = valid
        values["url"] = nil
        #expect(problems(values).map(\.field) == ["url"])
        #expect(problems(values, incomplete: true).isEmpty)
        values["title"] = nil
        #expect(problems(values, incomplete: true).map(\.field) == ["title"])
    }

    @Test("an edit clears optional fields with an empty value and keeps the rest")
    func edits() throws {
        var values = valid
        values["author"] = "Mira Holm"
        let fields = try ItemValidator().newItem(values, incomplete: false)
        let edited = try ItemValidator().edited(fields, changes: ["author": "", "title": "New title"])
        #expect(edited.author == nil)
        #expect(edited.title == "New title")
        #expect(edited.url == fields.url)
    }
}

@Suite("Checking input is UTF-8")
struct UTF8InputTests {
    @Test("the offset of the first bad byte is found", arguments: [
        ([0x61, 0x62, 0xFF], 2), ([0xC3], 0), ([0x61, 0xE2, 0x82], 1), ([0xED, 0xA0, 0x80], 0),
        ([0xC0, 0xAF], 0), ([0xF4, 0x90, 0x80, 0x80], 0), ([0x7B, 0x22, 0xE9, 0x22], 2),
    ] as [([UInt8], Int)])
    func invalid(bytes: [UInt8], offset: Int) {
        #expect(UTF8Input.firstInvalidOffset(in: bytes) == offset)
    }

    @Test("well-formed text passes, a byte-order mark is dropped")
    func valid() throws {
        let text = "Zürich — 東京 — 🌊"
        #expect(UTF8Input.firstInvalidOffset(in: Array(text.utf8)) == nil)
        #expect(try UTF8Input.decode([0xEF, 0xBB, 0xBF] + Array("hi".utf8), from: "x") == "hi")
    }

    @Test("the error names the input and the byte offset")
    func message() {
        #expect(throws: DigestError.malformed("items.json is not valid UTF-8: the byte at offset 2 (0xFF) does not "
            + "belong to any character; save it as UTF-8 and try again.")) {
            try UTF8Input.decode([0x61, 0x62, 0xFF], from: "items.json")
        }
    }
}
