import Foundation
import Testing

/// The Markdown edition dropped into the tools sites are built with: front
/// matter that Hugo (and Jekyll, Eleventy, Zola) read, and escapes that
/// Python-Markdown (MkDocs, Pelican) shows as the characters they stand for,
/// as CommonMark does.
@Suite("Markdown for static sites: front matter, escapes every renderer reads")
struct StaticSiteMarkdownTests {
    let directory: TemporaryDirectory
    let digest: Digest

    init() throws {
        directory = try TemporaryDirectory()
        digest = Digest(directory: directory)
        try digest.initialise()
    }

    /// Publishes an issue titled `title` with one item titled `itemTitle`; returns its number.
    func published(title: String, itemTitle: String, date: String = "2026-11-23", out: String = "out",
                   section: String? = nil) throws -> Int {
        let issue = try digest.draft(date: date, title: title)
        let item = try digest.addItem(issue, title: itemTitle, url: "https://harbour.example/\(issue)",
                                      extra: section.map { ["--section", $0] } ?? [])
        #expect(try digest.run("submit", String(issue)).status == 0)
        #expect(try digest.run(["review", String(issue), "--approve", String(item)], as: "ben").status == 0)
        let published = try digest.run("publish", String(issue), "--out", out)
        #expect(published.status == 0, "\(published.standardError)")
        return issue
    }

    func python(_ script: String, _ arguments: [String]) throws -> ProcessResult {
        try Digest.execute("/usr/bin/env", ["python3", "-c", script] + arguments, environment: digest.environment,
                           directory: directory.path)
    }

