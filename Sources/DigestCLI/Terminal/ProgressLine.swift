import Foundation

/// One line on standard error, rewritten in place, for work that takes more
/// than a moment: `Importing  12,400/20,800 items  5,210/s  2s left`. It is
/// made only when standard error is a terminal, and cleared when the work ends.
final class ProgressLine: @unchecked Sendable {
    private let label: String
    private let unit: String
    private var total: Int?
    private let write: (String) -> Void
    private let started: Date
    private let clock: () -> Date
    private let lock = NSLock()
    private var done = 0
    private var lastShown: Date?
    private var shown = false

    /// Redrawing more often than this only flickers.
    private static let interval: TimeInterval = 0.1

    init(label: String, unit: String, total: Int?, clock: @escaping () -> Date = Date.init,
         write: @escaping (String) -> Void) {
        self.label = label
        self.unit = unit
        self.total = total
        self.clock = clock
        self.write = write
        self.started = clock()
    }

    /// `count` more are done.
    func advance(by count: Int = 1) {
        lock.lock()
        defer { lock.unlock() }
        done += count
        draw()
    }

    /// `done` of `total` are done, for work that learns its total as it goes.
    func show(_ done: Int, of total: Int) {
        lock.lock()
        defer { lock.unlock() }
        self.done = done
        self.total = total
        draw()
    }

    /// Redraws the line, at most every `interval` (and always at the end).
    private func draw() {
        let now = clock()
        if let lastShown, now.timeIntervalSince(lastShown) < ProgressLine.interval, done != total { return }
        lastShown = now
        shown = true
        write("\r\u{1B}[K" + line(now: now))
    }

    /// Clears the line, leaving the terminal as it was.
    func finish() {
        lock.lock()
        defer { lock.unlock() }
        if shown { write("\r\u{1B}[K") }
        shown = false
    }

    /// The text of the line at `now`.
    func line(now: Date) -> String {
        let elapsed = max(now.timeIntervalSince(started), 0.001)
        let rate = Double(done) / elapsed
        var parts = [label]
        if let total {
            parts.append("\(ProgressLine.grouped(done))/\(ProgressLine.grouped(total)) \(unit)")
        } else {
            parts.append("\(ProgressLine.grouped(done)) \(unit)")
        }
        parts.append("\(ProgressLine.grouped(Int(rate.rounded())))/s")
        if let total, rate > 0, done < total {
            parts.append("\(ProgressLine.duration(Double(total - done) / rate)) left")
        }
        return parts.joined(separator: "  ")
    }

    /// `20800` as `20,800`.
    static func grouped(_ number: Int) -> String {
        let digits = String(number.magnitude)
        var result = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { result.append(",") }
            result.append(digit)
        }
        return (number < 0 ? "-" : "") + result
    }

    static func duration(_ seconds: Double) -> String {
        let whole = Int(seconds.rounded(.up))
        if whole < 60 { return "\(whole)s" }
        if whole < 3600 { return "\(whole / 60)m \(whole % 60)s" }
        return "\(whole / 3600)h \(whole / 60 % 60)m"
    }
}
