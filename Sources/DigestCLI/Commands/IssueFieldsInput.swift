import DigestCore

/// The issue-level fields `draft` and `edit-issue` take, validated together.
struct IssueFieldsInput {
    var date: CivilDate?
    /// nil: not given; .some(nil): cleared.
    var title: String??
    var intro: String??

    static func read(_ invocation: Invocation) throws -> IssueFieldsInput {
        var problems: [ValidationProblem] = []
        var input = IssueFieldsInput()
        if let raw = invocation.value("date") {
            switch DateParser.parse(raw) {
            case .success(let date): input.date = date
            case .failure(let problem):
                problems.append(ValidationProblem(field: "--date", value: raw, reason: problem.reason, fix: problem.fix))
            }
        }
        for (option, rules) in [("title", TextRules.issueTitle), ("intro", TextRules.intro)] {
            guard let raw = invocation.value(option) else { continue }
            let text = rules.normalise(raw)
            if let problem = rules.problem(with: text) {
                problems.append(ValidationProblem(field: "--\(option)", value: raw, reason: problem.reason, fix: problem.fix))
                continue
            }
            let value: String?? = .some(text.isEmpty ? nil : text)
            if option == "title" { input.title = value } else { input.intro = value }
        }
        if !problems.isEmpty { throw DigestError.invalid(problems) }
        return input
    }
}
