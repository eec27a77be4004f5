/// Loading an archive with a rollback journal instead of the WAL.
///
/// In WAL mode every page of a bulk load is written twice: to the log, then
/// to the database when the log is checkpointed. A new archive is mostly new
/// pages, which a rollback journal does not copy at all, so an import of
/// tens of thousands of items runs about a third faster without the WAL.
/// Leaving WAL mode needs the database to itself; when another process has
/// it open, the load simply stays in WAL mode.
extension DigestStore {
    func bulkLoad<T>(_ body: () throws -> T) throws -> T {
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
}
