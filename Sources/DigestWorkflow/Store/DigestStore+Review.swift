import DigestStorage
import DigestModel
import DigestRendering
/// The review stage: submitting, deciding, deferring, reopening.
extension DigestStore {
    /// draft → in-review. The item set is closed from then on.
    package func submit(_ number: Int, request: ChangeRequest) throws -> Issue {
        try changeIssue(number, action: "submit", request: request, stages: [.draft], permission: .submit) { change in
            let items = try self.items(of: number)
            guard !items.isEmpty else {
                throw DigestError.workflow(.noItems(issue: number))
            }
            try replaceIssueState(change.before, version: change.version, status: .inReview)
            var issue = change.before
            issue.status = .inReview
            issue.version = change.version
            issue.items = items
            let pending = items.filter { $0.status == .pending }.count
            return (issue, "submitted for review with \(items.count) items (\(pending) pending)")
        }
    }

    /// Records approvals, rejections, deferrals and the approval of the
    /// issue's own fields as one revision.
    ///
    /// Four-eyes review (on by default): nobody approves an item they added or
    /// edited at any point in its life, nor issue fields they last changed.
    /// When the command leaves nothing pending and the reviewer may approve the
    /// issue's fields, that approval is included.
    package func review(_ number: Int, decisions: ReviewDecisions, request: ChangeRequest) throws -> ReviewOutcome {
        try changeIssue(number, action: "review", request: request, stages: [.inReview], permission: .review) { change in
            let current = try self.items(of: number)
            func find(_ id: Int) throws -> Item {
                if let item = current.first(where: { $0.id == id }) { return item }
                return try currentItem(id, of: number)
            }
            let approving = try decisions.approve.map(find)
            let rejecting = try decisions.reject.map(find)
            let deferring = try decisions.deferred.map(find)
            if let incomplete = approving.first(where: { $0.fields.isIncomplete }) {
                throw DigestError.workflow(.incompleteItem(issue: number, item: incomplete.id, hasLink: incomplete.fields.url != nil,
                                                           missing: incomplete.fields.missingFields))
            }
            let fourEyes = try settings.fourEyes
            if fourEyes {
                for item in approving {
                    let people = try contributors(of: item)
                    if people.contains(change.actor) {
                        throw DigestError.notPermitted(try fourEyesRefusal(item: item, actor: change.actor, contributors: people))
                    }
                }
            }
            let issueFieldsBy = change.before.fieldsBy ?? change.actor
            if decisions.approveIssue, fourEyes, issueFieldsBy == change.actor {
                throw DigestError.notPermitted(try issueFourEyesRefusal(number, actor: change.actor))
            }
            var approved: [Item] = [], rejected: [Item] = []
            var changedIDs: [String] = []
            for (items, status) in [(approving, ItemStatus.approved), (rejecting, .rejected)] {
                for item in items {
                    let note = decisions.notes[item.id]
                    var decided = item
                    decided.status = status
                    decided.note = note
                    decided.reviewedBy = change.actor
                    decided.reviewedAt = change.at
                    if item.status != status || item.note != note || item.reviewedBy != change.actor {
                        try replaceState(of: item, version: change.version, status: status,
                                         note: .some(note), reviewedBy: .some(change.actor),
                                         reviewedAt: .some(change.at))
                        changedIDs.append(String(item.id))
                    }
                    if status == .approved { approved.append(decided) } else { rejected.append(decided) }
                }
            }
            for item in deferring {
                try closeState(of: item, version: change.version)
                try database.statement("""
                    INSERT INTO backlog(item, state, from_issue, deferred_at, deferred_by) VALUES (?, ?, ?, ?, ?)
                    ON CONFLICT(item) DO UPDATE SET state = excluded.state, from_issue = excluded.from_issue,
                      deferred_at = excluded.deferred_at, deferred_by = excluded.deferred_by, taken_into = NULL,
                      dismissed_at = NULL, dismissed_by = NULL, dismiss_note = NULL
                    """).execute([item.id, item.stateID, number, change.at, change.actor])
            }
            let deferredIDs = Set(deferring.map(\.id))
            let pending = current.filter { item in
                !deferredIDs.contains(item.id) && !approving.contains { $0.id == item.id }
                    && !rejecting.contains { $0.id == item.id } && item.status == .pending
            }.count
            // The issue's own fields: asked for, or included when nothing is left pending.
            let mayApproveIssue = !fourEyes || issueFieldsBy != change.actor
            let includeIssue = !decisions.approveIssue && change.before.approvedBy == nil && pending == 0
                && mayApproveIssue && (!changedIDs.isEmpty || !deferring.isEmpty)
            let approval: IssueApproval
            var approvesIssue = false
            if decisions.approveIssue || includeIssue {
                approvesIssue = change.before.approvedBy != change.actor
                if approvesIssue {
                    try replaceIssueState(change.before, version: change.version, approvedBy: .some(change.actor),
                                          approvedAt: .some(change.at))
                }
                approval = .approvedNow(by: change.actor, included: includeIssue)
            } else if let approver = change.before.approvedBy {
                approval = .approved(by: approver)
            } else {
                approval = .waiting(changedBy: issueFieldsBy,
                                    mayApprove: try settings.people(allowedTo: .review).filter { !fourEyes || $0 != issueFieldsBy })
            }
            let approvedInIssue = current.filter { item in
                !deferredIDs.contains(item.id) && !rejecting.contains { $0.id == item.id }
                    && (item.status == .approved || approving.contains { $0.id == item.id })
            }.count
            let outcome = ReviewOutcome(issueVersion: change.version, approved: approved, rejected: rejected,
                                        deferred: deferring, stillPending: pending, approvedInIssue: approvedInIssue,
                                        issueApproval: approval)
            guard !changedIDs.isEmpty || !deferring.isEmpty || approvesIssue else {
                return (ReviewOutcome(issueVersion: change.before.version, approved: approved, rejected: rejected,
                                      deferred: deferring, stillPending: pending, approvedInIssue: approvedInIssue,
                                      issueApproval: approval), nil)
            }
            var parts: [String] = []
            let list = { (items: [Item]) in items.map { String($0.id) }.joined(separator: ", ") }
            if !approved.isEmpty { parts.append("approved \(list(approved))") }
            if !rejected.isEmpty { parts.append("rejected \(list(rejected))") }
            if !deferring.isEmpty { parts.append("deferred \(list(deferring)) to the backlog") }
            if approvesIssue { parts.append("approved the issue's own text (date, title, intro)") }
            var summary = parts.joined(separator: "; ")
            let noted = (approved + rejected).filter { decisions.notes[$0.id] != nil }
            if !noted.isEmpty {
                summary += " (" + noted.map { "note on \($0.id): \(decisions.notes[$0.id] ?? "")" }.joined(separator: "; ") + ")"
            }
            if !fourEyes { summary += "; four-eyes review was off" }
            return (outcome, summary)
        }
    }

