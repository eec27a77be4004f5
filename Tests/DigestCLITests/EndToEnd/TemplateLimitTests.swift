import Foundation
import Testing

/// Hostile templates end with exit 65 naming the file, the line and the
/// limit: never a crash from deep nesting, never a render that grows without
/// end.
@Suite("Template limits", .serialized)
struct TemplateLimitTests {
    let directory: TemporaryDirectory
    let digest: Digest

    init() throws {
        directory = try TemporaryDirectory()
        digest = Digest(directory: directory)
        try digest.initialise()
        // These templates are the whole Markdown: no front matter before them.
        _ = try digest.run("config", "render.front-matter", "none")
    }

    /// An issue with `count` items, submitted and approved so it can be published.
    func issueInReview(items count: Int) throws -> Int {
        let issue = try digest.draft()
        var lines = ""
        for index in 1...count {
            lines += #"{"title": "Story \#(index)", "url": "https://harbour.example/\#(index)", "source": "Review", "#
                + #""date": "2026-11-20", "excerpt": "Story \#(index) in a few words."}"# + "\n"
        }
        try directory.write("items.jsonl", lines)
        let added = try digest.run("add-item", String(issue), "--file", "items.jsonl")
        guard added.status == 0 else { throw StepFailed(step: "add-item", result: added) }
        let submitted = try digest.run("submit", String(issue))
        guard submitted.status == 0 else { throw StepFailed(step: "submit", result: submitted) }
        let ids = (1...count).map(String.init).joined(separator: ",")
        let approved = try digest.run(["review", String(issue), "--approve", ids], as: "theo")
        guard approved.status == 0 else { throw StepFailed(step: "review", result: approved) }
        return issue
    }

    func templates(_ files: [String: String]) throws -> String {
        let folder = directory.file("templates")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        for (name, text) in files { try directory.write("templates/\(name)", text) }
        return folder
    }

    @Test("30,000 nested sections are refused at the section past the limit (65), for render and publish")
    func deepNesting() throws {
        let issue = try issueInReview(items: 2)
        let depth = 30_000
        let source = "<p>\n" + String(repeating: "{{#issue}}", count: depth) + "x" + String(repeating: "{{/issue}}", count: depth)
        let folder = try templates(["html.tmpl": source])
        let expected = "digest: error: \(folder)/html.tmpl, line 2: sections nest deeper than 32 levels here; "
            + "close a section before opening another (the limit is 32 nested sections per template).\n"

        let render = try digest.run("render", String(issue), "--format", "html", "--templates", folder)
        #expect(render.status == 65)
        #expect(render.standardError == expected)
        #expect(render.standardOutput == "")

        let before = try directory.bytes("digest.sqlite")
        let publish = try digest.run("publish", String(issue), "--out", directory.file("out"), "--templates", folder)
        #expect(publish.status == 65)
        #expect(publish.standardError.hasSuffix(expected), "\(publish.standardError)")
        #expect(try directory.bytes("digest.sqlite") == before)
        #expect(!FileManager.default.fileExists(atPath: directory.file("out")))
    }

    @Test("32 nested sections render; 33 do not")
    func nestingAtTheLimit() throws {
        let issue = try issueInReview(items: 1)
        let inside = String(repeating: "{{#issue}}", count: 32) + "{{title}}" + String(repeating: "{{/issue}}", count: 32)
        let folder = try templates(["markdown.tmpl": inside + "\n"])
        let render = try digest.run("render", String(issue), "--format", "markdown", "--templates", folder)
        #expect(render.status == 0, "\(render.standardError)")
        #expect(render.standardOutput == "Harbour notes\n")

        try directory.write("templates/markdown.tmpl", "{{#issue}}" + inside + "{{/issue}}\n")
        let refused = try digest.run("render", String(issue), "--format", "markdown", "--templates", folder)
        #expect(refused.status == 65)
        #expect(refused.standardError.hasPrefix("digest: error: \(folder)/markdown.tmpl, line 1: sections nest deeper than 32 levels"))
    }

