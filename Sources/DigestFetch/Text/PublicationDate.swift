import Foundation

/// The calendar day a page or feed entry says it was published, as
/// `YYYY-MM-DD`, in the publisher's own time zone (the date as written, not
/// moved to UTC): ISO 8601 / RFC 3339 (`2026-11-20T08:00:00-05:00`, JSON-LD,
/// OpenGraph, Atom, JSON Feed, `dc:date`) and RFC 822 (`Fri, 20 Nov 2026
/// 08:00:00 GMT`, RSS). Whether the day exists is left to digest's own date
/// check, which reports it like any typed date.
package enum PublicationDate {
    package static func day(_ raw: String) -> String? {
        let text = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        if let iso = isoDay(text) { return iso }
        return rfc822Day(text)
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
