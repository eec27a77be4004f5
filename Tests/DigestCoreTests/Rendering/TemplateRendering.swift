@testable import DigestStorage
@testable import DigestModel
@testable import DigestRendering
@testable import DigestWorkflow

/// Renders template text over a context the way `FormatRenderer` does, for
/// tests of the engine on its own.
enum TemplateRendering {
    static func render(
        _ source: String, _ context: TemplateValue, escaping: TemplateEscaping = .plain,
        partials: [String: String] = [:], file: String = "test.tmpl"
    ) throws(TemplateError) -> String {
        var files = ["test.tmpl": source]
        for (name, text) in partials { files["_\(name).tmpl"] = text }
        let library = TemplateLibrary(templates: TemplateSet(files: files, directory: "templates"))
        guard let template = try library.template(fileName: "test.tmpl") else { return "" }
        var output: [UInt8] = []
        var renderer = TemplateRenderer(escaping: escaping, library: library, root: context)
        try renderer.render(template, into: &output)
        return String(decoding: output, as: UTF8.self)
    }

    static func object(_ fields: [(String, TemplateValue)]) -> TemplateValue {
        .object(TemplateObject(fields.map { (name: $0.0, value: $0.1) }))
    }

    /// A small context: a title, a list of two items, and unset fields.
    static let context = object([
        ("title", .text("Weekly <notes>")),
        ("empty", .text("")),
        ("missing", .null),
        ("yes", .bool(true)),
        ("no", .bool(false)),
        ("issue", object([("number", .text("12")), ("intro", .null)])),
        ("items", .list([
            object([("title", .text("First")), ("author", .text("Ana"))]),
            object([("title", .text("Second")), ("author", .null)]),
        ])),
        ("none", .list([])),
    ])
}
