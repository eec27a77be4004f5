import Foundation
import DigestStorage
import DigestModel
import DigestRendering

/// A digest database, opened for one command: the issues, their items and
/// their history, and every operation the workflow allows on them.
///
/// Operations live in extensions by concern (`DigestStore+Items.swift`,
/// `+Review`, `+Publishing`, …). Each changing operation is one IMMEDIATE
/// transaction that adds exactly one revision, or changes nothing.
package final class DigestStore {
    package let database: Database
    package let path: String
    package let environment: [String: String]
    private var cachedSettings: Settings?

    private init(database: Database, path: String, environment: [String: String]) {
        self.database = database
        self.path = path
        self.environment = environment
    }

    /// The moment a change is recorded at.
    package var now: Timestamp { Timestamp.now(environment: environment) }

    package var settings: Settings {
        get throws {
            if let cachedSettings { return cachedSettings }
            let rows = try database.statement("SELECT key, value FROM settings").rows { ($0.string(0), $0.string(1)) }
            let loaded = Settings(values: Dictionary(rows, uniquingKeysWith: { _, last in last }))
            cachedSettings = loaded
            return loaded
        }
    }

    /// Forgets the settings read so far (after a change, or a wait for the write lock).
    package func reloadSettings() {
        cachedSettings = nil
    }

    /// Deletes a database this command created and could not complete
    /// (a failed load), so a failure leaves nothing behind.
    package func discard() {
        for suffix in ["", "-wal", "-shm", "-journal"] {
            unlink(path + suffix)
        }
    }

    // MARK: Opening

    /// Creates a new database at `path` with its first settings, in one
    /// atomic step: the schema and the settings are written in one
    /// transaction to a file under a temporary name, which is then linked into
    /// place only if nothing is at `path`. A kill at any moment leaves no
    /// database or a complete one, and of two `init`s at once exactly one
    /// succeeds. Refuses (exit 1) when anything is already at `path`.
    package static func create(at path: String, environment: [String: String],
                               settings: [(key: String, value: String)] = [],
                               request: ChangeRequest = ChangeRequest(actor: "")) throws -> DigestStore {
        try refuseExisting(path)
        let directory = FileSystem.directory(of: path)
        guard FileSystem.isWritable(directory) else {
            throw DigestError.cannotWrite("cannot create \(path): the folder \(directory) "
                + "is not writable for this user; choose another place with --db PATH.")
        }
        do {
            let created = try AtomicFile.createExclusively(at: path) { temporary in
                let database = try Database(path: temporary, access: .readWrite)
                // Editions are tens of kilobytes each: larger pages mean fewer
                // overflow pages and fewer writes, measured ~8% faster on an archive import.
                try database.execute("PRAGMA page_size = 16384")
                let store = DigestStore(database: database, path: temporary, environment: environment)
                try store.write {
                    try database.execute("PRAGMA application_id = \(Schema.applicationID)")
                    try Migrator.digest.applyPending(to: database)
                    try store.storeInitialSettings(settings, request: request)
                }
            }
            guard created else { throw DigestError.refused(existsMessage(path)) }
            // Built with a rollback journal (a WAL file is named after its
            // database, so it could not follow the link); opening switches it
            // to WAL, as after an interrupted bulk load.
            return try open(at: path, forWriting: true, environment: environment)
        } catch let error as DatabaseError {
            throw DigestError(error, path: path)
        }
    }

    private static func refuseExisting(_ path: String) throws {
        switch FileSystem.kind(of: path, followingLinks: false) {
        case .missing: return
        case .directory:
            throw DigestError.refused("\(path) is a folder; digest init creates a database file. "
                + "Give the path of the file to create, such as --db \(path)/digest.sqlite.")
        default:
            throw DigestError.refused(existsMessage(path))
        }
    }

    private static func existsMessage(_ path: String) -> String {
        "a file already exists at \(path); digest init never overwrites. "
            + "Use it as it is, or choose another path with --db PATH."
    }

    /// Opens an existing database. A reading command gets a connection even
    /// when the file, its folder or its mount is read-only; a changing command
    /// is refused with exit 73 before anything is attempted.
    package static func open(at path: String, forWriting: Bool, environment: [String: String]) throws -> DigestStore {
        switch FileSystem.kind(of: path) {
        case .missing:
            throw DigestError.notFound("no database at \(path); create one with 'digest init' "
                + "(or point --db or DIGEST_DB at an existing one).")
        case .directory:
            throw DigestError.notFound("\(path) is a folder, not a database file; point --db or DIGEST_DB "
                + "at the database file itself (such as \(path)/digest.sqlite).")
        default:
            break
        }
        let writable = FileSystem.isWritable(path) && FileSystem.isWritable(FileSystem.directory(of: path))
        if forWriting && !writable {
            throw DigestError.cannotWrite("the database \(path) is read-only for this user "
                + "(the file or its folder cannot be written); reading commands still work, "
                + "changes need write access to both.")
        }
        do {
            let database = writable ? try Database(path: path, access: .readWrite) : try openReadOnly(path)
            let store = DigestStore(database: database, path: path, environment: environment)
            try store.checkSchema(canMigrate: writable)
            if writable { store.restoreWAL() }
            return store
        } catch let error as DatabaseError {
            throw DigestError(error, path: path)
        }
    }

    /// A read-only connection. SQLite reads a WAL database through its
    /// shared-memory file; where that cannot be created (a read-only folder
    /// or mount) the file is opened as immutable instead, which is safe
    /// because nobody can be writing to it.
    private static func openReadOnly(_ path: String) throws -> Database {
        do {
            let database = try Database(path: path, access: .readOnly)
            _ = try database.integer("SELECT count(*) FROM sqlite_schema")
            return database
        } catch let error as DatabaseError where error.isReadOnly {
            return try Database(path: path, access: .immutable)
        }
    }

    private func checkSchema(canMigrate: Bool) throws {
        let applicationID = try database.integer("PRAGMA application_id") ?? 0
        let version = try database.integer("PRAGMA user_version") ?? 0
        let latest = Migrator.digest.latestVersion
        guard applicationID == Schema.applicationID else {
            throw DigestError.incompatibleDatabase("\(path) is an SQLite database but not a digest database; "
                + "it was left untouched. Create a digest database with 'digest init --db NEWPATH'.")
        }
        if version > latest {
            throw DigestError.incompatibleDatabase("\(path) was written by a newer version of digest "
                + "(schema \(version); this digest knows up to \(latest)); it was left untouched. "
                + "Upgrade digest to use it.")
        }
        if version < latest {
            guard canMigrate else {
                if try Migrator.digest.pending(in: database).allSatisfy(\.readsTheSameWithout) { return }
                throw DigestError.incompatibleDatabase("\(path) has schema \(version) and needs an upgrade to \(latest), "
                    + "which needs write access; run any digest command on it once with write access.")
            }
            try Migrator.digest.migrate(database)
        }
    }
}

