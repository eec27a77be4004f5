import Testing
@testable import DigestStorage
@testable import DigestModel
@testable import DigestRendering
@testable import DigestWorkflow

@Suite("The template engine")
struct TemplateTests {
    let context = TemplateRendering.context

    func render(_ source: String, escaping: TemplateEscaping = .plain, partials: [String: String] = [:]) throws -> String {
        try TemplateRendering.render(source, context, escaping: escaping, partials: partials)
    }

    @Test("a variable and a dotted name are replaced by their values")
    func variables() throws {
        #expect(try render("{{title}} #{{issue.number}}") == "Weekly <notes> #12")
        #expect(try render("{{ title }}") == "Weekly <notes>")
    }

    @Test("an unset value renders as nothing, but an unknown name is an error")
    func unsetAndUnknown() throws {
        #expect(try render("[{{missing}}][{{issue.intro}}]") == "[][]")
        #expect(throws: TemplateError.unknownVariable(file: "templates/test.tmpl", line: 1, name: "titel", suggestion: "title")) {
            try render("{{titel}}")
        }
        #expect(throws: TemplateError.unknownVariable(
            file: "templates/test.tmpl", line: 2, name: "issue.numbr", suggestion: "issue.number")) {
            try render("\n{{issue.numbr}}")
        }
    }

    @Test("the output format chooses the escaping, and triple braces or & write the value raw")
    func escapingByFormat() throws {
        #expect(try render("{{title}}", escaping: .html) == "Weekly &lt;notes&gt;")
        #expect(try render("{{title}}", escaping: .markdown) == "Weekly &lt;notes&gt;")
        #expect(try render("{{title}}", escaping: .plain) == "Weekly <notes>")
        #expect(try render("{{{title}}}|{{& title}}", escaping: .html) == "Weekly <notes>|Weekly <notes>")
    }

    @Test("a section repeats for each element of a list, looking names up from the element outwards")
    func listSections() throws {
        #expect(try render("{{#items}}{{title}} in {{issue.number}};{{/items}}") == "First in 12;Second in 12;")
        #expect(try render("{{#none}}never{{/none}}") == "")
    }

    @Test("a section over a truthy value renders once, and over false, null or empty text not at all")
    func truthySections() throws {
        #expect(try render("{{#yes}}y{{/yes}}{{#no}}n{{/no}}{{#missing}}m{{/missing}}{{#empty}}e{{/empty}}") == "y")
        #expect(try render("{{#title}}<{{.}}>{{/title}}") == "<Weekly <notes>>")
        #expect(try render("{{#issue}}{{number}}{{/issue}}") == "12")
    }

    @Test("an inverted section renders for absent, false, empty text and empty lists only")
    func invertedSections() throws {
        #expect(try render("{{^missing}}a{{/missing}}{{^no}}b{{/no}}{{^empty}}c{{/empty}}{{^none}}d{{/none}}") == "abcd")
        #expect(try render("{{^yes}}x{{/yes}}{{^items}}x{{/items}}{{^title}}x{{/title}}") == "")
        #expect(try render("{{#items}}{{title}}{{^author}} (anonymous){{/author}}\n{{/items}}") == "First\nSecond (anonymous)\n")
    }

    @Test("comments render nothing, even across lines")
    func comments() throws {
        #expect(try render("a{{! a note }}b{{!\n  longer\n  note\n}}c") == "abc")
    }

    @Test("a line holding only a section, comment or partial tag leaves no blank line")
    func standaloneLines() throws {
        let source = """
        Items:
          {{#items}}
        - {{title}}
          {{/items}}
        {{! nothing here }}
        End
        """
        #expect(try render(source) == "Items:\n- First\n- Second\nEnd")
        #expect(try render("a\r\n{{#yes}}\r\nb\r\n{{/yes}}\r\nc") == "a\r\nb\r\nc")
    }

    @Test("a tag that shares its line with text or another tag keeps the line")
    func inlineTags() throws {
        #expect(try render("a {{#yes}}b{{/yes}} c\n") == "a b c\n")
        #expect(try render("{{#yes}}{{/yes}}\nx") == "\nx")
        #expect(try render("  {{title}}\n") == "  Weekly <notes>\n")
    }

    @Test("a partial is read from _NAME.tmpl and sees the context where it is used")
    func partials() throws {
        let partials = ["item": "* {{title}}\n"]
        #expect(try render("{{#items}}\n{{> item}}\n{{/items}}\n", partials: partials) == "* First\n* Second\n")
    }

    @Test("a standalone partial on an indented line is indented on each of its lines")
    func indentedPartials() throws {
        let partials = ["pair": "<a>\n<b>\n"]
        #expect(try render("<list>\n  {{> pair}}\n</list>", partials: partials) == "<list>\n  <a>\n  <b>\n</list>")
    }

    @Test("a template is parsed once and renders the same tree for every context")
    func parseOnce() throws {
        let template = try Template(source: "{{#items}}{{title}}{{/items}}", file: "x.tmpl")
        #expect(template.nodes.count == 1)
        let library = TemplateLibrary(templates: .builtIn)
        for _ in 0..<3 {
            var output: [UInt8] = []
            var renderer = TemplateRenderer(escaping: .plain, library: library, root: context)
            try renderer.render(template, into: &output)
            #expect(String(decoding: output, as: UTF8.self) == "FirstSecond")
        }
    }
}
