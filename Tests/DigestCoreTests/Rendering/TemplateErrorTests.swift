import Testing
@testable import DigestStorage
@testable import DigestModel
@testable import DigestRendering
@testable import DigestWorkflow

@Suite("Errors in templates name the file, the line and the fix")
struct TemplateErrorTests {
    func parse(_ source: String) throws(TemplateError) {
        _ = try Template(source: source, file: "templates/html.tmpl")
    }

    @Test("a section never closed is reported at the line that opens it")
    func unclosedSection() {
        let source = String(repeating: "line\n", count: 13) + "{{#items}}\n<p>{{title}}</p>\n"
        #expect(throws: TemplateError.unclosedSection(file: "templates/html.tmpl", line: 14, name: "items")) {
            try parse(source)
        }
        #expect(TemplateError.unclosedSection(file: "templates/html.tmpl", line: 14, name: "items").description
            == "templates/html.tmpl, line 14: the section 'items' is never closed; add {{/items}}.")
    }

    @Test("a close tag that does not match the open section names both")
    func mismatchedClose() {
        let error = TemplateError.mismatchedClose(
            file: "templates/html.tmpl", line: 3, closed: "item", opened: "items", openedLine: 1)
        #expect(throws: error) { try parse("{{#items}}\n{{title}}\n{{/item}}") }
        #expect(error.description == "templates/html.tmpl, line 3: {{/item}} does not match the section 'items' "
            + "opened on line 1; close that one first with {{/items}}.")
    }

    @Test("a close tag with no open section is an error")
    func unopenedSection() {
        #expect(throws: TemplateError.unopenedSection(file: "templates/html.tmpl", line: 2, name: "items")) {
            try parse("x\n{{/items}}")
        }
    }

    @Test("an unclosed tag, an empty tag, a bad name and a delimiter change are errors")
    func malformedTags() {
        #expect(throws: TemplateError.unclosedTag(file: "templates/html.tmpl", line: 2)) { try parse("a\n{{title") }
        #expect(throws: TemplateError.emptyTag(file: "templates/html.tmpl", line: 1)) { try parse("{{ }}") }
        #expect(throws: TemplateError.emptyTag(file: "templates/html.tmpl", line: 1)) { try parse("{{#}}") }
        #expect(throws: TemplateError.invalidName(file: "templates/html.tmpl", line: 1, name: "issue title")) {
            try parse("{{issue title}}")
        }
        #expect(throws: TemplateError.invalidName(file: "templates/html.tmpl", line: 1, name: "a..b")) {
            try parse("{{a..b}}")
        }
        #expect(throws: TemplateError.unsupportedDelimiters(file: "templates/html.tmpl", line: 1)) {
            try parse("{{=<% %>=}}")
        }
    }

    @Test("an unknown partial is reported where it is used")
    func unknownPartial() {
        #expect(throws: TemplateError.unknownPartial(file: "templates/test.tmpl", line: 2, name: "footer")) {
            try TemplateRendering.render("a\n{{> footer}}", TemplateRendering.context)
        }
    }

    @Test("a list used as text is an error that says to use a section")
    func listAsText() {
        let error = TemplateError.notText(file: "templates/test.tmpl", line: 1, name: "items")
        #expect(throws: error) { try TemplateRendering.render("{{items}}", TemplateRendering.context) }
        #expect(error.description.contains("{{#items}}…{{/items}}"))
    }

    @Test("a partial that includes itself forever is stopped with an error")
    func recursivePartial() {
        #expect(throws: TemplateError.partialsTooDeep(file: "templates/_loop.tmpl", line: 1, name: "loop")) {
            try TemplateRendering.render("{{> loop}}", TemplateRendering.context, partials: ["loop": "x{{> loop}}"])
        }
    }

    @Test("an unknown variable inside a section the issue skips is still found before rendering")
    func checkedBeforeRendering() throws {
        let templates = TemplateSet(files: ["text.tmpl": "{{#items}}\n{{titel}}\n{{/items}}\n"], directory: "mine")
        let empty = EditionContent(
            publication: PublicationInfo(), issue: EditionIssue(number: 1, date: RenderingFixtures.date("2026-01-01")),
            items: [])
        let error = TemplateError.unknownVariable(file: "mine/text.tmpl", line: 2, name: "titel", suggestion: "title")
        #expect(throws: error) { try FormatRenderer(templates: templates).render(empty, format: .text) }
        #expect(error.description == "mine/text.tmpl, line 2: there is no variable 'titel'; did you mean 'title'? "
            + "templates/README.md lists every variable.")
    }

    @Test("every built-in template passes the check")
    func builtInsAreValid() throws {
        let renderer = FormatRenderer()
        for format in RenderFormat.allCases {
            try renderer.check(format)
        }
    }
}
