import DigestStorage
import DigestModel
import DigestRendering
import DigestWorkflow
import Testing

@Suite("Intake: the tally of a pull and candidate validation")
struct IntakeTallyTests {
    @Test("The summary counts new links and says where the others already are")
    func summary() {
        var tally = IntakeTally()
        #expect(tally.summary == "0 new")
        for _ in 0..<12 {
            tally.added.append(Candidate(id: 1, origin: .feed, originName: "Feed", fields: CandidateFields(title: "t", url: "https://a.example/"),
                                         note: nil, addedAt: "2026-11-20T08:00:00Z", addedBy: "ana", fromIssue: nil))
        }
        for holder in [LinkHolder.published(41), .published(41), .published(41), .backlog(7), .backlog(9)] { tally.count(holder) }
        #expect(tally.summary == "12 new, 3 already published (issue 41), 2 already in the backlog")
        tally.count(.published(39))
        tally.count(.issue(44))
        tally.repeatedInFeed = 1
        #expect(tally.summary == "12 new, 4 already published (issues 39, 41), 2 already in the backlog, "
            + "1 already in a draft or review (issue 44), 1 listed twice in the feed")
    }

    @Test("A candidate needs a title and a valid link; every other field given is checked as typed input")
    func candidateValidation() throws {
        let validator = ItemValidator(excerptLimit: 20)
        let fields = try validator.candidate(["title": "  Curlews  ", "url": "https://estuary.example/c", "date": "2026-11-17"])
        #expect(fields == CandidateFields(title: "Curlews", url: "https://estuary.example/c", date: CivilDate(year: 2026, month: 11, day: 17)))
        #expect(throws: DigestError.self) { try validator.candidate(["title": "x", "url": "javascript:alert(1)"]) }
        do {
            _ = try validator.candidate(["url": "ftp://x.example/", "date": "2026-02-30", "excerpt": String(repeating: "a", count: 21)])
            Issue.record("an invalid candidate was accepted")
        } catch {
            guard case .invalid(let problems) = error else { throw error }
            #expect(problems.map(\.field) == ["title", "url", "date", "excerpt"])
        }
    }
}
