import Foundation
import Testing
@testable import DigestCLI

@Suite("progress line")
struct ProgressLineTests {
    /// A clock the test moves by hand.
    final class Clock: @unchecked Sendable {
        var now = Date(timeIntervalSince1970: 1_000)
    }

    @Test("counts, rate and time left; redrawn at most every 0.1 s; cleared at the end")
    func line() {
        let clock = Clock()
        var written: [String] = []
        let progress = ProgressLine(label: "Importing", unit: "items", total: 20_800, clock: { clock.now }) { written.append($0) }
        clock.now += 2
        progress.advance(by: 10_400)
        #expect(written == ["\r\u{1B}[KImporting  10,400/20,800 items  5,200/s  2s left"])
        clock.now += 0.05
        progress.advance(by: 100)
        #expect(written.count == 1, "redrawn sooner than 0.1 s")
        clock.now += 0.1
        progress.advance(by: 10_300)
        #expect(written.last == "\r\u{1B}[KImporting  20,800/20,800 items  9,674/s")
        progress.finish()
        #expect(written.last == "\r\u{1B}[K")
    }

    @Test("without a total it counts; long waits read as minutes and hours")
    func untotalled() {
        let clock = Clock()
        let progress = ProgressLine(label: "Pulling", unit: "feeds", total: nil, clock: { clock.now }) { _ in }
        clock.now += 1
        progress.advance(by: 3)
        #expect(progress.line(now: clock.now) == "Pulling  3 feeds  3/s")
        #expect(ProgressLine.duration(58.2) == "59s")
        #expect(ProgressLine.duration(59.2) == "1m 0s")
        #expect(ProgressLine.duration(125) == "2m 5s")
        #expect(ProgressLine.duration(7_300) == "2h 1m")
        #expect(ProgressLine.grouped(1_234_567) == "1,234,567")
        #expect(ProgressLine.grouped(999) == "999")
    }

    @Test("finish without any progress shown writes nothing")
    func quietFinish() {
        var written: [String] = []
        let progress = ProgressLine(label: "Exporting", unit: "issues", total: 0) { written.append($0) }
        progress.finish()
        #expect(written.isEmpty)
    }
}
