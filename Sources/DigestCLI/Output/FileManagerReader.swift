import Foundation

/// Reads a whole file's bytes.
enum FileManagerReader {
    static func read(_ path: String) -> [UInt8]? {
        FileManager.default.contents(atPath: path).map { [UInt8]($0) }
    }
}