    @Test("YAML front matter by default (title, date, issue, edition, slug), TOML or none as set; each parses to the issue's values")
    func frontMatter() throws {
        let issue = try published(title: "Tides \"and\" tolls: <the> #1 list", itemTitle: "Quay works")
        let markdown = try directory.read("out/\(issue)-2026-11-23.md")
        #expect(markdown.hasPrefix("---\ntitle: \"Tides \\\"and\\\" tolls: <the> #1 list\"\ndate: 2026-11-23\nissue: \(issue)\n"
            + "edition: 1\nslug: \"\(issue)-2026-11-23\"\n---\n\n# The Harbour Weekly\n"), "\(markdown.prefix(300))")
        let yaml = try python("""
            import sys, yaml
            text = open(sys.argv[1]).read()
            meta = yaml.safe_load(text.split("---\\n")[1])
            print(meta["title"], meta["date"].isoformat(), meta["issue"], meta["edition"], meta["slug"], sep="|")
            """, ["out/\(issue)-2026-11-23.md"])
        #expect(yaml.status == 0, "\(yaml.standardError)")
        #expect(yaml.standardOutput == "Tides \"and\" tolls: <the> #1 list|2026-11-23|\(issue)|1|\(issue)-2026-11-23\n")

        // A published edition keeps its bytes; a draft renders with the setting as it is now.
        let draft = try digest.draft(date: "2026-11-30", title: "Tides \"and\" tolls: <the> #1 list")
        try digest.addItem(draft, url: "https://harbour.example/draft")
        #expect(try digest.run("config", "render.front-matter", "toml").status == 0)
        #expect(try digest.run("render", String(issue), "--format", "md").standardOutput.hasPrefix("---\n"))
        let toml = try digest.run("render", String(draft), "--format", "md")
        #expect(toml.standardOutput.hasPrefix("+++\ntitle = \"Tides \\\"and\\\" tolls: <the> #1 list\"\ndate = 2026-11-30\n"),
                "\(toml.standardOutput.prefix(200))")
        try directory.write("toml.md", toml.standardOutput)
        let parsed = try python("""
            import sys, tomllib
            meta = tomllib.loads(open(sys.argv[1]).read().split("+++\\n")[1])
            print(meta["title"], meta["date"].isoformat(), meta["issue"], meta["slug"], sep="|")
            """, ["toml.md"])
        #expect(parsed.standardOutput == "Tides \"and\" tolls: <the> #1 list|2026-11-30|\(draft)|\(draft)-2026-11-30\n",
                "\(parsed.standardError)")

        #expect(try digest.run("config", "render.front-matter", "none").status == 0)
        #expect(try digest.run("render", String(draft), "--format", "md").standardOutput.hasPrefix("# The Harbour Weekly\n"))
        let refused = try digest.run("config", "render.front-matter", "json")
        #expect(refused.status == 65)
        #expect(refused.standardError == "digest: error: render.front-matter \"json\": it is not yaml, toml or none; "
            + "write yaml (Hugo, Jekyll), toml (Hugo, Zola) or none.\n")
    }

    @Test("Python-Markdown shows <, >, & and the other marks as themselves: no backslash before them, as cmark shows them")
    func pythonMarkdown() throws {
        let title = "Use <script> wisely & <dialog> too: 2 > 1, *not* _this_ [or] `that`"
        let issue = try published(title: "Harbour notes", itemTitle: title)
        let file = "out/\(issue)-2026-11-23.md"
        let markdown = try directory.read(file)
        #expect(!markdown.contains("\\<") && !markdown.contains("\\>"), "no backslash before < or > in the Markdown")
        let rendered = try python("""
            import sys, re, html, markdown
            text = open(sys.argv[1]).read().split("---\\n", 2)[2]
            page = markdown.markdown(text)
            heading = re.search(r"<h3><a href=[^>]*>(.*?)</a></h3>", page).group(1)
            print(html.unescape(re.sub(r"<[^>]+>", "", heading)))
            print("\\\\<" in page or "\\\\&" in page)
            """, [file])
        #expect(rendered.status == 0, "\(rendered.standardError)")
        #expect(rendered.standardOutput == title + "\nFalse\n")
        let cmark = try Digest.execute("/usr/bin/env", ["cmark", file], environment: digest.environment, directory: directory.path)
        #expect(cmark.standardOutput.contains(">Use &lt;script&gt; wisely &amp; &lt;dialog&gt; too: 2 &gt; 1, *not* _this_ [or] `that`</a></h3>"),
                "\(cmark.standardOutput)")
    }

    @Test("Hugo builds the published Markdown: each page has its issue's title and date, the list page links to each, and the contents' links reach Hugo's heading ids",
          .enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/hugo"), "hugo is not installed"))
    func hugo() throws {
        let site = directory.file("site")
        try FileManager.default.createDirectory(atPath: site + "/content/issues", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: site + "/layouts/_default", withIntermediateDirectories: true)
        try directory.write("site/config.toml", "baseURL = 'https://harbour.example/'\ntitle = 'Harbour'\n"
            + "disableKinds = ['taxonomy', 'term', 'RSS', 'sitemap', 'robotsTXT']\n")
        try directory.write("site/layouts/_default/single.html",
                            "<h1 id=\"page-title\">{{ .Title }}</h1><time>{{ .Date.Format \"2006-01-02\" }}</time>{{ .Content }}\n")
        try directory.write("site/layouts/_default/list.html",
                            "{{ range .Pages }}<a href=\"{{ .RelPermalink }}\">{{ .Title }}</a>\n{{ end }}")
        #expect(try digest.run("config", "render.toc", "on").status == 0)
        let first = try published(title: "Tides & tolls", itemTitle: "Quay works", date: "2026-11-16", out: "site/content/issues",
                                  section: "Tides & tolls")
        let second = try published(title: "Ferry <times>", itemTitle: "Night ferries", date: "2026-11-23", out: "site/content/issues")
        // Hugo reads Markdown; the other renders of the edition are not its content.
        for name in try FileManager.default.contentsOfDirectory(atPath: site + "/content/issues") where !name.hasSuffix(".md") {
            try FileManager.default.removeItem(atPath: site + "/content/issues/" + name)
        }
        let built = try Digest.execute("/usr/bin/hugo", ["--quiet", "-s", site, "-d", site + "/public"],
                                       environment: digest.environment, directory: directory.path)
        #expect(built.status == 0, "\(built.standardError)\(built.standardOutput)")
        for (issue, title, date) in [(first, "Tides &amp; tolls", "2026-11-16"), (second, "Ferry &lt;times&gt;", "2026-11-23")] {
            let page = try directory.read("site/public/issues/\(issue)-\(date)/index.html")
            #expect(page.contains("<h1 id=\"page-title\">\(title)</h1><time>\(date)</time>"), "\(page.prefix(400))")
        }
        // The contents link to the section by the id Hugo gives its heading ("Tides & tolls" → tides--tolls).
        let firstPage = try directory.read("site/public/issues/\(first)-2026-11-16/index.html")
        #expect(firstPage.contains("<a href=\"#tides--tolls\">Tides &amp; tolls</a>"), "\(firstPage)")
        #expect(firstPage.contains("<h2 id=\"tides--tolls\">Tides &amp; tolls</h2>"), "\(firstPage)")
        let list = try directory.read("site/public/issues/index.html")
        #expect(list.contains("<a href=\"/issues/\(first)-2026-11-16/\">Tides &amp; tolls</a>"), "\(list)")
        #expect(list.contains("<a href=\"/issues/\(second)-2026-11-23/\">Ferry &lt;times&gt;</a>"), "\(list)")
    }
}
