import DigestStorage
import DigestModel
import DigestRendering
/// What happened to a batch of incoming links: how many became candidates,
/// and why the others did not.
package struct IntakeTally: Sendable {
    package var added: [Candidate] = []
    /// Issue numbers, one per link already published there.
    package var published: [Int] = []
    package var inBacklog = 0
    /// Issue numbers, one per link already in an unpublished issue.
    package var inIssues: [Int] = []
    /// Entries refused by validation, each with what was wrong.
    package var refused: [(title: String, problems: [ValidationProblem])] = []
    /// Entries a feed listed more than once in one answer.
    package var repeatedInFeed = 0

    package init() {}

    package mutating func count(_ holder: LinkHolder) {
        switch holder {
        case .backlog: inBacklog += 1
        case .published(let issue): published.append(issue)
        case .issue(let issue): inIssues.append(issue)
        }
    }

    package mutating func add(_ other: IntakeTally) {
        added += other.added
        published += other.published
        inBacklog += other.inBacklog
        inIssues += other.inIssues
        refused += other.refused
        repeatedInFeed += other.repeatedInFeed
    }

    /// "12 new, 3 already published (issue 41), 2 already in the backlog, 1 refused".
    package var summary: String {
        var parts = ["\(added.count) new"]
        if !published.isEmpty { parts.append("\(published.count) already published (\(Self.issues(published)))") }
        if inBacklog > 0 { parts.append("\(inBacklog) already in the backlog") }
        if !inIssues.isEmpty { parts.append("\(inIssues.count) already in a draft or review (\(Self.issues(inIssues)))") }
        if !refused.isEmpty { parts.append("\(refused.count) refused") }
        if repeatedInFeed > 0 { parts.append("\(repeatedInFeed) listed twice in the feed") }
        return parts.joined(separator: ", ")
    }

    private static func issues(_ numbers: [Int]) -> String {
        let distinct = Array(Set(numbers)).sorted()
        return (distinct.count == 1 ? "issue " : "issues ") + distinct.map(String.init).joined(separator: ", ")
    }
}