    /// Everyone who added or edited the item at any point in its life, also
    /// as the item it was brought in from the backlog as.
    package func contributors(of item: Item) throws -> Set<String> {
        let names = try database.statement("""
            WITH RECURSIVE lineage(id) AS (
              SELECT ?1 UNION SELECT i.origin FROM items i JOIN lineage l ON i.id = l.id WHERE i.origin IS NOT NULL)
            SELECT added_by FROM items WHERE id IN lineage
            UNION SELECT added_by FROM item_states WHERE item IN lineage
            UNION SELECT edited_by FROM item_states WHERE item IN lineage AND edited_by IS NOT NULL
            """).rows([item.id]) { $0.string(0) }
        return Set(names).union([item.addedBy] + (item.editedBy.map { [$0] } ?? []))
    }

    /// A decision that an edit withdrew: the item was approved or rejected,
    /// then changed, so it waits for review again.
    package struct WithdrawnDecision: Equatable, Sendable {
        package var item: Int
        package var decision: ItemStatus
        package var decidedBy: String?
        package var editedBy: String
    }

    /// For each pending item of `issue` that was decided before: its last
    /// decision and who edited it after (status says "item 12 edited by mira
    /// after approval"; the reviewer then knows why it is back).
    package func withdrawnDecisions(in issue: Int) throws -> [Int: WithdrawnDecision] {
        let rows = try database.statement("""
            SELECT now.item, decided.status, decided.reviewed_by, after.edited_by
            FROM item_states now
            JOIN item_states decided ON decided.id = (
              SELECT id FROM item_states WHERE item = now.item AND status != 'pending' AND valid_to IS NOT NULL
              ORDER BY valid_to DESC, id DESC LIMIT 1)
            JOIN item_states after ON after.item = now.item AND after.valid_from = decided.valid_to
            WHERE now.issue = ?1 AND now.valid_to IS NULL AND now.status = 'pending' AND after.edited_by IS NOT NULL
            """).rows([issue]) { row in
                WithdrawnDecision(item: row.int(0), decision: ItemStatus(rawValue: row.string(1)) ?? .approved,
                                  decidedBy: row.optionalString(2), editedBy: row.string(3))
            }
        return Dictionary(rows.map { ($0.item, $0) }, uniquingKeysWith: { first, _ in first })
    }

