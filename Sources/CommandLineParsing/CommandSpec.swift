/// What a command is called, what it takes, and how it explains itself.
package struct CommandSpec: Sendable {
    /// The program the command belongs to: `digest`, `digest-fetch`, `digest-links`.
    package var program: String
    /// Empty for a program that is one command (`digest-links`).
    package let name: String
    /// One sentence: the OVERVIEW line and the command list.
    package let abstract: String
    package var discussion: String = ""
    package var arguments: [ArgumentSpec] = []
    package var options: [OptionSpec] = []
    package var examples: [String] = []
    /// Changes an issue: takes `--expect-version N` and `--message TEXT`.
    package var changesIssue = false
    /// Its output can run long (show, history, diff, search): on a terminal it goes through the pager.
    package var pages = false
    /// The last argument may be given several times (`feeds pull A B`).
    package var variadic = false
    /// What it reads on standard input, for the usage line: `LINKS.jsonl`.
    package var standardInput: String?
    /// Sections shown as written after the options in help (OUTPUT, EXIT STATUS).
    package var epilogue: String = ""
    /// Run by the program itself, not by people: left out of help.
    package var hidden = false

    package init(program: String = "digest", name: String, abstract: String, discussion: String = "",
                 arguments: [ArgumentSpec] = [], options: [OptionSpec] = [], examples: [String] = [],
                 changesIssue: Bool = false, pages: Bool = false, variadic: Bool = false,
                 standardInput: String? = nil, epilogue: String = "", hidden: Bool = false) {
        self.program = program
        self.name = name
        self.abstract = abstract
        self.discussion = discussion
        self.arguments = arguments
        self.options = options
        self.examples = examples
        self.changesIssue = changesIssue
        self.pages = pages
        self.variadic = variadic
        self.standardInput = standardInput
        self.epilogue = epilogue
        self.hidden = hidden
    }

    /// Every option, the shared ones included.
    package var allOptions: [OptionSpec] {
        var all = options
        if changesIssue {
            all.append(.value("expect-version", "N", "Refuse unless the issue is still at version N."))
            all.append(.value("message", "TEXT", "Why: kept in the revision, shown by history."))
        }
        return all
    }

    /// `digest add-item ISSUE --title TEXT …`
    package var usage: String {
        var parts = [program]
        if !name.isEmpty { parts.append(name) }
        for argument in arguments {
            parts.append(argument.optional ? "[\(argument.name)]" : argument.name)
        }
        if allOptions.contains(where: { !$0.hidden }) { parts.append("[OPTIONS]") }
        if let standardInput { parts.append("< \(standardInput)") }
        return parts.joined(separator: " ")
    }
}
