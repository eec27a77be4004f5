import DigestStorage
import DigestModel
import DigestRendering
/// Finds the trailing "read more" link title that scraped pages leave at the
/// end of an excerpt.
///
/// It is split off only when it repeats the item's title or abbreviates it
/// (the title cut at a word boundary), and only when it stands after the end
/// of a sentence: anything else may be the excerpt's own words, and moving
/// those would change what the source said.
enum LinkTitleMatcher {
    /// The excerpt without its trailing link title, and that title as written,
    /// or the excerpt unchanged and nil.
    static func split(excerpt: String, title: String) -> (excerpt: String, linkText: String?) {
        let excerptScalars = Array(excerpt.unicodeScalars)
        let text = comparable(excerptScalars)
        let titleKeys = comparable(Array(title.unicodeScalars)).keys
        guard !titleKeys.isEmpty, !text.keys.isEmpty else { return (excerpt, nil) }
        let prefix = prefixFunction(titleKeys)
        // Longest title prefix that is also a suffix of the excerpt; shorter
        // ones are reached through the prefix function, longest first.
        var length = longestTitlePrefixEnding(text.keys, title: titleKeys, prefix: prefix)
        while length > 0 {
            let start = text.keys.count - length
            if isWordBoundary(titleKeys, at: length), followsSentence(text.keys, at: start) {
                let cut = text.origins[start]
                let kept = String(String.UnicodeScalarView(excerptScalars[..<cut]))
                let linkText = String(String.UnicodeScalarView(excerptScalars[cut...]))
                return (String(PageText.trimmed(Substring(kept))), Self.linkText(Substring(linkText)))
            }
            length = prefix[length - 1]
        }
        return (excerpt, nil)
    }

    /// A link title as written, trimmed and without the " ." pages put after it (a full stop after a
    /// space; a full stop right after a word, as in "Inc.", is the title's own).
    static func linkText(_ raw: Substring) -> String {
        let text = PageText.trimmed(raw)
        var end = text.endIndex
        while end > text.startIndex, text[text.index(before: end)] == "." { end = text.index(before: end) }
        guard end < text.endIndex, end > text.startIndex, text[text.index(before: end)].isWhitespace else {
            return String(text)
        }
        return String(PageText.trimmed(text[..<end]))
    }

    /// Whether a whole line is the title or the title cut at a word boundary:
    /// a link title that ended up on a line of its own.
    static func isAbbreviation(_ line: Substring, of title: String) -> Bool {
        let lineKeys = comparable(Array(line.unicodeScalars)).keys
        let titleKeys = comparable(Array(title.unicodeScalars)).keys
        guard !lineKeys.isEmpty, lineKeys.count <= titleKeys.count,
              titleKeys.starts(with: lineKeys) else { return false }
        return isWordBoundary(titleKeys, at: lineKeys.count)
    }

    private static let space: UInt32 = 0x20
    private static let fullStop: UInt32 = 0x2E

    /// Scalars reduced for comparison, each with the index of the scalar it
    /// came from: case folded, runs of white space as one space, curly
    /// quotes and dashes as their plain forms, and without the trailing
    /// spaces and full stops (` .`) that pages put after a link title.
    private static func comparable(_ scalars: [Unicode.Scalar]) -> (keys: [UInt32], origins: [Int]) {
        var keys: [UInt32] = []
        var origins: [Int] = []
        keys.reserveCapacity(scalars.count)
        origins.reserveCapacity(scalars.count)
        for (index, scalar) in scalars.enumerated() {
            if scalar.properties.isWhitespace {
                if keys.isEmpty || keys.last == space { continue }
                keys.append(space)
            } else {
                keys.append(key(for: scalar))
            }
            origins.append(index)
        }
        while let last = keys.last, last == space || last == fullStop {
            keys.removeLast()
            origins.removeLast()
        }
        return (keys, origins)
    }

    private static func key(for scalar: Unicode.Scalar) -> UInt32 {
        switch scalar {
        case "\u{2018}", "\u{2019}", "\u{201A}", "\u{201B}", "\u{2032}": return 0x27
        case "\u{201C}", "\u{201D}", "\u{201E}", "\u{201F}", "\u{2033}": return 0x22
        case "\u{2010}", "\u{2011}", "\u{2012}", "\u{2013}", "\u{2014}", "\u{2015}", "\u{2212}": return 0x2D
        case "A"..."Z": return scalar.value + 0x20
        case _ where scalar.isASCII: return scalar.value
        default:
            let lower = scalar.properties.lowercaseMapping.unicodeScalars
            // A letter whose lower case is several scalars (İ) compares as itself.
            return lower.count == 1 ? (lower.first ?? scalar).value : scalar.value
        }
    }

    /// Knuth–Morris–Pratt: for each prefix of `pattern`, the length of its
    /// longest proper prefix that is also its suffix. Linear, so a long title
    /// against a long excerpt never goes quadratic.
    private static func prefixFunction(_ pattern: [UInt32]) -> [Int] {
        var result = [Int](repeating: 0, count: pattern.count)
        var length = 0
        for index in pattern.indices.dropFirst() {
            while length > 0, pattern[index] != pattern[length] { length = result[length - 1] }
            if pattern[index] == pattern[length] { length += 1 }
            result[index] = length
        }
        return result
    }

    private static func longestTitlePrefixEnding(_ text: [UInt32], title: [UInt32], prefix: [Int]) -> Int {
        var length = 0
        for key in text {
            if length == title.count { length = prefix[length - 1] }
            while length > 0, key != title[length] { length = prefix[length - 1] }
            if key == title[length] { length += 1 }
        }
        return length
    }

    /// The cut does not fall inside a word of the title.
    private static func isWordBoundary(_ title: [UInt32], at length: Int) -> Bool {
        guard length < title.count else { return true }
        return !(isWordCharacter(title[length - 1]) && isWordCharacter(title[length]))
    }

    private static func isWordCharacter(_ key: UInt32) -> Bool {
        guard let scalar = Unicode.Scalar(key) else { return false }
        let properties = scalar.properties
        switch properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: return true
        default: return properties.isAlphabetic || properties.numericType != nil
        }
    }

    /// The link title stands after a space that follows the end of a
    /// sentence (or a closing quote or bracket), with text before it.
    private static func followsSentence(_ text: [UInt32], at start: Int) -> Bool {
        guard start >= 2, text[start - 1] == space else { return false }
        return sentenceEnds.contains(text[start - 2])
    }

    /// . ! ? … ' " ) ] » (curly quotes are already plain here).
    private static let sentenceEnds: Set<UInt32> = [0x2E, 0x21, 0x3F, 0x2026, 0x27, 0x22, 0x29, 0x5D, 0xBB]
}
