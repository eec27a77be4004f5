import Foundation

/// Turns what an editor typed (flags, a JSON object, a page) into item
/// fields, reporting every problem at once.
package struct ItemValidator: Sendable {
    /// The longest excerpt allowed (setting `excerpt.max`).
    package let excerptLimit: Int

    package static let defaultExcerptLimit = 2000

    package init(excerptLimit: Int = ItemValidator.defaultExcerptLimit) {
        self.excerptLimit = excerptLimit
    }

    package static let requiredFields = ["title", "url", "source", "date", "excerpt"]

    /// A new item from raw values keyed by field name (`posted_on`, `link_text`).
    /// `incomplete` allows a missing url.
    /// Throws `DigestError.invalid` with every problem found.
    package func newItem(_ values: [String: String], incomplete: Bool, location: String? = nil)
        throws(DigestError) -> ItemFields
    {
        var read = FieldReader(values: values, location: location, validator: self)
        let title = read.required("title", rules: .title)
        let url: String? = incomplete && read.isBlank("url") ? nil : read.url()
        let source = read.required("source", rules: .source)
        let author = read.optional("author", rules: .author)
        let date = read.date("date", required: true)
        let excerpt = read.required("excerpt", rules: .excerpt(limit: excerptLimit))
        let section = read.optional("section", rules: .section)
        let postedOn = read.date("posted_on", required: false)
        let linkText = read.optional("link_text", rules: .linkText)
        let problems = read.problems
        guard problems.isEmpty, let title, let source, let date, let excerpt else {
            throw .invalid(problems)
        }
        return (ItemFields(title: title, url: url, source: source, author: author, date: date,
                                   excerpt: excerpt, section: section, postedOn: postedOn, linkText: linkText))
    }

    /// `fields` with `changes` applied. An empty value clears an optional
    /// field; a required field cannot be cleared (the url only of an
    /// incomplete item, which stays incomplete).
    package func edited(_ fields: ItemFields, changes: [String: String], location: String? = nil)
        throws(DigestError) -> ItemFields
    {
        var values: [String: String] = [:]
        for name in ItemFields.names {
            if let value = fields.value(of: name) { values[name] = value }
        }
        for (name, value) in changes { values[name] = value }
        let staysIncomplete = fields.isIncomplete && (changes["url"] ?? "").isEmpty
        return try newItem(values, incomplete: staysIncomplete, location: location)
    }
}

/// Reads and checks one field at a time, collecting problems.
package struct FieldReader {
    let values: [String: String]
    let location: String?
    let validator: ItemValidator
    package var problems: [ValidationProblem] = []

    package init(values: [String: String], location: String?, validator: ItemValidator) {
        self.values = values
        self.location = location
        self.validator = validator
    }

    func isBlank(_ field: String) -> Bool {
        (values[field] ?? "").allSatisfy { $0.isWhitespace }
    }

    package mutating func required(_ field: String, rules: TextRules) -> String? {
        guard let raw = values[field], !raw.allSatisfy({ $0.isWhitespace }) else {
            problems.append(ValidationProblem(location: location, field: field, value: values[field],
                                              reason: values[field] == nil ? "it is missing" : "it is empty",
                                              fix: "give the item's \(Self.describe(field))"))
            return nil
        }
        return checked(field, raw: raw, rules: rules)
    }

    package mutating func optional(_ field: String, rules: TextRules) -> String? {
        guard let raw = values[field], !raw.allSatisfy({ $0.isWhitespace }) else { return nil }
        return checked(field, raw: raw, rules: rules)
    }

    private mutating func checked(_ field: String, raw: String, rules: TextRules) -> String? {
        let text = rules.normalise(raw)
        if let problem = rules.problem(with: text) {
            problems.append(ValidationProblem(location: location, field: field, value: raw,
                                              reason: problem.reason, fix: problem.fix))
            return nil
        }
        return text
    }

    package mutating func url() -> String? {
        guard let raw = values["url"], !raw.allSatisfy({ $0.isWhitespace }) else {
            problems.append(ValidationProblem(location: location, field: "url", value: values["url"],
                                              reason: values["url"] == nil ? "it is missing" : "it is empty",
                                              fix: "give the link (https://…), or mark the item --incomplete to add it later"))
            return nil
        }
        let url = raw.trimmingWhitespace()
        if let problem = URLValidator.validate(url) {
            problems.append(ValidationProblem(location: location, field: "url", value: raw,
                                              reason: problem.reason, fix: problem.fix))
            return nil
        }
        return NFC.normalise(url)
    }

    package mutating func date(_ field: String, required: Bool) -> CivilDate? {
        guard let raw = values[field], !raw.allSatisfy({ $0.isWhitespace }) else {
            if required {
                problems.append(ValidationProblem(location: location, field: field, value: values[field],
                                                  reason: values[field] == nil ? "it is missing" : "it is empty",
                                                  fix: "give the date as \(DateParser.acceptedForms)"))
            }
            return nil
        }
        switch DateParser.parse(raw) {
        case .success(let date):
            return date
        case .failure(let problem):
            problems.append(ValidationProblem(location: location, field: field, value: raw,
                                              reason: problem.reason, fix: problem.fix))
            return nil
        }
    }

    private static func describe(_ field: String) -> String {
        switch field {
        case "title": return "title (one line, at most 300 characters)"
        case "source": return "source: the publication or site it comes from"
        case "excerpt": return "excerpt: a short passage from the linked page"
        default: return field
        }
    }
}
