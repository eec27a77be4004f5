import DigestModel
import DigestRendering
import DigestWorkflow

/// Turning a fetched page into item fields, the same way for `add-item
/// --fetch`, `fetch` and `nominate`.
enum PageIntake {
    /// The link must be one digest would store before anything is fetched.
    static func checkedLink(_ raw: String, field: String = "URL") throws -> String {
        let url = raw.trimmingWhitespace()
        if let problem = URLValidator.validate(url) {
            throw DigestError.invalid([ValidationProblem(field: field, value: raw, reason: problem.reason, fix: problem.fix)])
        }
        return url
    }

    /// Fetches `url` and returns the item values it gives, keyed by field
    /// name, with where each came from. The page's canonical address becomes
    /// the url when it is a link digest accepts; otherwise the given one is kept.
    static func values(for url: String, store: DigestStore, timeout: String?, context: Context) throws
        -> (values: [String: String], foundIn: [String: String])
    {
        let settings = try store.settings
        let program = try FetchProgram(settings: settings, timeout: timeout, environment: context.environment)
        let page = try program.page(url)
        var values = page.values
        var foundIn = page.foundIn
        values["url"] = url
        foundIn["url"] = "the address given"
        if let canonical = page.values["canonical"] {
            if URLValidator.validate(canonical) == nil {
                values["url"] = canonical
                foundIn["url"] = page.foundIn["url"] ?? "link rel=canonical"
            } else {
                context.warn("the page names \(canonical) as its address, which digest does not accept as a link; "
                    + "keeping \(url).")
            }
        }
        values.removeValue(forKey: "canonical")
        if settings.stripsTracking, let link = values["url"] {
            let stripped = TrackingParameters.removed(from: link)
            if stripped != link {
                values["url"] = stripped
                foundIn["url"] = (foundIn["url"] ?? "") + ", tracking parameters removed"
            }
        }
        return (values, foundIn)
    }

    /// Field name → the option that supplies it.
    static func flag(for field: String) -> String {
        "--" + field.split(separator: "_").joined(separator: "-")
    }

    /// Missing-field problems for a fetched page, naming the option that supplies each.
    static func namingFlags(_ problems: [ValidationProblem], url: String) -> [ValidationProblem] {
        problems.map { problem in
            guard problem.reason == "it is missing" else { return problem }
            let flag = flag(for: problem.field)
            return ValidationProblem(location: problem.location, field: problem.field, value: nil,
                                     reason: "the page at \(url) does not give one",
                                     fix: "give it with \(flag) \(problem.field == "date" ? "DATE" : "TEXT")")
        }
    }

    /// The fields as lines for people: `title    Night ferries …   (og:title)`.
    static func text(_ values: [String: String], foundIn: [String: String]) -> String {
        var rows: [[String]] = []
        for name in ["title", "url", "source", "author", "date", "excerpt", "section"] {
            guard let value = values[name] else {
                if ItemValidator.requiredFields.contains(name) { rows.append([name, "(missing)", ""]) }
                continue
            }
            rows.append([name, value, foundIn[name].map { "(\($0))" } ?? "(given)"])
        }
        var text = ""
        for row in rows {
            let label = row[0].padding(to: 8)
            let wrapped = TextLayout.wrap(row[1], indent: String(repeating: " ", count: 9))
            text += label + " " + wrapped.dropFirst(9) + (row[2].isEmpty ? "" : "  " + row[2]) + "\n"
        }
        return text
    }

    static func json(_ values: [String: String], foundIn: [String: String]) -> JSONValue {
        let names = ["title", "url", "source", "author", "date", "excerpt", "section"]
        return .object([
            ("fields", .object(names.compactMap { name in values[name].map { (name, JSONValue.string($0)) } })),
            ("found_in", .object(names.compactMap { name in foundIn[name].map { (name, JSONValue.string($0)) } })),
        ])
    }
}

extension String {
    func padding(to width: Int) -> String {
        count >= width ? self : self + String(repeating: " ", count: width - count)
    }
}
