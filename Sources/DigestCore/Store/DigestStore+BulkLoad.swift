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
        let cacheSize = try database.integer("PRAGMA cache_size") ?? -2000
        let switched = (try? database.text("PRAGMA journal_mode = DELETE")) == "delete"
        guard switched else { return try body() }
        defer {
            restoreWAL()
            try? database.execute("PRAGMA synchronous = NORMAL")
            try? database.execute("PRAGMA cache_size = \(cacheSize)")
        }
        // Outside WAL mode only FULL keeps a power cut from damaging the file.
        try database.execute("PRAGMA synchronous = FULL")
        // When a transaction's changed pages outgrow the page cache, SQLite
        // writes some of them to the file early, and with a rollback journal
        // each such spill syncs the journal first. Against SQLite's 2 MB, a
        // 16 MB cache cut a 208,000-item import by a fifth, with a peak of
        // 76 MB; 32 MB gained little more and came within 6 MB of the 100 MB
        // bound.
        try database.execute("PRAGMA cache_size = -16384")
        return try body()
    }

    /// Builds the search index in larger pieces while `body` runs; called
    /// inside the load's transaction, and puts SQLite's settings back before
    /// it commits.
    ///
    /// FTS5 keeps new terms in memory and writes them out as a segment when
    /// they pass `hashsize` (1 MB by default), and, with `automerge` at 4,
    /// merges segments as it goes; a 208,000-item archive makes about a
    /// hundred segments and merges most of them several times over. With 8 MB
    /// and no merging during the load (FTS5's `crisismerge` still merges when
    /// 16 segments pile up on a level), building that index took 4.6 s
    /// instead of 8.0 s, for 8 MB more memory; searches afterwards read a
    /// dozen segments instead of four and took under a millisecond longer.
    /// Edits made later merge as before.
    func buildingSearchIndexInBulk<T>(_ body: () throws -> T) throws -> T {
        let saved = try database.statement("SELECT k, v FROM item_search_config WHERE k IN ('hashsize', 'automerge')")
            .rows { ($0.string(0), $0.int(1)) }
        func value(_ key: String, otherwise standard: Int) -> Int { saved.first { $0.0 == key }?.1 ?? standard }
        try setSearchIndex("hashsize", to: Self.bulkSearchMemory)
        try setSearchIndex("automerge", to: 0)
        let result = try body()
        try setSearchIndex("hashsize", to: value("hashsize", otherwise: 1 << 20))
        try setSearchIndex("automerge", to: value("automerge", otherwise: 4))
        return result
    }

    /// The bytes of new terms FTS5 holds before writing a segment during a
    /// bulk load; `ImportSession.searchBatch` states fill about this much.
    static let bulkSearchMemory = 8 << 20

    private func setSearchIndex(_ option: String, to value: Int) throws {
        try database.statement("INSERT INTO item_search(item_search, rank) VALUES (?, ?)").execute([option, value])
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
