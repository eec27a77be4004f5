/// Consistent copies of a live database.
///
/// `VACUUM INTO` reads the whole database inside one read transaction: in
/// WAL mode writers go on meanwhile, and the copy holds exactly what was
/// committed when it began. The copy is a single self-contained file (a
/// rollback journal, no `-wal`), compacted, with digest's schema version and
/// application id; any digest command opens it as a database.
extension DigestStore {
    /// Writes the copy into `path`, which must be missing or empty.
    package func copy(to path: String) throws {
        do {
            try database.statement("VACUUM INTO ?").execute([path])
        } catch {
            throw DigestError(error, path: self.path)
        }
    }

    /// Checks that the file at `path` is a sound digest database: SQLite's
    /// `integrity_check` finds nothing and the application id is digest's.
    /// Opens it read-only, so nothing is written beside it.
    package static func verifyCopy(at path: String, shownAs name: String) throws {
        let findings: [String]
        let applicationID: Int
        do {
            let copy = try Database(path: path, access: .readOnly)
            applicationID = try copy.integer("PRAGMA application_id") ?? 0
            findings = try copy.statement("PRAGMA integrity_check").rows { $0.string(0) }
        } catch let error as DatabaseError {
            throw DigestError.cannotWrite("the copy for \(name) could not be checked (\(error.message)); "
                + "nothing was written to \(name).")
        }
        guard applicationID == Schema.applicationID else {
            throw DigestError.cannotWrite("the copy for \(name) is not a digest database; nothing was written to \(name).")
        }
        guard findings == ["ok"] else {
            throw DigestError.cannotWrite("the copy for \(name) failed SQLite's integrity_check ("
                + findings.prefix(3).joined(separator: "; ") + "); nothing was written to \(name).")
        }
    }
}
