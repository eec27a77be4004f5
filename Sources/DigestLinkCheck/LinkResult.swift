import DigestHTTP
import Foundation

/// One line of output: a link, what its check found, and when.
package struct LinkResult: Sendable, Equatable {
    package var id: Int
    package var url: String
    package var verdict: LinkVerdict
    package var checkedAt: Date
    package var elapsedMilliseconds: Int

    package init(id: Int, url: String, verdict: LinkVerdict, checkedAt: Date, elapsedMilliseconds: Int) {
        self.id = id
        self.url = url
        self.verdict = verdict
        self.checkedAt = checkedAt
        self.elapsedMilliseconds = elapsedMilliseconds
    }

    package var outcome: LinkOutcome { verdict.outcome }
}
