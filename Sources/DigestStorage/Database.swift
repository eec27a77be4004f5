import CSQLite

/// One connection to a SQLite file. The C API stays inside the storage
/// types; everything above works with `Statement`, `Row` and `DatabaseError`.
package final class Database {
    /// How the file is opened.
    package enum Access: Sendable {
        /// Read and write; the file must exist.
        case readWrite
        /// Create the file if it is missing.
        case create
        /// Read only, sharing the WAL with writers.
        case readOnly
        /// Read only, from a file nobody can be writing: needed to read a WAL
        /// database on a read-only directory or mount, where SQLite cannot
        /// create the shared-memory file.
        case immutable
    }

    private let handle: OpaquePointer
    package let path: String
    package let access: Access
    private var statementCache: [StatementKey: Statement] = [:]

    /// Prepared statements are looked up by their SQL, several times per
    /// item in an import, and hashing the whole of a long statement on every
    /// lookup cost more than running some of them. The hash takes the
    /// length and the last 24 bytes, which tell digest's statements apart;
    /// equality still compares the whole text (for the same literal, the
    /// same storage, which compares at once).
    private struct StatementKey: Hashable {
        let sql: String

        func hash(into hasher: inout Hasher) {
            var sql = sql
            sql.withUTF8 { bytes in
                hasher.combine(bytes.count)
                hasher.combine(bytes: UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: bytes.suffix(24))))
            }
        }
    }

    /// SQLite's memory counters off, once, before the first connection.
    private static let configured: Void = { _ = digest_sqlite_count_memory(0) }()

    /// How long a writer waits for another one before giving up with `SQLITE_BUSY`.
    package static let busyTimeoutMilliseconds: Int32 = 10_000

    package init(path: String, access: Access) throws(DatabaseError) {
        self.path = path
        self.access = access
        Database.configured
        var flags = SQLITE_OPEN_URI | SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_EXRESCODE
        let name: String
        switch access {
        case .readWrite:
            flags |= SQLITE_OPEN_READWRITE
            name = Database.uri(for: path, query: "")
        case .create:
            flags |= SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE
            name = Database.uri(for: path, query: "")
        case .readOnly:
            flags |= SQLITE_OPEN_READONLY
            name = Database.uri(for: path, query: "?mode=ro")
        case .immutable:
            flags |= SQLITE_OPEN_READONLY
            name = Database.uri(for: path, query: "?mode=ro&immutable=1")
        }
        var opened: OpaquePointer?
        let code = sqlite3_open_v2(name, &opened, flags, nil)
        guard code == SQLITE_OK, let opened else {
            let message = opened.map { String(cString: sqlite3_errmsg($0)) } ?? "cannot open the database"
            let extended = opened.map { sqlite3_extended_errcode($0) } ?? code
            sqlite3_close_v2(opened)
            throw DatabaseError(extendedCode: extended, message: message)
        }
        handle = opened
        sqlite3_busy_timeout(handle, Database.busyTimeoutMilliseconds)
        do {
            // Foreign keys are off by default in SQLite, per connection; schema
            // code is never trusted to run unsafe functions.
            try execute("PRAGMA foreign_keys = ON; PRAGMA trusted_schema = OFF")
            // In WAL mode NORMAL loses no integrity on a crash, only (on a power
            // cut) the last commits before it; publishing asks for FULL.
            if access == .readWrite || access == .create { try execute("PRAGMA synchronous = NORMAL") }
        } catch {
            sqlite3_close_v2(handle)
            throw error
        }
    }

    deinit {
        statementCache.removeAll()
        sqlite3_close_v2(handle)
    }

    /// A file path as an SQLite URI, so that `?`, `#` and `%` in a path are
    /// not read as URI syntax. An absolute path gets an empty authority
    /// (`file:///…`), or `//host/db` would be read as a host name.
    private static func uri(for path: String, query: String) -> String {
        var bytes = Array((path.hasPrefix("/") ? "file://" : "file:").utf8)
        for byte in path.utf8 {
            switch byte {
            case UInt8(ascii: "?"), UInt8(ascii: "#"), UInt8(ascii: "%"):
                bytes += Array("%\(String(byte, radix: 16, uppercase: true))".utf8)
            default:
                bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self) + query
    }

    /// Runs one or more statements that return no rows.
    package func execute(_ sql: String) throws(DatabaseError) {
        var message: UnsafeMutablePointer<CChar>?
        let code = sqlite3_exec(handle, sql, nil, nil, &message)
        guard code == SQLITE_OK else {
            let text = message.map { String(cString: $0) } ?? String(cString: sqlite3_errmsg(handle))
            sqlite3_free(message)
            throw DatabaseError(extendedCode: sqlite3_extended_errcode(handle), message: text, sql: sql)
        }
    }

    /// A prepared statement, kept for reuse on this connection.
    package func statement(_ sql: String) throws(DatabaseError) -> Statement {
        let key = StatementKey(sql: sql)
        if let cached = statementCache[key] { return cached }
        let statement = try Statement(connection: handle, sql: sql)
        statementCache[key] = statement
        return statement
    }

    /// Runs `body` in a transaction: committed when it returns, rolled back
    /// when it throws. Writers start as IMMEDIATE so they take the write lock
    /// at once: a read transaction upgraded later would fail with
    /// `SQLITE_BUSY_SNAPSHOT` without waiting for the busy timeout.
    package func transaction<T>(immediate: Bool, _ body: () throws -> T) throws -> T {
        try execute(immediate ? "BEGIN IMMEDIATE" : "BEGIN DEFERRED")
        do {
            let result = try body()
            try execute("COMMIT")
            return result
        } catch {
            if sqlite3_get_autocommit(handle) == 0 {
                // The original error is what matters; a failed rollback leaves
                // the transaction to be discarded when the connection closes.
                try? execute("ROLLBACK")
            }
            throw error
        }
    }

    package var lastInsertedRowID: Int { Int(sqlite3_last_insert_rowid(handle)) }

    package var changes: Int { Int(sqlite3_changes(handle)) }

    package var isInTransaction: Bool { sqlite3_get_autocommit(handle) == 0 }

    /// A single integer from a query such as a PRAGMA.
    package func integer(_ sql: String, _ values: [DatabaseValueConvertible] = []) throws -> Int? {
        try statement(sql).row(values) { $0.optionalInt(0) } ?? nil
    }

    package func text(_ sql: String, _ values: [DatabaseValueConvertible] = []) throws -> String? {
        try statement(sql).row(values) { $0.optionalString(0) } ?? nil
    }

    package static var libraryVersion: String { String(cString: sqlite3_libversion()) }

    /// Runs `body` with `tick` called every `instructions` virtual-machine
    /// steps of the statements it runs: the only way to see inside one long
    /// statement such as `VACUUM INTO`. `tick` must not use this connection.
    package func withProgress<T>(every instructions: Int32, _ tick: @escaping () -> Void,
                                 _ body: () throws -> T) rethrows -> T {
        let box = Unmanaged.passRetained(ProgressTick(tick))
        sqlite3_progress_handler(handle, instructions, { context in
            context.map { Unmanaged<ProgressTick>.fromOpaque($0).takeUnretainedValue().tick() }
            return 0
        }, box.toOpaque())
        defer {
            sqlite3_progress_handler(handle, 0, nil, nil)
            box.release()
        }
        return try body()
    }
}

/// The closure behind a progress handler, boxed to pass through C.
private final class ProgressTick {
    let tick: () -> Void
    init(_ tick: @escaping () -> Void) { self.tick = tick }
}
