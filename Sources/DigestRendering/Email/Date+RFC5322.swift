import Foundation
import DigestModel

extension Date {
    /// `Mon, 23 Nov 2026 09:00:00 +0000`, in UTC. Written by hand: a
    /// DateFormatter costs more to create than a whole render.
    package var rfc5322: String {
        // Int(_:) would trap on a Double beyond Int's range; clamp instead.
        let seconds = timeIntervalSince1970.rounded(.down)
        let whole = seconds.isNaN ? 0 : seconds >= 0x1p63 ? Int.max : seconds < -0x1p63 ? Int.min : Int(seconds)
        return Timestamp(secondsSinceEpoch: whole).rfc5322
    }
}

extension Timestamp {
    /// `Mon, 23 Nov 2026 09:00:00 +0000`: the Date header's form, in UTC.
    package var rfc5322: String {
        let parts = utcParts
        let weekdays = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
        let monthName = MonthName.english[parts.month - 1].prefix(3)
        return "\(weekdays[parts.weekday]), \(parts.day) \(monthName) \(parts.year.zeroPadded(4)) "
            + "\(parts.hour.zeroPadded(2)):\(parts.minute.zeroPadded(2)):\(parts.second.zeroPadded(2)) +0000"
    }
}
