/// One step of the schema's history, applied once, in order.
package struct Migration: Sendable {
    /// The `PRAGMA user_version` the database has once this step is applied.
    package let version: Int
    package let name: String
    package let sql: String
    /// Whether reading commands need the step: false for one that only adds
    /// what writing commands fill in (a column no read selects).
    package let neededByReads: Bool

    package init(version: Int, name: String, sql: String, neededByReads: Bool = true) {
        self.version = version
        self.name = name
        self.sql = sql
        self.neededByReads = neededByReads
    }

    /// Whether a database without the step reads exactly the same: the step
    /// only records the version, or adds nothing a read uses. One this user
    /// may not write is then served as it is until someone who may write
    /// migrates it.
    package var readsTheSameWithout: Bool { sql.isEmpty || !neededByReads }
}
