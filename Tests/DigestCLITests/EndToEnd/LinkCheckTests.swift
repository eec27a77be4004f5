import Foundation
import Testing

@Suite("check-links")
struct LinkCheckTests {
    @Test("every outcome is stored per item, shown by show and review, and never changes an item or adds a revision")
    func outcomes() throws {
        let directory = try TemporaryDirectory()
        let digest = Digest(directory: directory)
        try digest.initialise()
        // The test server is on 127.0.0.1, which check-links refuses unless allowed.
        #expect(try digest.run("config", "fetch.allow-private", "on").status == 0)
        let server = try LocalServer()
        defer { server.stop() }
        let issue = try digest.draft()
        let ok = try digest.addItem(issue, title: "Fine", url: server.url("/ok"))
        let moved = try digest.addItem(issue, title: "Moved", url: server.url("/chain/3"))
        let gone = try digest.addItem(issue, title: "Gone", url: server.url("/not-found"))
        let closed = try digest.addItem(issue, title: "Closed", url: "http://127.0.0.1:\(try LocalServer.closedPort())/x")
        let before = try DatabaseInspector.scalar(digest.databasePath, "SELECT version FROM issues")
        let result = try digest.run("check-links", String(issue), "--timeout", "3", "--json")
        #expect(result.status == 0, "\(result.standardError)")
        let links = try #require(try JSONReader.array(result.standardOutput, "links") as? [[String: Any]])
        let outcome = Dictionary(uniqueKeysWithValues: links.map { ($0["item"] as? Int ?? 0, $0["outcome"] as? String ?? "") })
        #expect(outcome == [ok: "ok", moved: "redirected", gone: "broken", closed: "unreachable"])
        #expect(links.first { $0["item"] as? Int == moved }?["suggested_url"] as? String == server.url("/ok"))
        #expect(try DatabaseInspector.scalar(digest.databasePath, "SELECT version FROM issues") == before)
        #expect(try DatabaseInspector.scalar(digest.databasePath, "SELECT count(*) FROM link_checks") == "4")
        let show = try digest.run("show", String(issue), "--json").standardOutput
        #expect(try JSONReader.string(show, "issue", "items", 2, "link_check", "outcome") == "broken")
        #expect(try digest.run("show", String(issue)).standardOutput.contains("link: broken — HTTP 404"))
        _ = try digest.run("edit-item", String(issue), String(gone), "--url", server.url("/ok?fixed"))
        let edited = try digest.run("show", String(issue), "--json").standardOutput
        #expect(try JSONReader.value(edited, ["issue", "items", 2, "link_check"]) is NSNull)
        // Back to the link that was checked: the old result was about that link before the change, not now.
        #expect(try digest.run("edit-item", String(issue), String(gone), "--url", server.url("/not-found")).status == 0)
        let restored = try digest.run("show", String(issue), "--json").standardOutput
        #expect(try JSONReader.value(restored, ["issue", "items", 2, "link_check"]) is NSNull)
        #expect(!(try digest.run("show", String(issue)).standardOutput.contains("link: broken")))
        // A title edit keeps the link, and so keeps the result of the item that kept its link.
        #expect(try digest.run("edit-item", String(issue), String(ok), "--title", "Fine, retitled").status == 0)
        let retitled = try digest.run("show", String(issue), "--json").standardOutput
        #expect(try JSONReader.string(retitled, "issue", "items", 0, "link_check", "outcome") == "ok")
    }

    @Test("publish warns about broken and unchecked links, and refuses them when publish.require-links-ok is on")
    func publishRule() throws {
        let directory = try TemporaryDirectory()
        let digest = Digest(directory: directory)
        try digest.initialise()
        // The test server is on 127.0.0.1, which check-links refuses unless allowed.
        #expect(try digest.run("config", "fetch.allow-private", "on").status == 0)
        let server = try LocalServer()
        defer { server.stop() }
        let issue = try digest.draft()
        let good = try digest.addItem(issue, title: "Fine", url: server.url("/ok"))
        let bad = try digest.addItem(issue, title: "Gone", url: server.url("/not-found"))
        _ = try digest.run("submit", String(issue))
        _ = try digest.run(["review", String(issue), "--approve", "\(good),\(bad)"], as: "ben")
        #expect(try digest.run("config", "publish.require-links-ok", "on").status == 0)
        let unchecked = try digest.run("publish", String(issue))
        #expect(unchecked.status == 1)
        #expect(unchecked.standardError.contains("unchecked links in items \(good), \(bad)"))
        #expect(try digest.run("check-links", String(issue)).status == 0)
        let broken = try digest.run("publish", String(issue))
        #expect(broken.status == 1)
        #expect(broken.standardError.contains("broken links in items \(bad)"))
        #expect(try digest.run("config", "publish.require-links-ok", "off").status == 0)
        let warned = try digest.run("publish", String(issue))
        #expect(warned.status == 0)
        #expect(warned.standardError.contains("digest: warning: item \(bad)'s link looks broken (HTTP 404 Not Found)."))
        #expect(try digest.run("check-links", String(issue)).status == 0)
    }
}

/// The link checker's own test server (a small Python script), on 127.0.0.1.
final class LocalServer {
    private let process = Process()
    private let input = Pipe()
    let port: Int

    init() throws {
        let script = Products.packageRoot + "/Tests/DigestLinkCheckTests/Fixtures/link_server.py"
        let output = Pipe()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", script]
        process.standardInput = input
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        var line = Data()
        while let byte = try output.fileHandleForReading.read(upToCount: 1), !byte.isEmpty, byte != Data([0x0A]) {
            line.append(byte)
        }
        guard let port = Int(String(decoding: line, as: UTF8.self).filter(\.isNumber)) else {
            throw ServerFailed()
        }
        self.port = port
    }

    func url(_ path: String) -> String { "http://127.0.0.1:\(port)\(path)" }

    func stop() {
        try? input.fileHandleForWriting.close()
        process.terminate()
        process.waitUntilExit()
    }

    /// A port nothing listens on.
    static func closedPort() throws -> Int {
        let result = try Digest.execute("/usr/bin/env", ["python3", "-c",
            "import socket; s = socket.socket(); s.bind(('127.0.0.1', 0)); print(s.getsockname()[1]); s.close()"],
            environment: ProcessInfo.processInfo.environment, directory: "/")
        guard let port = Int(result.standardOutput.filter(\.isNumber)) else { throw ServerFailed() }
        return port
    }

    struct ServerFailed: Error {}
}
