import Foundation
import Testing

/// Every writing command, as every role, at every stage: the exit code of
/// each cell. The wrong stage is 1 for everyone (it is checked first); at the
/// right stage a role that may act gets 0, any other 77. The expectations are
/// written out here, independently of digest's own permission table.
@Suite("Command × role × stage")
struct RoleMatrixTests {
    enum Stage: String, CaseIterable { case draft, inReview = "in-review", published }

    /// A command, the roles that may run it, and the stages it runs at (nil: any stage).
    struct Row {
        let arguments: [String]
        let allowed: Set<String>
        let stages: Set<Stage>?
    }

    static let roles = ["editor", "reviewer", "publisher", "contributor", "outsider"]

    /// Issue 1 is at the stage under test, with items 1 and 2 (approved in
    /// review) and 3 (rejected); issue 2 is a draft whose only item has no link.
    static let rows: [Row] = [
        Row(arguments: ["draft", "--date", "2026-12-07"], allowed: ["editor"], stages: nil),
        Row(arguments: ["edit-issue", "1", "--title", "New title"], allowed: ["editor"], stages: [.draft, .inReview]),
        Row(arguments: ["add-item", "1", "--title", "Late", "--url", "https://late.example/x", "--source", "S",
                        "--date", "2026-11-20", "--excerpt", "e"], allowed: ["editor"], stages: [.draft]),
        Row(arguments: ["edit-item", "1", "1", "--title", "Tide tables, explained again"], allowed: ["editor"],
            stages: [.draft, .inReview]),
        Row(arguments: ["remove-item", "1", "3"], allowed: ["editor"], stages: [.draft]),
        Row(arguments: ["move-item", "1", "1", "--to", "2"], allowed: ["editor"], stages: [.draft, .inReview]),
        Row(arguments: ["submit", "1"], allowed: ["editor"], stages: [.draft]),
        Row(arguments: ["review", "1", "--reject", "2"], allowed: ["reviewer"], stages: [.inReview]),
        Row(arguments: ["review", "1", "--approve-issue"], allowed: ["reviewer"], stages: [.inReview]),
        Row(arguments: ["publish", "1", "--out", "out"], allowed: ["editor", "publisher"], stages: [.inReview]),
        Row(arguments: ["reopen", "1", "--reason", "A correction"], allowed: ["editor", "publisher"],
            stages: [.inReview, .published]),
        Row(arguments: ["config", "list.address", "readers@lists.harbour.example"], allowed: ["editor", "publisher"], stages: nil),
        Row(arguments: ["config", "publication.name", "The Harbour Daily"], allowed: ["editor", "publisher"], stages: nil),
        Row(arguments: ["config", "excerpt.max", "1500"], allowed: ["editor"], stages: nil),
        Row(arguments: ["config", "people.newcomer", "reviewer"], allowed: ["editor"], stages: nil),
        Row(arguments: ["check-links", "2"], allowed: ["editor", "reviewer", "publisher"], stages: nil),
        Row(arguments: ["doctor", "--repair-search"], allowed: ["editor"], stages: nil),
        Row(arguments: ["import", "archive.jsonl", "--published"], allowed: [], stages: nil),
        Row(arguments: ["import", "drafts.jsonl"], allowed: ["editor"], stages: nil),
    ]

    @Test("every cell's exit code", arguments: Stage.allCases)
    func matrix(stage: Stage) throws {
        let directory = try TemporaryDirectory()
        let fixture = try Self.fixture(at: stage, in: directory)
        var cells = 0
        for row in Self.rows {
            // Stage-independent commands are tried once, on the draft fixture.
            if row.stages == nil && stage != .draft { continue }
            for role in Self.roles {
                let cell = try TemporaryDirectory()
                try FileManager.default.copyItem(atPath: fixture.databasePath, toPath: cell.file("digest.sqlite"))
                for file in ["archive.jsonl", "drafts.jsonl"] {
                    try FileManager.default.copyItem(atPath: directory.file(file), toPath: cell.file(file))
                }
                let digest = Digest(directory: cell, user: role)
                let result = try digest.run(row.arguments)
                let expected: Int32 = row.stages.map { $0.contains(stage) } ?? true
                    ? (row.allowed.contains(role) ? 0 : 77) : 1
                #expect(result.status == expected,
                        "\(row.arguments.joined(separator: " ")) as \(role) at \(stage.rawValue): \(result.standardError)")
                cells += 1
            }
        }
        #expect(cells == Self.roles.count * Self.rows.filter { $0.stages != nil || stage == .draft }.count)
    }

    @Test("import --published is for whoever holds both editor and reviewer")
    func importPublishedNeedsBoth() throws {
        let directory = try TemporaryDirectory()
        let fixture = try Self.fixture(at: .draft, in: directory)
        let result = try fixture.run(["import", "archive.jsonl", "--published"], as: "boss")
        #expect(result.status == 0, "\(result.standardError)")
    }

    /// The database for one stage. `boss` (editor and reviewer) sets it up;
    /// each role has one person named after it.
    static func fixture(at stage: Stage, in directory: TemporaryDirectory) throws -> Digest {
        let digest = Digest(directory: directory, user: "boss")
        try digest.initialise()
        for (person, role) in [("boss", "editor,reviewer"), ("editor", "editor"), ("reviewer", "reviewer"),
                               ("publisher", "publisher"), ("contributor", "contributor")] {
            try step(digest, ["config", "people.\(person)", role])
        }
        let issue = try digest.draft()
        for (index, title) in ["Tide tables, explained", "Seals on the sandbank", "Net menders wanted"].enumerated() {
            try digest.addItem(issue, title: title, url: "https://harbour.example/\(index)")
        }
        let other = try digest.draft(date: "2026-11-30")
        try step(digest, ["add-item", String(other), "--title", "No link yet", "--source", "S", "--date", "2026-11-20",
                          "--excerpt", "e", "--incomplete"])
        try directory.write("archive.jsonl", "{\"issue\": 9, \"issue_date\": \"2026-10-05\", \"title\": \"Old news\", "
            + "\"url\": \"https://old.example/a\", \"source\": \"S\", \"date\": \"2026-10-01\", \"excerpt\": \"e\"}\n")
        try directory.write("drafts.jsonl", "{\"title\": \"Drafted\", \"url\": \"https://drafted.example/a\", "
            + "\"source\": \"S\", \"date\": \"2026-10-01\", \"excerpt\": \"e\"}\n")
        if stage != .draft {
            try step(digest, ["submit", String(issue)])
            try step(digest, ["review", String(issue), "--approve", "1,2", "--reject", "3"], as: "reviewer")
        }
        if stage == .published {
            try step(digest, ["publish", String(issue), "--out", "out"])
        }
        return digest
    }

    private static func step(_ digest: Digest, _ arguments: [String], as user: String? = nil) throws {
        let result = try digest.run(arguments, as: user)
        guard result.status == 0 else { throw StepFailed(step: arguments.joined(separator: " "), result: result) }
    }
}
