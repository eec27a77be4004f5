/// Assembles the email edition from the text and HTML renders: one RFC 5322
/// message, CRLF throughout, `multipart/alternative` with the text part
/// first so that list software which drops the HTML keeps a whole message.
enum EmailComposer {
    static let fallbackFrom = "noreply@invalid"

    static func compose(
        text: String, html: String, input: RenderInput, envelope: EmailEnvelope, warnings: inout [String]
    ) -> String {
        let publication = input.publication
        let from: String
        if let email = publication.email, isPlausibleAddress(email) {
            from = email
        } else {
            from = fallbackFrom
            warnings.append(publication.email.map {
                "The publication address '\($0)' is not an email address, so the email is sent from \(fallbackFrom); "
                    + "set a valid one with 'digest config publication.email ADDR'."
            } ?? "No publication address is set, so the email is sent from \(fallbackFrom); "
                + "set one with 'digest config publication.email ADDR'.")
        }
        let to: String
        if let address = publication.listAddress, isPlausibleAddress(address) {
            to = address
        } else {
            to = from
            warnings.append(publication.listAddress.map {
                "The list address '\($0)' is not an email address, so the email is addressed to its sender (\(from)); "
                    + "set a valid one with 'digest config list.address ADDR'."
            } ?? "No list address is set, so the email is addressed to its sender (\(from)); "
                + "set one with 'digest config list.address ADDR'.")
        }

        let textPart = text.quotedPrintable
        let htmlPart = html.quotedPrintable
        let boundary = boundary(for: envelope, avoiding: [textPart, htmlPart])

        var message = ""
        message.reserveCapacity(textPart.utf8.count + htmlPart.utf8.count + 1024)
        message += EmailHeader.mailbox("From", displayName: publication.name, address: from)
        message += "To: \(to)\r\n"
        message += EmailHeader.unstructured("Subject", input.displayTitle)
        message += "Date: \(envelope.date.rfc5322)\r\n"
        message += "Message-ID: \(envelope.messageID)\r\n"
        message += "MIME-Version: 1.0\r\n"
        message += listUnsubscribeHeaders(publication, warnings: &warnings)
        message += "Content-Type: multipart/alternative; boundary=\"\(boundary)\"\r\n"
        message += "\r\n"
        message += "This is a multi-part message in MIME format.\r\n"
        for (type, body) in [("text/plain", textPart), ("text/html", htmlPart)] {
            message += "\r\n--\(boundary)\r\n"
            message += "Content-Type: \(type); charset=utf-8\r\n"
            message += "Content-Transfer-Encoding: quoted-printable\r\n"
            message += "\r\n"
            message += body
        }
        message += "\r\n--\(boundary)--\r\n"
        return message
    }

    /// An address we can put in a header as it is: one `@`, something on
    /// each side, printable ASCII without spaces or the characters that
    /// delimit addresses.
    static func isPlausibleAddress(_ address: String) -> Bool {
        guard let at = address.utf8.firstIndex(of: UInt8(ascii: "@")),
              at != address.utf8.startIndex,
              address.utf8.index(after: at) != address.utf8.endIndex,
              address.utf8.lastIndex(of: UInt8(ascii: "@")) == at else { return false }
        return address.utf8.allSatisfy { byte in
            byte > 0x20 && byte < 0x7F && !"<>()[]\\,;:\"".utf8.contains(byte)
        }
    }

    /// `=_` cannot occur in quoted-printable text, so the boundary is safe
    /// from the start; it is still checked, and changed if it ever occurs.
    /// It derives from the Message-ID so that the same envelope gives the
    /// same bytes.
    private static func boundary(for envelope: EmailEnvelope, avoiding parts: [String]) -> String {
        var attempt = 0
        while true {
            var hash: UInt64 = 0xcbf2_9ce4_8422_2325
            for byte in envelope.messageID.utf8 {
                hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
            }
            hash = (hash ^ UInt64(attempt)) &* 0x0000_0100_0000_01B3
            let digits = String(hash, radix: 16)
            let boundary = "=_digest_" + String(repeating: "0", count: 16 - digits.count) + digits
            if !parts.contains(where: { $0.utf8.containsBytes(of: boundary) }) { return boundary }
            attempt += 1
        }
    }

    /// RFC 2369 and RFC 8058: an address becomes a `mailto:` link, and an
    /// https page also offers one-click unsubscription.
    private static func listUnsubscribeHeaders(_ publication: PublicationInfo, warnings: inout [String]) -> String {
        guard let link = publication.unsubscribeLink else { return "" }
        let lowered = link.lowercased()
        let usable = (lowered.hasPrefix("mailto:") || lowered.hasPrefix("http://") || lowered.hasPrefix("https://"))
            && link.utf8.allSatisfy { $0 > 0x20 && $0 < 0x7F && $0 != UInt8(ascii: "<") && $0 != UInt8(ascii: ">") }
        guard usable else {
            warnings.append(
                "The unsubscribe setting '\(publication.listUnsubscribe ?? link)' is neither an email address nor "
                    + "a web address, so the email has no List-Unsubscribe header; set it with "
                    + "'digest config list.unsubscribe ADDR-OR-URL'.")
            return ""
        }
        var headers = "List-Unsubscribe: <\(link)>\r\n"
        if lowered.hasPrefix("https://") {
            headers += "List-Unsubscribe-Post: List-Unsubscribe=One-Click\r\n"
        }
        return headers
    }
}
