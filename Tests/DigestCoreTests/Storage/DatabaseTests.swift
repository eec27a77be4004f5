import Foundation
import Testing
@testable import DigestCore

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

@Suite("Schema 9: short-list checks without a table per statement")
struct ShortListCheckTests {
    /// The opcodes SQLite compiles `sql` into.
    func opcodes(_ sql: String, in database: Database) throws -> [String] {
        try database.statement("EXPLAIN " + sql).rows { $0.string(1) }
    }

    @Test("a schema 8 database keeps its rows and its rules, and stores an item state without building a table")
    func rewrite() throws {
        let folder = try TemporaryFolder()
        let path = folder.file("old.sqlite")
        let insertState = """
            INSERT INTO item_states(item, issue, valid_from, position, title, source, date, excerpt, status, added_by)
            VALUES (1, 1, 2, 1, 'Tides', 'Harbour Review', '2026-11-20', 'About tides.', ?, 'ana')
            """
        do {
            let database = try Database(path: path, access: .create)
            try database.execute("PRAGMA application_id = \(Schema.applicationID)")
            try Migrator(migrations: Array(Schema.migrations.prefix(8))).migrate(database)
            try database.execute("""
                INSERT INTO issues VALUES (1, 1, '2026-11-23T00:00:00Z', 'ana');
                INSERT INTO issue_states(issue, valid_from, date, status) VALUES (1, 1, '2026-11-23', 'draft');
                INSERT INTO items VALUES (1, 1, NULL, '2026-11-23T00:00:00Z', 'ana');
                """)
            try database.statement(insertState).execute(["pending"])
            // Before: the three-value list is a table built at every run.
            #expect(try opcodes(insertState, in: database).contains("OpenEphemeral"))
        }
        let store = try DigestStore.open(at: path, forWriting: true, environment: [:])
        let database = store.database
        #expect(try database.integer("PRAGMA user_version") == 9)
        #expect(try database.text("PRAGMA integrity_check") == "ok")
        #expect(try database.integer("SELECT count(*) FROM item_states WHERE status = 'pending'") == 1)
        let definitions = try database.statement("SELECT name, sql FROM sqlite_schema WHERE type = 'table'")
            .rows { ($0.string(0), $0.string(1)) }
        let rewritten = ["item_states", "issue_states", "revisions", "settings_log", "candidates"]
        for (name, sql) in definitions where rewritten.contains(name) {
            #expect(!sql.contains(" IN ("), "\(name): \(sql)")
        }
        #expect(definitions.first { $0.0 == "item_states" }?.1
            .contains("CHECK (status = 'pending' OR status = 'approved' OR status = 'rejected')") == true)
        #expect(try !opcodes(insertState, in: database).contains("OpenEphemeral"))
        // The rules hold as before.
        let refused = #expect(throws: DatabaseError.self) { try database.statement(insertState).execute(["waiting"]) }
        #expect(refused?.code == 19)
        #expect(refused?.message.contains("CHECK constraint failed") == true)
        #expect(throws: DatabaseError.self) {
            try database.execute("INSERT INTO issue_states(issue, valid_from, date, status) VALUES (1, 2, '2026-11-23', 'sent')")
        }
        #expect(try database.integer("SELECT count(*) FROM item_states") == 1)
    }

    @Test("a new database has the rewritten definitions, and a definition changed by hand is left as it is")
    func newAndChangedByHand() throws {
        let folder = try TemporaryFolder()
        let fresh = try Database(path: folder.file("new.sqlite"), access: .create)
        try Migrator.digest.migrate(fresh)
        #expect(try fresh.integer("SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND sql LIKE '% IN (''%'") == 0)
        #expect(try fresh.integer("SELECT count(*) FROM sqlite_schema WHERE sql LIKE '%status = ''draft'' OR status%'") == 1)

        let handmade = try Database(path: folder.file("hand.sqlite"), access: .create)
        try Migrator(migrations: Array(Schema.migrations.prefix(8))).migrate(handmade)
        try handmade.execute("PRAGMA writable_schema = ON")
        try handmade.execute("""
            UPDATE sqlite_schema SET sql = replace(sql, 'status IN (''draft'', ''in-review'', ''published'')',
              'status IN (''draft'', ''published'', ''in-review'')') WHERE name = 'issue_states'
            """)
        try handmade.execute("PRAGMA writable_schema = OFF")
        try Migrator.digest.migrate(handmade)
        #expect(try handmade.integer("PRAGMA user_version") == 9)
        #expect(try handmade.integer("""
            SELECT count(*) FROM sqlite_schema WHERE name = 'issue_states'
              AND sql LIKE '%status IN (''draft'', ''published'', ''in-review'')%'
            """) == 1)
        #expect(try handmade.integer("SELECT count(*) FROM sqlite_schema WHERE sql LIKE '%status = ''pending'' OR%'") == 1)
    }
}
