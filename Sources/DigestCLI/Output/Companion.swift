import DigestCore
import Foundation

/// Finds digest's companion programs (`digest-links`) the way git finds its
/// subcommands: beside the running `digest`, else on the PATH.
enum Companion {
    /// Where `name` is looked for, in order: beside the running program, then each PATH folder.
    static func candidates(for name: String, environment: [String: String]) -> [String] {
        var candidates: [String] = []
        if let executable = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
            candidates.append(FileSystem.directory(of: executable) + "/" + name)
        }
        if let first = CommandLine.arguments.first, first.contains("/") {
            let beside = FileSystem.directory(of: first) + "/" + name
            if !candidates.contains(beside) { candidates.append(beside) }
        }
        for folder in (environment["PATH"] ?? "").split(separator: ":") {
            let onPath = "\(folder)/\(name)"
            if !candidates.contains(onPath) { candidates.append(onPath) }
        }
        return candidates
    }

    static func path(of name: String, environment: [String: String]) -> String? {
        candidates(for: name, environment: environment).first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// The program's path, or an error that says where it was looked for and how to install it.
    static func require(_ name: String, for purpose: String, environment: [String: String]) throws -> String {
        if let path = path(of: name, environment: environment) { return path }
        let places = candidates(for: name, environment: environment)
        throw DigestError.notFound("\(purpose) needs the program \(name), which was not found. Looked in: "
            + places.joined(separator: ", ") + ". Install it beside digest with 'scripts/install' "
            + "(or 'swift build -c release --product \(name)' and copy .build/release/\(name) next to digest).")
    }
}
