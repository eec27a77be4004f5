import DigestStorage
import DigestModel
import DigestRendering
/// Sending: every real sending of a published edition is recorded, and the
/// same edition is not sent twice by accident.
extension DigestStore {
    /// Sends the latest edition of published issue `number` with `deliver`
    /// (given the exact bytes to send: the edition's email dated now, with a
    /// new Message-ID when the edition was sent before) and records it,
    /// bytes included. It all happens in one write transaction, so two
    /// people sending at once cannot both pass the "not sent yet" check,
    /// and a delivery that fails records nothing.
    package func sendEdition(_ number: Int, recipients: [String], request: ChangeRequest, again: Bool,
                             deliver: (String) throws -> Void) throws -> Send {
        try write {
            guard let issue = try issueHead(number) else { throw DigestError.workflow(.noSuchIssue(number)) }
            guard issue.status == .published, let editionNumber = issue.edition else {
                throw DigestError.workflow(.notPublished(issue: number, status: issue.status))
            }
            try authorize(request, to: .send)
            let actor = request.actor
            guard let edition = try self.edition(of: number, edition: editionNumber) else {
                throw DigestError.internalError("issue \(number) is published as edition \(editionNumber), "
                    + "but that edition is not stored; run 'digest doctor'.")
            }
            let earlier = try sends(of: number).filter { $0.edition == editionNumber }
            if let last = earlier.last, !again {
                throw DigestError.workflow(.alreadySent(issue: number, edition: editionNumber, at: last.sentAt, by: last.sentBy,
                                                        to: last.recipients, times: earlier.count))
            }
            // Dated now; sent again, it is a new message with an ID of its own.
            let at = now
            let messageID = earlier.isEmpty ? nil : EmailEnvelope.makeMessageID(
                issue: number, edition: editionNumber, fromAddress: try settings.publication.email)
            let message = EmailComposer.sent(edition.email, at: at, messageID: messageID)
            try deliver(message)
            let send = Send(issue: number, edition: editionNumber, sentAt: at.rfc3339, sentBy: actor,
                            recipients: recipients)
            try database.statement(
                "INSERT INTO sends(issue, edition, sent_at, sent_by, recipients, message) VALUES (?, ?, ?, ?, ?, ?)"
            ).execute([number, editionNumber, send.sentAt, actor, recipients.joined(separator: ", "), message])
            return send
        }
    }

    /// Every recorded sending of an issue's editions, oldest first.
    package func sends(of number: Int) throws -> [Send] {
        try database.statement(
            "SELECT edition, sent_at, sent_by, recipients FROM sends WHERE issue = ? ORDER BY id"
        ).rows([number]) { row in
            Send(issue: number, edition: row.int(0), sentAt: row.string(1), sentBy: row.string(2),
                 recipients: row.string(3).split(separator: ",").map { String($0).trimmingWhitespace() })
        }
    }
}
