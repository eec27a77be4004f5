import Foundation
import Testing
@testable import DigestStorage
@testable import DigestModel
@testable import DigestRendering
@testable import DigestWorkflow

@Suite("The SQLite wrapper")
struct DatabaseTests {
    @Test("statements bind values and read them back exactly")
    func roundTrip() throws {
        let folder = try TemporaryFolder()
        let database = try Database(path: folder.file("t.sqlite"), access: .create)
        try database.execute("CREATE TABLE t(a INTEGER, b REAL, c TEXT, d TEXT)")
        let text = "naïve \u{0} zero byte, 東京, 🌊"
        try database.statement("INSERT INTO t VALUES (?, ?, ?, ?)").execute([42, 2.5, text, String?.none])
        let row = try database.statement("SELECT a, b, c, d FROM t").row { ($0.int(0), $0.double(1), $0.string(2), $0.optionalString(3)) }
        #expect(row?.0 == 42)
        #expect(row?.1 == 2.5)
        #expect(row?.2 == text)
        #expect(row?.3 == nil)
    }

    @Test("a failing statement throws SQLite's code, its message and the SQL")
    func errors() throws {
        let folder = try TemporaryFolder()
        let database = try Database(path: folder.file("t.sqlite"), access: .create)
        do {
            _ = try database.statement("SELEC 1")
            Issue.record("bad SQL was prepared")
        } catch {
            #expect(error.code == 1)
            #expect(error.message.contains("syntax error"))
            #expect(error.sql == "SELEC 1")
        }
    }

    @Test("a transaction that throws is rolled back whole")
    func rollback() throws {
        struct Abort: Error {}
        let folder = try TemporaryFolder()
        let database = try Database(path: folder.file("t.sqlite"), access: .create)
        try database.execute("CREATE TABLE t(a INTEGER)")
        #expect(throws: Abort.self) {
            try database.transaction(immediate: true) {
                try database.statement("INSERT INTO t VALUES (1)").execute()
                throw Abort()
            }
        }
        #expect(try database.integer("SELECT count(*) FROM t") == 0)
        #expect(!database.isInTransaction)
    }

    @Test("a path with URI characters is opened as a plain file")
    func oddPath() throws {
        let folder = try TemporaryFolder()
        let path = folder.file("odd ?name#%.sqlite")
        let database = try Database(path: path, access: .create)
        try database.execute("CREATE TABLE t(a)")
        #expect(FileManager.default.fileExists(atPath: path))
    }

    @Test("migrations bring a new database to the latest schema version, once")
    func migrations() throws {
        let folder = try TemporaryFolder()
        let database = try Database(path: folder.file("t.sqlite"), access: .create)
        try Migrator.digest.migrate(database)
        #expect(try database.integer("PRAGMA user_version") == Migrator.digest.latestVersion)
        #expect(try Migrator.digest.pending(in: database).isEmpty)
        try Migrator.digest.migrate(database)
    }

    @Test("a failing migration leaves the database at its old version")
    func failingMigration() throws {
        let folder = try TemporaryFolder()
        let database = try Database(path: folder.file("t.sqlite"), access: .create)
        let migrator = Migrator(migrations: [
            Migration(version: 1, name: "one", sql: "CREATE TABLE a(x)"),
            Migration(version: 2, name: "two", sql: "CREATE TABLE b(x); CREATE TABLE a(x)"),
        ])
        #expect(throws: DatabaseError.self) { try migrator.migrate(database) }
        #expect(try database.integer("PRAGMA user_version") == 1)
        #expect(try database.integer("SELECT count(*) FROM sqlite_schema WHERE name = 'b'") == 0)
    }
}

@Suite("Schema 9: short-list checks without a table per statement, and no table definition edited")
struct ShortListCheckTests {
    /// The opcodes SQLite compiles `sql` into.
    func opcodes(_ sql: String, in database: Database) throws -> [String] {
        try database.statement("EXPLAIN " + sql).rows { $0.string(1) }
    }

    static let insertState = """
        INSERT INTO item_states(item, issue, valid_from, position, title, source, date, excerpt, status, added_by)
        VALUES (1, 1, 2, 1, 'Tides', 'Harbour Review', '2026-11-23', 'About tides.', ?, 'ana')
        """

