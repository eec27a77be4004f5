import DigestStorage
import DigestModel
import DigestRendering
/// Consistent copies of a live database.
///
/// `VACUUM INTO` reads the whole database inside one read transaction: in
/// WAL mode writers go on meanwhile, and the copy holds exactly what was
/// committed when it began. The copy is a single self-contained file (a
/// rollback journal, no `-wal`), compacted, with digest's schema version and
/// application id; any digest command opens it as a database.
extension DigestStore {
    /// Writes the copy into `path`, which must be missing or empty. With
    /// `progress`, reports as it goes how many pages the copy has of about
    /// how many it will have (the pages in use: the copy is compacted).
    package func copy(to path: String, progress: ((_ done: Int, _ total: Int) -> Void)? = nil) throws {
        do {
            guard let progress else {
                try database.statement("VACUUM INTO ?").execute([path])
                return
            }
            let pageSize = max(try database.integer("PRAGMA page_size") ?? 4096, 512)
            let total = (try database.integer("PRAGMA page_count") ?? 0) - (try database.integer("PRAGMA freelist_count") ?? 0)
            // The copy's file grows as SQLite spills its pages: its size is the count.
            try database.withProgress(every: 100_000, {
                progress(min((FileSystem.size(of: path) ?? 0) / pageSize, total), total)
            }) {
                try database.statement("VACUUM INTO ?").execute([path])
            }
            progress(total, total)
        } catch let error as DatabaseError {
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
