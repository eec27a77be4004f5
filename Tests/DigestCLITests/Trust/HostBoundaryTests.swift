import Foundation
import Testing

/// What digest says, and leaves, when the database's own settings or files
/// would turn against the team: a roster nobody can act under, a damaged
/// settings page, a `-shm` file another user left behind.
@Suite("Boundaries on the host")
struct HostBoundaryTests {
    /// The account running the tests (root on CI).
    static let account = String(cString: getpwuid(geteuid()).pointee.pw_name)

    @Test("identity account is refused (1) while no editor on the roster is an account here; with one, it is taken")
    func noLockOut() throws {
        let digest = Digest(directory: try TemporaryDirectory(), user: "mira")
        try digest.initialise()
        #expect(try digest.run("config", "people.mira", "editor").status == 0)
        let refused = try digest.run("--as", "mira", "config", "identity", "account")
        #expect(refused.status == 1)
        #expect(refused.standardError == "digest: error: changing identity would leave no editor who can act: with identity "
            + "account, digest acts as the system account running it, and no editor on the roster (mira) is an account on "
            + "this host, so nobody could change settings or issues again. List an account as editor first (digest config "
            + "people.ACCOUNT editor), or keep identity declared.\n")
        #expect(try DatabaseInspector.scalar(digest.databasePath, "SELECT count(*) FROM settings WHERE key = 'identity'") == "0")

        #expect(try digest.run("config", "people.\(Self.account)", "editor").status == 0)
        #expect(try digest.run("config", "identity", "account").status == 0)
        // Under account identity, the last account-editor cannot be demoted or removed.
        let demoted = try digest.run(["config", "people.\(Self.account)", "reviewer"], as: Self.account)
        #expect(demoted.status == 1)
        #expect(demoted.standardError.hasPrefix("digest: error: changing people.\(Self.account) would leave no editor who can act"))
        let removed = try digest.run(["config", "people.\(Self.account)", "--remove"], as: Self.account)
        #expect(removed.status == 1)
        // The person it would have locked out can still put things back.
        #expect(try digest.run(["config", "identity", "declared"], as: Self.account).status == 0)
    }

    @Test("a damaged settings page is a damaged database (78), named, not a bug (70); nothing changes")
    func damagedSettingsPage() throws {
        let directory = try TemporaryDirectory()
        let digest = Digest(directory: directory, user: "mira")
        try digest.initialise()
        #expect(try digest.run("config", "excerpt.max", "900").status == 0)
        _ = try DatabaseInspector.query(digest.databasePath, "PRAGMA wal_checkpoint(TRUNCATE)")
        let pageSize = Int(try DatabaseInspector.scalar(digest.databasePath, "PRAGMA page_size") ?? "") ?? 0
        let root = Int(try DatabaseInspector.scalar(digest.databasePath,
                                                    "SELECT rootpage FROM sqlite_schema WHERE name = 'settings'") ?? "") ?? 0
        #expect(pageSize > 0 && root > 1)
        var bytes = try directory.bytes("digest.sqlite")
        let end = root * pageSize
        for index in (end - 300)..<end { bytes[index] = 0xFF }
        _ = try directory.write("digest.sqlite", bytes: bytes)
        for arguments in [["config"], ["list"], ["draft", "--date", "2026-12-01"]] {
            let result = try digest.run(arguments)
            #expect(result.status == 78, "\(arguments): \(result.standardError)")
            #expect(result.standardError.hasPrefix("digest: error: \(digest.databasePath) is not a digest database or is damaged ("))
            #expect(!result.standardError.contains("This is a bug"))
        }
        #expect(try directory.bytes("digest.sqlite") == bytes)
    }

    @Test("a -shm file this user cannot write is named as the reason a change fails (73); reading still works")
    func unwritableSharedMemoryFile() throws {
        guard getuid() == 0, FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv") else { return }
        let directory = try TemporaryDirectory()
        let digest = Digest(directory: directory, user: "mira")
        try digest.initialise()
        _ = try digest.draft()
        let nobody: UInt32 = 65534
        chmod(directory.path, 0o755)
        chown(directory.path, nobody, nobody)
        chown(digest.databasePath, nobody, nobody)
        for suffix in ["-wal", "-shm"] { unlink(digest.databasePath + suffix) }
        // Another user (here root) left a -shm beside the database that nobody may write.
        _ = try directory.write("digest.sqlite-shm", "")
        chmod(directory.file("digest.sqlite-shm"), 0o644)
        func run(_ arguments: [String]) throws -> ProcessResult {
            try Digest.execute("/usr/bin/setpriv", ["--reuid=65534", "--regid=65534", "--clear-groups", Products.digest]
                + arguments, environment: digest.environment, directory: "/")
        }
        let before = try directory.bytes("digest.sqlite")
        let changed = try run(["draft", "--date", "2026-12-02"])
        #expect(changed.status == 73)
        #expect(changed.standardError == "digest: error: the database \(digest.databasePath) cannot be written because "
            + "\(digest.databasePath)-shm, which SQLite keeps beside it, cannot be written by this user (attempt to write "
            + "a readonly database); nothing was changed. Give this user write access to \(digest.databasePath)-shm (or "
            + "remove it while no digest command runs).\n")
        #expect(try directory.bytes("digest.sqlite") == before)
        #expect(try run(["list"]).status == 0)
    }
}