    static func addIssueAndItem(_ database: Database) throws {
        try database.execute("""
            INSERT INTO issues VALUES (1, 1, '2026-11-23T00:00:00Z', 'ana');
            INSERT INTO issue_states(issue, valid_from, date, status) VALUES (1, 1, '2026-11-23', 'draft');
            INSERT INTO items VALUES (1, 1, NULL, '2026-11-23T00:00:00Z', 'ana');
            """)
    }

    @Test("a new database stores an item state without building a table, and its rules hold")
    func newDatabase() throws {
        let folder = try TemporaryFolder()
        let database = try Database(path: folder.file("new.sqlite"), access: .create)
        try Migrator.digest.migrate(database)
        #expect(try database.integer("SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND sql LIKE '% IN (''%'") == 0)
        try Self.addIssueAndItem(database)
        #expect(try !opcodes(Self.insertState, in: database).contains("OpenEphemeral"))
        try database.statement(Self.insertState).execute(["pending"])
        let refused = #expect(throws: DatabaseError.self) { try database.statement(Self.insertState).execute(["waiting"]) }
        #expect(refused?.code == 19)
        #expect(refused?.message.contains("CHECK constraint failed") == true)
        #expect(throws: DatabaseError.self) {
            try database.execute("INSERT INTO issue_states(issue, valid_from, date, status) VALUES (1, 2, '2026-11-23', 'sent')")
        }
    }

    @Test("a schema 8 database with a check changed by hand keeps its definitions to the byte, and its rules")
    func olderDatabase() throws {
        let folder = try TemporaryFolder()
        let path = folder.file("old.sqlite")
        // As a database made before schema 9 could be: an IN list, and a
        // check someone wrote by hand, `status IN (…) AND (…)`.
        let handmade = "status IN ('draft', 'in-review', 'published') AND (length(status) > 1)"
        do {
            let database = try Database(path: path, access: .create)
            try database.execute("PRAGMA application_id = \(Schema.applicationID)")
            try database.transaction(immediate: true) {
                for migration in Schema.migrations.prefix(8) {
                    try database.execute(migration.sql
                        .replacingOccurrences(of: "status = 'draft' OR status = 'in-review' OR status = 'published'", with: handmade)
                        .replacingOccurrences(of: "status = 'pending' OR status = 'approved' OR status = 'rejected'",
                                              with: "status IN ('pending', 'approved', 'rejected')"))
                }
                try database.execute("PRAGMA user_version = 8")
            }
            try Self.addIssueAndItem(database)
        }
        let before = try Database(path: path, access: .readOnly)
            .statement("SELECT name, sql FROM sqlite_schema ORDER BY name").rows { "\($0.string(0))|\($0.optionalString(1) ?? "")" }
        #expect(before.contains { $0.contains(handmade) })
        let store = try DigestStore.open(at: path, forWriting: true, environment: [:])
        let database = store.database
        #expect(try database.integer("PRAGMA user_version") == Migrator.digest.latestVersion)
        #expect(try database.text("PRAGMA integrity_check") == "ok")
        let after = try database.statement("SELECT name, sql FROM sqlite_schema ORDER BY name")
            .rows { "\($0.string(0))|\($0.optionalString(1) ?? "")" }
        // Schema 10 adds a column to sends (SQLite's ALTER TABLE); every other definition is as it was, to the byte.
        #expect(after.filter { !$0.hasPrefix("sends|") } == before.filter { !$0.hasPrefix("sends|") })
        #expect(after.first { $0.hasPrefix("sends|") }?.contains("message TEXT") == true)
        // A row the hand-made check refused before the migration is refused after it.
        #expect(throws: DatabaseError.self) {
            try database.execute("INSERT INTO issue_states(issue, valid_from, date, status) VALUES (1, 2, '2026-11-23', 'sent')")
        }
        try database.statement(Self.insertState).execute(["approved"])
        #expect(throws: DatabaseError.self) { try database.statement(Self.insertState).execute(["waiting"]) }
    }
}
