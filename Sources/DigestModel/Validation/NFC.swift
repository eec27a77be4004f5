import Foundation

/// Unicode Normalization Form C, with a quick check in front.
///
/// Foundation normalises through NSString, which costs microseconds per
/// field: too much for a 20,000-item import. Most text is already NFC, and
/// that is certain when every scalar is one that no normalisation can
/// change and nothing can compose with (UAX #15: NFC_Quick_Check=Yes and
/// canonical combining class 0 throughout). Only text with other scalars
/// goes through Foundation.
package enum NFC {
    package static func normalise(_ text: String) -> String {
        isCertainlyNFC(text) ? text : text.precomposedStringWithCanonicalMapping
    }

    /// True when every scalar is in a range that is stable under NFC: no
    /// combining marks, no singletons, no composition exclusions. Read on
    /// the UTF-8 bytes: ASCII, and the two-byte scalars below U+0300 (lead
    /// bytes C2–CB), are stable without decoding.
    package static func isCertainlyNFC(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            var index = 0
            while index < bytes.count {
                let lead = bytes[index]
                if lead < 0x80 {
                    index = ByteLanes.skipASCII(bytes, from: index + 1)
                    continue
                }
                if lead < 0xCC {
                    index += 2
                    continue
                }
                // A String holds valid UTF-8: the lead byte says how many follow.
                let length = lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
                guard index + length <= bytes.count else { return false }
                var value = UInt32(lead & (0x7F >> length))
                for offset in 1..<length { value = value << 6 | UInt32(bytes[index + offset] & 0x3F) }
                guard isStable(value) else { return false }
                index += length
            }
            return true
        }
    }

    private static func isStable(_ value: UInt32) -> Bool {
        switch value {
        case 0..<0x0300: return true                        // ASCII, Latin-1, Latin Extended, IPA, modifiers
        case 0x0391...0x03A9, 0x03B1...0x03C9: return true  // Greek letters without tonos
        case 0x1E00...0x1EFF: return true                   // Latin Extended Additional (Vietnamese, ṣ, ẞ)
        case 0x0410...0x044F: return true                   // Cyrillic basic letters
        case 0x05D0...0x05EA: return true                   // Hebrew letters
        case 0x060C, 0x061B, 0x061F, 0x0621...0x063A, 0x0641...0x064A, 0x0660...0x0669,
             0x067E, 0x0686, 0x0698, 0x06A9, 0x06AF, 0x06CC, 0x06F0...0x06F9:
            return true                                     // Arabic and Persian letters and digits
        case 0x200C, 0x200D, 0x2010...0x2027, 0x2030...0x205E: return true  // joiners, punctuation
        case 0x20A0...0x20C0: return true                   // currency signs
        case 0x2100...0x2125, 0x2127...0x2129, 0x212C...0x214F: return true  // letterlike, minus Ω K Å singletons
        case 0x2190...0x2319, 0x232B...0x23FF: return true  // arrows, maths, technical, minus 〈 〉 singletons
        case 0x2460...0x27FF: return true                   // enclosed, boxes, shapes, symbols, dingbats
        case 0x3000...0x3098, 0x309B...0x30FF: return true  // CJK punctuation, kana, minus the combining marks
        case 0x4E00...0x9FFF: return true                   // CJK unified ideographs
        case 0xAC00...0xD7A3: return true                   // Hangul syllables
        case 0x1F300...0x1FAFF: return true                 // emoji
        default: return false
        }
    }
}
