/// BCP 47 language tags (RFC 5646), as `publication.language` takes them:
/// the well-formed `langtag` and private-use forms, checked subtag by subtag,
/// with the conventional case (`en`, `zh-Hant-TW`, `sr-Latn-RS`).
///
/// Whether a subtag is registered is not checked (that needs the IANA
/// registry); a well-formed tag is what `lang` requires.
package enum LanguageTag {
    /// The tag in conventional case, or nil when it is not well formed.
    package static func normalised(_ tag: String) -> String? {
        problem(with: tag) == nil ? canonicalCase(tag) : nil
    }

    /// Why `tag` is not a well-formed language tag, as a sentence; nil when it is.
    package static func problem(with tag: String) -> String? {
        guard !tag.isEmpty else { return "it is empty" }
        guard tag.utf8.allSatisfy({ isAlphanumeric($0) || $0 == UInt8(ascii: "-") }) else {
            return "a language tag holds only ASCII letters, digits and hyphens"
        }
        let subtags = tag.lowercased().split(separator: "-", omittingEmptySubsequences: false).map(String.init)
        guard subtags.allSatisfy({ (1...8).contains($0.count) }) else {
            return "each part between hyphens has 1 to 8 letters or digits"
        }
        if subtags[0] == "x" {
            return subtags.count > 1 ? nil : "a private-use tag needs a part after x-"
        }
        var index = 0
        // language: 2-3 letters (with up to three 3-letter extlangs), 4 or 5-8 letters.
        guard isAlpha(subtags[0]), subtags[0].count != 1 else {
            return "'\(subtags[0])' is not a language subtag; start with a code such as en, fr or pt"
        }
        index = 1
        if subtags[0].count <= 3 {
            var extlangs = 0
            while index < subtags.count, subtags[index].count == 3, isAlpha(subtags[index]), extlangs < 3 {
                index += 1
                extlangs += 1
            }
        }
        if index < subtags.count, subtags[index].count == 4, isAlpha(subtags[index]) { index += 1 }  // script
        if index < subtags.count,
           (subtags[index].count == 2 && isAlpha(subtags[index])) || (subtags[index].count == 3 && isDigits(subtags[index])) {
            index += 1  // region
        }
        var variants: Set<String> = []
        while index < subtags.count, isVariant(subtags[index]) {
            guard variants.insert(subtags[index]).inserted else { return "the variant '\(subtags[index])' is repeated" }
            index += 1
        }
        var singletons: Set<String> = []
        while index < subtags.count, subtags[index].count == 1, subtags[index] != "x" {
            let singleton = subtags[index]
            guard singletons.insert(singleton).inserted else { return "the extension '\(singleton)' is repeated" }
            index += 1
            let start = index
            while index < subtags.count, (2...8).contains(subtags[index].count) { index += 1 }
            guard index > start else { return "the extension '\(singleton)' needs a part of 2 to 8 characters after it" }
        }
        if index < subtags.count, subtags[index] == "x" {
            return index + 1 < subtags.count ? nil : "a private-use part needs something after x-"
        }
        guard index == subtags.count else {
            return "'\(subtags[index])' is out of place (the order is language-Script-REGION-variant)"
        }
        return nil
    }

    /// Language lower case, script title case, region upper case, as RFC
    /// 5646 section 2.1.1 recommends; everything after a singleton lower case.
    private static func canonicalCase(_ tag: String) -> String {
        var afterSingleton = false
        return tag.lowercased().split(separator: "-").enumerated().map { offset, subtag -> String in
            if subtag.count == 1 { afterSingleton = true }
            guard offset > 0, !afterSingleton else { return String(subtag) }
            if subtag.count == 4, isAlpha(String(subtag)) { return subtag.prefix(1).uppercased() + subtag.dropFirst() }
            if subtag.count == 2 { return subtag.uppercased() }
            return String(subtag)
        }.joined(separator: "-")
    }

    private static func isVariant(_ subtag: String) -> Bool {
        (5...8).contains(subtag.count) || (subtag.count == 4 && subtag.utf8.first.map(isDigit) == true)
    }

    private static func isAlpha(_ text: String) -> Bool {
        text.utf8.allSatisfy { (UInt8(ascii: "a")...UInt8(ascii: "z")).contains($0 | 0x20) }
    }

    private static func isDigits(_ text: String) -> Bool { text.utf8.allSatisfy(isDigit) }

    private static func isDigit(_ byte: UInt8) -> Bool { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) }

    private static func isAlphanumeric(_ byte: UInt8) -> Bool {
        isDigit(byte) || (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte | 0x20)
    }
}
