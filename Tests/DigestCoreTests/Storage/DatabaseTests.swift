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
