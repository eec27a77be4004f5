import Foundation
import Testing
@testable import DigestStorage
@testable import DigestModel
@testable import DigestRendering
@testable import DigestWorkflow

@Suite("Dates in RFC 5322 form, written by hand")
struct RFC5322DateTests {
    @Test("known instants are written in UTC with the English day and month")
    func knownInstants() {
        #expect(Date(timeIntervalSince1970: 0).rfc5322 == "Thu, 1 Jan 1970 00:00:00 +0000")
        #expect(Date(timeIntervalSince1970: 1_795_424_400).rfc5322 == "Mon, 23 Nov 2026 09:00:00 +0000")
        #expect(Date(timeIntervalSince1970: 1_709_208_000.5).rfc5322 == "Thu, 29 Feb 2024 12:00:00 +0000")
        #expect(Date(timeIntervalSince1970: -1).rfc5322 == "Wed, 31 Dec 1969 23:59:59 +0000")
    }

    @Test("it agrees with DateFormatter over many instants")
    func agreesWithFoundation() {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "EEE, d MMM yyyy HH:mm:ss Z"
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<500 {
            let date = Date(timeIntervalSince1970: TimeInterval(Int64.random(in: -2_000_000_000...4_000_000_000, using: &generator)))
            #expect(date.rfc5322 == formatter.string(from: date))
        }
    }
}
