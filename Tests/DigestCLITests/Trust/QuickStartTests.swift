import Foundation
import Testing

/// `scripts/quickstart`, run as a newcomer runs it (declared identities, a
/// roster of an editor and a reviewer), with the binary this build made.
@Suite("The quick start")
struct QuickStartTests {
    @Test("two rounds publish issues 4 and 5 in declared mode, the review approving the issue's text on the way")
    func twoRounds() throws {
        let directory = try TemporaryDirectory()
        for folder in ["scripts", "seeds", "drafts"] {
            try FileManager.default.copyItem(atPath: Products.packageRoot + "/" + folder, toPath: directory.file(folder))
        }
        var environment = ProcessInfo.processInfo.environment
        environment["DIGEST_BIN"] = Products.digest
        environment["DIGEST_DB"] = directory.file("digest.sqlite")
        environment.removeValue(forKey: "DIGEST_USER")
        for (round, issue) in [(1, 4), (2, 5)] {
            let result = try Digest.execute("/bin/bash", [directory.file("scripts/quickstart")], environment: environment,
                                            directory: directory.path)
            #expect(result.status == 0, "round \(round): \(result.standardError)")
            #expect(result.standardOutput.contains("Published issue \(issue) as edition 1"))
            #expect(result.standardOutput.contains("and with the last pending item, the issue's own text (date, title, intro)"))
        }
        let identities = try DatabaseInspector.query(directory.file("digest.sqlite"),
                                                     "SELECT DISTINCT identity FROM revisions")
        #expect(identities == ["declared"])
        let unreviewed = try DatabaseInspector.query(directory.file("digest.sqlite"),
                                                     "SELECT issue, reviewed FROM editions ORDER BY issue")
        #expect(unreviewed == ["1|0", "2|0", "3|0", "4|1", "5|1"])
    }
}
