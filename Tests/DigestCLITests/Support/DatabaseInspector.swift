import Foundation

/// Reads rows out of a database with the sqlite3 command-line shell, so
/// tests check what is stored independently of digest's own code. (Not
/// read-only: after a killed command the shell, like any opener, must be able
/// to roll back a leftover journal.)
enum DatabaseInspector {
    static func query(_ path: String, _ sql: String) throws -> [String] {
        let result = try Digest.execute("/usr/bin/env", ["sqlite3", "-separator", "|", path, sql],
                                        environment: ProcessInfo.processInfo.environment, directory: "/")
        guard result.status == 0 else { throw InspectionFailed(message: result.standardError) }
        return result.standardOutput.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init)
    }

    static func scalar(_ path: String, _ sql: String) throws -> String? {
        try query(path, sql).first
    }

    struct InspectionFailed: Error { let message: String }
}
