import DigestStorage
import DigestModel
import DigestRendering
/// One import, stored target by target inside one write transaction, so a
/// large archive never has to be in memory at once: the caller hands in each
/// issue's items as it has read them, in the order of the issue numbers (a
/// new draft last), and the session stores them as they come.
///
/// It ends as an import of the whole list at once would: an existing issue
/// is checked as every change is (`beginChange`), and the error reported is
/// the one the whole list would meet first, in that order: an issue that
/// cannot be imported into (stage, version, a missing date), then the
/// roster, then an archive item without its link, then what storing found
/// (a link twice, a template that fails). After any of them nothing more is
/// stored, but the remaining targets are still checked; the caller's write
/// transaction rolls everything back.
final class ImportSession {
    private enum Stage: Int, Comparable {
        case plan, authorize, prepare, store
        static func < (lhs: Stage, rhs: Stage) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    private let store: DigestStore
    private let published: Bool
    private let origin: String
    private let request: ChangeRequest
    private let bulk: Bool
    private let maker: EditionRenderer?
    private let progress: ((Int) -> Void)?
    private let at: Timestamp
    private let finder: RepeatFinder
    private let pipeline: EditionPipeline?
    /// Numbers for targets without one go after every number in use.
    private var nextNumber: Int
    private var nextItemID: Int
    private var failure: (stage: Stage, error: any Error)?
    private var halted = false
    /// Published issues whose editions are still being rendered.
    private var awaitingEditions: [(index: Int, issue: Issue)] = []
    private var imported: [ImportSummary.ImportedIssue] = []
    private var repeats: [RepeatLink] = []
    private var repeatCount = 0
    private var lastNumber: Int?

    /// In a bulk import, the item states after this id are not in the search
    /// index yet; `unindexed` counts them.
    private var indexedThrough = 0
    private var unindexed = 0
    /// States are indexed this many at a time, in one statement. FTS5 writes
    /// what it holds as a segment when the next statement opens its savepoint, so a batch
    /// is about what it holds in memory during a bulk load (8 MB of terms,
    /// `DigestStore.bulkSearchMemory`): the index is built as a 'rebuild'
    /// builds it, while the editions are still rendering, and an import into
    /// a large database indexes only what it brings. A batch per issue would
    /// write many small segments, and merging them costs nearly twice the work.
    static let searchBatch = 16_000

    /// How many issues may wait for their editions while later ones are stored;
    /// none without the bulk finder, which is what sees an issue's links before its edition is stored.
    /// Editions are stored as soon as they are rendered; the storing thread
    /// waits only when this many are behind. With room for 32 (a few
    /// megabytes), rendering catches up while the search index takes a batch
    /// and while the last batch is indexed, instead of the storing thread
    /// waiting for each edition in turn (BENCHMARKS.md, "Ten times the archive").
    private var editionsAhead: Int { bulk ? 32 : 0 }

    /// Starts an import; runs inside the caller's write transaction.
    init(store: DigestStore, published: Bool, origin: String, request: ChangeRequest, bulk: Bool,
         edition maker: EditionRenderer?, progress: ((Int) -> Void)?) throws {
        self.store = store
        self.published = published
        self.origin = origin
        self.request = request
        self.bulk = bulk
        self.maker = maker
        self.progress = progress
        at = store.now
        nextNumber = (try store.database.integer("SELECT max(number) FROM issues") ?? 0) + 1
        nextItemID = (try store.database.integer("SELECT max(id) FROM items") ?? 0) + 1
        finder = try RepeatFinder(store: store, bulk: bulk)
        if bulk { indexedThrough = try store.database.integer("SELECT max(id) FROM item_states") ?? 0 }
        if published {
            guard let maker else { throw DigestError.internalError("an archive import needs a renderer for its editions.") }
            pipeline = EditionPipeline(templates: maker.templates, publication: maker.publication, at: at)
        } else {
            pipeline = nil
        }
        do {
            try store.authorize(request, to: published ? .importPublished : .importDrafts)
        } catch {
            fail(.authorize, error)
        }
    }

    deinit { pipeline?.cancel() }

    /// Stops storing: the caller found problems of its own, which come first.
    func halt() {
        halted = true
        pipeline?.cancel()
    }

    /// Imports one target. Targets come in the order of their numbers,
    /// those without one last; the caller makes sure of it.
    func add(_ given: ImportTarget) {
        guard !halted else { return }
        var target = given
        let number: Int
        if let given = target.number {
            number = given
            nextNumber = max(nextNumber, given + 1)
        } else {
            number = nextNumber
            nextNumber += 1
        }
        lastNumber = number
        let change: IssueChange?
        let date: CivilDate
        do {
            if let existing = try store.issueHead(number) {
                guard !published else {
                    throw DigestError.refused("issue \(number) already exists; --published only brings in new issues "
                        + "(import into other numbers, or without --published into a draft).")
                }
                change = try store.beginChange(of: existing, action: "import", request: request, stages: [.draft],
                                               at: at.rfc3339)
                date = existing.date
            } else {
                guard let found = target.date ?? target.latestDate else {
                    throw DigestError.invalid([ValidationProblem(field: "issue_date", value: nil,
                                                                 reason: "issue \(number) would have no date",
                                                                 fix: "give issue_date on its lines")])
                }
                change = nil
                date = found
            }
        } catch {
            fail(.plan, error)
            return
        }
        var issue: Issue?
        if published {
            do {
                issue = try prepare(&target, number: number, date: date)
            } catch {
                fail(.prepare, error)
                return
            }
        }
        guard failure == nil else { return }
        do {
            try storeTarget(target, number: number, date: date, change: change, issue: issue)
            if bulk {
                unindexed += target.items.count
                if unindexed >= Self.searchBatch { try indexNewStates() }
            }
        } catch {
            fail(.store, error)
        }
    }

