import Foundation
import Testing

/// Golden files in `Tests/DigestCoreTests/Snapshots/`, compared byte for byte.
/// `DIGEST_RECORD_SNAPSHOTS=1 swift test` writes them anew from the output.
enum SnapshotFile {
    static let directory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()
        .deletingLastPathComponent()
        .appendingPathComponent("Snapshots")

    static var isRecording: Bool {
        ProcessInfo.processInfo.environment["DIGEST_RECORD_SNAPSHOTS"] == "1"
    }

    static func expect(_ output: String, matches name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let url = directory.appendingPathComponent(name)
        let actual = Data(output.utf8)
        if isRecording {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try actual.write(to: url)
            return
        }
        guard let expected = FileManager.default.contents(atPath: url.path) else {
            Issue.record(
                "The snapshot \(name) does not exist; record it with DIGEST_RECORD_SNAPSHOTS=1 swift test.",
                sourceLocation: sourceLocation)
            return
        }
        guard expected != actual else { return }
        let expectedLines = String(decoding: expected, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        let actualLines = output.split(separator: "\n", omittingEmptySubsequences: false)
        let firstDifference = zip(expectedLines, actualLines).enumerated().first { $0.element.0 != $0.element.1 }?.offset
            ?? min(expectedLines.count, actualLines.count)
        let expectedLine = firstDifference < expectedLines.count ? String(expectedLines[firstDifference]) : "(end of file)"
        let actualLine = firstDifference < actualLines.count ? String(actualLines[firstDifference]) : "(end of output)"
        Issue.record(
            """
            The render differs from the snapshot \(name) at line \(firstDifference + 1):
              expected: \(expectedLine.debugDescription)
              actual:   \(actualLine.debugDescription)
            If the change is intended, re-record with DIGEST_RECORD_SNAPSHOTS=1 swift test.
            """,
            sourceLocation: sourceLocation)
    }
}
