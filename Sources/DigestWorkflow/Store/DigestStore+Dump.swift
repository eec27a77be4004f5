import DigestStorage
import DigestModel
import DigestRendering
/// The whole database as JSON Lines, and back: so an archive can live in
/// git or move between machines.
///
/// The first line names the format and schema; every other line is one row
/// of one table, `{"table": "items", "row": {...}}`, parents before
/// children. Loading inserts the rows as they were (same ids, same history)
/// and rebuilds the search index.
extension DigestStore {
    /// Tables in an order where every row's references come before it.
    package static let dumpedTables = [
        "settings", "settings_log", "issues", "issue_states", "items", "item_states", "revisions", "editions",
        "backlog", "link_checks", "feeds", "feed_entries", "candidates", "sends",
    ]

    static let dumpFormat = "digest-dump"

    /// Writes the dump line by line through `emit`, so memory stays flat on a large archive.
    package func dump(_ emit: (String) throws -> Void) throws {
        let writer = JSONWriter(pretty: false)
        try read {
            try emit(writer.string(.object([
                ("format", .string(Self.dumpFormat)), ("schema", .integer(Migrator.digest.latestVersion)),
                ("created_at", .string(now.rfc3339)),
            ])))
            for table in Self.dumpedTables {
                // Tables without a rowid are ordered by their primary key.
                let order = ["settings": "key", "revisions": "issue, version", "feed_entries": "feed, key"][table] ?? "rowid"
                let statement = try database.statement("SELECT * FROM \(table) ORDER BY \(order)")
                _ = try statement.rows { row in
                    var members: [(String, JSONValue)] = []
                    for column in 0..<row.columnCount {
                        members.append((row.name(column), Self.json(row.value(column))))
                    }
                    if table == "editions" { members = try Self.withWholeEmail(members) }
                    try emit(writer.string(.object([("table", .string(table)), ("row", .object(members))])))
                }
            }
        }
    }

    /// An edition as a dump carries it: the email whole, as it was sent,
    /// so a dump does not depend on how this version stores emails.
    private static func withWholeEmail(_ members: [(String, JSONValue)]) throws -> [(String, JSONValue)] {
        let value = { (name: String) in members.first { $0.0 == name }?.1.stringValue }
        guard let stored = value("email"), let layout = value("email_layout") else {
            return members.filter { $0.0 != "email_layout" }
        }
        guard let email = StoredEmail.expand(stored, layout: layout, text: value("text") ?? "", html: value("html") ?? "") else {
            throw DigestError.incompatibleDatabase("an edition's email has a layout this digest cannot read "
                + "('\(layout)'); run 'digest doctor', or restore a backup.")
        }
        return members.compactMap { name, json in
            switch name {
            case "email_layout": return nil
            case "email": return (name, .string(email))
            default: return (name, json)
            }
        }
    }

    /// An edition row of a dump as it is stored: its email compacted.
    private static func storedEdition(_ row: [(String, JSONValue)]) -> [(String, JSONValue)] {
        let value = { (name: String) in row.first { $0.0 == name }?.1.stringValue }
        guard let email = value("email"), let text = value("text"), let html = value("html") else { return row }
        let stored = StoredEmail.compact(email, text: text, html: html)
        return row.map { $0.0 == "email" ? ($0.0, .string(stored.stored)) : $0 }
            + [("email_layout", stored.layout.map(JSONValue.string) ?? .null)]
    }

    private static func json(_ value: DatabaseValue) -> JSONValue {
        switch value {
        case .null: return .null
        case .integer(let number): return .integer(Int(number))
        case .real(let number): return .double(number)
        case .text(let text): return .string(text)
        }
    }