extension DigestError {
    /// What a storage failure means to the user.
    package init(_ error: DatabaseError, path: String) {
        if error.isBusy {
            self = .busy("the database \(path) stayed locked by another digest command for "
                + "\(Database.busyTimeoutMilliseconds / 1000) seconds; nothing was changed. Try again.")
        } else if error.isCorrupt {
            self = .incompatibleDatabase("\(path) is not a digest database or is damaged (\(error.message)); "
                + "it was left untouched. 'digest doctor' explains what it can; restore a backup or a 'digest dump'.")
        } else if error.isReadOnly, let companion = Self.unwritableCompanion(of: path) {
            self = .cannotWrite("the database \(path) cannot be written because \(companion), which SQLite keeps beside it, "
                + "cannot be written by this user (\(error.message)); nothing was changed. Give this user write access "
                + "to \(companion) (or remove it while no digest command runs).")
        } else if error.isReadOnly {
            self = .cannotWrite("the database \(path) cannot be written (\(error.message)); nothing was changed. "
                + "Reading commands still work; changes need write access to the file and its folder.")
        } else if error.isFull {
            self = .cannotWrite("the database \(path) could not be written (\(error.message)); nothing was changed. "
                + "Check the free space of the disk.")
        } else {
            self = .internalError("an unexpected database error: \(error). This is a bug; please report it.")
        }
    }

    /// The `-shm` or `-wal` file beside a writable database that this user
    /// cannot write: SQLite then reports the whole database as read-only.
    private static func unwritableCompanion(of path: String) -> String? {
        guard access(path, W_OK) == 0 else { return nil }
        return ["-shm", "-wal"].map { path + $0 }.first { access($0, F_OK) == 0 && access($0, W_OK) != 0 }
    }
}
