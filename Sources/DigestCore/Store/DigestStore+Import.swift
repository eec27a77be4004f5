/// Bringing items in from JSON Lines and digest pages.
extension DigestStore {
    /// Above this many items an import loads without touching the search
    /// index row by row and rebuilds it once at the end: several times faster.
    static let bulkThreshold = 1000

    /// Imports each target as one revision of its issue: into an existing
    /// draft, or a new issue created with its number (a new draft after the
    /// highest number when it has none). With `published`, new issues come in
    /// as published editions of an archive. All targets or none.
    package func importItems(_ targets: [ImportTarget], published: Bool, origin: String,
                             request: ChangeRequest, edition: EditionMaker? = nil) throws -> ImportSummary {
        let total = targets.reduce(0) { $0 + $1.items.count }
        let bulk = total > Self.bulkThreshold
        return try write {
            try authorize(request.actor, as: .editor, to: "import")
            let finder = try RepeatFinder(store: self, bulk: bulk)
            var imported: [ImportSummary.ImportedIssue] = []
            var repeats: [RepeatLink] = []
            for target in targets.sorted(by: { ($0.number ?? Int.max) < ($1.number ?? Int.max) }) {
                let number: Int
                if let given = target.number {
                    number = given
                } else {
                    number = (try database.integer("SELECT max(number) FROM issues") ?? 0) + 1
                }
                let summary = "imported \(target.items.count) item\(target.items.count == 1 ? "" : "s") from \(origin)"
                if let existing = try issueHead(number) {
                    guard !published else {
                        throw DigestError.refused("issue \(number) already exists; --published only brings in new issues "
                            + "(import into other numbers, or without --published into a draft).")
                    }
                    guard existing.status == .draft else {
                        throw DigestError.refused("the import aims at issue \(number), which is \(existing.status.rawValue); "
                            + "items can only be imported into a draft. Reopen it first, or import into another issue.")
                    }
                    if let expected = request.expectedVersion, expected != existing.version {
                        throw DigestError.refused("issue \(number) is at version \(existing.version), not \(expected).")
                    }
                    let version = existing.version + 1
                    let at = now.rfc3339
                    let added = try insertItems(target.items, into: number, version: version, actor: request.actor, at: at,
                                                status: .pending, indexed: !bulk, repeats: finder)
                    try recordRevision(issue: number, version: version, at: at, actor: request.actor, action: "import",
                                       summary: summary, message: request.message)
                    repeats += added.repeats.compactMap { $0 }
                    imported.append(.init(number: number, created: false, items: added.items.count, version: version, edition: nil))
                    continue
                }
                guard let date = target.date ?? target.latestDate else {
                    throw DigestError.invalid([ValidationProblem(field: "issue_date", value: nil,
                                                                 reason: "issue \(number) would have no date",
                                                                 fix: "give issue_date on its lines")])
                }
                let at = now.rfc3339
                try createIssue(number: number, date: date, title: target.title, intro: nil, actor: request.actor,
                                summary: summary, message: request.message, action: "import",
                                status: published ? .published : .draft, edition: published ? 1 : nil)
                let statuses = published ? target.items.indices.map { target.rejected.contains($0) ? ItemStatus.rejected : .approved } : nil
                let added = try insertItems(target.items, into: number, version: 1, actor: request.actor, at: at,
                                            status: .pending, reviewedBy: published ? request.actor : nil,
                                            statuses: statuses, issueIsNew: true, indexed: !bulk, repeats: finder)
                repeats += added.repeats.compactMap { $0 }
                if published {
                    guard let edition else {
                        throw DigestError.internalError("an archive import needs a renderer for its editions.")
                    }
                    if let incomplete = added.items.first(where: { $0.fields.isIncomplete && $0.status == .approved }) {
                        throw DigestError.invalid([ValidationProblem(location: incomplete.fields.title, field: "url", value: nil,
                                                                     reason: "a published item needs its link",
                                                                     fix: "give every line of an archive a url")])
                    }
                    let issue = Issue(number: number, date: date, title: target.title, intro: nil, status: .published,
                                      version: 1, edition: 1, items: added.items)
                    try storeEdition(edition, of: issue, number: 1, at: at, actor: request.actor)
                    finder.published(added.items, in: number, date: date)
                }
                imported.append(.init(number: number, created: true, items: added.items.count, version: 1,
                                      edition: published ? 1 : nil))
            }
            if bulk {
                try database.execute("INSERT INTO item_search(item_search) VALUES ('rebuild')")
            }
            return ImportSummary(issues: imported, repeats: repeats)
        }
    }
}
