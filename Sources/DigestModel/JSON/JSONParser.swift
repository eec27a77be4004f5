/// Reads JSON (RFC 8259) from UTF-8 bytes, with errors that say where:
/// line and column, and what was expected.
///
/// An object that repeats a key is refused: keeping either value would
/// silently drop the other.
package struct JSONParser {
    package struct Failure: Error, Equatable, Sendable, CustomStringConvertible {
        package let line: Int
        package let column: Int
        package let reason: String
        /// The input ended before the value did (a document cut short, or
        /// the first line of a value that spans several).
        package let isTruncated: Bool
        package var description: String { "line \(line), column \(column): \(reason)" }
    }

    private let bytes: [UInt8]
    private var index: Int
    private let end: Int
    private var depth = 0
    /// Where the current line starts, and its number. Raw newlines can only
    /// stand between tokens, so white space is the one place that moves them;
    /// an error then counts columns over its own line only, never over the
    /// whole input (a file of many bad lines stays linear).
    private var line: Int
    private var lineStart: Int

    private static let maximumDepth = 256
    /// Objects with more keys than this check repeats with a set.
    private static let linearKeyCheck = 16

    private init(bytes: [UInt8], range: Range<Int>, line: Int) {
        self.bytes = bytes
        self.index = range.lowerBound
        self.end = range.upperBound
        self.line = line
        self.lineStart = range.lowerBound
    }

    /// Parses exactly one JSON value filling `range` of `bytes` (surrounding
    /// white space allowed). `range` starts a line, numbered `line` in errors.
    package static func parse(_ bytes: [UInt8], range: Range<Int>? = nil, line: Int = 1) throws(Failure) -> JSONValue {
        var parser = JSONParser(bytes: bytes, range: range ?? 0..<bytes.count, line: line)
        parser.skipWhitespace()
        let value = try parser.parseValue()
        parser.skipWhitespace()
        guard parser.index == parser.end else {
            throw parser.failure("unexpected \(parser.describeCurrent()) after the end of the JSON value")
        }
        return value
    }

    package static func parse(_ text: String) throws(Failure) -> JSONValue {
        try parse(Array(text.utf8))
    }

    private mutating func parseValue() throws(Failure) -> JSONValue {
        guard index < end else { throw failure("the input ends where a value was expected") }
        switch bytes[index] {
        case UInt8(ascii: "{"): return try parseObject()
        case UInt8(ascii: "["): return try parseArray()
        case UInt8(ascii: "\""): return .string(try parseString())
        case UInt8(ascii: "t"): try expectWord("true"); return .bool(true)
        case UInt8(ascii: "f"): try expectWord("false"); return .bool(false)
        case UInt8(ascii: "n"): try expectWord("null"); return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try parseNumber()
        default: throw failure("expected a value (object, array, string, number, true, false or null), found \(describeCurrent())")
        }
    }

    private mutating func parseObject() throws(Failure) -> JSONValue {
        try enter()
        index += 1
        var members: [(String, JSONValue)] = []
        var keys: Set<String> = []
        skipWhitespace()
        if index < end, bytes[index] == UInt8(ascii: "}") {
            index += 1
            depth -= 1
            return .object(members)
        }
        while true {
            skipWhitespace()
            guard index < end, bytes[index] == UInt8(ascii: "\"") else {
                throw failure("expected a key in double quotes, found \(describeCurrent())")
            }
            let keyStart = index
            let key = try parseString()
            if members.count < Self.linearKeyCheck {
                if members.contains(where: { $0.0 == key }) { throw repeated(key, at: keyStart) }
                if members.count == Self.linearKeyCheck - 1 { keys = Set(members.map(\.0)); keys.insert(key) }
            } else if !keys.insert(key).inserted {
                throw repeated(key, at: keyStart)
            }
            skipWhitespace()
            guard index < end, bytes[index] == UInt8(ascii: ":") else {
                throw failure("expected ':' after the key \"\(key)\", found \(describeCurrent())")
            }
            index += 1
            skipWhitespace()
            members.append((key, try parseValue()))
            skipWhitespace()
            guard index < end else { throw failure("the input ends inside an object; add '}'") }
            if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
            if bytes[index] == UInt8(ascii: "}") { index += 1; break }
            throw failure("expected ',' or '}' after a value, found \(describeCurrent())")
        }
        depth -= 1
        return .object(members)
    }

    private mutating func parseArray() throws(Failure) -> JSONValue {
        try enter()
        index += 1
        var elements: [JSONValue] = []
        skipWhitespace()
        if index < end, bytes[index] == UInt8(ascii: "]") {
            index += 1
            depth -= 1
            return .array(elements)
        }
        while true {
            skipWhitespace()
            elements.append(try parseValue())
            skipWhitespace()
            guard index < end else { throw failure("the input ends inside an array; add ']'") }
            if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
            if bytes[index] == UInt8(ascii: "]") { index += 1; break }
            throw failure("expected ',' or ']' after a value, found \(describeCurrent())")
        }
        depth -= 1
        return .array(elements)
    }

    private mutating func enter() throws(Failure) {
        depth += 1
        guard depth <= JSONParser.maximumDepth else { throw failure("the JSON nests deeper than \(JSONParser.maximumDepth) levels") }
    }

    private mutating func parseString() throws(Failure) -> String {
        index += 1
        var runStart = index
        var scratch: [UInt8] = []
        var escaped = false
        while index < end {
            // Eight bytes at a time while none of them ends the run: a quote,
            // a backslash or a control character.
            while index + 8 <= end {
                let word = bytes.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: index, as: UInt64.self) }
                guard ByteLanes.equals(word, 0x22) | ByteLanes.equals(word, 0x5C) | ByteLanes.below(word, 0x20) == 0
                else { break }
                index += 8
            }
            guard index < end else { break }
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                let text: String
                if escaped {
                    scratch += bytes[runStart..<index]
                    text = String(decoding: scratch, as: UTF8.self)
                } else {
                    text = String(decoding: bytes[runStart..<index], as: UTF8.self)
                }
                index += 1
                return text
            }
            if byte < 0x20 {
                throw failure("a string holds a raw control character (0x\(String(byte, radix: 16))); write it as an escape such as \\n")
            }
            if byte == UInt8(ascii: "\\") {
                escaped = true
                scratch += bytes[runStart..<index]
                index += 1
                guard index < end else { break }
                switch bytes[index] {
                case UInt8(ascii: "\""): scratch.append(0x22)
                case UInt8(ascii: "\\"): scratch.append(0x5C)
                case UInt8(ascii: "/"): scratch.append(0x2F)
                case UInt8(ascii: "b"): scratch.append(0x08)
                case UInt8(ascii: "f"): scratch.append(0x0C)
                case UInt8(ascii: "n"): scratch.append(0x0A)
                case UInt8(ascii: "r"): scratch.append(0x0D)
                case UInt8(ascii: "t"): scratch.append(0x09)
                case UInt8(ascii: "u"):
                    let scalar = try parseUnicodeEscape()
                    scratch += Array(String(Character(scalar)).utf8)
                    runStart = index
                    continue
                default:
                    throw failure("unknown escape '\\\(describeByte(bytes[index]))' in a string")
                }
                index += 1
                runStart = index
                continue
            }
            index += 1
        }
        throw failure("the input ends inside a string; close it with '\"'")
    }

    /// Reads `uXXXX` (index at `u`), joining surrogate pairs.
    private mutating func parseUnicodeEscape() throws(Failure) -> Unicode.Scalar {
        index += 1
        let first = try hex4()
        if (0xD800...0xDBFF).contains(first) {
            guard index + 1 < end, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u") else {
                throw failure("a \\u escape holds half of a surrogate pair")
            }
            index += 2
            let second = try hex4()
            guard (0xDC00...0xDFFF).contains(second),
                  let scalar = Unicode.Scalar(0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00)) else {
                throw failure("a \\u escape holds half of a surrogate pair")
            }
            return scalar
        }
        guard let scalar = Unicode.Scalar(first) else {
            throw failure("a \\u escape holds half of a surrogate pair")
        }
        return scalar
    }

    private mutating func hex4() throws(Failure) -> UInt32 {
        guard index + 4 <= end else { throw failure("a \\u escape needs four hex digits") }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[index]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: throw failure("a \\u escape needs four hex digits")
            }
            value = value << 4 | UInt32(digit)
            index += 1
        }
        return value
    }

    private mutating func parseNumber() throws(Failure) -> JSONValue {
        let start = index
        var isInteger = true
        if bytes[index] == UInt8(ascii: "-") { index += 1 }
        guard index < end, isDigit(bytes[index]) else { throw failure("a number needs digits after '-'") }
        if bytes[index] == UInt8(ascii: "0") {
            index += 1
            if index < end, isDigit(bytes[index]) { throw failure("a number may not start with 0") }
        } else {
            while index < end, isDigit(bytes[index]) { index += 1 }
        }
        if index < end, bytes[index] == UInt8(ascii: ".") {
            isInteger = false
            index += 1
            guard index < end, isDigit(bytes[index]) else { throw failure("a number needs digits after '.'") }
            while index < end, isDigit(bytes[index]) { index += 1 }
        }
        if index < end, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            isInteger = false
            index += 1
            if index < end, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") { index += 1 }
            guard index < end, isDigit(bytes[index]) else { throw failure("a number needs digits in its exponent") }
            while index < end, isDigit(bytes[index]) { index += 1 }
        }
        let text = String(decoding: bytes[start..<index], as: UTF8.self)
        if isInteger, let number = Int(text) { return .integer(number) }
        let shown = text.count > 40 ? text.prefix(40) + "…" : text
        guard let number = Double(text) else { throw failure("the number \(shown) cannot be read", at: start) }
        // Double reads a number beyond its range as infinity, which JSON cannot
        // hold: accepting it would write back as something else.
        guard number.isFinite else {
            throw failure("the number \(shown) is too large (the largest is about 1.8e308)", at: start)
        }
        return .double(number)
    }

    private func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

    private mutating func expectWord(_ word: String) throws(Failure) {
        let expected = Array(word.utf8)
        guard index + expected.count <= end, Array(bytes[index..<index + expected.count]) == expected else {
            throw failure("expected a value, found \(describeCurrent())")
        }
        index += expected.count
    }

    private mutating func skipWhitespace() {
        while index < end {
            switch bytes[index] {
            case 0x20, 0x09, 0x0D: index += 1
            case 0x0A:
                index += 1
                line += 1
                lineStart = index
            default: return
            }
        }
    }

    private func describeCurrent() -> String {
        guard index < end else { return "the end of the input" }
        return "'\(describeByte(bytes[index]))'"
    }

    private func describeByte(_ byte: UInt8) -> String {
        byte >= 0x20 && byte < 0x7F ? String(UnicodeScalar(byte)) : "0x" + String(byte, radix: 16)
    }

    private func repeated(_ key: String, at offset: Int) -> Failure {
        failure("the key \"\(key)\" appears twice in one object; keep only one of them", at: offset)
    }

    private func failure(_ reason: String) -> Failure {
        failure(reason, at: index)
    }

    /// The error at `offset` on the current line: its column counts
    /// characters (not bytes) from the line's start.
    private func failure(_ reason: String, at offset: Int) -> Failure {
        var column = 1
        var position = lineStart
        let stop = min(offset, bytes.count)
        while position < stop {
            if bytes[position] & 0xC0 != 0x80 { column += 1 }
            position += 1
        }
        return Failure(line: line, column: column, reason: reason, isTruncated: offset >= end)
    }
}
