import DigestStorage
import DigestModel
import DigestRendering
/// Publishing: the edition is rendered, stored and the issue frozen in one
/// transaction; files are written only after it commits.
extension DigestStore {
    /// in-review → published, as the next edition. Requires every item
    /// decided, at least one approved, and no approved item incomplete.
    /// `makeMaker` builds the renderer from the settings in force inside the
    /// transaction, so a setting changed a moment before cannot be missed.
    package func publish(_ number: Int, request: ChangeRequest, maker makeMaker: (Settings) throws -> EditionRenderer)
        throws -> (issue: Issue, edition: Edition, maker: EditionRenderer)
    {
        try changeIssue(number, action: "publish", request: request, stages: [.inReview], permission: .publish) { change in
            let maker = try makeMaker(try settings)
            var issue = try self.issue(number)
            let pending = issue.items.filter { $0.status == .pending }
            if !pending.isEmpty {
                throw DigestError.workflow(.pendingItems(issue: number, items: pending.map(\.id)))
            }
            let approved = issue.items.filter { $0.status == .approved }
            guard !approved.isEmpty else {
                throw DigestError.workflow(.nothingApproved(issue: number))
            }
            if let incomplete = approved.first(where: { $0.fields.isIncomplete }) {
                throw DigestError.workflow(.approvedWithoutLink(issue: number, item: incomplete.id))
            }
            try checkReviewBeforePublishing(change.before, approved: approved)
            try checkLinksBeforePublishing(approved, issue: number)
            let editionNumber = (try database.integer("SELECT max(edition) FROM editions WHERE issue = ?", [number]) ?? 0) + 1
            issue.version = change.version
            issue.status = .published
            issue.edition = editionNumber
            if editionNumber > 1 {
                // A correction says why: the reason given when the issue was reopened.
                issue.correction = try database.statement("""
                    SELECT message FROM revisions WHERE issue = ? AND action = 'reopen' ORDER BY version DESC LIMIT 1
                    """).row([number]) { $0.optionalString(0) } ?? nil
            }
            let edition = try storeEdition(maker, of: issue, number: editionNumber, at: change.at, actor: change.actor)
            try replaceIssueState(change.before, version: change.version, status: .published, edition: .some(editionNumber))
            var summary = "published edition \(editionNumber) with \(approved.count) item\(approved.count == 1 ? "" : "s")"
            if try !settings.fourEyes {
                summary += "; four-eyes review was off (review.four-eyes), so nobody checked that its approvals "
                    + "came from someone other than who wrote them"
            }
            return ((issue, edition, maker), summary)
        }
    }

    /// The issue's own fields must be approved; with four-eyes on, every
    /// approval must come from someone other than who wrote what it approves
    /// (approvals kept through a reopen may date from a time it was off).
    private func checkReviewBeforePublishing(_ issue: Issue, approved: [Item]) throws {
        let number = issue.number
        let fieldsBy = issue.fieldsBy ?? "?"
        guard let approver = issue.approvedBy else {
            throw DigestError.workflow(.issueTextNotApproved(issue: number, changedBy: fieldsBy))
        }
        guard try settings.fourEyes else { return }
        var breaches: [SelfApproval] = []
        for item in approved {
            guard let reviewer = item.reviewedBy, try contributors(of: item).contains(reviewer) else { continue }
            breaches.append(SelfApproval(item: item.id, approver: reviewer))
        }
        if approver == fieldsBy { breaches.append(SelfApproval(item: nil, approver: approver)) }
        guard !breaches.isEmpty else { return }
        throw DigestError.workflow(.selfApproved(issue: number, approvals: breaches))
    }

    /// Renders and stores an edition of `issue` at the issue's version.
    @discardableResult
    func storeEdition(_ maker: EditionRenderer, of issue: Issue, number edition: Int, at: String, actor: String) throws -> Edition {
        let (renders, messageID) = try maker.make(issue, edition: edition, at: now)
        return try storeEdition(renders, messageID: messageID, of: issue, number: edition, at: at, actor: actor)
    }

    /// Stores renders made beforehand, the email whole, as an edition of
    /// `issue` at the issue's version.
    @discardableResult
    func storeEdition(_ renders: RenderedEdition, messageID: String, of issue: Issue, number edition: Int, at: String,
                      actor: String, reviewed: Bool = true) throws -> Edition {
        precondition(renders.emailLayout == nil, "an edition stored for publishing has its email whole")
        try insertEdition(renders, messageID: messageID, of: issue, number: edition, at: at, actor: actor,
                          reviewed: reviewed)
        return Edition(issue: issue.number, edition: edition, version: issue.version, publishedAt: at, publishedBy: actor,
                       messageID: messageID, markdown: renders.markdown, html: renders.html, text: renders.text,
                       email: renders.email)
    }

