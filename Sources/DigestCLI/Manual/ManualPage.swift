import CommandLineParsing
/// `digest help --man`: the digest(1) manual page in roff (man macros),
/// made from the same command specifications as the help, so the two
/// cannot drift apart.
enum ManualPage {
    static func render(commands: [CommandSpec], version: String) -> String {
        var page = Roff()
        page.title("DIGEST", "1", ManualText.date, "digest \(version)", "User Commands")
        page.section("NAME")
        page.text("digest \\- curate a weekly digest of links, from draft to review to published editions")
        page.section("SYNOPSIS")
        page.synopsis("digest", "[--db PATH] [--as NAME] [--json] [--quiet] [--color WHEN] [--no-pager] COMMAND [ARGUMENTS] [OPTIONS]")
        page.synopsis("digest", "help [COMMAND | --man]")
        page.synopsis("digest", "--version")
        page.section("DESCRIPTION")
        for paragraph in ManualText.description {
            page.paragraph(paragraph)
        }
        page.section("GLOBAL OPTIONS")
        page.text("These go before or after the command name.")
        for option in GlobalOptions.specs {
            page.option(option)
        }
        page.tagged("--version", "Show digest's version and how it was built (alone, before any command).")
        page.section("COMMANDS")
        for spec in commands {
            page.subsection(spec.name)
            page.synopsis("digest", String(spec.usage.dropFirst("digest ".count)))
            page.paragraph(spec.abstract)
            if !spec.discussion.isEmpty { page.paragraph(spec.discussion) }
            for argument in spec.arguments {
                page.tagged(argument.name, argument.help, bold: false)
            }
            for option in spec.allOptions {
                page.option(option)
            }
            if !spec.examples.isEmpty {
                page.example(spec.examples)
            }
        }
        page.section("EXIT STATUS")
        for (code, meaning) in ManualText.exitStatus {
            page.tagged(String(code), meaning, bold: false)
        }
        page.section("ENVIRONMENT")
        for (name, meaning) in ManualText.environment {
            page.tagged(name, meaning)
        }
        page.section("FILES")
        for (name, meaning) in ManualText.files {
            page.tagged(name, meaning, bold: false, italic: true)
        }
        page.section("SEE ALSO")
        page.text("\\fBsendmail\\fR(8), \\fBsqlite3\\fR(1), \\fBless\\fR(1)")
        return page.output
    }
}

/// roff, written line by line with its text escaped.
private struct Roff {
    private(set) var output = ""

    /// Right after a heading a paragraph macro is redundant (and mandoc says so).
    private var afterHeading = false

    /// The title line: its arguments are quoted, not escaped, so the date stays one mandoc can read.
    mutating func title(_ arguments: String...) {
        output += ".TH" + arguments.map { " \"" + $0.replacingQuotes() + "\"" }.joined() + "\n"
    }

    mutating func section(_ title: String) { output += ".SH \(title)\n"; afterHeading = true }
    mutating func subsection(_ title: String) { output += ".SS \(Roff.escape(title))\n"; afterHeading = true }

    private mutating func paragraphBreak() {
        if !afterHeading { output += ".PP\n" }
        afterHeading = false
    }

    mutating func text(_ line: String) { output += Roff.line(line) + "\n"; afterHeading = false }

    mutating func paragraph(_ text: String) {
        paragraphBreak()
        output += Roff.line(Roff.escape(text)) + "\n"
    }

    mutating func synopsis(_ program: String, _ rest: String) {
        paragraphBreak()
        output += ".B \(program)\n" + Roff.line(Roff.escape(rest)) + "\n"
    }

    mutating func option(_ option: OptionSpec) {
        var help = option.help
        if option.repeatable { help += " (repeatable)" }
        afterHeading = false
        let head = "\\fB\\-\\-\(Roff.escape(option.name))\\fR" + (option.valueName.map { " \\fI\(Roff.escape($0))\\fR" } ?? "")
        output += ".TP\n" + Roff.line(head) + "\n" + Roff.line(Roff.escape(help)) + "\n"
    }

    mutating func tagged(_ tag: String, _ text: String, bold: Bool = true, italic: Bool = false) {
        afterHeading = false
        let font = italic ? "I" : (bold ? "B" : "R")
        output += ".TP\n\\f\(font)\(Roff.escape(tag))\\fR\n" + Roff.line(Roff.escape(text)) + "\n"
    }

    mutating func example(_ lines: [String]) {
        paragraphBreak()
        output += "Examples:\n.PP\n.RS 4\n.nf\n"
        for line in lines { output += Roff.line(Roff.escape(line)) + "\n" }
        output += ".fi\n.RE\n"
    }

    /// Text as roff reads it literally: backslashes doubled, hyphens as
    /// `\-` (so options copy and paste as ASCII), control characters dropped.
    static func escape(_ text: String) -> String {
        var escaped = ""
        for character in text {
            switch character {
            case "\\": escaped += "\\e"
            case "-": escaped += "\\-"
            case "\n": escaped += " "
            default:
                if character.unicodeScalars.allSatisfy({ $0.value >= 0x20 && $0.value != 0x7F }) {
                    escaped.append(character)
                }
            }
        }
        return escaped
    }

    /// Filled text as source lines of at most 72 bytes (roff joins them
    /// again); a line cannot start with `.` or `'`, which roff reads as a request.
    static func line(_ text: String) -> String {
        var lines: [String] = []
        var current = ""
        for word in text.split(separator: " ") {
            if !current.isEmpty, current.utf8.count + 1 + word.utf8.count > 72 {
                lines.append(current)
                current = ""
            }
            current += (current.isEmpty ? "" : " ") + word
        }
        lines.append(current)
        return lines.map { $0.first == "." || $0.first == "'" ? "\\&" + $0 : $0 }.joined(separator: "\n")
    }
}

private extension String {
    /// Inside a quoted macro argument a double quote is written twice.
    func replacingQuotes() -> String {
        var result = ""
        for character in self { result += character == "\"" ? "\"\"" : String(character) }
        return result
    }
}
