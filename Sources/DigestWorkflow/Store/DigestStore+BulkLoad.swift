import DigestStorage
import DigestModel
import DigestRendering
/// Bulk loads (`import`, `load`): one transaction, a larger page cache, and
/// a rollback journal instead of the WAL when the database is not shared
/// at that moment.
///
/// In WAL mode every page of a bulk load is written twice: to the log, then
/// to the database when the log is checkpointed. A new archive is mostly new
/// pages, which a rollback journal does not copy at all, so an import of
/// tens of thousands of items runs about a third faster without the WAL.
/// Leaving WAL mode needs the database to itself: SQLite refuses the switch
/// while any other connection has it open (a reader, a waiting writer, or
/// Litestream, which holds a read transaction for as long as it replicates),
/// and the load then simply stays in WAL mode. BackupTests proves it with
/// Litestream attached and two writers beside an import.
extension DigestStore {
    func bulkLoad<T>(_ body: () throws -> T) throws -> T {
        let cacheSize = try database.integer("PRAGMA cache_size") ?? -2000
        // When a transaction's changed pages outgrow the page cache, SQLite
        // writes some of them out early, and with a rollback journal each such
        // spill syncs the journal first. Against SQLite's 2 MB, a 16 MB cache
        // cut a 208,000-item import by a fifth, with a peak of 76 MB (32 MB
        // gained little more and came within 6 MB of the 100 MB bound).
        try database.execute("PRAGMA cache_size = -16384")
        // Not a write: the size of this connection's own cache, which ends with the command anyway.
        defer { _ = try? database.execute("PRAGMA cache_size = \(cacheSize)") }
        guard try leaveWAL() else { return try body() }
        // Outside WAL mode only FULL keeps a power cut from damaging the file.
        try database.execute("PRAGMA synchronous = FULL")
        let result: T
        do {
            result = try body()
        } catch {
            restoreWAL()
            throw error
        }
        try database.execute("PRAGMA synchronous = NORMAL")
        restoreWAL()
        return result
    }

    /// Switches to a rollback journal if no other connection has the
    /// database open; false when it stays in WAL mode.
    private func leaveWAL() throws -> Bool {
        do {
            return try database.text("PRAGMA journal_mode = DELETE") == "delete"
        } catch let error as DatabaseError where error.isBusy {
            return false
        }
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

    /// Puts back WAL mode after a bulk load, and in a database that a bulk
    /// load killed midway left in rollback-journal mode (every command opening
    /// the database for writing calls it). Every command works in either
    /// mode, and the switch needs the database to itself: while another
    /// process has it open, the next command tries again.
    func restoreWAL() {
        do {
            guard try database.text("PRAGMA journal_mode") != "wal" else { return }
            _ = try database.text("PRAGMA journal_mode = WAL")
        } catch {
            return
        }
    }
}