    /// Writes the row of an edition; its email whole (cut down to the
    /// stored form here) or already in the stored form.
    func insertEdition(_ renders: RenderedEdition, messageID: String, of issue: Issue, number edition: Int, at: String,
                       actor: String, reviewed: Bool) throws {
        let email = renders.emailLayout.map { (stored: renders.email, layout: Optional($0)) }
            ?? StoredEmail.compact(renders.email, text: renders.text, html: renders.html, encodedParts: renders.emailParts)
        try database.statement("""
            INSERT INTO editions(issue, edition, version, published_at, published_by, message_id, markdown, html, text,
              email, email_layout, reviewed)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """).execute([issue.number, edition, issue.version, at, actor, messageID,
                          renders.markdown, renders.html, renders.text, email.stored, email.layout, reviewed ? 1 : 0])
    }

    /// The stored edition published at `version` of the issue, or the latest
    /// edition when `version` is nil.
    package func edition(of number: Int, atVersion version: Int?) throws -> Edition? {
        let sql = version == nil
            ? "SELECT \(Self.editionColumns) FROM editions WHERE issue = ? ORDER BY edition DESC LIMIT 1"
            : "SELECT \(Self.editionColumns) FROM editions WHERE issue = ? AND version = ?"
        let values: [DatabaseValueConvertible] = version.map { [number, $0] } ?? [number]
        return try database.statement(sql).row(values, Self.edition(from:))
    }

    /// One format of the edition `edition(of:atVersion:)` finds, read alone:
    /// the stored text of Markdown, HTML or plain text without the others,
    /// and the email made whole from its stored form. `html` is the
    /// edition's HTML when the format carries it (html, email).
    package func storedRender(of number: Int, atVersion version: Int?, format: RenderFormat)
        throws -> (edition: Int, version: Int, output: String, html: String?)?
    {
        if format == .email {
            return try edition(of: number, atVersion: version).map { ($0.edition, $0.version, $0.email, $0.html) }
        }
        let column = switch format {
        case .markdown: "markdown"
        case .html: "html"
        case .text, .email: "text"
        }
        let sql = version == nil
            ? "SELECT edition, version, \(column) FROM editions WHERE issue = ? ORDER BY edition DESC LIMIT 1"
            : "SELECT edition, version, \(column) FROM editions WHERE issue = ? AND version = ?"
        let values: [DatabaseValueConvertible] = version.map { [number, $0] } ?? [number]
        return try database.statement(sql).row(values) { row in
            (row.int(0), row.int(1), row.string(2), format == .html ? row.string(2) : nil)
        }
    }

    /// Every edition of an issue, oldest first.
    package func editions(of number: Int) throws -> [Edition] {
        try database.statement("SELECT \(Self.editionColumns) FROM editions WHERE issue = ? ORDER BY edition")
            .rows([number], Self.edition(from:))
    }

    static let editionColumns = """
        issue, edition, version, published_at, published_by, message_id, markdown, html, text, email, email_layout
        """

    static func edition(from row: Row) throws -> Edition {
        let html = row.string(7), text = row.string(8)
        guard let email = StoredEmail.expand(row.string(9), layout: row.optionalString(10), text: text, html: html) else {
            throw DigestError.incompatibleDatabase("edition \(row.int(1)) of issue \(row.int(0)) has an email layout "
                + "this digest cannot read ('\(row.optionalString(10) ?? "")'); run 'digest doctor', or restore a backup.")
        }
        return Edition(issue: row.int(0), edition: row.int(1), version: row.int(2), publishedAt: row.string(3),
                       publishedBy: row.string(4), messageID: row.string(5), markdown: row.string(6), html: html,
                       text: text, email: email)
    }

    /// With `publish.require-links-ok` on, refuses while any approved link is
    /// broken or unchecked.
    func checkLinksBeforePublishing(_ items: [Item], issue: Int) throws {
        guard try settings.requireLinksOK else { return }
        let (broken, unchecked) = try linkProblems(items)
        guard broken.isEmpty && unchecked.isEmpty else {
            throw DigestError.workflow(.linksNotOK(issue: issue, broken: broken.map(\.id), unchecked: unchecked.map(\.id)))
        }
    }
}

extension Edition {
    package func output(for format: RenderFormat) -> String {
        switch format {
        case .markdown: return markdown
        case .html: return html
        case .text: return text
        case .email: return email
        }
    }
}

extension DigestStore {
    /// Each issue's latest edition number, by issue number: a list to walk
    /// one edition at a time, so an export of a large archive keeps only one
    /// edition's bytes in memory.
    /// Every published issue's latest edition, and when its first edition went out.
    package func latestEditionNumbers() throws -> [(issue: Int, edition: Int, firstPublishedAt: String)] {
        try database.statement("""
            SELECT e.issue, max(e.edition),
                   (SELECT f.published_at FROM editions f WHERE f.issue = e.issue ORDER BY f.edition LIMIT 1)
            FROM editions e GROUP BY e.issue ORDER BY e.issue
            """).rows { ($0.int(0), $0.int(1), $0.string(2)) }
    }

    package func edition(of number: Int, edition: Int) throws -> Edition? {
        try database.statement("SELECT \(Self.editionColumns) FROM editions WHERE issue = ? AND edition = ?")
            .row([number, edition], Self.edition(from:))
    }
}
