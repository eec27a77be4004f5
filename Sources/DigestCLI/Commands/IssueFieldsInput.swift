import CommandLineParsing
import DigestModel
import DigestRendering
import DigestWorkflow

/// The issue-level fields `draft` and `edit-issue` take, validated together.
struct IssueFieldsInput {
    var date: CivilDate?
    /// nil: not given; .some(nil): cleared.
    var title: String??
    var intro: String??
    var preheader: String??

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
        for (option, rules) in [("title", TextRules.issueTitle), ("intro", TextRules.intro),
                                 ("preheader", TextRules.preheader)] {
            guard let raw = invocation.value(option) else { continue }
            let text = rules.normalise(raw)
            if let problem = rules.problem(with: text) {
                problems.append(ValidationProblem(field: "--\(option)", value: raw, reason: problem.reason, fix: problem.fix))
                continue
            }
            let value: String?? = .some(text.isEmpty ? nil : text)
            switch option {
            case "title": input.title = value
            case "intro": input.intro = value
            default: input.preheader = value
            }
        }
        if !problems.isEmpty { throw DigestError.invalid(problems) }
        return input
    }
}
