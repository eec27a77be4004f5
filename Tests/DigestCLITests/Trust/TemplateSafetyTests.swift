import Foundation
import Testing

/// A hostile templates folder: files that link out of it, `{{{ }}}` output
/// that carries a script, an event attribute written into the template. Each
/// is refused (65) by publish and by render --format html|email, naming the
/// template, and nothing is stored; the default templates still pass.
@Suite("Templates that try to reach outside")
struct TemplateSafetyTests {
    let directory: TemporaryDirectory
    let digest: Digest

    init() throws {
        directory = try TemporaryDirectory()
        digest = Digest(directory: directory)
        try digest.initialise()
        try FileManager.default.createDirectory(atPath: directory.file("templates"), withIntermediateDirectories: true)
    }

    /// Issue 1 in review, both items decided by ben, with `excerpt` on the first.
    func readyToPublish(excerpt: String = "Why there are two tides a day, most days.") throws {
        let issue = try digest.draft()
        try digest.addItem(issue, url: "https://tides.example/a", excerpt: excerpt)
        try digest.addItem(issue, title: "Seals on the sandbank", url: "https://seals.example/b")
        #expect(try digest.run("submit", "1").status == 0)
        #expect(try digest.run(["review", "1", "--approve", "1,2"], as: "ben").status == 0)
    }

