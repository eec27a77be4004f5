import DigestModel
/// Parses the templates of a `TemplateSet` the first time they are needed and
/// keeps them, so an archive import parses each template once, not once per
/// issue.
final class TemplateLibrary {
    let templates: TemplateSet
    private var parsed: [String: Template] = [:]
    /// Partials by the name tags use, so that the lookup made for every item
    /// builds no file name.
    private var partials: [String: Template] = [:]

    init(templates: TemplateSet) {
        self.templates = templates
    }

    func template(fileName: String) throws(TemplateError) -> Template? {
        try template(fileName: fileName, indentation: "")
    }

    func partial(named name: String, indentation: String) throws(TemplateError) -> Template? {
        if indentation.isEmpty, let partial = partials[name] { return partial }
        let partial = try template(fileName: TemplateSet.fileName(forPartial: name), indentation: indentation)
        if indentation.isEmpty { partials[name] = partial }
        return partial
    }

    /// A partial on an indented standalone line has each of its lines
    /// indented as Mustache does; that is a different parse, cached apart.
    private func template(fileName: String, indentation: String) throws(TemplateError) -> Template? {
        let key = indentation.isEmpty ? fileName : fileName + "\u{0}" + indentation
        if let template = parsed[key] { return template }
        guard let source = templates.source(named: fileName) else { return nil }
        let text = indentation.isEmpty ? source.text : Self.indent(source.text, by: indentation)
        let template = try Template(source: text, file: source.file)
        parsed[key] = template
        return template
    }

    private static func indent(_ text: String, by indentation: String) -> String {
        var result = ""
        var atLineStart = true
        for character in text {
            if atLineStart, character != "\n" { result.append(indentation) }
            result.append(character)
            atLineStart = character == "\n"
        }
        return result
    }
}
