import CSQLite

/// A prepared statement. It is finalised when it goes away, so a statement
/// can never outlive its purpose or leak a read lock.
package final class Statement {
    private let handle: OpaquePointer
    private let connection: OpaquePointer
    package let sql: String

    init(connection: OpaquePointer, sql: String) throws(DatabaseError) {
        var prepared: OpaquePointer?
        let code = sqlite3_prepare_v2(connection, sql, -1, &prepared, nil)
        guard code == SQLITE_OK, let prepared else {
            throw DatabaseError(extendedCode: sqlite3_extended_errcode(connection),
                                message: String(cString: sqlite3_errmsg(connection)), sql: sql)
        }
        self.handle = prepared
        self.connection = connection
        self.sql = sql
    }

    deinit {
        sqlite3_finalize(handle)
    }

    /// Binds the values to parameters 1…n, replacing earlier bindings.
    @discardableResult
    package func bind(_ values: [DatabaseValueConvertible]) throws(DatabaseError) -> Statement {
        sqlite3_reset(handle)
        // Binding a parameter replaces its value; only those left out need clearing.
        if values.count < Int(sqlite3_bind_parameter_count(handle)) { sqlite3_clear_bindings(handle) }
        for (offset, value) in values.enumerated() {
            try bind(value.databaseValue, at: Int32(offset + 1))
        }
        return self
    }

    private func bind(_ value: DatabaseValue, at index: Int32) throws(DatabaseError) {
        let code: Int32
        switch value {
        case .null: code = sqlite3_bind_null(handle, index)
        case .integer(let number): code = sqlite3_bind_int64(handle, index, number)
        case .real(let number): code = sqlite3_bind_double(handle, index, number)
        case .text(var text):
            // Native strings hand over their UTF-8 storage without a copy;
            // SQLite copies it (SQLITE_TRANSIENT) before this returns.
            code = text.withUTF8 { buffer in
                buffer.withMemoryRebound(to: CChar.self) { chars in
                    guard let start = chars.baseAddress else {
                        return sqlite3_bind_text(handle, index, "", 0, digest_sqlite_transient)
                    }
                    return sqlite3_bind_text(handle, index, start, Int32(chars.count), digest_sqlite_transient)
                }
            }
        }
        try check(code)
    }

    /// Steps once; true while a row is available.
    package func step() throws(DatabaseError) -> Bool {
        let code = sqlite3_step(handle)
        switch code {
        case SQLITE_ROW: return true
        case SQLITE_DONE: return false
        default:
            let error = DatabaseError(extendedCode: sqlite3_extended_errcode(connection),
                                      message: String(cString: sqlite3_errmsg(connection)), sql: sql)
            sqlite3_reset(handle)
            throw error
        }
    }

    /// Runs a statement that returns no rows.
    package func execute(_ values: [DatabaseValueConvertible] = []) throws(DatabaseError) {
        try bind(values)
        while try step() {}
        sqlite3_reset(handle)
    }

    /// Runs a query and maps every row.
    package func rows<T>(_ values: [DatabaseValueConvertible] = [], _ map: (Row) throws -> T) throws -> [T] {
        try bind(values)
        defer { sqlite3_reset(handle) }
        var result: [T] = []
        let row = Row(handle: handle)
        while try step() {
            result.append(try map(row))
        }
        return result
    }

    /// Runs a query and maps its first row, if any.
    package func row<T>(_ values: [DatabaseValueConvertible] = [], _ map: (Row) throws -> T) throws -> T? {
        try bind(values)
        defer { sqlite3_reset(handle) }
        guard try step() else { return nil }
        return try map(Row(handle: handle))
    }

    private func check(_ code: Int32) throws(DatabaseError) {
        guard code == SQLITE_OK else {
            throw DatabaseError(extendedCode: sqlite3_extended_errcode(connection),
                                message: String(cString: sqlite3_errmsg(connection)), sql: sql)
        }
    }
}
