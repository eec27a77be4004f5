import Foundation
import DigestModel

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
    ///
    /// `encodedParts` are the byte ranges where the composer wrote the
    /// encodings of `text` and `html` (`RenderedEdition.emailParts`): the
    /// bytes there are what `expand` makes again from the same renders, so
    /// they are cut out as they are, without encoding either render a
    /// second time. Without them (an email read from a dump, say) each
    /// encoding is made, searched for, and the result checked.
    package static func compact(_ email: String, text: String, html: String,
                                encodedParts: [Range<Int>] = []) -> (stored: String, layout: String?) {
        let message = Array(email.utf8)
        if encodedParts.count == 2, encodedParts[0].lowerBound >= 0,
           encodedParts[0].upperBound <= encodedParts[1].lowerBound, encodedParts[1].upperBound <= message.count {
            let (textPart, htmlPart) = (encodedParts[0], encodedParts[1])
            var skeleton = Array(message[..<textPart.lowerBound])
            skeleton.reserveCapacity(message.count - textPart.count - htmlPart.count)
            let textAt = skeleton.count
            skeleton += message[textPart.upperBound..<htmlPart.lowerBound]
            let htmlAt = skeleton.count
            skeleton += message[htmlPart.upperBound...]
            return (String(decoding: skeleton, as: UTF8.self), layout(textAt: textAt, htmlAt: htmlAt))
        }
        var skeleton: [UInt8] = []
        skeleton.reserveCapacity(message.count / 4)
        var cuts: [String] = []
        var encodings: [String: [UInt8]] = [:]
        var cursor = 0
        for (name, render) in [("text", text), ("html", html)] {
            let encoded = quotedPrintable(render)
            guard !encoded.isEmpty, let found = message.firstOffset(of: encoded, from: cursor) else { continue }
            skeleton += message[cursor..<found]
            cuts.append("\(name)@\(skeleton.count)")
            encodings[name] = encoded
            cursor = found + encoded.count
        }
        guard !cuts.isEmpty else { return (email, nil) }
        skeleton += message[cursor...]
        let layout = cuts.joined(separator: " ")
        // Rebuilt as `expand` rebuilds it, with the encodings just made.
        guard let rebuilt = rebuild(skeleton, layout: layout, encoded: { encodings[String($0)] }),
              rebuilt.withUnsafeBytes({ rebuilt in message.withUnsafeBytes { sameBytes(rebuilt, $0) } }) else {
            return (email, nil)
        }
        return (String(decoding: skeleton, as: UTF8.self), layout)
    }

    /// The layout of a stored message whose text body belongs at byte
    /// `textAt` and whose HTML body belongs at `htmlAt`.
    package static func layout(textAt: Int, htmlAt: Int) -> String { "text@\(textAt) html@\(htmlAt)" }

    /// The email as it was published, from what `compact` stored; nil when
    /// the layout is not one `compact` writes.
    package static func expand(_ stored: String, layout: String?, text: String, html: String) -> String? {
        guard let layout else { return stored }
        let rebuilt = rebuild(Array(stored.utf8), layout: layout) { name in
            switch name {
            case "text": return quotedPrintable(text)
            case "html": return quotedPrintable(html)
            default: return nil
            }
        }
        return rebuilt.map { String(decoding: $0, as: UTF8.self) }
    }

    /// The message: the skeleton with each render's encoding put back where
    /// the layout says; nil for a layout `compact` never writes.
    private static func rebuild(_ skeleton: [UInt8], layout: String, encoded: (Substring) -> [UInt8]?) -> [UInt8]? {
        var message: [UInt8] = []
        var cursor = 0
        for cut in layout.split(separator: " ", omittingEmptySubsequences: false) {
            let parts = cut.split(separator: "@", omittingEmptySubsequences: false)
            guard parts.count == 2, let offset = Int(parts[1]), offset >= cursor, offset <= skeleton.count,
                  parts[1].allSatisfy(\.isASCII), let encoding = encoded(parts[0]) else { return nil }
            if message.isEmpty { message.reserveCapacity(skeleton.count + 2 * encoding.count) }
            message += skeleton[cursor..<offset]
            message += encoding
            cursor = offset
        }
        message += skeleton[cursor...]
        return message
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
}
