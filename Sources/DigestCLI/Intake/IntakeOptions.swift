import CommandLineParsing
import DigestModel
import DigestRendering
import DigestWorkflow

/// Options the intake commands share.
enum IntakeOptions {
    /// `--timeout S`, checked: a positive number of seconds.
    static func timeout(_ invocation: Invocation) throws -> String? {
        guard let value = invocation.value("timeout") else { return nil }
        guard let seconds = Double(value), seconds > 0, seconds.isFinite, seconds <= 600 else {
            throw invocation.usageError("--timeout must be a number of seconds above 0 and at most 600, not '\(value)'.")
        }
        return value
    }

    /// `--note TEXT`, as notes are checked everywhere.
    static func note(_ invocation: Invocation) throws -> String? {
        guard let raw = invocation.value("note") else { return nil }
        let text = TextRules.note.normalise(raw)
        if let problem = TextRules.note.problem(with: text) {
            throw DigestError.invalid([ValidationProblem(field: "--note", value: raw, reason: problem.reason, fix: problem.fix)])
        }
        return text.isEmpty ? nil : text
    }
}
