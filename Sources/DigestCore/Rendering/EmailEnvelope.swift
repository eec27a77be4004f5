import Foundation

/// What makes one sending of an issue unique: when it is sent and its
/// Message-ID. The caller passes them in so that a stored edition, and a
/// test, get the same bytes every time.
package struct EmailEnvelope: Sendable, Equatable {
    package var date: Date
    /// With its angle brackets: `<digest.12.1.9f2c…@harbour.example>`.
    package var messageID: String

    package init(date: Date, messageID: String) {
        self.date = date
        let trimmed = messageID.trimmingSpaces
        self.messageID = trimmed.hasPrefix("<") ? trimmed : "<\(trimmed)>"
    }

    /// An envelope for sending now, with a new Message-ID.
    package static func fresh(
        issue: Int, edition: Int?, publication: PublicationInfo, date: Date = Date()
    ) -> EmailEnvelope {
        EmailEnvelope(
            date: date,
            messageID: makeMessageID(issue: issue, edition: edition, fromAddress: publication.email))
    }
}
