import Foundation

/// The calendar day a page or feed entry says it was published, as
/// `YYYY-MM-DD`, in the publisher's own time zone (the date as written, not
/// moved to UTC): ISO 8601 / RFC 3339 (`2026-11-20T08:00:00-05:00`, JSON-LD,
/// OpenGraph, Atom, JSON Feed, `dc:date`) and RFC 822 (`Fri, 20 Nov 2026
/// 08:00:00 GMT`, RSS), W3CDTF's reduced forms (`2003-12` and `2002` are
/// their first day, as feedparser reads them), and the words-and-numbers
/// forms feeds also carry (`Thu Aug 30 2012 17:26:16 +0200` from JavaScript,
/// `Sun Jul 15 01:16:00 +0000 2012` from C's asctime and Twitter, `November
/// 20, 2026`). Whether the day exists is left to digest's own date check,
/// which reports it like any typed date.
package enum PublicationDate {
    package static func day(_ raw: String) -> String? {
        let text = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        if let iso = isoDay(text) { return iso }
        if let reduced = reducedISODay(text) { return reduced }
        if let basic = basicISODay(text) { return basic }
        return rfc822Day(text) ?? wordsDay(text)
    }

    /// ISO 8601's basic format: `20021231`, alone or before `T`.
    private static func basicISODay(_ text: String) -> String? {
        let digits = text.prefix { $0.isASCII && $0.isNumber }
        guard digits.count == 8, text.count == 8 || text.dropFirst(8).first == "T" else { return nil }
        return "\(digits.prefix(4))-\(digits.dropFirst(4).prefix(2))-\(digits.suffix(2))"
    }

    /// `YYYY-MM` and `YYYY`, alone.
    private static func reducedISODay(_ text: String) -> String? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), parts[0].count == 4, parts.allSatisfy({ $0.allSatisfy(\.isASCII) }),
              let year = Int(parts[0]), (1000...9999).contains(year) else { return nil }
        if parts.count == 1 { return "\(year)-01-01" }
        guard parts[1].count == 2, let month = Int(parts[1]), (1...12).contains(month) else { return nil }
        return "\(year)-\(pad(month))-01"
    }

    /// A month's name, a day of one or two digits and a year of four, in
    /// any order, among other words (a weekday, a time, a zone).
    private static func wordsDay(_ text: String) -> String? {
        let words = text.split { $0 == " " || $0 == "," || $0 == "\t" }.map(String.init)
        var year: Int?, month: Int?, day: Int?
        for word in words {
            let lower = word.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: "."))
            if month == nil, lower.count >= 3, lower.allSatisfy(\.isLetter),
               let index = months.firstIndex(of: String(lower.prefix(3))) {
                month = index + 1
            } else if year == nil, word.count == 4, let value = Int(word), (1000...9999).contains(value) {
                year = value
            } else if day == nil, let value = Int(word.prefix { $0.isNumber }), (1...31).contains(value),
                      word.prefix(while: \.isNumber).count <= 2,
                      ["", "st", "nd", "rd", "th"].contains(word.drop(while: \.isNumber).lowercased()) {
                day = value
            }
        }
        guard let year, let month, let day else { return nil }
        return "\(year)-\(pad(month))-\(pad(day))"
    }

    private static func isoDay(_ text: String) -> String? {
        let scalars = Array(text.unicodeScalars.prefix(10))
        guard scalars.count == 10, scalars[4] == "-", scalars[7] == "-" else { return nil }
        for (offset, scalar) in scalars.enumerated() where offset != 4 && offset != 7 {
            guard ("0"..."9").contains(scalar) else { return nil }
        }
        return String(String.UnicodeScalarView(scalars))
    }

    private static let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]

    private static func rfc822Day(_ text: String) -> String? {
        // [Weekday,] D Mon YYYY [time zone]
        var words = text.split { $0 == " " || $0 == "," }.map(String.init)
        if let first = words.first, first.first?.isLetter == true { words.removeFirst() }
        guard words.count >= 3, let day = Int(words[0]), (1...31).contains(day),
              let month = months.firstIndex(of: String(words[1].lowercased().prefix(3))),
              var year = Int(words[2]) else { return nil }
        if words[2].count == 2 { year += year < 70 ? 2000 : 1900 }
        guard (1000...9999).contains(year) else { return nil }
        return "\(year)-\(pad(month + 1))-\(pad(day))"
    }

    private static func pad(_ value: Int) -> String {
        value < 10 ? "0\(value)" : String(value)
    }
}
