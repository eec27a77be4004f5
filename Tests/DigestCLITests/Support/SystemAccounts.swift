import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Throwaway operating-system accounts for one test, so that identities are
/// real: digest runs under each account's uid (through `setpriv`), in a folder
/// they can all write. The accounts are removed when the value goes away,
/// also when the test fails. Names carry a prefix unique to this run, so
/// repeated or concurrent runs never collide.
final class SystemAccounts: @unchecked Sendable {
    /// Creating accounts needs root (as on CI) and the shadow tools.
    static var available: Bool {
        getuid() == 0 && ["/usr/sbin/useradd", "/usr/sbin/userdel", "/usr/bin/setpriv"]
            .allSatisfy(FileManager.default.isExecutableFile(atPath:))
    }

    let directory: TemporaryDirectory
    /// The copy of `digest` the accounts run: inside the shared folder, so it
    /// is readable and executable for them wherever the build lives.
    let program: String
    private let prefix: String
    private var created: [String: (name: String, uid: UInt32, gid: UInt32)] = [:]

    /// Creates one account per short name (`ana` becomes `dt1f2e3d4c-ana`).
    init(_ shortNames: [String]) throws {
        directory = try TemporaryDirectory()
        prefix = "dt" + String(UUID().uuidString.lowercased().filter(\.isHexDigit).prefix(8))
        chmod(directory.path, 0o777)
        program = directory.file("digest")
        try FileManager.default.copyItem(atPath: Products.digest, toPath: program)
        chmod(program, 0o755)
        do {
            for short in shortNames {
                let name = "\(prefix)-\(short)"
                try Self.tool("/usr/sbin/useradd", ["--no-create-home", "--user-group", "--shell", "/usr/sbin/nologin", name])
                guard let entry = getpwnam(name) else { throw SetupFailed(message: "useradd made no entry for \(name)") }
                created[short] = (name, entry.pointee.pw_uid, entry.pointee.pw_gid)
            }
        } catch {
            removeAccounts()
            throw error
        }
    }

    deinit {
        removeAccounts()
    }

    /// The account name behind a short name.
    func name(_ short: String) -> String { created[short]?.name ?? short }

    var databasePath: String { directory.file("digest.sqlite") }

    /// Runs digest as the account `short` with `environment` (nothing of the
    /// test runner's own identity leaks in: no DIGEST_USER unless given).
    @discardableResult
    func run(_ arguments: [String], as short: String, environment extra: [String: String] = [:],
             input: String? = nil) throws -> ProcessResult {
        guard let account = created[short] else { throw SetupFailed(message: "no account \(short)") }
        var environment = ["PATH": "/usr/bin:/bin", "HOME": directory.path, "DIGEST_DB": databasePath,
                           "USER": account.name, "LOGNAME": account.name]
        environment.merge(extra) { $1 }
        return try Digest.execute("/usr/bin/setpriv",
                                  ["--reuid=\(account.uid)", "--regid=\(account.gid)", "--clear-groups", "--", program]
                                      + arguments,
                                  input: input.map { Array($0.utf8) }, environment: environment,
                                  directory: directory.path)
    }

    /// Runs digest and requires exit 0: a set-up step.
    @discardableResult
    func step(_ arguments: [String], as short: String, environment: [String: String] = [:]) throws -> ProcessResult {
        let result = try run(arguments, as: short, environment: environment)
        guard result.status == 0 else {
            throw StepFailed(step: arguments.joined(separator: " ") + " as \(short)", result: result)
        }
        return result
    }

    /// Lets every account write the database, as a team's shared group would.
    func shareDatabase() {
        chmod(databasePath, 0o666)
    }

    /// The database file's bytes, to prove a refused command changed nothing.
    func databaseBytes() throws -> Data {
        try Data(contentsOf: URL(fileURLWithPath: databasePath))
    }

    private func removeAccounts() {
        for account in created.values {
            // userdel also removes the account's own group; retried when
            // another run holds the password file's lock.
            for _ in 0..<20 {
                if (try? Self.tool("/usr/sbin/userdel", [account.name])) != nil || getpwnam(account.name) == nil { break }
                usleep(100_000)
            }
        }
        created = [:]
    }

    private static func tool(_ path: String, _ arguments: [String]) throws {
        var last: ProcessResult?
        // useradd and userdel fail with 10 while another process holds the lock on /etc/passwd.
        for _ in 0..<20 {
            let result = try Digest.execute(path, arguments, environment: ProcessInfo.processInfo.environment, directory: "/")
            if result.status == 0 { return }
            last = result
            guard result.status == 10 || result.standardError.contains("lock") else { break }
            usleep(100_000)
        }
        throw SetupFailed(message: "\(path) \(arguments.joined(separator: " ")): exit \(last?.status ?? -1) "
            + (last?.standardError ?? ""))
    }

    struct SetupFailed: Error, CustomStringConvertible {
        let message: String
        var description: String { message }
    }
}
