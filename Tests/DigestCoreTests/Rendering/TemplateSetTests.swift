import Foundation
import Testing
@testable import DigestStorage
@testable import DigestModel
@testable import DigestRendering
@testable import DigestWorkflow

@Suite("Template sets: built-in defaults and overrides")
struct TemplateSetTests {
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func withTemporaryDirectory(_ body: (URL) throws -> Void) throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("digest-templates-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try body(directory)
    }

    @Test("the templates compiled into digest are byte for byte the files in templates/")
    func embeddedCopiesMatchFiles() throws {
        let directory = Self.packageRoot.appendingPathComponent("templates")
        let files = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".tmpl") }
        #expect(Set(files) == Set(DefaultTemplates.files.keys), "run scripts/embed-templates")
        for name in files {
            let onDisk = try Data(contentsOf: directory.appendingPathComponent(name))
            #expect(Data((DefaultTemplates.files[name] ?? "").utf8) == onDisk, "\(name) differs; run scripts/embed-templates")
        }
    }

    @Test("every variable a template can use is documented in templates/README.md")
    func readmeDocumentsEveryVariable() throws {
        let readme = try String(contentsOf: Self.packageRoot.appendingPathComponent("templates/README.md"), encoding: .utf8)
        guard case .object(let root) = EditionContent.schema else {
            Issue.record("the schema is not an object")
            return
        }
        var names: [String] = root.names
        for group in ["publication", "issue"] {
            if case .object(let object) = root[group] { names += object.names.map { "\(group).\($0)" } }
        }
        if case .list(let items) = root["items"], case .object(let item) = items.first { names += item.names }
        if case .list(let sections) = root["sections"], case .object(let section) = sections.first { names += section.names }
        for name in names {
            #expect(readme.contains("`\(name)`"), "templates/README.md does not document `\(name)`")
        }
    }

    @Test("without an overrides directory every template is the built-in one")
    func noOverrides() throws {
        let set = try TemplateSet.load(overrides: nil)
        #expect(set.overridden.isEmpty)
        #expect(set.source(named: "text.tmpl")?.file == "templates/text.tmpl")
        #expect(set.source(named: "text.tmpl")?.text == DefaultTemplates.files["text.tmpl"])
    }

    @Test("a directory may override any subset of files, the rest coming from the defaults")
    func subsetOverride() throws {
        try Self.withTemporaryDirectory { directory in
            try "{{#items}}\n{{position}}. {{title}}\n{{/items}}\n".write(
                to: directory.appendingPathComponent("_text-item.tmpl"), atomically: true, encoding: .utf8)
            try "notes".write(to: directory.appendingPathComponent("README.md"), atomically: true, encoding: .utf8)
            let set = try TemplateSet.load(overrides: directory.path)
            #expect(set.overridden == ["_text-item.tmpl"])
            #expect(set.warnings.isEmpty)
            let renderer = FormatRenderer(templates: set)
            let text = try renderer.render(RenderingFixtures.sample, format: .text).output
            #expect(text.contains("\n1. Larchwood 3.0 makes incremental builds boring again\n"))
            #expect(text.hasPrefix("The Harbour Weekly\n"))
            let markdown = try renderer.render(RenderingFixtures.sample, format: .markdown).output
            let builtIn = try FormatRenderer().render(RenderingFixtures.sample, format: .markdown).output
            #expect(markdown == builtIn)
        }
    }

    @Test("an override saved with CRLF line endings renders with LF only")
    func crlfOverride() throws {
        try Self.withTemporaryDirectory { directory in
            try "{{publication.name}}\r\n{{#items}}\r\n{{title}}\r\n{{/items}}\r\n-- \r\nend\r\n".write(
                to: directory.appendingPathComponent("text.tmpl"), atomically: true, encoding: .utf8)
            let text = try FormatRenderer(templates: try TemplateSet.load(overrides: directory.path))
                .render(RenderingFixtures.sample, format: .text).output
            #expect(!text.contains("\r"))
            #expect(text.hasPrefix("The Harbour Weekly\nLarchwood 3.0 makes incremental builds boring again\n"))
            #expect(text.hasSuffix("\n-- \nend\n"))
        }
    }

    @Test("template files digest does not use are ignored with a warning")
    func unusedFiles() throws {
        try Self.withTemporaryDirectory { directory in
            for name in ["email.tmpl", "footer.tmpl"] {
                try "x".write(to: directory.appendingPathComponent(name), atomically: true, encoding: .utf8)
            }
            let set = try TemplateSet.load(overrides: directory.path)
            #expect(set.overridden.isEmpty)
            #expect(set.warnings.count == 2)
            #expect(set.warnings.allSatisfy { $0.hasPrefix("The template file '\(directory.path)/") && $0.hasSuffix(".") })
            #expect(set.warnings.contains { $0.contains("email.tmpl") && $0.contains("assembled from the text and HTML") })
        }
    }

    @Test("a missing directory and a file that is not UTF-8 are errors that say what to do")
    func unreadable() throws {
        #expect(throws: TemplateError.directoryNotFound(path: "/nonexistent/templates")) {
            try TemplateSet.load(overrides: "/nonexistent/templates")
        }
        try Self.withTemporaryDirectory { directory in
            let path = directory.appendingPathComponent("html.tmpl")
            try Data([0x3C, 0xFF, 0xFE]).write(to: path)
            #expect(throws: TemplateError.notUTF8(path: path.path)) { try TemplateSet.load(overrides: directory.path) }
        }
    }

    @Test("loading parses nothing: a broken override only fails the format that uses it, naming its file and line")
    func lazyParsing() throws {
        try Self.withTemporaryDirectory { directory in
            try "<html>\n{{#items}}\n".write(to: directory.appendingPathComponent("html.tmpl"), atomically: true, encoding: .utf8)
            let renderer = FormatRenderer(templates: try TemplateSet.load(overrides: directory.path))
            _ = try renderer.render(RenderingFixtures.sample, format: .text)
            _ = try renderer.render(RenderingFixtures.sample, format: .markdown)
            let error = TemplateError.unclosedSection(file: directory.path + "/html.tmpl", line: 2, name: "items")
            #expect(throws: error) { try renderer.render(RenderingFixtures.sample, format: .html) }
            #expect(throws: error) { try renderer.render(RenderingFixtures.sample, format: .email) }
        }
    }
}
