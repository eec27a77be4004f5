import Foundation
import DigestModel

/// What makes one sending of an issue unique: when it is sent and its
/// Message-ID. The caller passes them in so that a stored edition, and a
/// test, get the same bytes every time.
package struct EmailEnvelope: Sendable, Equatable {
    package var date: Date
    /// With its angle brackets: `<digest.12.1.9f2c…@harbour.example>`.
    package var messageID: String

    /// Anything but printable ASCII is dropped from the Message-ID: it is
    /// written into a header as it is, where a line break would end it.
    package init(date: Date, messageID: String) {
        self.date = date
        let printable = String(decoding: messageID.utf8.filter { $0 > 0x20 && $0 < 0x7F }, as: UTF8.self)
        self.messageID = printable.hasPrefix("<") ? printable : "<\(printable)>"
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
