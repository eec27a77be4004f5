import EditDistance
import Foundation
import DigestStorage
import DigestModel
import DigestRendering

/// Reads items from JSON input: one object, an array of objects, or JSON
/// Lines (one object a line). Keys are those of `show --json`; keys that
/// `show --json` prints but an editor cannot set (id, position, …) are
/// ignored, so its output can be fed back in.
package enum ItemRecordReader {
    static let fieldKeys: Set<String> = Set(ItemFields.names)
    static let ignoredKeys: Set<String> = [
        "id", "position", "added_by", "edited_by", "reviewed_by", "reviewed_at", "origin", "link_check",
    ]
    static let issueKeys: Set<String> = ["issue", "issue_date", "issue_title"]

    /// The records in `bytes`, with the problems of records that could not be
    /// read (bad JSON, unknown keys), so that a caller can report them
    /// together with its own checks. Throws only when the input as a whole is
    /// unusable (not UTF-8, empty, not JSON at all).
    package static func read(_ bytes: [UInt8], origin: String) throws(DigestError) -> ItemRecordBatch {
        try UTF8Input.check(bytes, from: origin)
        let bodyStart = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        var start = bodyStart
        while start < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[start]) { start += 1 }
        guard start < bytes.count else {
            throw .malformed("\(origin) is empty; give one JSON object, an array of objects, or one object a line.")
        }
        let document = bodyStart..<bytes.count
        switch bytes[start] {
        case UInt8(ascii: "["):
            let value: JSONValue
            do {
                value = try JSONParser.parse(bytes, range: document)
            } catch {
                throw .malformed("\(origin) is not valid JSON: \(error).")
            }
            let elements = value.arrayValue ?? []
            guard !elements.isEmpty else { throw .malformed("\(origin) holds an empty array: no items to add.") }
            return checkedRecords(elements.enumerated().map { index, element in
                (element, "item \(index + 1)", nil)
            })
        case UInt8(ascii: "{"):
            let whole: JSONParser.Failure
            do {
                return checkedRecords([(try JSONParser.parse(bytes, range: document), nil, nil)])
            } catch {
                whole = error
            }
            // One object over several lines, not JSON Lines: its first line
            // alone is cut short, so the error is the document's own.
            let firstLineEnd = bytes[start...].firstIndex(of: 0x0A) ?? bytes.count
            do {
                _ = try JSONParser.parse(bytes, range: start..<firstLineEnd)
            } catch where error.isTruncated && firstLineEnd < bytes.count {
                throw .malformed("\(origin) is not valid JSON: \(whole).")
            } catch {}
            return readLines(bytes)
        default:
            throw .malformed("\(origin) does not start with '{' or '['; give one JSON object, an array of objects, "
                + "or JSON Lines (one object a line).")
        }
    }

    /// JSON Lines: each non-blank line one object; every bad line reported by
    /// number (`firstLine` is the number of the first). Lines are
    /// independent, so a large file is parsed on every core.
    package static func readLines(_ bytes: [UInt8], firstLine: Int = 1) -> ItemRecordBatch {
        var lines: [Range<Int>] = []
        var lineStart = 0
        bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            while lineStart < buffer.count,
                  let feed = memchr(base + lineStart, 0x0A, buffer.count - lineStart) {
                let offset = UnsafeRawPointer(base).distance(to: UnsafeRawPointer(feed))
                lines.append(lineStart..<offset)
                lineStart = offset + 1
            }
        }
        if lineStart < bytes.count { lines.append(lineStart..<bytes.count) }
        let numbered = lines.enumerated().map { (number: $0.offset + firstLine - 1, range: $0.element) }
        let parsed = numbered.concurrentMap { line -> Result<(JSONValue, Int), ValidationProblem>? in
            let (number, range) = line
            guard bytes[range].contains(where: { ![0x20, 0x09, 0x0D].contains($0) }) else { return nil }
            do {
                return .success((try JSONParser.parse(bytes, range: range, line: number + 1), number + 1))
            } catch let error as JSONParser.Failure {
                return .failure(ValidationProblem(location: "line \(number + 1)", field: "JSON", value: nil,
                                                  reason: "not valid JSON (column \(error.column): \(error.reason))",
                                                  fix: "write one complete JSON object on each line"))
            } catch {
                return .failure(ValidationProblem(location: "line \(number + 1)", field: "JSON", value: nil,
                                                  reason: "not valid JSON", fix: "write one complete JSON object on each line"))
            }
        }
        var entries: [(JSONValue, String?, Int?)] = []
        var problems: [ValidationProblem] = []
        for case let result? in parsed {
            switch result {
            case .success(let (value, line)): entries.append((value, "line \(line)", line))
            case .failure(let problem): problems.append(problem)
            }
        }
        let checked = checkedRecords(entries)
        return ItemRecordBatch(records: checked.records, problems: problems + checked.problems)
    }

    private static func checkedRecords(_ entries: [(JSONValue, String?, Int?)]) -> ItemRecordBatch {
        var records: [ItemRecord] = []
        var problems: [ValidationProblem] = []
        for (value, location, line) in entries {
            switch record(from: value, location: location, line: line) {
            case .success(let record): records.append(record)
            case .failure(let found): problems += found.problems
            }
        }
        return ItemRecordBatch(records: records, problems: problems)
    }

    private struct Problems: Error { let problems: [ValidationProblem] }

    private static func record(from value: JSONValue, location: String?, line: Int?) -> Result<ItemRecord, Problems> {
        guard let members = value.objectValue else {
            return .failure(Problems(problems: [ValidationProblem(
                location: location, field: "JSON", value: nil, reason: "it is \(value.typeName), not an object",
                fix: "give each item as an object such as {\"title\": …, \"url\": …}")]))
        }
        var record = ItemRecord(values: [:], incomplete: false, location: location, line: line)
        var problems: [ValidationProblem] = []
        func problem(_ key: String, _ reason: String, _ fix: String) {
            problems.append(ValidationProblem(location: location, field: key, value: nil, reason: reason, fix: fix))
        }
        for (key, member) in members {
            if fieldKeys.contains(key) || key == "issue_date" || key == "issue_title" || key == "status" || key == "note" {
                switch member {
                case .null: continue
                case .string(let text):
                    switch key {
                    case "issue_date": record.issueDate = text
                    case "issue_title": record.issueTitle = text
                    case "status": record.status = text
                    case "note": record.note = text
                    default: record.values[key] = text
                    }
                default: problem(key, "it is \(member.typeName), not a string", "give it as a JSON string")
                }
            } else if key == "incomplete" {
                switch member {
                case .bool(let flag): record.incomplete = flag
                case .null: continue
                default: problem(key, "it is \(member.typeName), not true or false", "give true or false")
                }
            } else if key == "issue" {
                guard !member.isNull else { continue }
                guard let number = member.intValue, number >= 1 else {
                    problem(key, "it is not an issue number", "give a whole number from 1 up")
                    continue
                }
                record.issue = number
            } else if !ignoredKeys.contains(key) {
                let known = Array(fieldKeys) + ["incomplete"] + Array(issueKeys)
                let fix = EditDistance.closest(to: key, among: known, limit: 3).map { "did you mean \"\($0)\"?" }
                    ?? "the keys are \(ItemFields.names.joined(separator: ", ")) (as in show --json)"
                problem(key, "there is no such key", fix)
            }
        }
        return problems.isEmpty ? .success(record) : .failure(Problems(problems: problems))
    }
}
