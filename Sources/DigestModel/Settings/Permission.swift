/// Every writing action and the roles it needs once a roster exists: the one
/// table the roster check reads (and docs/reference.md shows). A new command adds
/// its case here.
package enum Permission: String, CaseIterable, Sendable {
    case draft
    case editIssue = "edit-issue"
    case addItem = "add-item"
    case editItem = "edit-item"
    case removeItem = "remove-item"
    case moveItem = "move-item"
    case submit
    /// Approving, rejecting and deferring items, and approving the issue's own text.
    case review
    case publish
    case reopen
    /// A real `send` of a published edition.
    case send
    /// `send --test`: a copy to any address, so not for contributors (nor
    /// for anyone off the roster); reviewers may, to see what they approve.
    case sendTest = "send --test"
    /// `import` into drafts.
    case importDrafts = "import"
    /// `import --published`: editions that nobody reviews, so it takes both roles.
    case importPublished = "import --published"
    /// `config` for `publication.*` and `list.*`.
    case publicationSettings = "config publication.*, list.*"
    /// `config` for every other setting, the roster included.
    case settings = "config"
    case checkLinks = "check-links"
    case repairSearch = "doctor --repair-search"
    case load
    /// Proposing a candidate item for a later issue.
    case nominate
    /// Adding, removing, importing and pulling feeds.
    case feeds
    /// `fetch --save`: a fetched page kept as a candidate.
    case fetchSave = "fetch --save"
    /// `backlog --dismiss`: dropping candidates.
    case dismissCandidates = "backlog --dismiss"

    /// Whoever holds any one of these roles may.
    package var anyOf: Set<Role> {
        switch self {
        case .draft, .editIssue, .addItem, .editItem, .removeItem, .moveItem, .submit, .importDrafts,
             .settings, .repairSearch, .load, .feeds, .fetchSave, .dismissCandidates:
            return [.editor]
        case .review: return [.reviewer]
        case .publish, .reopen, .send, .publicationSettings: return [.editor, .publisher]
        case .importPublished: return [.editor]
        case .checkLinks, .sendTest: return [.editor, .reviewer, .publisher]
        case .nominate: return [.editor, .contributor]
        }
    }

    /// Roles needed together, on top of `anyOf`.
    package var allOf: Set<Role> {
        self == .importPublished ? [.editor, .reviewer] : []
    }

    package func allows(_ roles: Set<Role>) -> Bool {
        !roles.isDisjoint(with: anyOf) && roles.isSuperset(of: allOf)
    }

    /// The permission a setting's change needs.
    package static func forSetting(_ key: String) -> Permission {
        key.hasPrefix("publication.") || key.hasPrefix("list.") ? .publicationSettings : .settings
    }

    /// "editors or publishers", "people who are both editor and reviewer".
    package var whoMay: String {
        if !allOf.isEmpty { return "people who are both " + allOf.sorted().map(\.rawValue).joined(separator: " and ") }
        return anyOf.sorted().map { $0.rawValue + "s" }.joined(separator: " or ")
    }

    /// What the action does, for refusals: "may open issues".
    package var describedAction: String {
        switch self {
        case .draft: return "open issues"
        case .review: return "review items"
        case .settings, .publicationSettings: return "change this setting"
        case .importPublished: return "import published editions"
        case .nominate: return "propose items"
        default: return "run '\(rawValue)'"
        }
    }
}
