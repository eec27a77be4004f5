/// One step of the schema's history, applied once, in order.
package struct Migration: Sendable {
    /// The `PRAGMA user_version` the database has once this step is applied.
    package let version: Int
    package let name: String
    package let sql: String

    /// Whether the step changes nothing in a database that already exists
    /// (it only records the version): a database without it reads and is
    /// read exactly the same, so one this user may not write is served as it
    /// is until someone who may write migrates it.
    package var onlyRestates: Bool { sql.isEmpty }
}
