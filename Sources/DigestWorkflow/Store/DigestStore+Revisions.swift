import DigestStorage
import DigestModel
import DigestRendering
/// The one path every change to an issue takes: lock, check, apply, record.
extension DigestStore {
    /// Runs `body` as one revision of issue `number`.
    ///
    /// In one IMMEDIATE transaction: reads the issue, checks `--expect-version`,
    /// the stage (before permissions, so a wrong stage is exit 1 even for
    /// someone who could not act anyway), then the roster; runs `body`, which
    /// closes and opens states at the new version and returns its result and a
    /// one-sentence summary; writes the revision and the new version. Any
    /// error rolls everything back. A body that finds nothing to change
    /// writes nothing and returns a nil summary: no revision is recorded.
    package func changeIssue<Result>(
        _ number: Int,
        action: String,
        request: ChangeRequest,
        stages: Set<IssueStatus>,
        permission: Permission,
        _ body: (IssueChange) throws -> (result: Result, summary: String?)
    ) throws -> Result {
        try write {
            guard let before = try issueHead(number) else { throw DigestError.notFound(Self.noSuchIssue(number)) }
            let change = try beginChange(of: before, action: action, request: request, stages: stages)
            try authorize(request, to: permission)
            let (result, summary) = try body(change)
            guard let summary else { return result }
            try finishChange(change, action: action, request: request, summary: summary)
            return result
        }
    }

    /// The checks a change to an existing issue passes before it touches
    /// anything: `--expect-version`, then the stage. The roster comes after
    /// (`authorize`), so a wrong stage is exit 1 even for someone who could
    /// not act anyway. Runs inside the write transaction.
    func beginChange(of before: Issue, action: String, request: ChangeRequest, stages: Set<IssueStatus>,
                     at: String? = nil) throws -> IssueChange {
        let number = before.number
        if let expected = request.expectedVersion, expected != before.version {
            throw DigestError.refused("issue \(number) is at version \(before.version), not \(expected): "
                + "it changed since you looked. See 'digest history \(number)', then retry with "
                + "--expect-version \(before.version) if the change still makes sense.")
        }
        guard stages.contains(before.status) else {
            throw DigestError.refused(Self.stageRefusal(action: action, issue: before))
        }
        return IssueChange(before: before, version: before.version + 1, actor: request.actor, at: at ?? now.rfc3339)
    }

    /// Closes a change begun with `beginChange`: its revision, and the issue at the new version.
    func finishChange(_ change: IssueChange, action: String, request: ChangeRequest, summary: String) throws {
        try recordRevision(issue: change.before.number, version: change.version, at: change.at, request: request,
                           action: action, summary: summary)
    }

    /// Appends revision `version` and moves the issue to it.
    func recordRevision(issue: Int, version: Int, at: String, request: ChangeRequest, action: String,
                        summary: String) throws {
        try database.statement("""
            INSERT INTO revisions(issue, version, at, actor, action, summary, message, identity)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """).execute([issue, version, at, request.actor, action, summary, request.message, request.identity.rawValue])
        try database.statement("UPDATE issues SET version = ? WHERE number = ?").execute([version, issue])
    }

    /// Runs `body` in an IMMEDIATE transaction, with storage failures turned
    /// into what they mean for the user.
    package func write<T>(_ body: () throws -> T) throws -> T {
        do {
            return try database.transaction(immediate: true) {
                // Settings read before the lock was taken may be stale.
                reloadSettings()
                return try body()
            }
        } catch let error as DatabaseError {
            throw DigestError(error, path: path)
        }
    }

    /// Runs `body` in a read transaction: one consistent snapshot for several
    /// queries. Inside a transaction already, it runs in that one.
    package func read<T>(_ body: () throws -> T) throws -> T {
        if database.isInTransaction { return try body() }
        do {
            return try database.transaction(immediate: false, body)
        } catch let error as DatabaseError {
            throw DigestError(error, path: path)
        }
    }

    /// Why an action cannot happen at the issue's stage, and what to do.
    package static func stageRefusal(action: String, issue: Issue) -> String {
        let number = issue.number
        switch issue.status {
        case .published:
            let edition = issue.edition.map { " (edition \($0))" } ?? ""
            return "issue \(number) is published\(edition) and frozen; to correct it, run "
                + "'digest reopen \(number) --reason TEXT' first."
        case .inReview:
            switch action {
            case "add-item", "remove-item", "import":
                return "issue \(number) is in review, so its set of items is closed (edits, moves and defers are "
                    + "still allowed); to add or remove items, run 'digest reopen \(number) --reason TEXT' first."
            case "submit":
                return "issue \(number) is already in review; record decisions with 'digest review \(number)'."
            default:
                return "issue \(number) is in review; '\(action)' is not possible at this stage."
            }
        case .draft:
            switch action {
            case "review":
                return "issue \(number) is a draft; submit it for review first with 'digest submit \(number)'."
            case "publish":
                return "issue \(number) is a draft; submit it with 'digest submit \(number)' and have its items "
                    + "reviewed before publishing."
            case "reopen":
                return "issue \(number) is already a draft."
            default:
                return "issue \(number) is a draft; '\(action)' is not possible at this stage."
            }
        }
    }

    /// The roster check: once anyone is listed, only listed people change
    /// things, within their role. Runs inside the write lock, so it also
    /// catches an `identity` switch made while the command was starting.
    package func authorize(_ request: ChangeRequest, to permission: Permission) throws {
        try checkIdentity(request)
        let actor = request.actor
        let current = try settings
        let roster = current.roster
        guard !roster.isEmpty else { return }
        guard let roles = roster[actor] else {
            throw DigestError.notPermitted("\(actor) is not on the roster, and once anyone is listed only listed "
                + "people may change things. An editor can add you with 'digest config people.\(actor) ROLE' "
                + "(editor, reviewer, publisher or contributor).")
        }
        guard permission.allows(roles) else {
            let others = current.people(allowedTo: permission)
            let who = others.isEmpty ? "" : " (\(others.joined(separator: ", ")))"
            throw DigestError.notPermitted("\(actor) is on the roster as \(Role.describe(roles)); only "
                + "\(permission.whoMay)\(who) may \(permission.describedAction).")
        }
    }

    /// Refuses a request whose actor was declared when the database wants
    /// accounts (the setting changed between reading it and taking the lock).
    func checkIdentity(_ request: ChangeRequest) throws {
        guard try settings.identityMode == .account, !request.identity.isVerified else { return }
        throw DigestError.notPermitted("this database now takes identities from system accounts (identity is "
            + "account), and \(request.actor) was only declared; nothing was changed. Run the command again.")
    }
}