    private func fourEyesRefusal(item: Item, actor: String, contributors: Set<String>) throws -> String {
        let verb = item.addedBy == actor ? "added" : "edited"
        let reviewers = try settings.people(allowedTo: .review).filter { !contributors.contains($0) }
        let who = reviewers.isEmpty
            ? "anyone who neither added nor edited it may (\(contributors.sorted().joined(separator: ", ")) may not)"
            : "\(reviewers.joined(separator: " or ")) may"
        return "\(actor) \(verb) item \(item.id), and four-eyes review is on: someone else must approve it; "
            + "\(who). Rejecting and deferring stay open to you."
    }

    private func issueFourEyesRefusal(_ number: Int, actor: String) throws -> String {
        let reviewers = try settings.people(allowedTo: .review).filter { $0 != actor }
        let who = reviewers.isEmpty ? "anyone else may" : "\(reviewers.joined(separator: " or ")) may"
        return "\(actor) last changed issue \(number)'s own text (date, title, intro), and four-eyes review is on: "
            + "someone else must approve it; \(who)."
    }

    /// in-review or published → draft, for corrections. Review decisions are kept.
    package func reopen(_ number: Int, reason: String, request: ChangeRequest) throws -> Issue {
        var request = request
        request.message = reason
        return try changeIssue(number, action: "reopen", request: request, stages: [.inReview, .published],
                               permission: .reopen) { change in
            try replaceIssueState(change.before, version: change.version, status: .draft)
            var issue = change.before
            issue.status = .draft
            issue.version = change.version
            return (issue, "reopened from \(change.before.status.rawValue) for corrections")
        }
    }

    /// The deferred items no issue has taken yet, oldest first.
    package func backlog() throws -> [BacklogEntry] {
        try database.statement("""
            SELECT \(Self.itemColumns), b.from_issue, b.deferred_at, b.deferred_by
            FROM backlog b JOIN item_states s ON s.id = b.state JOIN items i ON i.id = b.item
            WHERE b.taken_into IS NULL AND b.dismissed_at IS NULL ORDER BY b.deferred_at, b.item
            """).rows { row in
            BacklogEntry(item: try Self.item(from: row, position: 0), fromIssue: row.int(21),
                         deferredAt: row.string(22), deferredBy: row.string(23))
        }
    }

    /// Brings backlog entries into a draft issue: deferred items as new items
    /// that point back at the originals (`origin`), so their history can be
    /// followed; candidates (feeds, nominations, fetches) as items with their
    /// own ids. `overrides` (one entry only) supplies or replaces fields.
    package func addFromBacklog(_ ids: [Int], to number: Int, request: ChangeRequest,
                                overrides: [String: String] = [:]) throws -> AddedItems {
        try changeIssue(number, action: "add-item", request: request, stages: [.draft], permission: .addItem) { change in
            let waiting = try backlog()
            var newItems: [NewItem] = []
            var described: [String] = []
            for id in ids {
                if let entry = waiting.first(where: { $0.item.id == id }) {
                    var fields = entry.item.fields
                    if !overrides.isEmpty {
                        fields = try ItemValidator(excerptLimit: try settings.excerptLimit)
                            .edited(fields, changes: overrides, location: "backlog item \(id)")
                    }
                    var newItem = NewItem(fields: fields, location: "backlog item \(id)")
                    newItem.addedBy = entry.item.addedBy
                    newItem.editedBy = overrides.isEmpty ? entry.item.editedBy : change.actor
                    newItem.origin = id
                    newItems.append(newItem)
                } else if let newItem = try candidateItem(id, overrides: overrides) {
                    newItems.append(newItem)
                } else {
                    throw DigestError.notFound("\(id) is not in the backlog; 'digest backlog' lists what is.")
                }
            }
            let added = try insertItems(newItems, into: number, version: change.version, actor: change.actor,
                                        at: change.at, status: .pending)
            for (id, item) in zip(ids, added.items) {
                if item.origin == id {
                    try database.statement("UPDATE backlog SET taken_into = ? WHERE item = ?").execute([item.id, id])
                    described.append("\(id) as item \(item.id)")
                } else {
                    try markTaken(candidate: id, by: item.id)
                    described.append("\(id)")
                }
            }
            return (added, "brought in from the backlog: \(described.joined(separator: ", "))")
        }
    }
}
