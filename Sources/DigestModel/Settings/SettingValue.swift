import EditDistance
import Foundation

/// Checks and normalises a value before it is stored under a setting.
package enum SettingValue {
    package static func isOn(_ value: String) -> Bool {
        ["on", "true", "yes", "1"].contains(value.lowercased())
    }

    /// The value to store, or the problem with it.
    /// `shownAs` names the field in problems when the user typed something
    /// else than the key (`--email` for `publication.email`).
    package static func normalise(_ value: String, for key: String, shownAs field: String? = nil) throws(DigestError) -> String {
        let trimmed = TextRules.note.normalise(value)
        func invalid(_ reason: String, _ fix: String) -> DigestError {
            .invalid([ValidationProblem(field: field ?? key, value: value, reason: reason, fix: fix)])
        }
        switch key {
        case SettingKey.publicationName:
            if let problem = TextRules.title.problem(with: trimmed) { throw invalid(problem.reason, problem.fix) }
            guard !trimmed.isEmpty else { throw invalid("it is empty", "give the publication a name") }
            return trimmed
        case SettingKey.publicationAbout:
            if let problem = TextRules.note.problem(with: trimmed) { throw invalid(problem.reason, problem.fix) }
            return trimmed
        case SettingKey.listID:
            // RFC 2919: a dot-atom of letters, digits and hyphens, with at least one dot.
            let lower = trimmed.lowercased()
            let labels = lower.split(separator: ".", omittingEmptySubsequences: false)
            guard labels.count >= 2, labels.allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") } })
            else { throw invalid("it is not a list id", "give dot-separated words, such as readers.harbour.example") }
            return lower
        case SettingKey.postalAddress:
            if let problem = TextRules.title.problem(with: trimmed) { throw invalid(problem.reason, problem.fix) }
            guard !trimmed.isEmpty else { throw invalid("it is empty", "give the address on one line, parts separated by commas") }
            return trimmed
        case SettingKey.correctionPrefix:
            // Kept as typed (a trailing space matters); one line.
            if let problem = TextRules.title.problem(with: value.trimmingWhitespace()) { throw invalid(problem.reason, problem.fix) }
            return value
        case SettingKey.publicationEmail, SettingKey.listAddress, SettingKey.listReplyTo:
            // Checked as typed: the multi-line normalisation would turn a CR into LF.
            if let problem = EmailAddress.problem(with: value.trimmingWhitespace()) { throw invalid(problem.reason, problem.fix) }
            return trimmed
        case SettingKey.publicationWebsite:
            if let problem = URLValidator.validate(trimmed) { throw invalid(problem.reason, problem.fix) }
            return trimmed
        case SettingKey.listUnsubscribe:
            if EmailAddress.isValid(trimmed) { return trimmed }
            if trimmed.lowercased().hasPrefix("mailto:"), EmailAddress.isValid(String(trimmed.dropFirst(7))) {
                return trimmed
            }
            if URLValidator.validate(trimmed) == nil { return trimmed }
            throw invalid("it is neither an email address nor an http(s) link",
                          "give an address (leave@example.org), mailto:leave@example.org or https://example.org/unsubscribe")
        case SettingKey.publicationLanguage:
            if let problem = LanguageTag.problem(with: trimmed) {
                throw invalid("it is not a BCP 47 language tag: \(problem)",
                              "give a tag such as en, en-GB, fr, pt-BR or zh-Hant")
            }
            return LanguageTag.normalised(trimmed) ?? trimmed
        case SettingKey.archiveURL:
            if let problem = URLValidator.validate(trimmed) { throw invalid(problem.reason, problem.fix) }
            return trimmed
        case SettingKey.sectionsOrder:
            let names = SectionOrder.names(in: trimmed)
            guard !names.isEmpty else {
                throw invalid("it names no section", "list section names separated by commas: Releases, Long reads")
            }
            if let problem = names.lazy.compactMap({ TextRules.title.problem(with: $0) }).first {
                throw invalid(problem.reason, problem.fix)
            }
            return names.joined(separator: ", ")
        case SettingKey.tableOfContents:
            switch trimmed.lowercased() {
            case "on", "true", "yes", "1": return "on"
            case "off", "false", "no", "0": return "off"
            default: throw invalid("it is neither on nor off", "write on or off")
            }
        case SettingKey.frontMatter:
            switch trimmed.lowercased() {
            case "yaml", "toml", "none": return trimmed.lowercased()
            default: throw invalid("it is not yaml, toml or none", "write yaml (Hugo, Jekyll), toml (Hugo, Zola) or none")
            }
        case SettingKey.textLinks:
            switch trimmed.lowercased() {
            case "inline", "numbered": return trimmed.lowercased()
            default: throw invalid("it is neither inline nor numbered", "write inline or numbered")
            }
        case SettingKey.mailCommand:
            switch MailCommandLine.split(trimmed) {
            case .success(let words) where !words.isEmpty:
                return trimmed
            case .success:
                throw invalid("it is empty", "give the program and its options, for example sendmail -t -oi")
            case .failure(let problem):
                throw invalid(problem.reason, "quote with matching ' or \" marks, for example sendmail -t -oi")
            }
        case SettingKey.templates:
            guard !trimmed.isEmpty, TextRules.title.problem(with: trimmed) == nil else {
                throw invalid("it is not a folder path", "give the folder that holds your .tmpl files")
            }
            // Stored as the folder's absolute path, so everyone's renders use the same one.
            let absolute = trimmed.hasPrefix("/") ? trimmed : FileManager.default.currentDirectoryPath + "/" + trimmed
            guard FileSystem.isDirectory(absolute), let folder = FileSystem.realPath(absolute) else {
                throw DigestError.notFound("\(field ?? key) \"\(value)\": there is no folder there; create it (with "
                    + "your .tmpl files) first, or give the path of an existing one. Nothing was changed.")
            }
            return folder
        case SettingKey.excerptMax:
            guard let number = Int(trimmed), (1...100_000).contains(number) else {
                throw invalid("it is not a whole number from 1 to 100000", "give the longest excerpt allowed, for example 2000")
            }
            return String(number)
        case SettingKey.fourEyes, SettingKey.requireLinksOK, SettingKey.fetchAllowPrivate, SettingKey.fetchStripTracking:
            switch trimmed.lowercased() {
            case "on", "true", "yes", "1": return "on"
            case "off", "false", "no", "0": return "off"
            default: throw invalid("it is neither on nor off", "write on or off")
            }
        case SettingKey.identity:
            guard let mode = IdentityMode(rawValue: trimmed.lowercased()) else {
                throw invalid("it is neither declared nor account",
                              "write declared (whoever --as or DIGEST_USER names) or account (the system account running digest)")
            }
            return mode.rawValue
        default:
            if SettingKey.isPerson(key) {
                let name = String(key.dropFirst(SettingKey.peoplePrefix.count))
                if let problem = PersonName.problem(with: name) {
                    throw DigestError.invalid([ValidationProblem(field: "key", value: key, reason: problem.reason,
                                                                fix: problem.fix)])
                }
                guard let roles = Role.parse(trimmed) else {
                    throw invalid("it is not a role", "write one or more of editor, reviewer, publisher, contributor, "
                        + "separated by commas (both = editor,reviewer)")
                }
                return Role.describe(roles)
            }
            throw DigestError.invalid([ValidationProblem(field: "key", value: key, reason: "there is no such setting",
                                                        fix: SettingValue.suggestion(for: key))])
        }
    }

    package static func suggestion(for key: String) -> String {
        if let close = EditDistance.closest(to: key, among: SettingKey.all.map(\.key), limit: 4) {
            return "did you mean \(close)? ('digest config' lists every setting)"
        }
        return "'digest config' lists every setting"
    }
}
