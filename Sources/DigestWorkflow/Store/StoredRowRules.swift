import DigestStorage
import DigestModel
import DigestRendering
/// The rules typed input follows, applied to rows that are already stored:
/// every row `load` reads from a dump, and every row `doctor` finds in the
/// database. One row at a time, so a dump can be checked as it streams.
///
/// Item fields go through `ItemValidator`, settings through `SettingValue`,
/// addresses through `EmailAddress`, links through `URLValidator`, other
/// names through `PersonName`, other text through `TextRules`, editions through `EditionRules`; a value must
/// also already be in the form those store (NFC, trimmed), since a stored
/// row is never normalised again. Excerpts are held to the largest limit
/// `excerpt.max` allows: the setting applies when text is typed.
package enum StoredRowRules {
    package static func problems(table: String, row: [String: DatabaseValue]) -> [ValidationProblem] {
        var check = RowCheck(table: table, row: row)
        switch table {
        case "settings":
            check.setting()
        case "settings_log":
            check.person("actor")
        case "issues":
            check.person("created_by")
        case "issue_states":
            check.text("title", .issueTitle)
            check.text("intro", .intro)
            for person in ["fields_by", "approved_by"] { check.person(person) }
        case "items":
            check.person("added_by")
        case "item_states":
            check.itemFields()
            check.oneOf("status", ItemStatus.allCases.map(\.rawValue))
            check.text("note", .note)
            for person in ["added_by", "edited_by", "reviewed_by"] { check.person(person) }
        case "revisions":
            check.person("actor")
            check.text("message", .note)
        case "editions":
            check.person("published_by")
            check.edition()
        case "backlog":
            check.person("deferred_by")
        case "link_checks":
            for link in ["url", "final_url", "suggested_url"] { check.link(link) }
            check.oneOf("outcome", ["ok", "redirected", "broken", "unreachable", "timed-out"])
            check.text("detail", .note)
        case "feeds", "candidates":
            // Their text comes from feeds and pages, kept as fetched; what
            // could reach a reader's browser or a header is the link and the names.
            check.link("url")
            check.linkKey()
            for person in ["added_by", "dismissed_by"] { check.person(person) }
        default:
            break
        }
        return check.problems
    }
}

/// The checks of one row, collecting problems.
private struct RowCheck {
    let table: String
    let row: [String: DatabaseValue]
    var problems: [ValidationProblem] = []

    init(table: String, row: [String: DatabaseValue]) {
        self.table = table
        self.row = row
    }

    func string(_ column: String) -> String? {
        switch row[column] {
        case .text(let text): return text
        case .integer(let number): return String(number)
        case .real(let number): return String(number)
        case .null, nil: return nil
        }
    }

    mutating func add(_ column: String, _ value: String?, _ reason: String, _ fix: String) {
        problems.append(ValidationProblem(field: "\(table).\(column)", value: value, reason: reason, fix: fix))
    }

    private static let storedFormFix = "store it trimmed and in Unicode NFC, as digest stores typed text"

    mutating func text(_ column: String, _ rules: TextRules) {
        guard let value = string(column) else { return }
        if let problem = rules.problem(with: value) {
            add(column, value, problem.reason, problem.fix)
        } else if rules.normalise(value) != value {
            add(column, value, "it is not in its stored form", Self.storedFormFix)
        }
    }

    mutating func person(_ column: String) {
        guard let value = string(column) else { return }
        if let problem = PersonName.problem(with: value) { add(column, value, problem.reason, problem.fix) }
    }

    mutating func oneOf(_ column: String, _ allowed: [String]) {
        guard let value = string(column), !allowed.contains(value) else { return }
        add(column, value, "it is not one of \(allowed.joined(separator: ", "))", "use one of them")
    }

    mutating func link(_ column: String) {
        guard let value = string(column) else { return }
        if let problem = URLValidator.validate(value) { add(column, value, problem.reason, problem.fix) }
    }

    mutating func linkKey() {
        guard let url = string("url"), URLValidator.validate(url) == nil, LinkKey.of(url) != string("url_key") else { return }
        add("url_key", string("url_key"), "it is not the key of the link", "store \"\(LinkKey.of(url))\"")
    }

    mutating func setting() {
        guard let key = string("key"), let value = string("value") else { return }
        do {
            let stored = try SettingValue.normalise(value, for: key)
            if stored != value {
                add("value", value, "it is not in its stored form for \(key)", "store it as \"\(stored)\"")
            }
        } catch {
            for problem in error.problems {
                add(problem.field == "key" ? "key" : "value", problem.value, "\(key): \(problem.reason)", problem.fix)
            }
        }
    }

    /// An item's fields, read back through the validator that typed input goes through.
    mutating func itemFields() {
        var values: [String: String] = [:]
        for name in ItemFields.names {
            if let value = string(name) { values[name] = value }
        }
        let validator = ItemValidator(excerptLimit: 100_000)
        do {
            let fields = try validator.newItem(values, incomplete: values["url"] == nil)
            for name in ItemFields.names where fields.value(of: name) != values[name] {
                add(name, values[name], "it is not in its stored form", Self.storedFormFix)
            }
            if fields.linkKey != string("url_key") {
                add("url_key", string("url_key"), "it is not the key of the item's link",
                    "store \(fields.linkKey.map { "\"\($0)\"" } ?? "null"), or run 'digest doctor' on the original")
            }
        } catch {
            for problem in error.problems {
                add(problem.field, problem.value, problem.reason, problem.fix)
            }
        }
    }

    mutating func edition() {
        guard let messageID = string("message_id") else { return }
        let renders = RenderedEdition(markdown: string("markdown") ?? "", html: string("html") ?? "",
                                     text: string("text") ?? "", email: string("email") ?? "", warnings: [])
        for problem in EditionRules.problems(renders, messageID: messageID) {
            add(problem.field, nil, problem.reason, problem.fix)
        }
        let idBody = messageID.utf8.dropFirst().dropLast()
        let wellFormed = messageID.hasPrefix("<") && messageID.hasSuffix(">") && idBody.contains(UInt8(ascii: "@"))
            && idBody.allSatisfy { $0 > 0x20 && $0 < 0x7F && $0 != UInt8(ascii: "<") && $0 != UInt8(ascii: ">") }
        if !wellFormed {
            add("message_id", messageID, "it is not a Message-ID", "it looks like <digest.1.1.RANDOM@example.org>")
        }
    }
}

extension DigestError {
    /// The problems of an `.invalid` error; anything else as one problem.
    var problems: [ValidationProblem] {
        if case .invalid(let problems) = self { return problems }
        return [ValidationProblem(field: "value", value: nil, reason: description, fix: "correct it")]
    }
}
