import DigestStorage
import DigestModel
import DigestRendering
/// Opening issues and changing their own fields.
extension DigestStore {
    /// Opens issue (highest number + 1) as a draft at version 1.
    package func draft(date: CivilDate, title: String?, intro: String?, preheader: String? = nil,
                       request: ChangeRequest) throws -> Issue {
        try write {
            try authorize(request, to: .draft)
            let number = (try database.integer("SELECT max(number) FROM issues") ?? 0) + 1
            try createIssue(number: number, date: date, title: title, intro: intro, preheader: preheader, request: request,
                            summary: "opened issue \(number) for \(date.iso)")
            return Issue(number: number, date: date, title: title, intro: intro, status: .draft, version: 1, edition: nil,
                         preheader: preheader)
        }
    }

    /// Inserts a new issue at version 1 with its `draft` revision.
    func createIssue(number: Int, date: CivilDate, title: String?, intro: String?, preheader: String? = nil,
                     request: ChangeRequest, summary: String, action: String = "draft",
                     status: IssueStatus = .draft, edition: Int? = nil) throws {
        let at = now.rfc3339
        try database.statement("INSERT INTO issues(number, version, created_at, created_by) VALUES (?, 1, ?, ?)")
            .execute([number, at, request.actor])
        try insertIssueState(number: number, version: 1, date: date, title: title, intro: intro, status: status,
                             edition: edition, fieldsBy: request.actor, preheader: preheader)
        try recordRevision(issue: number, version: 1, at: at, request: request, action: action, summary: summary)
    }

    /// Changes an issue's date, title, intro or preheader (an empty text clears it).
    package func editIssue(_ number: Int, date: CivilDate?, title: String?, intro: String?, preheader: String? = nil,
                           request: ChangeRequest) throws -> Changed<Issue> {
        try changeIssue(number, action: "edit-issue", request: request, stages: [.draft, .inReview], permission: .editIssue) { change in
            let before = change.before
            let newTitle = title.map { $0.isEmpty ? nil : $0 } ?? before.title
            let newIntro = intro.map { $0.isEmpty ? nil : $0 } ?? before.intro
            let newPreheader = preheader.map { $0.isEmpty ? nil : $0 } ?? before.preheader
            let newDate = date ?? before.date
            var changed: [String] = []
            if newDate != before.date { changed.append("date") }
            if newTitle != before.title { changed.append("title") }
            if newIntro != before.intro { changed.append("intro") }
            if newPreheader != before.preheader { changed.append("preheader") }
            guard !changed.isEmpty else { return (Changed(value: before, version: before.version, changed: false), nil) }
            // The fields' approval (if any) was for the old text: withdrawn.
            try replaceIssueState(before, version: change.version, date: newDate, title: .some(newTitle),
                                  intro: .some(newIntro), fieldsBy: change.actor, preheader: .some(newPreheader))
            var after = before
            after.date = newDate
            after.title = newTitle
            after.intro = newIntro
            after.preheader = newPreheader
            after.version = change.version
            after.fieldsBy = change.actor
            after.approvedBy = nil
            after.approvedAt = nil
            var summary = "changed the issue's \(changed.joined(separator: ", "))"
            if let approver = before.approvedBy {
                summary += "; \(approver)'s approval of the issue's own text is withdrawn"
            }
            return (Changed(value: after, version: change.version, changed: true), summary)
        }
    }
}
