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
            guard let before = try issueHead(number) else { throw DigestError.workflow(.noSuchIssue(number)) }
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
            throw DigestError.workflow(.versionConflict(issue: number, expected: expected, actual: before.version))
        }
        guard stages.contains(before.status) else {
            throw DigestError.workflow(.wrongStage(issue: number, status: before.status, edition: before.edition, action: action))
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
            throw DigestError.workflow(.notOnRoster(actor: actor))
        }
        guard permission.allows(roles) else {
            throw DigestError.workflow(.notAllowed(actor: actor, roles: roles, permission: permission,
                                                   others: current.people(allowedTo: permission)))
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
