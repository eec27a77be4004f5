/// Bringing items in from JSON Lines and digest pages.
extension DigestStore {
    /// Above this many items an import loads without touching the search
    /// index row by row and rebuilds it once at the end: several times faster.
    static let bulkThreshold = 1000

    /// One target of an import, with its issue number settled.
    private struct ImportPlan {
        var target: ImportTarget
        let number: Int
        /// An import into an existing draft is a change of it, checked as every change is.
        let change: IssueChange?
        let date: CivilDate
    }

    /// Imports each target as one revision of its issue: into an existing
    /// draft, or a new issue created with its number (a new draft after the
    /// highest number when it has none). With `published`, new issues come in
    /// as published editions of an archive. All targets or none. `progress`
    /// hears how many more items are stored, as they are.
    package func importItems(_ targets: [ImportTarget], published: Bool, origin: String,
                             request: ChangeRequest, edition maker: EditionMaker? = nil,
                             progress: ((Int) -> Void)? = nil) throws -> ImportSummary {
        let total = targets.reduce(0) { $0 + $1.items.count }
        let bulk = total > Self.bulkThreshold
        return try (bulk ? bulkLoad : { try $0() }) { try write {
            let at = now
            var plans = try plan(targets, published: published, request: request, at: at.rfc3339)
            try authorize(request, to: published ? .importPublished : .importDrafts)
            let finder = try RepeatFinder(store: self, bulk: bulk)
            var pipeline: EditionPipeline?
            if published {
                guard let maker else { throw DigestError.internalError("an archive import needs a renderer for its editions.") }
                pipeline = EditionPipeline(issues: try preparePublished(&plans, actor: request.actor, at: at.rfc3339),
                                           templates: maker.templates, publication: maker.publication, at: at)
            }
            defer { pipeline?.cancel() }
            var imported: [ImportSummary.ImportedIssue] = []
            var repeats: [RepeatLink] = []
            for (index, plan) in plans.enumerated() {
                let target = plan.target
                var summary = "imported \(target.items.count) item\(target.items.count == 1 ? "" : "s") from \(origin)"
                if let change = plan.change {
                    let added = try insertItems(target.items, into: plan.number, version: change.version,
                                                actor: change.actor, at: change.at, status: .pending, indexed: !bulk,
                                                repeats: finder)
                    try finishChange(change, action: "import", request: request, summary: summary)
                    repeats += added.repeats.compactMap { $0 }
                    imported.append(.init(number: plan.number, created: false, items: added.items.count,
                                          version: change.version, edition: nil))
                    progress?(added.items.count)
                    continue
                }
                if published { summary += " as published edition 1, imported without review" }
                try createIssue(number: plan.number, date: plan.date, title: target.title, intro: nil, request: request,
                                summary: summary, action: "import",
                                status: published ? .published : .draft, edition: published ? 1 : nil)
                let statuses = published ? target.items.indices.map { target.rejected.contains($0) ? ItemStatus.rejected : .approved } : nil
                let added = try insertItems(target.items, into: plan.number, version: 1, actor: request.actor, at: at.rfc3339,
                                            status: .pending, reviewedBy: published ? request.actor : nil,
                                            statuses: statuses, issueIsNew: true, indexed: !bulk, repeats: finder)
                repeats += added.repeats.compactMap { $0 }
                if let pipeline {
                    let (renders, messageID) = try pipeline.edition(index)
                    let issue = Issue(number: plan.number, date: plan.date, title: target.title, intro: nil,
                                      status: .published, version: 1, edition: 1, items: added.items)
                    try storeEdition(renders, messageID: messageID, of: issue, number: 1, at: at.rfc3339, actor: request.actor,
                                     reviewed: false)
                    finder.published(added.items, in: plan.number, date: plan.date)
                }
                imported.append(.init(number: plan.number, created: true, items: added.items.count, version: 1,
                                      edition: published ? 1 : nil))
                progress?(added.items.count)
            }
            if bulk {
                try database.execute("INSERT INTO item_search(item_search) VALUES ('rebuild')")
            }
            maker?.note(pipeline?.warnings ?? [])
            return ImportSummary(issues: imported, repeats: repeats)
        } }
    }

    /// Settles each target's issue number (numbered targets in order, then
    /// new drafts after the highest number) and checks it may be imported
    /// into: an existing issue by the checks of every change (`beginChange`).
    private func plan(_ targets: [ImportTarget], published: Bool, request: ChangeRequest,
                      at: String) throws -> [ImportPlan] {
        let ordered = targets.sorted { ($0.number ?? Int.max) < ($1.number ?? Int.max) }
        var next = max(try database.integer("SELECT max(number) FROM issues") ?? 0,
                       targets.compactMap(\.number).max() ?? 0) + 1
        var plans: [ImportPlan] = []
        for target in ordered {
            let number: Int
            if let given = target.number {
                number = given
            } else {
                number = next
                next += 1
            }
            if let existing = try issueHead(number) {
                guard !published else {
                    throw DigestError.refused("issue \(number) already exists; --published only brings in new issues "
                        + "(import into other numbers, or without --published into a draft).")
                }
                let change = try beginChange(of: existing, action: "import", request: request, stages: [.draft], at: at)
                plans.append(ImportPlan(target: target, number: number, change: change, date: existing.date))
                continue
            }
            guard let date = target.date ?? target.latestDate else {
                throw DigestError.invalid([ValidationProblem(field: "issue_date", value: nil,
                                                             reason: "issue \(number) would have no date",
                                                             fix: "give issue_date on its lines")])
            }
            plans.append(ImportPlan(target: target, number: number, change: nil, date: date))
        }
        return plans
    }

    /// Gives every item of an archive its id in advance and returns the
    /// issues as they will be published, so their editions can be rendered
    /// while the rows are stored.
    private func preparePublished(_ plans: inout [ImportPlan], actor: String, at: String) throws -> [Issue] {
        var nextID = (try database.integer("SELECT max(id) FROM items") ?? 0) + 1
        var issues: [Issue] = []
        for index in plans.indices {
            var items: [Item] = []
            for offset in plans[index].target.items.indices {
                let newItem = plans[index].target.items[offset]
                let rejected = plans[index].target.rejected.contains(offset)
                if newItem.fields.isIncomplete && !rejected {
                    throw DigestError.invalid([ValidationProblem(location: newItem.location, field: "url", value: nil,
                                                                 reason: "a published item needs its link",
                                                                 fix: "give every line of an archive a url")])
                }
                plans[index].target.items[offset].id = nextID
                items.append(Item(id: nextID, issue: plans[index].number, position: offset + 1, fields: newItem.fields,
                                  status: rejected ? .rejected : .approved, note: nil, addedBy: actor, editedBy: nil,
                                  reviewedBy: actor, reviewedAt: at, origin: nil, stateID: 0, sortKey: SortKey(Double(offset + 1))))
                nextID += 1
            }
            issues.append(Issue(number: plans[index].number, date: plans[index].date, title: plans[index].target.title,
                                intro: nil, status: .published, version: 1, edition: 1, items: items))
        }
        return issues
    }
}
