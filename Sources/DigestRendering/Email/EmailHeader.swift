import DigestModel
/// Header fields written as RFC 5322 and RFC 2047 want them: ASCII only,
/// folded before 78 characters where there is a space to fold at, encoded-words
/// for anything else.
enum EmailHeader {
    /// A field of free text, such as Subject; ends with CRLF.
    static func unstructured(_ name: String, _ value: String) -> String {
        let prefix = name + ": "
        if value.needsEncodedWords {
            return prefix + value.encodedWords(firstLimit: 76 - prefix.utf8.count).joined(separator: "\r\n ") + "\r\n"
        }
        return fold(prefix + value) + "\r\n"
    }

    /// A field holding one mailbox, `Display Name <address>`; ends with CRLF.
    static func mailbox(_ name: String, displayName: String, address: String) -> String {
        let prefix = name + ": "
        let angleAddress = "<\(address)>"
        if displayName.needsEncodedWords {
            let words = displayName.encodedWords(firstLimit: 76 - prefix.utf8.count)
            let lastLineLength = words.count == 1
                ? prefix.utf8.count + words[0].utf8.count
                : 1 + (words.last?.utf8.count ?? 0)
            let separator = lastLineLength + 1 + angleAddress.utf8.count > 76 ? "\r\n " : " "
            return prefix + words.joined(separator: "\r\n ") + separator + angleAddress + "\r\n"
        }
        return fold(prefix + phrase(displayName) + " " + angleAddress) + "\r\n"
    }

    /// A display name as an RFC 5322 phrase: bare when it is only atoms and
    /// spaces, otherwise a quoted string.
    static func phrase(_ text: String) -> String {
        let isAtoms = !text.isEmpty && text.utf8.allSatisfy { byte in
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: " "):
                true
            default:
                "!#$%&'*+-/=?^_`{|}~".utf8.contains(byte)
            }
        }
        if isAtoms, !text.hasPrefix(" "), !text.hasSuffix(" "), !text.contains("  ") { return text }
        var quoted = "\""
        for character in text {
            if character == "\"" || character == "\\" { quoted.append("\\") }
            quoted.append(character)
        }
        return quoted + "\""
    }

    /// Folds a header line at spaces so that lines stay within 78 characters
    /// where possible; unfolding (removing the CRLFs) gives back the line.
    static func fold(_ line: String) -> String {
        guard line.utf8.count > 78 else { return line }
        var result = ""
        var current = ""
        var currentLength = 0
        for (index, word) in line.split(separator: " ", omittingEmptySubsequences: false).enumerated() {
            let piece = index == 0 ? String(word) : " " + word
            if currentLength > 0, currentLength + piece.utf8.count > 78, !word.isEmpty {
                result += current + "\r\n"
                current = piece
                currentLength = piece.utf8.count
            } else {
                current += piece
                currentLength += piece.utf8.count
            }
        }
        return result + current
    }
}
