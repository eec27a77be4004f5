#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An instant, in whole seconds since the Unix epoch, written as RFC 3339 in UTC.
///
/// Formatted by hand: Foundation's date formatters cost milliseconds to
/// create, which every command would pay at start-up.
package struct Timestamp: Equatable, Comparable, Sendable {
    package let secondsSinceEpoch: Int

    package init(secondsSinceEpoch: Int) {
        self.secondsSinceEpoch = secondsSinceEpoch
    }

    /// Now, or the instant `SOURCE_DATE_EPOCH` names, so that renders and
    /// records can be reproduced exactly (the reproducible-builds convention).
    package static func now(environment: [String: String]) -> Timestamp {
        if let fixed = environment["SOURCE_DATE_EPOCH"], let seconds = Int(fixed) {
            return Timestamp(secondsSinceEpoch: seconds)
        }
        return Timestamp(secondsSinceEpoch: Int(time(nil)))
    }

    /// `2026-11-22T18:21:19Z`.
    package var rfc3339: String {
        let parts = utcParts
        return "\(parts.year.zeroPadded(4))-\(parts.month.zeroPadded(2))-\(parts.day.zeroPadded(2))T"
            + "\(parts.hour.zeroPadded(2)):\(parts.minute.zeroPadded(2)):\(parts.second.zeroPadded(2))Z"
    }

    /// The civil date in UTC.
    package var utcDate: CivilDate? {
        let parts = utcParts
        return CivilDate(year: parts.year, month: parts.month, day: parts.day)
    }

    package var utcParts: (year: Int, month: Int, day: Int, weekday: Int, hour: Int, minute: Int, second: Int) {
        // Days since the epoch to a civil date (Howard Hinnant's algorithm), so no
        // time-zone database is consulted.
        let days = secondsSinceEpoch >= 0 ? secondsSinceEpoch / 86_400 : (secondsSinceEpoch - 86_399) / 86_400
        let secondsOfDay = secondsSinceEpoch - days * 86_400
        let shifted = days + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        let weekday = ((days % 7) + 11) % 7  // 0 = Sunday; 1970-01-01 was a Thursday (4)
        return (year, month, day, weekday, secondsOfDay / 3600, secondsOfDay % 3600 / 60, secondsOfDay % 60)
    }

    package static func < (lhs: Timestamp, rhs: Timestamp) -> Bool {
        lhs.secondsSinceEpoch < rhs.secondsSinceEpoch
    }
}
