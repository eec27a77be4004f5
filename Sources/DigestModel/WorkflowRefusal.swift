/// Why the workflow says no, with what it is about. The store throws these
/// (as `DigestError.workflow`); the command line says them in words, with
/// the command that helps, as each front end would in its own.
package enum WorkflowRefusal: Equatable, Sendable {
    /// `--expect-version` named a version the issue has moved on from.
    case versionConflict(issue: Int, expected: Int, actual: Int)
    /// The action is not possible at the issue's stage.
    case wrongStage(issue: Int, status: IssueStatus, edition: Int?, action: String)
    case noSuchIssue(Int)
    case noSuchVersion(issue: Int, version: Int, latest: Int)
    case noSuchItem(issue: Int, item: Int)
    /// The item is current in another issue.
    case itemInOtherIssue(item: Int, issue: Int, asked: Int)
    /// The item was deferred and waits in the backlog.
    case itemInBacklog(item: Int, asked: Int)
    /// The roster lists people, and not this one.
    case notOnRoster(actor: String)
    /// The actor's roles do not allow the action; `others` are the people whose roles do.
    case notAllowed(actor: String, roles: Set<Role>, permission: Permission, others: [String])

    /// The exit code the refusal ends a command with: 1 for the workflow's
    /// own refusals, 66 for what does not exist, 77 for the roster.
    package var exitCode: Int32 {
        switch self {
        case .versionConflict, .wrongStage: 1
        case .noSuchIssue, .noSuchVersion, .noSuchItem, .itemInOtherIssue, .itemInBacklog: 66
        case .notOnRoster, .notAllowed: 77
        }
    }

    /// What is the matter, in a plain sentence without the commands that
    /// help (those are the front end's to add).
    package var fact: String {
        switch self {
        case let .versionConflict(issue, expected, actual):
            "issue \(issue) is at version \(actual), not \(expected)"
        case let .wrongStage(issue, status, _, action):
            "issue \(issue) is \(status.rawValue); '\(action)' is not possible at this stage"
        case .noSuchIssue(let issue):
            "there is no issue \(issue)"
        case let .noSuchVersion(issue, version, latest):
            "issue \(issue) has no version \(version); its versions run from 1 to \(latest)"
        case let .noSuchItem(issue, item):
            "issue \(issue) has no item \(item)"
        case let .itemInOtherIssue(item, issue, asked):
            "item \(item) belongs to issue \(issue), not issue \(asked)"
        case let .itemInBacklog(item, _):
            "item \(item) was deferred to the backlog"
        case .notOnRoster(let actor):
            "\(actor) is not on the roster"
        case let .notAllowed(actor, roles, permission, _):
            "\(actor) is on the roster as \(Role.describe(roles)); only \(permission.whoMay) may \(permission.describedAction)"
        }
    }
}
