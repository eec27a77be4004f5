import DigestModel

extension DigestError {
    /// What the command line prints after `digest: error: `: the error's
    /// words, and for a refusal of the workflow, what to run next.
    var sentence: String {
        if case .workflow(let refusal) = self { return refusal.sentence }
        return description
    }
}

extension ItemFields {
    /// The options that give an incomplete item what it still needs: `--url URL --title TEXT`.
    var missingOptions: String { Self.options(for: missingFields) }

    static func options(for fields: [String]) -> String {
        fields.map { "--\($0) \($0 == "url" ? "URL" : "TEXT")" }.joined(separator: " ")
    }
}

extension WorkflowRefusal {
    /// The refusal in words, with the command that helps.
    var sentence: String {
        switch self {
        case let .versionConflict(issue, _, actual):
            return fact + ": it changed since you looked. See 'digest history \(issue)', then retry with "
                + "--expect-version \(actual) if the change still makes sense."
        case let .wrongStage(issue, status, edition, action):
            switch (status, action) {
            case (.published, _):
                let edition = edition.map { " (edition \($0))" } ?? ""
                return "issue \(issue) is published\(edition) and frozen; to correct it, run "
                    + "'digest reopen \(issue) --reason TEXT' first."
            case (.inReview, "add-item"), (.inReview, "remove-item"), (.inReview, "import"):
                return "issue \(issue) is in review, so its set of items is closed (edits, moves and defers are "
                    + "still allowed); to add or remove items, run 'digest reopen \(issue) --reason TEXT' first."
            case (.inReview, "submit"):
                return "issue \(issue) is already in review; record decisions with 'digest review \(issue)'."
            case (.draft, "review"):
                return "issue \(issue) is a draft; submit it for review first with 'digest submit \(issue)'."
            case (.draft, "publish"):
                return "issue \(issue) is a draft; submit it with 'digest submit \(issue)' and have its items "
                    + "reviewed before publishing."
            case (.draft, "reopen"):
                return "issue \(issue) is already a draft."
            case (.inReview, _):
                return "issue \(issue) is in review; '\(action)' is not possible at this stage."
            case (.draft, _):
                return "issue \(issue) is a draft; '\(action)' is not possible at this stage."
            }
        case .noSuchIssue:
            return fact + "; 'digest list' shows the issues there are."
        case let .noSuchVersion(issue, _, _):
            return fact + " ('digest history \(issue)' lists them)."
        case let .noSuchItem(issue, _):
            return fact + "; 'digest show \(issue)' lists its items."
        case .itemInOtherIssue:
            return fact + "."
        case let .itemInBacklog(item, asked):
            return fact + "; bring it into an issue with 'digest add-item \(asked) --from-backlog \(item)'."
        case let .pendingItems(issue, _):
            return fact + "; decide them first with 'digest review \(issue) --approve/--reject/--defer ITEMS'."
        case .nothingApproved(let issue):
            return fact + "; approve at least one with 'digest review \(issue) --approve ITEMS'."
        case let .approvedWithoutLink(issue, item):
            return fact + "; complete it with 'digest edit-item \(issue) \(item) --url URL' (it then needs approving again)."
        case .issueTextNotApproved(let issue, _):
            return fact + ". Someone else approves it with 'digest review \(issue) --approve-issue' "
                + "(approving the last pending item includes it)."
        case let .selfApproved(issue, approvals):
            return fact + ". Have someone else approve \(approvals.count == 1 ? "it" : "them") with "
                + "'digest review \(issue) --approve ITEMS' or --approve-issue."
        case .linksNotOK(let issue, _, _):
            return fact + "; run 'digest check-links \(issue)', fix what is broken with 'digest edit-item', or turn "
                + "the rule off with 'digest config publish.require-links-ok off'."
        case .notPublished(let issue, _):
            return fact + "; send yourself a copy with 'digest send \(issue) --test --to ADDRESS', or publish it first."
        case .alreadySent:
            return fact + "; to send it again, add --again."
        case .noItems(let issue):
            return fact + "; add some with 'digest add-item \(issue) …' before submitting it for review."
        case let .incompleteItem(issue, item, _, missing):
            return fact + "; complete it with 'digest edit-item \(issue) \(item) "
                + "\(ItemFields.options(for: missing))' first."
        case .notOnRoster(let actor):
            return fact + ", and once anyone is listed only listed people may change things. An editor can add "
                + "you with 'digest config people.\(actor) ROLE' (editor, reviewer, publisher or contributor)."
        case let .notAllowed(actor, roles, permission, others):
            let who = others.isEmpty ? "" : " (\(others.joined(separator: ", ")))"
            return "\(actor) is on the roster as \(Role.describe(roles)); only \(permission.whoMay)\(who) may "
                + "\(permission.describedAction)."
        }
    }
}