    /// Loads a dump into this database, which must hold no issues yet (a
    /// new file, or one just made by `init`). All or nothing, in one
    /// transaction, reading a piece of the dump at a time.
    ///
    /// Every row is checked on its own by the rules typed input follows
    /// (`StoredRowRules`) before it is stored, and the whole by `doctor`'s
    /// invariants before the transaction commits; every problem is reported
    /// with its line (the first `ProblemList.limit` in full). Settings made
    /// by `init` give way to the dump's; those the dump does not set are
    /// kept, with their log entries after the dump's. `progress` hears how
    /// many more lines are read, as they are.
    ///
    /// `hostSettings` false (a load through `digest serve`) refuses a dump
    /// that sets any of `SettingKey.hostOnly`.
    package func load(_ input: LineChunks, origin: String, request: ChangeRequest, hostSettings: Bool = true,
                      progress: ((Int) -> Void)? = nil) throws -> LoadSummary {
        var summary = LoadSummary()
        try bulkLoad { try write {
            try authorize(request, to: .load)
            guard (try database.integer("SELECT count(*) FROM issues") ?? 0) == 0 else {
                throw DigestError.refused("\(path) already holds issues; load into a new database "
                    + "(digest --db NEW.sqlite load FILE).")
            }
            let initialSettings = try database.statement("SELECT key, value FROM settings ORDER BY key")
                .rows { ($0.string(0), $0.string(1)) }
            let initialLog = try database.statement("SELECT at, actor, key, old_value, new_value, identity FROM settings_log ORDER BY id")
                .rows { row in (0..<row.columnCount).map { row.value($0) } }
            try database.execute("DELETE FROM settings_log")
            try database.execute("DELETE FROM settings")
            var columnsByTable: [String: Set<String>] = [:]
            for table in Self.dumpedTables {
                columnsByTable[table] = Set(try database.statement("SELECT name FROM pragma_table_info(?)").rows([table]) { $0.string(0) })
            }
            var loadedSettings: [String: String] = [:]
            var sawHeader = false
            var problems = ProblemList()
            while let chunk = try input.next() {
                try UTF8Input.check(chunk.bytes, from: origin, offset: chunk.offset)
                let bytes = chunk.bytes
                var lineNumber = chunk.firstLine - 1
                var lineStart = 0
                var lines = 0
                defer { progress?(lines) }
                while lineStart < bytes.count {
                    lineNumber += 1
                    lines += 1
                    let lineEnd = bytes[lineStart...].firstIndex(of: 0x0A) ?? bytes.count
                    defer { lineStart = lineEnd + 1 }
                    guard bytes[lineStart..<lineEnd].contains(where: { ![0x20, 0x09, 0x0D].contains($0) }) else { continue }
                    let location = "line \(lineNumber)"
                    let value: JSONValue
                    do {
                        value = try JSONParser.parse(bytes, range: lineStart..<lineEnd, line: lineNumber)
                    } catch let error as JSONParser.Failure {
                        // The first line says whether this is a dump at all.
                        if !sawHeader {
                            throw DigestError.malformed("\(origin) is not a digest dump: its first line is not JSON "
                                + "(column \(error.column): \(error.reason)); a dump starts with "
                                + "{\"format\": \"\(Self.dumpFormat)\", …}. Make one with 'digest dump > FILE'.")
                        }
                        problems.add([ValidationProblem(location: location, field: "JSON", value: nil,
                                                        reason: "not valid JSON (column \(error.column): \(error.reason))",
                                                        fix: "restore the line from the original dump")])
                        continue
                    }
                    if !sawHeader {
                        guard value["format"]?.stringValue == Self.dumpFormat else {
                            throw DigestError.malformed("\(origin) is not a digest dump: its first line does not say "
                                + "\"format\": \"\(Self.dumpFormat)\". Make one with 'digest dump > FILE'.")
                        }
                        let schema = value["schema"]?.intValue ?? 0
                        guard schema <= Migrator.digest.latestVersion else {
                            throw DigestError.incompatibleDatabase("\(origin) was dumped by a newer digest (schema \(schema)); "
                                + "upgrade digest to load it.")
                        }
                        sawHeader = true
                        continue
                    }
                    guard let table = value["table"]?.stringValue, let columns = columnsByTable[table],
                          let given = value["row"]?.objectValue, !given.isEmpty else {
                        problems.add([ValidationProblem(location: location, field: "table", value: value["table"]?.stringValue,
                                                        reason: "it is not a table of a digest dump",
                                                        fix: "each line after the first is {\"table\": NAME, \"row\": {…}}")])
                        continue
                    }
                    if let unknown = given.first(where: { !columns.contains($0.0) }) {
                        problems.add([ValidationProblem(location: location, field: unknown.0, value: nil,
                                                        reason: "\(table) has no such column", fix: "remove it")])
                        continue
                    }
                    if table == "editions", given.contains(where: { $0.0 == "email_layout" }) {
                        problems.add([ValidationProblem(location: location, field: "email_layout", value: nil,
                                                        reason: "a dump carries each email whole, as it was sent",
                                                        fix: "remove email_layout and give the whole email")])
                        continue
                    }
                    let rowProblems = StoredRowRules.problems(
                        table: table, row: Dictionary(given.map { ($0.0, Self.databaseValue($0.1)) }, uniquingKeysWith: { first, _ in first }))
                    guard rowProblems.isEmpty else {
                        problems.add(rowProblems.map { problem in
                            var located = problem
                            located.location = location
                            return located
                        })
                        continue
                    }
                    // Checked whole, as it was sent; stored as this version stores emails.
                    let values = (table == "editions" ? Self.storedEdition(given) : given).map { ($0.0, Self.databaseValue($0.1)) }
                    if table == "settings", case .text(let key)? = values.first(where: { $0.0 == "key" })?.1,
                       case .text(let setting)? = values.first(where: { $0.0 == "value" })?.1 {
                        if !hostSettings, SettingKey.hostOnly.contains(key) {
                            throw DigestError.notPermitted("\(location) of \(origin) sets \(key), which names a program or a "
                                + "path on the host and can be set only on the host itself; remove that line, or load the "
                                + "dump on the host. Nothing was loaded.")
                        }
                        loadedSettings[key] = setting
                    }
                    let names = values.map(\.0)
                    let sql = "INSERT INTO \(table)(\(names.joined(separator: ", "))) VALUES (\(names.map { _ in "?" }.joined(separator: ", ")))"
                    do {
                        try database.statement(sql).execute(values.map(\.1))
                        summary.counts[table, default: 0] += 1
                    } catch let error as DatabaseError {
                        problems.add([ValidationProblem(location: location, field: table, value: nil,
                                                        reason: "the row cannot be stored (\(error.message))",
                                                        fix: "restore the line from the original dump")])
                    }
                }
            }
            guard sawHeader else { throw DigestError.malformed("\(origin) is empty: no dump to load.") }
            try problems.finish()
            let broken = try database.statement("PRAGMA foreign_key_check").rows { "\($0.string(0)) row \($0.int(1))" }
            if let first = broken.first {
                throw DigestError.invalid([ValidationProblem(field: "rows", value: nil,
                                                             reason: "\(broken.count) rows point at rows the dump lacks (first: \(first))",
                                                             fix: "load a complete dump")])
            }
            let failed = try invariantChecks().filter { !$0.passed }
            if !failed.isEmpty {
                throw DigestError.invalid(failed.flatMap { check in
                    check.problems.map { ValidationProblem(field: "rows", value: nil, reason: "\(check.name): \($0)",
                                                           fix: "load a dump as digest wrote it") }
                })
            }
            summary.replacedSettings = try keepInitialSettings(initialSettings, log: initialLog, loaded: loadedSettings)
            try buildingSearchIndexInBulk {
                try database.execute("INSERT INTO item_search(item_search) VALUES ('rebuild')")
            }
        } }
        return summary
    }

