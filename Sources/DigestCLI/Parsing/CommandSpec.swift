/// What a command is called, what it takes, and how it explains itself.
struct CommandSpec: Sendable {
    let name: String
    /// One sentence: the OVERVIEW line and the command list.
    let abstract: String
    var discussion: String = ""
    var arguments: [ArgumentSpec] = []
    var options: [OptionSpec] = []
    var examples: [String] = []
    /// Changes an issue: takes `--expect-version N` and `--message TEXT`.
    var changesIssue = false
    /// Its output can run long (show, history, diff, search): on a terminal it goes through the pager.
    var pages = false
    /// The last argument may be given several times (`feeds pull A B`).
    var variadic = false

    /// Every option, the shared ones included.
    var allOptions: [OptionSpec] {
        var all = options
        if changesIssue {
            all.append(.value("expect-version", "N", "Refuse unless the issue is still at version N."))
            all.append(.value("message", "TEXT", "Why: kept in the revision, shown by history."))
        }
        return all
    }

    /// `digest add-item ISSUE --title TEXT …`
    var usage: String {
        var parts = ["digest", name]
        for argument in arguments {
            parts.append(argument.optional ? "[\(argument.name)]" : argument.name)
        }
        if !allOptions.isEmpty { parts.append("[OPTIONS]") }
        return parts.joined(separator: " ")
    }
}
