/// A calendar date with no time and no time zone: what an item's "date" means.
///
/// Stored and printed as `YYYY-MM-DD`. It never passes through `Date` or a
/// `Calendar`, so the same input gives the same stored date on every machine,
/// whatever its time zone.
package struct CivilDate: Hashable, Comparable, Sendable, CustomStringConvertible {
    package let year: Int
    package let month: Int
    package let day: Int

    /// Returns nil for a day the calendar does not have (2021-02-29, 2020-04-31).
    package init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
              day >= 1, day <= CivilDate.daysIn(month: month, year: year) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Reads the canonical `YYYY-MM-DD` form only; user input goes through `DateParser`.
    package init?(iso text: String) {
        let bytes = Array(text.utf8)
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
              let year = CivilDate.number(bytes[0..<4]),
              let month = CivilDate.number(bytes[5..<7]),
              let day = CivilDate.number(bytes[8..<10]) else { return nil }
        self.init(year: year, month: month, day: day)
    }

    package static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    package static func isLeap(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    /// `2020-09-28`: the stored and JSON form.
    package var iso: String { joined(by: "-") }

    /// `2020/09/28`: the form of a digest page's "Posted on" line.
    package var slashed: String { joined(by: "/") }

    /// Ten bytes, a small string that needs no allocation (the year is 1…9999).
    private func joined(by separator: Unicode.Scalar) -> String {
        String(unsafeUninitializedCapacity: 10) { buffer in
            CivilDate.write(year: year, month: month, day: day, separator: separator, into: buffer)
            return 10
        }
    }

    /// Writes `YYYY-MM-DD` (with `separator` between the fields) into the
    /// first ten bytes of `buffer`: the date of `iso`, `slashed` and
    /// `Timestamp.rfc3339`, for a year in 0…9999.
    static func write(year: Int, month: Int, day: Int, separator: Unicode.Scalar,
                      into buffer: UnsafeMutableBufferPointer<UInt8>) {
        year.writeDigits(4, into: buffer, endingAt: 4)
        month.writeDigits(2, into: buffer, endingAt: 7)
        day.writeDigits(2, into: buffer, endingAt: 10)
        buffer[4] = UInt8(ascii: separator)
        buffer[7] = UInt8(ascii: separator)
    }

    /// `September 28 2020`, `December 7 2026`: the form of a digest page's
    /// attribution line. The day is not padded; the year has four digits, as
    /// the page reader expects (year 22 would otherwise not read back).
    package var long: String { "\(MonthName.english[month - 1]) \(day) \(year.zeroPadded(4))" }

    package var description: String { iso }

    package static func < (lhs: CivilDate, rhs: CivilDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    private static func number(_ digits: ArraySlice<UInt8>) -> Int? {
        var value = 0
        for byte in digits {
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
        }
        return value
    }
}
