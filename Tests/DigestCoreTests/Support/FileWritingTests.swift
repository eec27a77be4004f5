import Foundation
import Testing
import EditDistance
@testable import DigestStorage
@testable import DigestModel
@testable import DigestRendering
@testable import DigestWorkflow

@Suite("Writing files atomically")
struct FileWritingTests {
    @Test("a link planted at the temporary name digest once used is neither followed nor replaced")
    func plantedLink() throws {
        let folder = try TemporaryFolder()
        try Data("keep me".utf8).write(to: URL(fileURLWithPath: folder.file("victim")))
        // Temporary names were `.NAME.tmp-PID`: guessable, opened without O_EXCL, following links.
        let guessed = folder.file(".out.txt.tmp-\(getpid())")
        try FileManager.default.createSymbolicLink(atPath: guessed, withDestinationPath: folder.file("victim"))
        try AtomicFile.write("new bytes", to: folder.file("out.txt"))
        #expect(try String(contentsOfFile: folder.file("victim"), encoding: .utf8) == "keep me")
        #expect(try String(contentsOfFile: folder.file("out.txt"), encoding: .utf8) == "new bytes")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: guessed) == folder.file("victim"))
        let left = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0 != ".out.txt.tmp-\(getpid())" }
        #expect(left.sorted() == ["out.txt", "victim"])
    }

    @Test("creating exclusively builds under another name and never replaces what appeared meanwhile")
    func exclusive() throws {
        let folder = try TemporaryFolder()
        let target = folder.file("db")
        var built: String?
        let created = try AtomicFile.createExclusively(at: target) { temporary in
            built = temporary
            #expect(!FileManager.default.fileExists(atPath: target))
            try Data("complete".utf8).write(to: URL(fileURLWithPath: temporary))
        }
        #expect(created)
        #expect(try String(contentsOfFile: target, encoding: .utf8) == "complete")
        let temporary = try #require(built)
        #expect(FileSystem.name(of: temporary).hasPrefix(".db.tmp-"))
        #expect(!FileManager.default.fileExists(atPath: temporary))
        let second = try AtomicFile.createExclusively(at: target) { temporary in
            try Data("other".utf8).write(to: URL(fileURLWithPath: temporary))
        }
        #expect(!second)
        #expect(try String(contentsOfFile: target, encoding: .utf8) == "complete")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["db"])
    }
}

@Suite("Instants at the edges")
struct TimestampEdgeTests {
    @Test("SOURCE_DATE_EPOCH is a whole number of seconds from 1970 to the end of 9999, else refused", arguments: [
        "-1", "253402300800", "9223372036854775807", "-9223372036854775808", "99999999999999999999", "1.5", " 5", "+5", "x",
    ])
    func refused(value: String) {
        #expect(throws: DigestError.self) { try Timestamp.sourceDateEpoch(in: ["SOURCE_DATE_EPOCH": value]) }
        #expect(Timestamp.now(environment: ["SOURCE_DATE_EPOCH": value]).secondsSinceEpoch != Int(value))
    }

    @Test("the last second of 9999 and the first of 1970 are written")
    func edges() throws {
        #expect(try Timestamp.sourceDateEpoch(in: ["SOURCE_DATE_EPOCH": "253402300799"])?.rfc3339 == "9999-12-31T23:59:59Z")
        #expect(try Timestamp.sourceDateEpoch(in: ["SOURCE_DATE_EPOCH": "0"])?.rfc3339 == "1970-01-01T00:00:00Z")
        #expect(try Timestamp.sourceDateEpoch(in: ["SOURCE_DATE_EPOCH": ""]) == nil)
        #expect(Date(timeIntervalSince1970: 253_402_300_799).rfc5322 == "Fri, 31 Dec 9999 23:59:59 +0000")
    }

    @Test("no instant traps, however far out", arguments: [Int.min, Int.min + 1, -1, Int.max])
    func farOut(seconds: Int) {
        let parts = Timestamp(secondsSinceEpoch: seconds).utcParts
        #expect((0..<86_400).contains(parts.hour * 3600 + parts.minute * 60 + parts.second))
        #expect(!Date(timeIntervalSince1970: Double(seconds)).rfc5322.isEmpty)
        #expect(!Date(timeIntervalSince1970: .infinity).rfc5322.isEmpty)
        #expect(!Date(timeIntervalSince1970: .nan).rfc5322.isEmpty)
    }
}

@Suite("Suggestions")
struct EditDistanceTests {
    @Test("two swapped letters are one edit, so 'lsit' suggests 'list', not 'init'")
    func transposition() {
        #expect(EditDistance.between("lsit", "list") == 1)
        #expect(EditDistance.between("lsit", "init") == 2)
        #expect(EditDistance.between("", "abc") == 3)
        #expect(EditDistance.between("kitten", "sitting") == 3)
        #expect(EditDistance.closest(to: "lsit", among: ["init", "list"]) == "list")
    }
}
