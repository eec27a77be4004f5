/// One step of the schema's history, applied once, in order.
package struct Migration: Sendable {
    /// The `PRAGMA user_version` the database has once this step is applied.
    package let version: Int
    package let name: String
    package let sql: String
    /// Table definitions changed in place, after `sql`: for changes that leave
    /// every stored row as it is (a constraint written another way), which
    /// SQLite's ALTER TABLE cannot make and a copy of the table would make
    /// at the cost of rewriting it whole.
    package var rewrites: [TableRewrite] = []

    /// Whether this step only restates rules in other words: a database
    /// without it reads and is read exactly the same, so one this user may
    /// not write is served as it is until someone who may write migrates it.
    var onlyRestates: Bool { sql.isEmpty && !rewrites.isEmpty }
}

/// Text of a table's `CREATE TABLE` statement replaced by other text that
/// means the same for the rows already stored.
package struct TableRewrite: Sendable {
    package let table: String
    package let from: String
    package let to: String
}