    /// Puts back what `init` set and the dump does not; returns the keys
    /// whose `init` value the dump replaced.
    private func keepInitialSettings(_ initial: [(String, String)], log: [[DatabaseValue]],
                                     loaded: [String: String]) throws -> [String] {
        var replaced: [String] = []
        for (key, value) in initial {
            if let dumped = loaded[key] {
                if dumped != value { replaced.append(key) }
                continue
            }
            try database.statement("INSERT INTO settings(key, value) VALUES (?, ?)").execute([key, value])
            for entry in log where entry[2] == .text(key) {
                try database.statement("INSERT INTO settings_log(at, actor, key, old_value, new_value, identity) VALUES (?, ?, ?, ?, ?, ?)")
                    .execute(entry)
            }
        }
        return replaced
    }

    private static func databaseValue(_ value: JSONValue) -> DatabaseValue {
        switch value {
        case .null: return .null
        case .bool(let flag): return .integer(flag ? 1 : 0)
        case .integer(let number): return .integer(Int64(number))
        case .double(let number): return .real(number)
        case .string(let text): return .text(text)
        case .array, .object: return .text(JSONWriter(pretty: false).string(value))
        }
    }
}

/// What `load` brought in.
package struct LoadSummary: Sendable {
    /// Rows per table.
    package var counts: [String: Int] = [:]
    /// Settings made by `init` that the dump set to another value.
    package var replacedSettings: [String] = []
}
