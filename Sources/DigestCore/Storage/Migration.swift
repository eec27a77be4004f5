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
}

/// Text of a table's `CREATE TABLE` statement replaced by other text that
/// means the same for the rows already stored.
package struct TableRewrite: Sendable {
    package let table: String
    package let from: String
    package let to: String
}
