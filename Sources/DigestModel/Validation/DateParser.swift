import Foundation

/// Reads the date forms editors type and pages carry, by hand.
///
/// Foundation's parsers are too lenient for a record that must read back
/// exactly as typed: they accept `2020/09/28` for `yyyy-MM-dd`, read
/// `20-09-28` as the year 20 and roll `2020-02-30` into March. Here every
/// form is matched explicitly, in ASCII, and checked against the calendar.
///
/// Accepted: `2020-09-28`, `2020/09/28`, `September 28 2020`,
/// `Sep 28, 2020`, `28 September 2020` (month names in any case, full or
/// abbreviated, with an optional dot).
package enum DateParser {
    /// Why a date was refused, and what to write instead.
    package struct Problem: Error, Equatable, Sendable {
        package let reason: String
        package let fix: String
    }

    /// A date read from a page: possibly with a warning about a month that was
    /// misspelt and matched to the nearest name.
    package struct Lenient: Equatable, Sendable {
        package let date: CivilDate
        package let warning: String?
    }

    /// "September 28th, 2020" is 20 bytes; anything past this is not a date.
    package static let maximumLength = 64

    package static let acceptedForms = "YYYY-MM-DD (also YYYY/MM/DD, September 28 2020, Sep 28, 2020 or 28 September 2020)"

    /// Strict reading, for typed input: a misspelt month is an error that names
    /// the month it probably meant.
    package static func parse(_ text: String) -> Result<CivilDate, Problem> {
        switch read(text, forgiveMonths: false) {
        case .success(let lenient): return .success(lenient.date)
        case .failure(let problem): return .failure(problem)
        }
    }

    /// Forgiving reading, for pages (history): a misspelt month is matched to
    /// the nearest month name and reported as a warning.
    package static func parseLeniently(_ text: String) -> Result<Lenient, Problem> {
        read(text, forgiveMonths: true)
    }

    private static func read(_ raw: String, forgiveMonths: Bool) -> Result<Lenient, Problem> {
        let text = raw.trimmingWhitespace()
        guard !text.isEmpty else {
            return .failure(Problem(reason: "it is empty", fix: "write the date as \(acceptedForms)"))
        }
        // Far longer than any date form; checked first, so that a huge "month"
        // is never measured against every month name.
        guard text.utf8.count <= maximumLength else {
            return .failure(Problem(reason: "it is \(text.utf8.count) bytes long, longer than any date (at most \(maximumLength))",
                                    fix: "write the date as \(acceptedForms)"))
        }
        guard text.unicodeScalars.allSatisfy({ $0.isASCII }) else {
            return .failure(Problem(reason: "it holds characters other than ASCII letters, digits and separators",
                                    fix: "write the date as \(acceptedForms)"))
        }
        if let first = text.utf8.first, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(first),
           text.utf8.contains(where: { $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "/") }) {
            return numeric(text).map { Lenient(date: $0, warning: nil) }
        }
        return worded(text, forgiveMonths: forgiveMonths)
    }

    /// `YYYY-MM-DD` and `YYYY/MM/DD`.
    private static func numeric(_ text: String) -> Result<CivilDate, Problem> {
        let hasDash = text.containsByte(UInt8(ascii: "-")), hasSlash = text.containsByte(UInt8(ascii: "/"))
        let separator: Character = hasDash ? "-" : "/"
        let parts = text.split(separator: separator, omittingEmptySubsequences: false).map(String.init)
        let fix = "write it as YYYY-MM-DD, for example 2020-09-28"
        guard parts.count == 3, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isNumber) }),
              !(hasDash && hasSlash) else {
            return .failure(Problem(reason: "it is not a date of the form YYYY-MM-DD", fix: fix))
        }
        if parts[2].count == 4 && parts[0].count <= 2 {
            return .failure(Problem(reason: "day-first and month-first numeric dates are ambiguous",
                                    fix: "write it year first, as YYYY-MM-DD"))
        }
        guard parts[0].count == 4 else {
            return .failure(Problem(reason: "the year '\(parts[0])' does not have four digits",
                                    fix: "write the full year, as YYYY-MM-DD"))
        }
        guard parts[1].count <= 2, parts[2].count <= 2,
              let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]) else {
            return .failure(Problem(reason: "it is not a date of the form YYYY-MM-DD", fix: fix))
        }
        return calendarChecked(year: year, month: month, day: day)
    }

    /// `September 28 2020`, `Sep 28, 2020`, `28 September 2020`.
    private static func worded(_ text: String, forgiveMonths: Bool) -> Result<Lenient, Problem> {
        let words = text.split(whereSeparator: { $0 == " " || $0 == "," || $0 == "\t" }).map(String.init)
        let fix = "write the date as \(acceptedForms)"
        guard words.count == 3 else {
            return .failure(Problem(reason: "it is not a date digest can read", fix: fix))
        }
        let monthWord: String, dayWord: String
        if words[0].first?.isLetter == true {
            (monthWord, dayWord) = (words[0], words[1])
        } else if words[1].first?.isLetter == true {
            (dayWord, monthWord) = (words[0], words[1])
        } else {
            return .failure(Problem(reason: "it is not a date digest can read", fix: fix))
        }
        let yearWord = words[2]
        guard yearWord.allSatisfy(\.isNumber) else {
            return .failure(Problem(reason: "'\(yearWord)' is not a year", fix: fix))
        }
        guard yearWord.count == 4, let year = Int(yearWord) else {
            return .failure(Problem(reason: "the year '\(yearWord)' does not have four digits",
                                    fix: "write the full year, for example \(monthWord) \(dayWord) 20\(yearWord.suffix(2))"))
        }
        guard let day = dayNumber(dayWord) else {
            return .failure(Problem(reason: "'\(dayWord)' is not a day of the month", fix: fix))
        }
        var warning: String?
        let month: Int
        if let exact = MonthName.number(of: monthWord) {
            month = exact
        } else if let guess = MonthName.nearest(to: monthWord) {
            let name = MonthName.english[guess - 1]
            guard forgiveMonths else {
                return .failure(Problem(reason: "'\(monthWord)' is not a month name (did you mean \(name)?)",
                                        fix: "spell the month as \(name)"))
            }
            month = guess
            warning = "read the month '\(monthWord)' as \(name)"
        } else {
            return .failure(Problem(reason: "'\(monthWord)' is not a month name",
                                    fix: "write an English month name, for example September"))
        }
        return calendarChecked(year: year, month: month, day: day).map { Lenient(date: $0, warning: warning) }
    }

    /// `28`, `8`, and ordinals such as `28th`.
    private static func dayNumber(_ word: String) -> Int? {
        var digits = Substring(word)
        for suffix in ["st", "nd", "rd", "th"] where digits.lowercased().hasSuffix(suffix) {
            digits = digits.dropLast(2)
        }
        guard (1...2).contains(digits.count), digits.allSatisfy(\.isNumber) else { return nil }
        return Int(digits)
    }

    private static func calendarChecked(year: Int, month: Int, day: Int) -> Result<CivilDate, Problem> {
        guard (1...9999).contains(year) else {
            return .failure(Problem(reason: "there is no year \(year) in digest's calendar",
                                    fix: "use a year from 0001 to 9999"))
        }
        guard (1...12).contains(month) else {
            return .failure(Problem(reason: "there is no month \(month)", fix: "use a month from 01 to 12"))
        }
        guard let date = CivilDate(year: year, month: month, day: day) else {
            let length = CivilDate.daysIn(month: month, year: year)
            return .failure(Problem(reason: "\(MonthName.english[month - 1]) \(year) has \(length) days, not \(day)",
                                    fix: "use a day from 1 to \(length)"))
        }
        return .success(date)
    }
}