    /// The number the last target was given.
    var lastImportedNumber: Int? { lastNumber }

    /// Ends the import: the remaining editions, the search index, and the
    /// first failure if there was one.
    func finish() throws -> ImportSummary {
        // The last states are indexed while the last editions are still rendering.
        if failure == nil, !halted, bulk {
            do {
                try indexNewStates()
            } catch {
                fail(.store, error)
            }
        }
        if failure == nil, !halted {
            do {
                try storeAwaitingEditions(keeping: 0)
            } catch {
                fail(.store, error)
            }
        }
        if let failure { throw failure.error }
        maker?.note(pipeline?.warnings ?? [])
        return ImportSummary(issues: imported, repeats: repeats, repeatCount: repeatCount)
    }

    /// Adds the states stored since the last batch to the search index.
    private func indexNewStates() throws {
        guard unindexed > 0 else { return }
        let through = try store.database.integer("SELECT max(id) FROM item_states") ?? indexedThrough
        try store.database.statement("""
            INSERT INTO item_search(rowid, title, excerpt, source, author)
            SELECT state_id, title, excerpt, source, author FROM search_source WHERE state_id > ? AND state_id <= ?
            """).execute([indexedThrough, through])
        indexedThrough = through
        unindexed = 0
    }

    private func fail(_ stage: Stage, _ error: any Error) {
        if failure == nil || stage < failure!.stage { failure = (stage, error) }
        pipeline?.cancel()
    }

    /// Gives every item of an archive issue its id and returns the issue as
    /// it will be published, so its edition can be rendered while rows are stored.
    private func prepare(_ target: inout ImportTarget, number: Int, date: CivilDate) throws -> Issue {
        let actor = request.actor
        let reviewedAt = at.rfc3339
        var items: [Item] = []
        items.reserveCapacity(target.items.count)
        for offset in target.items.indices {
            let newItem = target.items[offset]
            let rejected = target.rejected.contains(offset)
            if newItem.fields.isIncomplete && !rejected {
                throw DigestError.invalid([ValidationProblem(location: newItem.location, field: "url", value: nil,
                                                             reason: "a published item needs its link",
                                                             fix: "give every line of an archive a url")])
            }
            target.items[offset].id = nextItemID
            items.append(Item(id: nextItemID, issue: number, position: offset + 1, fields: newItem.fields,
                              status: rejected ? .rejected : .approved, note: nil, addedBy: actor, editedBy: nil,
                              reviewedBy: actor, reviewedAt: reviewedAt, origin: nil, stateID: 0,
                              sortKey: SortKey(Double(offset + 1))))
            nextItemID += 1
        }
        return Issue(number: number, date: date, title: target.title, intro: nil, status: .published, version: 1,
                     edition: 1, items: items)
    }

    private func storeTarget(_ target: ImportTarget, number: Int, date: CivilDate, change: IssueChange?,
                             issue: Issue?) throws {
        let count = target.items.count
        var summary = "imported \(count) item\(count == 1 ? "" : "s") from \(origin)"
        if let change {
            let added = try store.insertItems(target.items, into: number, version: change.version, actor: change.actor,
                                              at: change.at, status: .pending, indexed: !bulk, repeats: finder)
            try store.finishChange(change, action: "import", request: request, summary: summary)
            note(added.repeats)
            imported.append(.init(number: number, created: false, items: added.items.count, version: change.version,
                                  edition: nil))
            progress?(added.items.count)
            return
        }
        // Rendering starts before the rows are stored, on other cores.
        let index = issue.flatMap { pipeline?.submit($0) }
        if published { summary += " as published edition 1, imported without review" }
        try store.createIssue(number: number, date: date, title: target.title, intro: nil, request: request,
                              summary: summary, action: "import",
                              status: published ? .published : .draft, edition: published ? 1 : nil)
        let statuses = published ? target.items.indices.map { target.rejected.contains($0) ? ItemStatus.rejected : .approved } : nil
        let added = try store.insertItems(target.items, into: number, version: 1, actor: request.actor, at: at.rfc3339,
                                          status: .pending, reviewedBy: published ? request.actor : nil,
                                          statuses: statuses, issueIsNew: true, indexed: !bulk, repeats: finder)
        note(added.repeats)
        if let index {
            let stored = Issue(number: number, date: date, title: target.title, intro: nil, status: .published,
                               version: 1, edition: 1, items: added.items)
            finder.published(added.items, in: number, date: date)
            awaitingEditions.append((index, stored))
            try storeAwaitingEditions(keeping: editionsAhead)
        }
        imported.append(.init(number: number, created: true, items: added.items.count, version: 1,
                              edition: published ? 1 : nil))
        progress?(added.items.count)
    }

    /// Stores the editions that are rendered, in order, and waits for more
    /// only while over `ahead` are behind.
    private func storeAwaitingEditions(keeping ahead: Int) throws {
        guard let pipeline else { return }
        while let (index, _) = awaitingEditions.first, awaitingEditions.count > ahead || pipeline.isReady(index) {
            let (_, issue) = awaitingEditions.removeFirst()
            let edition = try pipeline.edition(index)
            try store.insertEdition(edition.renders, messageID: edition.messageID, of: issue, number: 1, at: at.rfc3339,
                                    actor: request.actor, reviewed: false)
        }
    }

    /// Keeps the first few links that earlier issues already carried, and counts them all.
    private func note(_ found: [RepeatLink?]) {
        for case let link? in found {
            repeatCount += 1
            if repeats.count < ImportSummary.repeatsKept { repeats.append(link) }
        }
    }
}
