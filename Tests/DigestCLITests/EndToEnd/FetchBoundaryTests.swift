import Foundation
import Testing

/// What a server on the web can make digest's fetching do to the host: a
/// body that inflates without end, a name that resolves to the host's own
/// network when it is connected to, links that point inside. Each attack is
/// played against the built programs, as a person runs them.
@Suite("Fetching cannot be turned against the host")
struct FetchBoundaryTests {
    /// A run measured from outside: its outcome, the peak memory of the whole
    /// process tree (digest, digest-fetch and its children), and its time.
    struct Measured {
        let status: Int32
        let standardOutput: String
        let standardError: String
        let peakKilobytes: Int
        let seconds: Double
    }

    static func measured(_ arguments: [String], environment: [String: String], directory: String) throws -> Measured {
        let wrapper = """
            import json, resource, subprocess, sys, time
            started = time.monotonic()
            run = subprocess.run(sys.argv[1:], capture_output=True)
            print(json.dumps({"status": run.returncode, "stdout": run.stdout.decode(errors="replace"),
                              "stderr": run.stderr.decode(errors="replace"), "seconds": time.monotonic() - started,
                              "peak_kb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss}))
            """
        let result = try Digest.execute("/usr/bin/env", ["python3", "-c", wrapper] + arguments,
                                        environment: environment, directory: directory)
        let object = try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any] ?? [:]
        return Measured(status: Int32(object["status"] as? Int ?? -1), standardOutput: object["stdout"] as? String ?? "",
                        standardError: object["stderr"] as? String ?? result.standardError,
                        peakKilobytes: object["peak_kb"] as? Int ?? Int.max, seconds: object["seconds"] as? Double ?? .infinity)
    }

    /// The link server's request count.
    static func requests(_ server: LocalServer) throws -> Int {
        let result = try Digest.execute("/usr/bin/env", ["python3", "-c",
            "import json, urllib.request; print(json.load(urllib.request.urlopen('\(server.url("/stats"))'))['requests'])"],
            environment: [:], directory: "/")
        return Int(result.standardOutput.trimmingCharacters(in: .whitespacesAndNewlines)) ?? -1
    }

    @Test("a 3 MB gzip body that inflates to 3 GB stops at the 5 MB limit, in bounded memory and time: digest-fetch, nominate, feeds pull")
    func gzipBomb() throws {
        let server = try LocalServer()
        defer { server.stop() }
        let digest = Digest(directory: try TemporaryDirectory(), user: "mira")
        try digest.initialise()
        #expect(try digest.run("config", "fetch.allow-private", "on").status == 0)
        #expect(try digest.run("config", "people.mira", "editor").status == 0)
        #expect(try digest.run("config", "people.kim", "contributor").status == 0)
        let timeout = 5.0
        let environment = digest.environment

        let page = try Self.measured([Products.directory + "/digest-fetch", "page", server.url("/bomb"), "--allow-private",
                                      "--timeout", String(timeout)], environment: environment, directory: digest.directory.path)
        #expect(page.status == 69)
        #expect(page.standardOutput == #"{"error":"the answer is larger than the limit of 5 MB","url":"\#(server.url("/bomb"))"}"# + "\n")
        #expect(page.peakKilobytes <= 100 * 1024, "peak \(page.peakKilobytes) KB")
        #expect(page.seconds <= timeout + 2, "\(page.seconds) s")

        let nominated = try Self.measured([Products.digest, "--as", "kim", "nominate", server.url("/bomb"), "--timeout",
                                           String(timeout)], environment: environment, directory: digest.directory.path)
        #expect(nominated.status == 69, "\(nominated.standardError)")
        #expect(nominated.standardError.contains("the answer is larger than the limit of 5 MB"))
        #expect(nominated.peakKilobytes <= 100 * 1024, "peak \(nominated.peakKilobytes) KB")
        #expect(nominated.seconds <= timeout + 2, "\(nominated.seconds) s")
        #expect(try DatabaseInspector.scalar(digest.databasePath, "SELECT count(*) FROM candidates") == "0")

        // A pull reads the bomb's feed and a good one side by side: the good one is stored.
        #expect(try digest.run("feeds", "add", server.url("/bomb?type=application/rss%2Bxml")).status == 0)
        #expect(try digest.run("feeds", "add", server.url("/fixture/rss.xml")).status == 0)
        let pulled = try Self.measured([Products.digest, "feeds", "pull", "--timeout", String(timeout)],
                                       environment: environment, directory: digest.directory.path)
        #expect(pulled.status == 69, "\(pulled.standardError)")
        #expect(pulled.standardOutput.contains("127.0.0.1: failed — the answer is larger than the limit of 5 MB\n"))
        #expect(pulled.standardError == "digest: error: 1 feed could not be read (127.0.0.1); the others were stored.\n")
        #expect(pulled.peakKilobytes <= 100 * 1024, "peak \(pulled.peakKilobytes) KB")
        #expect(pulled.seconds <= timeout + 2, "\(pulled.seconds) s")
        #expect(try DatabaseInspector.scalar(digest.databasePath,
            "SELECT last_outcome FROM feeds ORDER BY id") == "failed")
        #expect(try DatabaseInspector.query(digest.databasePath, "SELECT last_outcome FROM feeds ORDER BY id") == ["failed", "new"])
        #expect(try DatabaseInspector.scalar(digest.databasePath, "SELECT count(*) FROM candidates") == "2")
        print("gzip bomb: digest-fetch \(page.peakKilobytes / 1024) MB \(String(format: "%.2f", page.seconds)) s; "
            + "nominate \(nominated.peakKilobytes / 1024) MB \(String(format: "%.2f", nominated.seconds)) s; "
            + "feeds pull \(pulled.peakKilobytes / 1024) MB \(String(format: "%.2f", pulled.seconds)) s")
    }

    @Test("check-links keeps the address rule: loopback links are not requested until fetch.allow-private is on")
    func linkChecksKeepTheRule() throws {
        let server = try LocalServer()
        defer { server.stop() }
        let digest = Digest(directory: try TemporaryDirectory())
        try digest.initialise()
        let issue = try digest.draft()
        let item = try digest.addItem(issue, url: server.url("/ok"))
        let bomb = try digest.addItem(issue, title: "Inflating", url: server.url("/bomb"))
        let refused = try digest.run("check-links", String(issue), "--json")
        #expect(refused.status == 0, "\(refused.standardError)")
        let links = try #require(try JSONReader.array(refused.standardOutput, "links") as? [[String: Any]])
        #expect(links.map { $0["outcome"] as? String } == ["unreachable", "unreachable"])
        #expect(links.first?["detail"] as? String == "not checked: 127.0.0.1 is a loopback address; such addresses are "
            + "refused unless an editor allows them with 'digest config fetch.allow-private on'")
        #expect(try Self.requests(server) == 0)

        #expect(try digest.run("config", "fetch.allow-private", "on").status == 0)
        let checked = try Self.measured([Products.digest, "check-links", String(issue), "--timeout", "5", "--json"],
                                        environment: digest.environment, directory: digest.directory.path)
        #expect(checked.status == 0, "\(checked.standardError)")
        let results = try #require(try JSONReader.array(checked.standardOutput, "links") as? [[String: Any]])
        let outcomes = Dictionary(uniqueKeysWithValues: results.map { ($0["item"] as? Int ?? 0, $0["outcome"] as? String ?? "") })
        #expect(outcomes == [item: "ok", bomb: "ok"])
        #expect(checked.peakKilobytes <= 100 * 1024, "peak \(checked.peakKilobytes) KB")
        #expect(checked.seconds <= 5 + 2, "\(checked.seconds) s")
    }

    @Test("DNS rebinding: a name that answers a public address, then a loopback one, never reaches the loopback server")
    func rebinding() throws {
        // Namespaces of its own need root and util-linux's unshare, as on CI.
        guard getuid() == 0, FileManager.default.isExecutableFile(atPath: "/usr/bin/unshare"),
              FileManager.default.isExecutableFile(atPath: "/usr/sbin/ip") || FileManager.default.isExecutableFile(atPath: "/sbin/ip")
        else { return }
        let folder = try TemporaryDirectory()
        let digest = Digest(directory: folder, user: "kim")
        try digest.initialise()
        let script = Products.packageRoot + "/Tests/DigestCLITests/Fixtures/rebinding.py"
        func attack(_ command: [String], runs: Int) throws -> [String: Any] {
            let result = try Digest.execute("/usr/bin/unshare", ["--mount", "--net", "python3", script, "--runs", String(runs),
                                                                 "--folder", folder.path, "--"] + command,
                                            environment: digest.environment, directory: folder.path)
            #expect(result.status == 0, "\(result.standardError)")
            return try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any] ?? [:]
        }
        let fetched = try attack([Products.directory + "/digest-fetch", "page", "{url}"], runs: 20)
        #expect(fetched["internal"] as? Int == 0)
        // The name was resolved once per fetch, and every other answer was loopback.
        #expect(fetched["queries"] as? Int == 20)
        #expect(fetched["answered_internal"] as? Int == 10)
        #expect(fetched["public"] as? Int == 10)
        #expect((fetched["statuses"] as? [Int])?.filter { $0 == 69 }.count == 10)
        #expect((fetched["outputs"] as? [String])?.contains {
            $0.contains("rebind.test is at 127.0.0.1, a loopback address; such addresses are refused")
        } == true)

        let nominated = try attack([Products.digest, "nominate", "{url}", "--note", "rebinding"], runs: 6)
        #expect(nominated["internal"] as? Int == 0)
        #expect(try DatabaseInspector.scalar(digest.databasePath,
            "SELECT count(*) FROM candidates WHERE title LIKE 'internal%'") == "0")
    }
}
