import DigestStorage
import DigestModel
import DigestRendering
import DigestWorkflow

/// How this `digest` was built, for the second line of `digest --version`.
enum BuildInfo {
    #if DEBUG
    static let configuration = "debug"
    #else
    static let configuration = "release"
    #endif

    static var swift: String {
        #if compiler(>=6.3)
        "6.3"
        #elseif compiler(>=6.2)
        "6.2"
        #elseif compiler(>=6.1)
        "6.1"
        #else
        "6.0"
        #endif
    }

    static var platform: String {
        #if arch(x86_64)
        let architecture = "x86_64"
        #elseif arch(arm64)
        let architecture = "arm64"
        #else
        let architecture = "unknown"
        #endif
        #if os(Linux)
        return architecture + "-linux"
        #else
        return architecture
        #endif
    }

    /// `build: release, Swift 6.3, SQLite 3.40.1, x86_64-linux`
    static var line: String {
        "build: \(configuration), Swift \(swift), SQLite \(Database.libraryVersion), \(platform)"
    }
}
