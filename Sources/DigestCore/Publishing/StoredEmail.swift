import Foundation

/// How an email edition is stored beside the text and HTML editions it is
/// made of.
///
/// The email carries the text and the HTML again, quoted-printable, which
/// made it a third of an archive's size. It is stored with each of those
/// encoded bodies cut out, and a layout that says which render was cut out
/// where (`text@812 html@1650`: byte offsets in the stored message); reading
/// encodes the stored renders again and puts them back.
///
/// Nothing here knows how the message is composed: a render is cut out
/// only where its encoding occurs in the message as it is, and the
/// reconstruction is checked against the original bytes before anything is
/// stored. A message that does not come back byte for byte is stored whole,
/// with no layout — as every email stored before this existed is.
package enum StoredEmail {
    /// What to store for `email`, whose parts may repeat `text` and `html`.
    package static func compact(_ email: String, text: String, html: String) -> (stored: String, layout: String?) {
        let message = Array(email.utf8)
        var skeleton: [UInt8] = []
        skeleton.reserveCapacity(message.count / 4)
        var cuts: [String] = []
        var cursor = 0
        for (name, render) in [("text", text), ("html", html)] {
            let encoded = quotedPrintable(render)
            guard !encoded.isEmpty, let found = message.firstOffset(of: encoded, from: cursor) else { continue }
            skeleton += message[cursor..<found]
            cuts.append("\(name)@\(skeleton.count)")
            cursor = found + encoded.count
        }
        guard !cuts.isEmpty else { return (email, nil) }
        skeleton += message[cursor...]
        let stored = String(decoding: skeleton, as: UTF8.self)
        let layout = cuts.joined(separator: " ")
        guard let rebuilt = expand(stored, layout: layout, text: text, html: html), Self.sameBytes(rebuilt, email) else {
            return (email, nil)
        }
        return (stored, layout)
    }

    /// The email as it was published, from what `compact` stored; nil when
    /// the layout is not one `compact` writes.
    package static func expand(_ stored: String, layout: String?, text: String, html: String) -> String? {
        guard let layout else { return stored }
        let skeleton = Array(stored.utf8)
        var message: [UInt8] = []
        message.reserveCapacity(skeleton.count + 3 * (text.utf8.count + html.utf8.count) / 2)
        var cursor = 0
        for cut in layout.split(separator: " ", omittingEmptySubsequences: false) {
            let parts = cut.split(separator: "@", omittingEmptySubsequences: false)
            guard parts.count == 2, let offset = Int(parts[1]), offset >= cursor, offset <= skeleton.count,
                  parts[1].allSatisfy(\.isASCII) else { return nil }
            let render: String
            switch parts[0] {
            case "text": render = text
            case "html": render = html
            default: return nil
            }
            message += skeleton[cursor..<offset]
            message += quotedPrintable(render)
            cursor = offset
        }
        message += skeleton[cursor...]
        return String(decoding: message, as: UTF8.self)
    }

    /// `body` encoded as the email encodes a part.
    static func quotedPrintable(_ body: String) -> [UInt8] {
        var body = body
        return body.withUTF8 { input in
            [UInt8](unsafeUninitializedCapacity: QuotedPrintable.maximumLength(of: input)) { buffer, count in
                guard let base = buffer.baseAddress else {
                    count = 0
                    return
                }
                count = QuotedPrintable.encode(input, into: base)
            }
        }
    }

    /// Byte for byte, not by Unicode equivalence as `==` compares.
    static func sameBytes(_ first: String, _ second: String) -> Bool {
        var first = first, second = second
        return first.withUTF8 { left in second.withUTF8 { right in
            DigestCore.sameBytes(UnsafeRawBufferPointer(left), UnsafeRawBufferPointer(right))
        } }
    }
}
