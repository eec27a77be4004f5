import Foundation
import Testing

@Suite("Editions side by side: publish, export and render name the files alike")
struct EditionFilesTests {
    @Test("edition 2 sits beside edition 1 in --out; export writes both under the same names; the email and the feed link to each page")
    func sideBySide() throws {
        let directory = try TemporaryDirectory()
        let digest = Digest(directory: directory)
        try digest.initialise()
        #expect(try digest.run("config", "publication.archive-url", "https://harbour.example/archive/").status == 0)
        #expect(try digest.run("config", "publication.language", "en-gb").status == 0)
        let issue = try digest.draft()
        let item = try digest.addItem(issue, url: "https://tides.example/explained")
        #expect(try digest.run("submit", String(issue)).status == 0)
        #expect(try digest.run(["review", String(issue), "--approve", String(item)], as: "ben").status == 0)
        #expect(try digest.run("publish", String(issue), "--out", "out").status == 0)
        let first = try directory.bytes("out/\(issue)-2026-11-23.eml")
        let firstVersion = try #require(try DatabaseInspector.scalar(digest.databasePath,
                                                                     "SELECT version FROM editions WHERE edition = 1"))

        #expect(try digest.run("reopen", String(issue), "--reason", "Better title").status == 0)
        #expect(try digest.run("edit-item", String(issue), String(item), "--title", "Tide tables, explained again").status == 0)
        #expect(try digest.run("submit", String(issue)).status == 0)
        #expect(try digest.run(["review", String(issue), "--approve", String(item)], as: "ben").status == 0)
        let second = try digest.run("publish", String(issue), "--out", "out")
        #expect(second.status == 0, "\(second.standardError)")
        for suffix in ["md", "html", "txt", "eml"] {
            #expect(FileManager.default.fileExists(atPath: directory.file("out/\(issue)-2026-11-23.\(suffix)")))
            #expect(FileManager.default.fileExists(atPath: directory.file("out/\(issue)-2026-11-23-edition-2.\(suffix)")))
        }
        #expect(try directory.bytes("out/\(issue)-2026-11-23.eml") == first, "edition 1's files are left as they went out")
        let secondHTML = try directory.read("out/\(issue)-2026-11-23-edition-2.html")
        #expect(secondHTML.contains("<a href=\"https://harbour.example/archive/\(issue)-2026-11-23-edition-2.html\""))
        let firstText = try directory.read("out/\(issue)-2026-11-23.txt")
        #expect(firstText.contains("https://harbour.example/archive/\(issue)-2026-11-23.html"))

        let export = try digest.run("export", "--out", "site")
        #expect(export.status == 0, "\(export.standardError)")
        for name in ["\(issue)-2026-11-23", "\(issue)-2026-11-23-edition-2"] {
            for suffix in ["md", "html", "txt", "eml"] {
                #expect(try directory.bytes("site/\(name).\(suffix)") == (try directory.bytes("out/\(name).\(suffix)")),
                        "\(name).\(suffix)")
            }
        }
        let feed = try directory.read("site/feed.xml")
        #expect(feed.contains("<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"en-GB\">"))
        #expect(try directory.read("site/index.html").hasPrefix("<!DOCTYPE html>\n<html lang=\"en-GB\">"))
        #expect(secondHTML.hasPrefix("<!DOCTYPE html>\n<html lang=\"en-GB\">"))
        #expect(feed.contains("<link rel=\"alternate\" type=\"text/html\" "
            + "href=\"https://harbour.example/archive/\(issue)-2026-11-23-edition-2.html\"/>"))
        #expect(feed.contains("href=\"https://harbour.example/archive/feed.xml\""))
        #expect(try directory.read("site/index.html").contains("href=\"\(issue)-2026-11-23-edition-2.html\""))

        try FileManager.default.createDirectory(atPath: directory.file("again"), withIntermediateDirectories: true)
        let render = try digest.run("render", String(issue), "--format", "email", "--version", firstVersion, "--out", "again")
        #expect(render.status == 0, "\(render.standardError)")
        #expect(render.standardOutput == "Wrote again/\(issue)-2026-11-23.eml.\n")
        #expect(try directory.bytes("again/\(issue)-2026-11-23.eml") == first)
        let latest = try digest.run("render", String(issue), "--format", "html", "--out", "again/")
        #expect(latest.standardOutput == "Wrote again/\(issue)-2026-11-23-edition-2.html.\n")
    }

    @Test("settings for renders are checked: language, archive address, section order, contents, link style, mail command")
    func settingsAreChecked() throws {
        let directory = try TemporaryDirectory()
        let digest = Digest(directory: directory)
        try digest.initialise()
        for (key, value, stored) in [("publication.language", "pt-br", "pt-BR"), ("sections.order", " Releases ,long reads,,", "Releases, long reads"),
                                     ("render.toc", "ON", "on"), ("render.text-links", "Numbered", "numbered"),
                                     ("mail.command", "'/opt/my mailer/sendmail' -t -oi", "'/opt/my mailer/sendmail' -t -oi")] {
            let set = try digest.run("config", key, value)
            #expect(set.status == 0, "\(key): \(set.standardError)")
            #expect(try digest.run("config", key).standardOutput == stored + "\n", "\(key)")
        }
        for (key, value, message) in [
            ("publication.language", "en_GB", "publication.language \"en_GB\": it is not a BCP 47 language tag"),
            ("publication.archive-url", "ftp://harbour.example", "publication.archive-url \"ftp://harbour.example\""),
            ("render.text-links", "footnotes", "render.text-links \"footnotes\": it is neither inline nor numbered"),
            ("mail.command", "sendmail '-t", "mail.command \"sendmail '-t\": a quote is never closed"),
            ("sections.order", " , ", "sections.order \" , \": it names no section"),
        ] {
            let refused = try digest.run("config", key, value)
            #expect(refused.status == 65, "\(key)")
            #expect(refused.standardError.contains(message), "\(refused.standardError)")
        }
    }
}
