import DigestModel
import Foundation
import DigestWorkflow

/// The issue as the text `digest edit` opens: `key: value` lines, a blank
/// line, then a paragraph (the intro, an item's excerpt); each item a block
/// that starts with `=== item ID`, or `=== new` for one to add.
enum IssueText {
    static let header = """
        # Edit the issue, save and quit: everything is applied as one revision, or nothing.
        # Lines starting with # are ignored. An empty value clears an optional field.
        # After the fields and a blank line comes the intro (or, in an item block, the excerpt).
        # Reorder the item blocks to reorder the items. In a draft, delete a block to remove its
        # item, and add a block starting with "=== new" (title, url, source, date, excerpt) to add one.
        # Save the file unchanged, or empty it, to change nothing.

        """

    /// The field names as written in the text, and as `ItemFields` names them.
    static let itemFields: [(text: String, name: String)] = [
        ("title", "title"), ("url", "url"), ("source", "source"), ("author", "author"), ("date", "date"),
        ("section", "section"), ("posted-on", "posted_on"), ("link-text", "link_text"),
    ]

    static func render(_ issue: Issue) -> String {
        var text = header + "# Issue \(issue.number), version \(issue.version), \(issue.status.rawValue).\n\n"
        text += line("date", issue.date.iso) + line("title", issue.title) + line("preheader", issue.preheader) + "\n"
        if let intro = issue.intro { text += intro + "\n" }
        for item in issue.items {
            var mark = item.status.rawValue
            if let reviewer = item.reviewedBy, item.status != .pending { mark += " by \(reviewer)" }
            text += "\n=== item \(item.id) (\(mark))\n"
            for (label, name) in itemFields {
                text += line(label, item.fields.value(of: name))
            }
            text += "\n" + item.fields.excerpt + "\n"
        }
        return text
    }

    private static func line(_ key: String, _ value: String?) -> String {
        key + ":" + (value.map { " " + $0 } ?? "") + "\n"
    }

    /// The text without comments and without white space at its ends: what
    /// decides whether anything was changed.
    static func content(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false)
            .filter { !$0.hasPrefix("#") }
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .joined(separator: "\n").trimmingCharacters(in: .whitespacesAndNewlines)
    }

    static func isEmpty(_ text: String) -> Bool { content(text).isEmpty }

    /// `text` with the problems written as comments on top, for the
    /// editor's next round; each problem says the line its item block
    /// starts on in that text.
    static func withProblems(_ problems: [String], _ text: String) -> String {
        let body = text.split(separator: "\n", omittingEmptySubsequences: false).drop { $0.hasPrefix("# digest:") }
        let commentLines = problems.count + 1
        let blockLines = body.enumerated().filter { $0.element.hasPrefix("===") }.map { $0.offset + 1 + commentLines }
        func located(_ problem: String) -> String {
            var problem = problem
            for (index, line) in blockLines.enumerated().reversed() {
                let name = "item block \(index + 1)"
                problem = problem.replacingOccurrences(of: name + ":", with: name + " (line \(line)):")
            }
            return problem.replacingOccurrences(of: "\n", with: " ")
        }
        return problems.map { "# digest: " + located($0) + "\n" }.joined()
            + "# digest: correct the text below and save again, or empty the file to give up.\n"
            + body.joined(separator: "\n")
    }

    /// The edit the text asks for; every problem of form at once.
    static func parse(_ text: String) throws -> IssueEdit {
        var problems: [ValidationProblem] = []
        var blocks: [(header: String?, line: Int, lines: [(Int, Substring)])] = [(nil, 1, [])]
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if line.hasPrefix("#") { continue }
            if line.hasPrefix("===") {
                blocks.append((String(line), index + 1, []))
            } else {
                blocks[blocks.count - 1].lines.append((index + 1, line))
            }
        }
        func fieldsAndParagraph(_ lines: [(Int, Substring)], known: Set<String>, location: String)
            -> (fields: [String: String], paragraph: String)
        {
            var fields: [String: String] = [:]
            var rest = lines[...]
            while let first = rest.first, first.1.trimmingCharacters(in: .whitespaces).isEmpty { rest = rest.dropFirst() }
            while let (number, line) = rest.first, !line.trimmingCharacters(in: .whitespaces).isEmpty {
                rest = rest.dropFirst()
                guard let colon = line.firstIndex(of: ":") else {
                    problems.append(ValidationProblem(location: "\(location), line \(number)", field: "line",
                        value: String(line), reason: "it is not a 'field: value' line",
                        fix: "write the fields first, then a blank line, then the text"))
                    continue
                }
                let key = line[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
                guard known.contains(key) else {
                    problems.append(ValidationProblem(location: "\(location), line \(number)", field: key,
                        value: nil, reason: "there is no such field here",
                        fix: "the fields are " + known.sorted().joined(separator: ", ")))
                    continue
                }
                fields[key] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            }
            let paragraph = rest.map { String($0.1) }.joined(separator: "\n").trimmingCharacters(in: .whitespacesAndNewlines)
            return (fields, paragraph)
        }

        let issuePart = fieldsAndParagraph(blocks[0].lines, known: ["date", "title", "preheader"], location: "the issue")
        var date: CivilDate?
        if let raw = issuePart.fields["date"], let parsed = CivilDate(iso: raw) {
            date = parsed
        } else {
            problems.append(ValidationProblem(location: "the issue", field: "date", value: issuePart.fields["date"],
                                              reason: "it is not a date in the form YYYY-MM-DD", fix: "write it as 2026-11-23"))
        }
        var entries: [IssueEdit.Entry] = []
        let knownItemFields = Set(itemFields.map(\.text))
        for (offset, block) in blocks.dropFirst().enumerated() {
            let location = "item block \(offset + 1) (line \(block.line))"
            let words = (block.header ?? "").dropFirst(3).split(separator: " ")
            let part = fieldsAndParagraph(block.lines, known: knownItemFields, location: location)
            var values: [String: String] = [:]
            for (label, name) in itemFields { if let value = part.fields[label] { values[name] = value } }
            values["excerpt"] = part.paragraph
            if words.first == "new" {
                entries.append(.new(values: values.filter { !$0.value.isEmpty }))
            } else if words.first == "item", words.count > 1, let id = Int(words[1]) {
                entries.append(.existing(id: id, values: values))
            } else {
                problems.append(ValidationProblem(location: location, field: "block", value: block.header,
                    reason: "a block starts with '=== item ID' or '=== new'", fix: "keep the block's first line as it was"))
            }
        }
        guard problems.isEmpty, let date else { throw DigestError.invalid(problems) }
        func given(_ key: String) -> String? { issuePart.fields[key].flatMap { $0.isEmpty ? nil : $0 } }
        return IssueEdit(date: date, title: given("title"), intro: issuePart.paragraph.isEmpty ? nil : issuePart.paragraph,
                         preheader: given("preheader"), entries: entries)
    }
}