    /// publish and both HTML-bearing renders are refused with 65 and `message`; the database is unchanged.
    func allRefused(saying message: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let before = try Data(contentsOf: URL(fileURLWithPath: digest.databasePath))
        for arguments in [["publish", "1", "--out", "out"], ["render", "1", "--format", "html"],
                          ["render", "1", "--format", "email"]] {
            let result = try digest.run(arguments)
            #expect(result.status == 65, "\(arguments): \(result.standardError)", sourceLocation: sourceLocation)
            #expect(result.standardError.contains(message), "\(result.standardError)", sourceLocation: sourceLocation)
            #expect(result.standardOutput.isEmpty, sourceLocation: sourceLocation)
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: digest.databasePath)) == before, sourceLocation: sourceLocation)
        #expect(!FileManager.default.fileExists(atPath: directory.file("out")), sourceLocation: sourceLocation)
    }

    @Test("a partial that is a symbolic link out of the folder is refused, naming it and its target")
    func symlinkedPartial() throws {
        try readyToPublish()
        let secret = try directory.write("secret.txt", "root:x:0:0:SECRET\n")
        try FileManager.default.createSymbolicLink(atPath: directory.file("templates/_html-item.tmpl"),
                                                   withDestinationPath: secret)
        #expect(try digest.run("config", "templates", directory.file("templates")).status == 0)
        let target = try #require(URL(fileURLWithPath: secret).resolvingSymlinksInPath().path as String?)
        try allRefused(saying: "The template '\(directory.file("templates"))/_html-item.tmpl' is a link to \(target), "
            + "outside the templates folder")
        let markdown = try digest.run("render", "1", "--format", "markdown")
        #expect(markdown.status == 65)
        #expect(!markdown.standardOutput.contains("SECRET"))
    }

    @Test("a link to another file inside the folder is read")
    func linkInsideTheFolder() throws {
        try readyToPublish()
        try directory.write("templates/item.txt", "<p>{{title}}</p>\n")
        try FileManager.default.createSymbolicLink(atPath: directory.file("templates/_html-item.tmpl"),
                                                   withDestinationPath: "item.txt")
        let result = try digest.run("render", "1", "--format", "html", "--templates", directory.file("templates"))
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardOutput.contains("<p>Tide tables, explained</p>"))
    }

    @Test("{{{ }}} that puts a script into the render is refused, saying where it came from")
    func tripleBraceScript() throws {
        try readyToPublish(excerpt: "Tides <script>alert(1)</script> explained.")
        try directory.write("templates/_html-item.tmpl", "<p>{{title}}: {{{excerpt}}}</p>\n")
        #expect(try digest.run("config", "templates", directory.file("templates")).status == 0)
        try allRefused(saying: "\(directory.file("templates"))/_html-item.tmpl, line 1: the HTML render would contain <script>")
        let text = try digest.run("render", "1", "--format", "html")
        #expect(text.standardError.contains("It comes from a tag's value: {{{ }}} prints text unescaped; use {{ }} instead."))
    }

    @Test("an onerror= attribute written in the template is refused, naming the template and its line")
    func eventAttribute() throws {
        try readyToPublish()
        try directory.write("templates/html.tmpl", "<!DOCTYPE html>\n<html><body>\n<h1>{{issue.displayTitle}}</h1>\n"
            + "<p title=\"logo\" onerror=\"alert(1)\">x</p>\n</body></html>\n")
        #expect(try digest.run("config", "templates", directory.file("templates")).status == 0)
        try allRefused(saying: "\(directory.file("templates"))/html.tmpl, line 4: the HTML render would contain onerror=")
    }

    @Test("outside resources, javascript: links and forms are refused too")
    func otherActiveContent() throws {
        try readyToPublish()
        let cases = [
            ("<img alt=\"\" src=\"https://tracker.example/pixel.gif\">", "<img>"),
            ("<table background=\"https://tracker.example/pixel.gif\">", "background="),
            ("<a href=\" java&#09;script:alert(1)\">x</a>", "href=\"javascript:"),
            ("<form action=\"https://phish.example\"><input></form>", "<form>"),
            ("<meta http-equiv=\"refresh\" content=\"0;url=https://phish.example\">", "<meta http-equiv>"),
            ("<link rel=\"stylesheet\" href=\"https://cdn.example/a.css\">", "<link>"),
        ]
        for (line, construct) in cases {
            try directory.write("templates/html.tmpl", "<!DOCTYPE html>\n<html><body>\n\(line)\n</body></html>\n")
            let result = try digest.run("render", "1", "--format", "html", "--templates", directory.file("templates"))
            #expect(result.status == 65, "\(line)")
            #expect(result.standardError.contains("html.tmpl, line 3: the HTML render would contain \(construct)"),
                    "\(result.standardError)")
        }
    }

    @Test("the default templates pass, whatever the items say")
    func defaultsPass() throws {
        try readyToPublish(excerpt: "Try <script>alert(1)</script> and \" onerror=\"alert(1) and javascript:alert(1).")
        let html = try digest.run("render", "1", "--format", "html")
        #expect(html.status == 0, "\(html.standardError)")
        #expect(!html.standardOutput.contains("<script"))
        #expect(html.standardOutput.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(try digest.run("render", "1", "--format", "email").status == 0)
        let published = try digest.run("publish", "1", "--out", "out")
        #expect(published.status == 0, "\(published.standardError)")
    }

    @Test("a stored edition with active content (stored before renders were checked) is not printed as HTML (65)")
    func storedEditionIsChecked() throws {
        try readyToPublish()
        #expect(try digest.run("publish", "1", "--out", "out").status == 0)
        // As an older digest could have stored it: the edition rewritten past its guard.
        _ = try DatabaseInspector.query(digest.databasePath, """
            DROP TRIGGER editions_are_history;
            UPDATE editions SET html = replace(html, '</body>', '<script>alert(1)</script></body>');
            """)
        for format in ["html", "email"] {
            let result = try digest.run("render", "1", "--format", format)
            #expect(result.status == 65)
            #expect(result.standardError.contains("issue 1's stored edition 1 has <script> in its HTML"))
            #expect(result.standardOutput.isEmpty)
        }
        #expect(try digest.run("render", "1", "--format", "text").status == 0)
    }

    /// Hostile additions to the built-in templates, with whether the one rule set accepts them.
    static let hostile: [(name: String, file: String, snippet: String, accepted: Bool)] = [
        ("a <style> that loads nothing", "html.tmpl",
         "<style>@media (prefers-color-scheme: dark) { body { background: #111111; color: #eeeeee; } }</style>", true),
        ("a <style> that imports a sheet", "html.tmpl", "<style>@import url(https://cdn.example/a.css);</style>", false),
        ("an <img> from outside", "html.tmpl", "<img alt=\"\" src=\"https://t.example/p.gif\">", false),
        ("an <img> of the message itself", "html.tmpl", "<img alt=\"logo\" src=\"cid:logo\">", false),
        ("<!--> then a script", "html.tmpl", "<!--><script>alert(1)</script>-->", false),
        ("a javascript: link", "html.tmpl", "<a href=\"javascript:alert(1)\">x</a>", false),
        ("an ftp: link", "html.tmpl", "<a href=\"ftp://files.example/x\">x</a>", false),
        ("an event attribute", "html.tmpl", "<p onclick=\"go()\">x</p>", false),
        ("a script in the Markdown", "markdown.tmpl", "<script>alert(1)</script>", false),
        ("a javascript: link in the Markdown", "markdown.tmpl", "[x](javascript:alert(1))", false),
    ]

    @Test("render and publish agree on every hostile template: both accept, or both refuse with the same message",
          arguments: Array(0..<TemplateSafetyTests.hostile.count))
    func renderAndPublishAgree(case index: Int) throws {
        let hostile = Self.hostile[index]
        try readyToPublish()
        let builtIn = try String(contentsOfFile: Products.packageRoot + "/templates/" + hostile.file, encoding: .utf8)
        let changed = hostile.file == "html.tmpl"
            ? builtIn.replacingOccurrences(of: "</body>", with: hostile.snippet + "\n</body>")
            : builtIn + "\n" + hostile.snippet + "\n"
        #expect(changed != builtIn)
        _ = try directory.write("templates/" + hostile.file, changed)
        let format = hostile.file == "html.tmpl" ? "html" : "markdown"
        let rendered = try digest.run("render", "1", "--format", format, "--templates", "templates")
        let published = try digest.run("publish", "1", "--templates", "templates", "--out", "out")
        #expect(rendered.status == published.status, "\(hostile.name): render \(rendered.status), publish \(published.status)")
        if hostile.accepted {
            #expect(rendered.status == 0, "\(hostile.name): \(rendered.standardError)")
            #expect(published.status == 0, "\(hostile.name): \(published.standardError)")
        } else {
            #expect(rendered.status == 65, "\(hostile.name): \(rendered.standardError)")
            // publish may warn first (unchecked links); the error is the same line.
            let error = { (result: ProcessResult) in result.standardError.split(separator: "\n").filter { $0.hasPrefix("digest: error: ") } }
            #expect(error(rendered).count == 1, "\(hostile.name): \(rendered.standardError)")
            #expect(error(rendered) == error(published), "\(hostile.name): \(published.standardError)")
            #expect(try DatabaseInspector.scalar(digest.databasePath, "SELECT count(*) FROM editions") == "0")
        }
    }
}
