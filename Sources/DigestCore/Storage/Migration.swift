/// One step of the schema's history, applied once, in order.
package struct Migration: Sendable {
    /// The `PRAGMA user_version` the database has once this step is applied.
    package let version: Int
    package let name: String
    package let sql: String
}
