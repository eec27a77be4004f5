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
    /// Publishing waits for every item to be decided.
    case pendingItems(issue: Int, items: [Int])
    case nothingApproved(issue: Int)
    /// An approved item has no link (it was approved before its link was removed).
    case approvedWithoutLink(issue: Int, item: Int)
    /// The issue's own fields were changed after, or never, approved.
    case issueTextNotApproved(issue: Int, changedBy: String)
    /// Four-eyes: approvals by the people whose work they approve; an item
    /// of nil stands for the issue's own text.
    case selfApproved(issue: Int, approvals: [SelfApproval])
    /// `publish.require-links-ok` is on and these approved items' links are broken or unchecked.
    case linksNotOK(issue: Int, broken: [Int], unchecked: [Int])
    /// Only a published edition can be sent.
    case notPublished(issue: Int, status: IssueStatus)
    /// The edition went out already and `again` was not said.
    case alreadySent(issue: Int, edition: Int, at: String, by: String, to: [String], times: Int)
    case noItems(issue: Int)
    /// An incomplete item cannot be approved; `missing` names the fields to give.
    case incompleteItem(issue: Int, item: Int, hasLink: Bool, missing: [String])
    /// The roster lists people, and not this one.
    case notOnRoster(actor: String)
    /// The actor's roles do not allow the action; `others` are the people whose roles do.
    case notAllowed(actor: String, roles: Set<Role>, permission: Permission, others: [String])

    /// The exit code the refusal ends a command with: 1 for the workflow's
    /// own refusals, 66 for what does not exist, 77 for the roster.
    package var exitCode: Int32 {
        switch self {
        case .versionConflict, .wrongStage, .pendingItems, .nothingApproved, .approvedWithoutLink, .issueTextNotApproved,
             .linksNotOK, .notPublished, .alreadySent, .noItems, .incompleteItem: 1
        case .selfApproved: 77
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
        case let .pendingItems(issue, items):
            "issue \(issue) still has \(items.count) pending item\(items.count == 1 ? "" : "s") (\(Self.list(items)))"
        case .nothingApproved(let issue):
            "issue \(issue) has no approved item, so there is nothing to publish"
        case let .approvedWithoutLink(_, item):
            "item \(item) is approved but has no link"
        case let .issueTextNotApproved(issue, changedBy):
            "issue \(issue)'s own text (date, title, intro) is not approved; it was last changed by \(changedBy)"
        case let .selfApproved(issue, approvals):
            "four-eyes review is on, and issue \(issue) has approvals by the people whose work they approve: "
                + approvals.map(\.description).joined(separator: "; ")
        case let .linksNotOK(issue, broken, unchecked):
            "issue \(issue) has "
                + [broken.isEmpty ? nil : "broken links in items \(Self.list(broken))",
                   unchecked.isEmpty ? nil : "unchecked links in items \(Self.list(unchecked))"]
                    .compactMap { $0 }.joined(separator: " and ")
                + ", and publish.require-links-ok is on"
        case let .notPublished(issue, status):
            "issue \(issue) is \(status == .draft ? "a draft" : "in review"), and only a published edition can be sent"
        case let .alreadySent(issue, edition, at, by, to, times):
            "edition \(edition) of issue \(issue) was already sent on \(at) by \(by) to \(to.joined(separator: ", "))"
                + (times > 1 ? " (\(times) times in all)" : "")
        case .noItems(let issue):
            "issue \(issue) has no items"
        case let .incompleteItem(_, item, hasLink, _):
            "item \(item) \(hasLink ? "lacks fields the page did not give" : "has no link yet") (it is incomplete) "
                + "and cannot be approved"
        case .notOnRoster(let actor):
            "\(actor) is not on the roster"
        case let .notAllowed(actor, roles, permission, _):
            "\(actor) is on the roster as \(Role.describe(roles)); only \(permission.whoMay) may \(permission.describedAction)"
        }
    }

    private static func list(_ numbers: [Int]) -> String {
        numbers.map(String.init).joined(separator: ", ")
    }
}

/// An approval four-eyes review refuses: by the person who wrote what it approves.
package struct SelfApproval: Equatable, Sendable, CustomStringConvertible {
    /// The item approved; nil for the issue's own text.
    package let item: Int?
    package let approver: String

    package init(item: Int?, approver: String) {
        self.item = item
        self.approver = approver
    }

    package var description: String {
        if let item { return "item \(item) (approved by \(approver), who added or edited it)" }
        return "the issue's own text (approved by \(approver), who last changed it)"
    }
}
