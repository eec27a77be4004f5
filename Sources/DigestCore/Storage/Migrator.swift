/// Brings a database's schema up to date, one migration per transaction.
///
/// The schema version is `PRAGMA user_version`. Each migration and the
/// version bump that records it commit together, so a crash leaves the
/// database at one version or the next, never between.
package struct Migrator {
    package let migrations: [Migration]

    package static let digest = Migrator(migrations: Schema.migrations)

    /// The version a database has when every migration is applied.
    package var latestVersion: Int { migrations.last?.version ?? 0 }

    /// The migrations `database` still needs.
    package func pending(in database: Database) throws -> [Migration] {
        let current = try database.integer("PRAGMA user_version") ?? 0
        return migrations.filter { $0.version > current }
    }

    /// Applies every pending migration inside the transaction the caller
    /// holds: for a new database, built in one step.
    package func applyPending(to database: Database) throws {
        for migration in try pending(in: database) {
            try apply(migration, to: database)
        }
    }

    package func migrate(_ database: Database) throws {
        for migration in try pending(in: database) {
            try database.transaction(immediate: true) {
                // Another process may have migrated while this one waited for the lock.
                let current = try database.integer("PRAGMA user_version") ?? 0
                guard current < migration.version else { return }
                try apply(migration, to: database)
            }
        }
    }

    private func apply(_ migration: Migration, to database: Database) throws {
        try database.execute(migration.sql)
        if !migration.rewrites.isEmpty { try rewrite(migration.rewrites, in: database) }
        try database.execute("PRAGMA user_version = \(migration.version)")
    }

    /// Edits the stored table definitions as SQLite's documentation describes
    /// for changes that leave the rows as they are ("Making Other Kinds Of
    /// Table Schema Changes"): `writable_schema` on, the text replaced, and
    /// the schema version raised so that every connection reads the schema
    /// again, inside the caller's transaction. Every rewrite only says the
    /// same thing more cheaply, so a definition that is not as expected (a
    /// database changed by hand) keeps its own, and so does a database that
    /// SQLite will not let edit its schema (SQLITE_DBCONFIG_DEFENSIVE).
    private func rewrite(_ rewrites: [TableRewrite], in database: Database) throws {
        let schemaVersion = try database.integer("PRAGMA schema_version") ?? 0
        try database.execute("PRAGMA writable_schema = ON")
        defer { try? database.execute("PRAGMA writable_schema = OFF") }
        var changed = 0
        for change in rewrites {
            do {
                try database.statement("""
                    UPDATE sqlite_schema SET sql = replace(sql, ?, ?) WHERE type = 'table' AND name = ? AND instr(sql, ?) > 0
                    """).execute([change.from, change.to, change.table, change.from])
                changed += database.changes
            } catch {
                break
            }
        }
        if changed > 0 { try database.execute("PRAGMA schema_version = \(schemaVersion + 1)") }
    }
}
