import DigestCore
import Foundation

/// Finds digest's companion programs (`digest-links`) the way git finds its
/// subcommands: beside the running `digest`, else on the PATH.
enum Companion {
    static func path(of name: String, environment: [String: String]) -> String? {
        var candidates: [String] = []
        if let executable = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
            candidates.append(FileSystem.directory(of: executable) + "/" + name)
        }
        if let first = CommandLine.arguments.first, first.contains("/") {
            candidates.append(FileSystem.directory(of: first) + "/" + name)
        }
        for folder in (environment["PATH"] ?? "").split(separator: ":") {
            candidates.append("\(folder)/\(name)")
        }
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) }
    }
}
