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
        try database.execute("PRAGMA user_version = \(migration.version)")
    }
}