    @Test("a chain of partials, each nesting sections, is stopped before the stack runs out")
    func partialChain() throws {
        let issue = try issueInReview(items: 1)
        var files: [String: String] = ["text.tmpl": "{{> p0}}\n"]
        let open = String(repeating: "{{#issue}}", count: 32), close = String(repeating: "{{/issue}}", count: 32)
        for index in 0..<40 { files["_p\(index).tmpl"] = open + "{{> p\(index + 1)}}" + close }
        files["_p40.tmpl"] = "end"
        let folder = try templates(files)
        let render = try digest.run("render", String(issue), "--format", "text", "--templates", folder)
        #expect(render.status == 65)
        #expect(render.standardError == "digest: error: \(folder)/_p31.tmpl, line 1: the partial 'p32' nests "
            + "partials deeper than 32 levels; a partial must not include itself without end.\n")

        // One partial fewer is the deepest nesting allowed, and it renders.
        try directory.write("templates/_p31.tmpl", "end")
        let deepest = try digest.run("render", String(issue), "--format", "text", "--templates", folder)
        #expect(deepest.status == 0, "\(deepest.standardError)")
        #expect(deepest.standardOutput == "end")
    }

    @Test("partials that each include the next twice are stopped by the checker's limit (65)")
    func doublingPartials() throws {
        let issue = try issueInReview(items: 1)
        var files: [String: String] = ["html.tmpl": "<p>\n{{> d0}}\n"]
        for index in 0..<30 { files["_d\(index).tmpl"] = "{{> d\(index + 1)}}\n{{> d\(index + 1)}}\n" }
        files["_d30.tmpl"] = "{{issue.title}}"
        let folder = try templates(files)
        let render = try digest.run("render", String(issue), "--format", "html", "--templates", folder)
        #expect(render.status == 65)
        #expect(render.standardError.hasPrefix("digest: error: \(folder)/_d"))
        #expect(render.standardError.hasSuffix(": checking the template visited more than 100000 tags; partials "
            + "include each other too many times over: include each partial from fewer places.\n"))
    }

    @Test("sections of items nested five deep over 31 items are stopped by the work limit (65), quickly")
    func multiplyingSections() throws {
        let issue = try issueInReview(items: 31)
        let source = "Links\n{{#items}}\n" + String(repeating: "{{#items}}", count: 4) + "{{title}}"
            + String(repeating: "{{/items}}", count: 4) + "\n{{/items}}\n"
        let folder = try templates(["markdown.tmpl": source])
        let started = Date()
        let render = try digest.run("render", String(issue), "--format", "markdown", "--templates", folder)
        #expect(render.status == 65)
        #expect(render.standardError == "digest: error: \(folder)/markdown.tmpl, line 3: the render took more than "
            + "162000 steps, the limit for an issue of 31 items (100000 + 2000 per item); a section that repeats "
            + "inside another repeats its content for every pair of items: take it out of the enclosing section.\n")
        #expect(render.standardOutput == "")
        // The limit stops the render long before the 28 million titles it asks for.
        #expect(Date().timeIntervalSince(started) < 60)

        let before = try directory.bytes("digest.sqlite")
        let publish = try digest.run("publish", String(issue), "--out", directory.file("out"), "--templates", folder)
        #expect(publish.status == 65)
        #expect(try directory.bytes("digest.sqlite") == before)
    }

    @Test("two levels of items over 31 items (961 titles) are within the limit")
    func quadraticWithinLimit() throws {
        let issue = try issueInReview(items: 31)
        let folder = try templates(["markdown.tmpl": "{{#items}}{{#items}}.{{/items}}{{/items}}\n"])
        let render = try digest.run("render", String(issue), "--format", "markdown", "--templates", folder)
        #expect(render.status == 0, "\(render.standardError)")
        #expect(render.standardOutput == String(repeating: ".", count: 961) + "\n")
    }

    @Test("a render that grows past its size limit is refused (65) naming the limit")
    func outputTooLarge() throws {
        let issue = try issueInReview(items: 2)
        // 100 KB of text inside items nested six deep: 2^6 copies, 6.4 MB from a few hundred steps.
        let block = String(repeating: "tide ", count: 20_000)
        let source = "Links\n" + String(repeating: "{{#items}}", count: 6) + block + String(repeating: "{{/items}}", count: 6) + "\n"
        let folder = try templates(["markdown.tmpl": source])
        let render = try digest.run("render", String(issue), "--format", "markdown", "--templates", folder)
        #expect(render.status == 65)
        #expect(render.standardError == "digest: error: \(folder)/markdown.tmpl, line 2: the render grew past "
            + "4325376 bytes, the limit for an issue of 2 items (4 MiB + 64 KiB per item); a template should not "
            + "repeat large text so many times.\n")
        #expect(render.standardOutput == "")
    }
}
