import DigestModel
/// A template that cannot be read or rendered. Each description is a whole
/// sentence naming the file, the line and the fix, because the person who
/// reads it is editing that file.
package enum TemplateError: Error, Equatable, Sendable, CustomStringConvertible {
    case unclosedTag(file: String, line: Int)
    case emptyTag(file: String, line: Int)
    case invalidName(file: String, line: Int, name: String)
    case unsupportedDelimiters(file: String, line: Int)
    case unclosedSection(file: String, line: Int, name: String)
    case unopenedSection(file: String, line: Int, name: String)
    case mismatchedClose(file: String, line: Int, closed: String, opened: String, openedLine: Int)
    case unknownPartial(file: String, line: Int, name: String)
    case partialsTooDeep(file: String, line: Int, name: String)
    case sectionsTooDeep(file: String, line: Int, limit: Int)
    /// The render took more steps than its budget allows.
    case renderTooLong(file: String, line: Int, budget: RenderBudget)
    /// The render produced more bytes than its budget allows.
    case renderTooLarge(file: String, line: Int, budget: RenderBudget)
    /// Checking the template visited more tags than the checker allows.
    case checkTooLong(file: String, line: Int, limit: Int)
    case unknownVariable(file: String, line: Int, name: String, suggestion: String?)
    case notText(file: String, line: Int, name: String)
    case directoryNotFound(path: String)
    case unreadableFile(path: String)
    case notUTF8(path: String)
    /// The HTML render holds something that runs or loads from outside
    /// (see `HTMLSafety`): written in the template at `line`, or, with
    /// `fromValue`, printed by the unescaped tag at `line` (nil: not known);
    /// `outputLine` is where the render has it.
    case unsafeHTML(file: String, line: Int?, fromValue: Bool, outputLine: Int, construct: String, reason: String)
    /// The Markdown render would hold what no edition may (`EditionRules`).
    case unsafeMarkdown(file: String, problem: String)
    /// A template file or partial is a symbolic link leading out of the templates folder.
    case outsideFolder(path: String, target: String)

    package var description: String {
        switch self {
        case let .unclosedTag(file, line):
            "\(file), line \(line): a tag opened with {{ is never closed; add }}."
        case let .emptyTag(file, line):
            "\(file), line \(line): a tag has no name; write a name between the braces, such as {{issue.title}}."
        case let .invalidName(file, line, name):
            "\(file), line \(line): '\(name)' is not a name a tag can use; names are letters, digits, '-' and '_', joined by dots."
        case let .unsupportedDelimiters(file, line):
            "\(file), line \(line): changing the tag delimiters with {{= =}} is not supported; keep {{ and }}."
        case let .unclosedSection(file, line, name):
            "\(file), line \(line): the section '\(name)' is never closed; add {{/\(name)}}."
        case let .unopenedSection(file, line, name):
            "\(file), line \(line): {{/\(name)}} closes a section that was never opened; remove it or add {{#\(name)}} before it."
        case let .mismatchedClose(file, line, closed, opened, openedLine):
            "\(file), line \(line): {{/\(closed)}} does not match the section '\(opened)' opened on line \(openedLine); close that one first with {{/\(opened)}}."
        case let .unknownPartial(file, line, name):
            "\(file), line \(line): there is no partial '\(name)'; add _\(name).tmpl to the templates directory or fix the name."
        case let .partialsTooDeep(file, line, name):
            "\(file), line \(line): the partial '\(name)' nests partials deeper than \(TemplateRenderer.maximumPartialDepth) "
                + "levels; a partial must not include itself without end."
        case let .sectionsTooDeep(file, line, limit):
            "\(file), line \(line): sections nest deeper than \(limit) levels here; close a section before opening "
                + "another (the limit is \(limit) nested sections per template)."
        case let .renderTooLong(file, line, budget):
            "\(file), line \(line): the render took more than \(budget.maximumSteps) steps, the limit for \(budget.issueSize) "
                + "(\(RenderBudget.baseSteps) + \(RenderBudget.stepsPerItem) per item); a section that repeats inside "
                + "another repeats its content for every pair of items: take it out of the enclosing section."
        case let .renderTooLarge(file, line, budget):
            "\(file), line \(line): the render grew past \(budget.maximumBytes) bytes, the limit for \(budget.issueSize) "
                + "(4 MiB + 64 KiB per item); a template should not repeat large text so many times."
        case let .checkTooLong(file, line, limit):
            "\(file), line \(line): checking the template visited more than \(limit) tags; partials include "
                + "each other too many times over: include each partial from fewer places."
        case let .unknownVariable(file, line, name, suggestion):
            "\(file), line \(line): there is no variable '\(name)'"
                + (suggestion.map { "; did you mean '\($0)'? " } ?? "; ")
                + "templates/README.md lists every variable."
        case let .notText(file, line, name):
            "\(file), line \(line): '\(name)' is a list or a group, not text; use it as a section: {{#\(name)}}…{{/\(name)}}."
        case let .directoryNotFound(path):
            "The templates directory '\(path)' does not exist or is not a directory; check --templates or the templates setting."
        case let .unreadableFile(path):
            "The template '\(path)' cannot be read; check that it exists and that you may read it."
        case let .notUTF8(path):
            "The template '\(path)' is not valid UTF-8; save it as UTF-8."
        case let .unsafeHTML(file, line, false, _, construct, reason):
            "\(file)\(line.map { ", line \($0)" } ?? ""): the HTML render would contain \(construct), which is refused: "
                + "\(reason). Remove it from the template; renders carry no scripts, forms or outside resources."
        case let .unsafeHTML(file, line, true, outputLine, construct, reason):
            "\(file)\(line.map { ", line \($0)" } ?? ""): the HTML render would contain \(construct) (line \(outputLine) "
                + "of the render), which is refused: \(reason). It comes from a tag's value: {{{ }}} prints text "
                + "unescaped; use {{ }} instead."
        case let .unsafeMarkdown(file, problem):
            "\(file): the Markdown render is refused: \(problem). Remove it from the template; renders carry no "
                + "scripts, forms or outside resources."
        case let .outsideFolder(path, target):
            "The template '\(path)' is a link to \(target), outside the templates folder; templates are read only "
                + "from their own folder. Copy the file into the folder instead of linking it."
        }
    }
}
