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

    /// The instants digest writes: from 1970 to the last second of the year
    /// 9999, the four-digit years of RFC 3339 and RFC 5322.
    package static let writableRange = 0...253_402_300_799

    /// Now, or the instant `SOURCE_DATE_EPOCH` names, so that renders and
    /// records can be reproduced exactly (the reproducible-builds convention).
    /// An unusable value is refused before any command runs
    /// (`sourceDateEpoch(in:)`); here it falls back to the clock.
    package static func now(environment: [String: String]) -> Timestamp {
        if let fixed = try? sourceDateEpoch(in: environment) { return fixed }
        return Timestamp(secondsSinceEpoch: Int(time(nil)))
    }

    /// The instant `SOURCE_DATE_EPOCH` fixes the clock at, nil when it is
    /// unset or empty; a value that is not a whole number of seconds within
    /// `writableRange` is a usage error naming it.
    package static func sourceDateEpoch(in environment: [String: String]) throws(DigestError) -> Timestamp? {
        guard let text = environment["SOURCE_DATE_EPOCH"], !text.isEmpty else { return nil }
        guard text.utf8.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }),
              let seconds = Int(text), writableRange.contains(seconds) else {
            throw .usage("SOURCE_DATE_EPOCH must be a whole number of seconds since 1970-01-01 UTC, from 0 to "
                + "\(writableRange.upperBound) (the end of the year 9999), not '\(text.prefix(40))'; "
                + "correct it, or unset it to use the clock.", command: nil)
        }
        return Timestamp(secondsSinceEpoch: seconds)
    }

    /// `2026-11-22T18:21:19Z`.
    package var rfc3339: String {
        let parts = utcParts
        // Written as twenty bytes: an import stamps every item it stores.
        if (0...9999).contains(parts.year) {
            return String(unsafeUninitializedCapacity: 20) { buffer in
                CivilDate.write(year: parts.year, month: parts.month, day: parts.day, separator: "-", into: buffer)
                parts.hour.writeDigits(2, into: buffer, endingAt: 13)
                parts.minute.writeDigits(2, into: buffer, endingAt: 16)
                parts.second.writeDigits(2, into: buffer, endingAt: 19)
                buffer[10] = UInt8(ascii: "T")
                buffer[13] = UInt8(ascii: ":")
                buffer[16] = UInt8(ascii: ":")
                buffer[19] = UInt8(ascii: "Z")
                return 20
            }
        }
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
        // Floor division that cannot overflow, whatever the instant.
        let (quotient, remainder) = secondsSinceEpoch.quotientAndRemainder(dividingBy: 86_400)
        let days = remainder < 0 ? quotient - 1 : quotient
        let secondsOfDay = remainder < 0 ? remainder + 86_400 : remainder
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
