import DigestModel
/// Assembles the email edition from the text and HTML renders: one RFC 5322
/// message, CRLF throughout, `multipart/alternative` with the text part
/// first so that list software which drops the HTML keeps a whole message.
package enum EmailComposer {
    static let fallbackFrom = "noreply@invalid"

    /// A message and the byte ranges in it of its parts' quoted-printable
    /// bodies, the text part's first: what `StoredEmail.compact` cuts out.
    struct Composed {
        let message: String
        let encodedParts: [Range<Int>]
    }

    static func compose(
        text: String, html: String, input: EditionContent, envelope: EmailEnvelope, warnings: inout [String]
    ) -> Composed {
        let headers = headers(input: input, envelope: envelope, warnings: &warnings)
        var text = text
        var html = html
        return text.withUTF8 { text in
            html.withUTF8 { html in
                var attempt = 0
                while true {
                    let boundary = boundary(for: envelope, attempt: attempt)
                    if let message = assemble(headers: headers, boundary: boundary, text: text, html: html) {
                        return message
                    }
                    attempt += 1
                }
            }
        }
    }

    /// The message with its two parts' bodies left out, and the byte offsets
    /// where they belong (the text's first): what `StoredEmail.compact`
    /// makes of `compose`'s message, without encoding the bodies only to cut
    /// them out again. `compose` never needs a second boundary (see
    /// `boundary(for:attempt:)`), so the first one is the one it would use.
    static func skeleton(input: EditionContent, envelope: EmailEnvelope, warnings: inout [String]) -> Skeleton {
        let frame = Frame(headers: headers(input: input, envelope: envelope, warnings: &warnings),
                          boundary: boundary(for: envelope, attempt: 0))
        let textAt = frame.head.utf8.count + frame.partHeaders[0].utf8.count
        let htmlAt = textAt + frame.partHeaders[1].utf8.count
        return Skeleton(message: frame.head + frame.partHeaders[0] + frame.partHeaders[1] + frame.closing,
                        partOffsets: [textAt, htmlAt])
    }

    /// A message with its parts' bodies left out (`skeleton`).
    struct Skeleton {
        let message: String
        let partOffsets: [Int]
    }

    /// Every header line before Content-Type, each ending in CRLF; warns
    /// about settings that cannot be used as they are.
    private static func headers(input: EditionContent, envelope: EmailEnvelope, warnings: inout [String]) -> String {
        let publication = input.publication
        let from: String
        if let email = publication.email, EmailAddress.isValid(email) {
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
        if let address = publication.listAddress, EmailAddress.isValid(address) {
            to = address
        } else {
            to = from
            warnings.append(publication.listAddress.map {
                "The list address '\($0)' is not an email address, so the email is addressed to its sender (\(from)); "
                    + "set a valid one with 'digest config list.address ADDR'."
            } ?? "No list address is set, so the email is addressed to its sender (\(from)); "
                + "set one with 'digest config list.address ADDR'.")
        }

        var headers = ""
        headers += EmailHeader.mailbox("From", displayName: publication.name, address: from)
        headers += "To: \(to)\r\n"
        if let replyTo = publication.replyTo, EmailAddress.isValid(replyTo) { headers += "Reply-To: \(replyTo)\r\n" }
        // An edition after the first says it is a correction where the inbox shows it.
        let corrected = (input.issue.edition ?? 1) > 1 ? publication.correctionPrefix : ""
        headers += EmailHeader.unstructured("Subject", corrected + input.displayTitle)
        headers += "Date: \(envelope.date.rfc5322)\r\n"
        headers += "Message-ID: \(envelope.messageID)\r\n"
        headers += "MIME-Version: 1.0\r\n"
        if let listID = publication.listIdentifier {
            // The name as a phrase only when it is printable ASCII: anything else (a line break above all) stays out.
            let name = publication.name.utf8.allSatisfy { (0x20...0x7E).contains($0) } ? EmailHeader.phrase(publication.name) + " " : ""
            headers += EmailHeader.fold("List-Id: " + name + "<\(listID)>") + "\r\n"
        }
        headers += listUnsubscribeHeaders(publication, warnings: &warnings)
        return headers
    }

    /// Everything of a message but its two bodies: the header section and
    /// preamble, the header of each part (text, then HTML), and the closing
    /// boundary.
    private struct Frame {
        let head: String
        let partHeaders: [String]
        let closing: String

        init(headers: String, boundary: String) {
            head = headers
                + "Content-Type: multipart/alternative; boundary=\"\(boundary)\"\r\n"
                + "\r\n"
                + "This is a multi-part message in MIME format.\r\n"
            partHeaders = ["text/plain", "text/html"].map { type in
                "\r\n--\(boundary)\r\nContent-Type: \(type); charset=utf-8\r\n"
                    + "Content-Transfer-Encoding: quoted-printable\r\n\r\n"
            }
            closing = "\r\n--\(boundary)--\r\n"
        }
    }

    /// Writes the whole message into one buffer, encoding each part in place;
    /// nil when the boundary turns up inside an encoded part. `headers` are
    /// every header line before Content-Type, each ending in CRLF.
    static func assemble(
        headers: String, boundary: String, text: UnsafeBufferPointer<UInt8>, html: UnsafeBufferPointer<UInt8>
    ) -> Composed? {
        let frame = Frame(headers: headers, boundary: boundary)
        let (head, closing) = (frame.head, frame.closing)
        let parts = zip(frame.partHeaders, [text, html]).map { (header: $0, body: $1) }
        let capacity = head.utf8.count + closing.utf8.count
            + parts.reduce(0) { $0 + $1.header.utf8.count + QuotedPrintable.maximumLength(of: $1.body) }

        var boundaryFound = false
        var encodedParts: [Range<Int>] = []
        let bytes = [UInt8](unsafeUninitializedCapacity: capacity) { buffer, initialized in
            guard let base = buffer.baseAddress else { return }
            var out = 0
            func write(_ string: String) {
                for byte in string.utf8 {
                    base[out] = byte
                    out += 1
                }
            }
            write(head)
            for part in parts {
                write(part.header)
                let start = out
                out += QuotedPrintable.encode(part.body, into: base + out)
                encodedParts.append(start..<out)
                let encoded = UnsafeBufferPointer(start: base + start, count: out - start)
                if encoded.containsBytes(of: boundary) { boundaryFound = true }
            }
            write(closing)
            precondition(out <= capacity, "the email overran its buffer")
            initialized = out
        }
        return boundaryFound ? nil : Composed(message: String(decoding: bytes, as: UTF8.self), encodedParts: encodedParts)
    }

    /// `=_` cannot occur in quoted-printable text (an `=` there is always
    /// followed by a hex digit or a line break), so the boundary is safe
    /// from the start; `compose` still checks, and changes it if it ever occurs.
    /// It derives from the Message-ID so that the same envelope gives the
    /// same bytes.
    private static func boundary(for envelope: EmailEnvelope, attempt: Int) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in envelope.messageID.utf8 {
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
        }
        hash = (hash ^ UInt64(attempt)) &* 0x0000_0100_0000_01B3
        let digits = String(hash, radix: 16)
        return "=_digest_" + String(repeating: "0", count: 16 - digits.count) + digits
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

extension EmailComposer {
    /// A test copy of a composed message: the Subject marked `[TEST]`, To
    /// the test recipients (so a mailer that reads recipients from the
    /// headers, as `sendmail -t` does, never reaches the list), and a
    /// Message-ID of its own (so the copy never stands in for the real
    /// message in a reader's mailbox). Only these header lines change; the
    /// body is byte for byte the same.
    package static func testCopy(of email: String, to recipients: [String], messageID: String) -> String {
        restamped(email, with: [("To", recipients.joined(separator: ", ")), ("Message-ID", messageID)],
                  subjectPrefix: "[TEST]")
    }

    /// The message as a real send gives it: dated when it is sent (the
    /// edition keeps its own bytes), and with a Message-ID of its own when
    /// the edition went out before, so the second copy is not taken for the
    /// first.
    package static func sent(_ email: String, at time: Timestamp, messageID: String?) -> String {
        restamped(email, with: [("Date", time.rfc5322)] + (messageID.map { [("Message-ID", $0)] } ?? []))
    }

    /// The message with header fields replaced (matched by name, any case;
    /// one missing is added) and the Subject prefixed; the body byte for
    /// byte the same.
    static func restamped(_ email: String, with replacements: [(name: String, value: String)],
                          subjectPrefix: String? = nil) -> String {
        guard let headerEnd = email.range(of: "\r\n\r\n") else { return email }
        var fields: [String] = []
        for line in email[..<headerEnd.lowerBound].components(separatedBy: "\r\n") {
            if (line.hasPrefix(" ") || line.hasPrefix("\t")), !fields.isEmpty {
                fields[fields.count - 1] += "\r\n" + line
            } else {
                fields.append(line)
            }
        }
        var pending = replacements
        var subjectMarked = subjectPrefix == nil
        fields = fields.map { field in
            let name = field.prefix { $0 != ":" }.lowercased()
            if let prefix = subjectPrefix, name == "subject" {
                subjectMarked = true
                return "Subject: " + prefix + field.dropFirst("Subject:".count)
            }
            guard let index = pending.firstIndex(where: { $0.name.lowercased() == name }) else { return field }
            let replacement = pending.remove(at: index)
            return EmailHeader.fold(replacement.name + ": " + replacement.value)
        }
        fields += pending.map { EmailHeader.fold($0.name + ": " + $0.value) }
        if !subjectMarked, let prefix = subjectPrefix { fields.append("Subject: " + prefix) }
        return fields.joined(separator: "\r\n") + email[headerEnd.lowerBound...]
    }
}
