import CSQLite

/// A failure reported by SQLite, with the statement that caused it.
///
/// Every SQLite return code is checked where it is produced and turned into
/// this error at once, so a failure is never noticed later in the wrong place.
package struct DatabaseError: Error, CustomStringConvertible, Sendable {
    /// The extended result code (`SQLITE_BUSY_SNAPSHOT`, `SQLITE_READONLY_DIRECTORY`, …).
    package let extendedCode: Int32
    package let message: String
    package let sql: String?

    /// The primary result code (`SQLITE_BUSY`, `SQLITE_READONLY`, …).
    package var code: Int32 { extendedCode & 0xFF }

    package init(extendedCode: Int32, message: String, sql: String? = nil) {
        self.extendedCode = extendedCode
        self.message = message
        self.sql = sql
    }

    package var isBusy: Bool { code == SQLITE_BUSY || code == SQLITE_LOCKED }
    package var isReadOnly: Bool { code == SQLITE_READONLY || code == SQLITE_CANTOPEN || code == SQLITE_PERM }
    package var isCorrupt: Bool { code == SQLITE_CORRUPT || code == SQLITE_NOTADB }
    package var isFull: Bool { code == SQLITE_FULL || code == SQLITE_IOERR }

    package var description: String {
        var text = "SQLite error \(extendedCode): \(message)"
        if let sql { text += " (in: \(sql.prefix(200)))" }
        return text
    }
}
