/// Loading an archive with a rollback journal instead of the WAL.
///
/// In WAL mode every page of a bulk load is written twice: to the log, then
/// to the database when the log is checkpointed. A new archive is mostly new
/// pages, which a rollback journal does not copy at all, so an import of
/// tens of thousands of items runs about a third faster without the WAL.
/// Leaving WAL mode needs the database to itself; when another process has
/// it open, the load simply stays in WAL mode.
///
/// A database that Litestream replicates never leaves WAL mode: Litestream
/// reads its changes from the WAL, and its documentation asks applications
/// not to change the journal mode (nor to checkpoint other than SQLite's own
/// passive auto-checkpoints, which is all digest does). Litestream keeps its
/// state in `.NAME-litestream` beside the database, which is how digest
/// tells, also while Litestream is restarting.
extension DigestStore {
    func bulkLoad<T>(_ body: () throws -> T) throws -> T {
        guard !isReplicated else { return try body() }
        let switched = (try? database.text("PRAGMA journal_mode = DELETE")) == "delete"
        guard switched else { return try body() }
        defer {
            restoreWAL()
            try? database.execute("PRAGMA synchronous = NORMAL")
        }
        // Outside WAL mode only FULL keeps a power cut from damaging the file.
        try database.execute("PRAGMA synchronous = FULL")
        return try body()
    }

    /// Puts the database back in WAL mode if a bulk load was interrupted
    /// (killed) before it could. Best effort: while another process holds the
    /// database the switch waits for the next command, and every command
    /// works in either mode.
    func restoreWAL() {
        guard let mode = try? database.text("PRAGMA journal_mode"), mode != "wal" else { return }
        _ = try? database.text("PRAGMA journal_mode = WAL")
    }

    /// Whether Litestream replicates this database (its folder is beside it).
    var isReplicated: Bool {
        let folder = FileSystem.directory(of: path)
        let name = path.split(separator: "/").last.map(String.init) ?? path
        return FileSystem.isDirectory(folder + "/." + name + "-litestream")
    }
}
