import DigestHTTP
import Foundation
import ProgramMessages

extension LinkResult {
    /// The message digest reads.
    package var report: LinkReport {
        LinkReport(id: id, url: url, outcome: verdict.outcome.rawValue, status: verdict.status, finalURL: verdict.finalURL,
                   suggestedURL: verdict.suggestedURL, redirects: verdict.redirects, detail: verdict.detail,
                   checkedAt: checkedAt.formatted(.iso8601), elapsedMilliseconds: elapsedMilliseconds)
    }

    /// The result as one line of JSON, in the one encoding of the programs' messages.
    package var jsonLine: String { ProgramMessages.line(report) }
}
