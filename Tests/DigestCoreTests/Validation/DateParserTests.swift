import Testing
@testable import DigestStorage
@testable import DigestModel
@testable import DigestRendering
@testable import DigestWorkflow

@Suite("Reading dates")
struct DateParserTests {
    @Test("every accepted form reads as the same civil date", arguments: [
        ("2020-09-28", "2020-09-28"), ("2020/09/28", "2020-09-28"), ("September 28 2020", "2020-09-28"),
        ("Sep 28, 2020", "2020-09-28"), ("28 September 2020", "2020-09-28"), ("sept. 28, 2020", "2020-09-28"),
        ("  2020-9-8 ", "2020-09-08"), ("February 29 2024", "2024-02-29"), ("1 Jan 2021", "2021-01-01"),
        ("December 31st 1999", "1999-12-31"),
    ])
    func acceptedForms(input: String, expected: String) throws {
        let date = try DateParser.parse(input).get()
        #expect(date.iso == expected)
    }

    @Test("impossible dates, short years and ambiguous forms are refused with a fix", arguments: [
        ("2020-02-30", "February 2020 has 29 days, not 30"),
        ("2021-02-29", "February 2021 has 28 days, not 29"),
        ("2020-04-31", "April 2020 has 30 days, not 31"),
        ("2020-13-01", "there is no month 13"),
        ("0000-02-29", "there is no year 0 in digest's calendar"),
        ("February 29 0000", "there is no year 0 in digest's calendar"),
        ("20-09-28", "the year '20' does not have four digits"),
        ("Sep 28, 20", "the year '20' does not have four digits"),
        ("28/09/2020", "day-first and month-first numeric dates are ambiguous"),
        ("", "it is empty"),
        ("yesterday", "it is not a date digest can read"),
        ("2020-09-28T10:00", "it is not a date of the form YYYY-MM-DD"),
        ("２０２０-09-28", "it holds characters other than ASCII letters, digits and separators"),
    ])
    func refused(input: String, reason: String) {
        guard case .failure(let problem) = DateParser.parse(input) else {
            Issue.record("\(input) was accepted")
            return
        }
        #expect(problem.reason == reason)
        #expect(!problem.fix.isEmpty)
    }

    @Test("a misspelt month is an error that names the month it probably meant")
    func misspeltMonthStrict() {
        guard case .failure(let problem) = DateParser.parse("Setpember 28 2020") else {
            Issue.record("accepted a misspelt month")
            return
        }
        #expect(problem.reason == "'Setpember' is not a month name (did you mean September?)")
        #expect(problem.fix == "spell the month as September")
    }

    @Test("read leniently, a misspelt month becomes the nearest month with a warning")
    func misspeltMonthLenient() throws {
        let read = try DateParser.parseLeniently("Febrauary 3 2020").get()
        #expect(read.date.iso == "2020-02-03")
        #expect(read.warning == "read the month 'Febrauary' as February")
    }

    @Test("a word far from any month is refused even leniently")
    func nonsenseMonth() {
        if case .success = DateParser.parseLeniently("Blorp 3 2020") { Issue.record("accepted Blorp") }
    }

    @Test("civil dates print in their three forms")
    func forms() throws {
        let date = try #require(CivilDate(year: 2020, month: 9, day: 8))
        #expect(date.iso == "2020-09-08")
        #expect(date.slashed == "2020/09/08")
        #expect(date.long == "September 8 2020")
        #expect(CivilDate(year: 2026, month: 12, day: 7)?.long == "December 7 2026")
        #expect(CivilDate(year: 2026, month: 12, day: 17)?.long == "December 17 2026")
        #expect(CivilDate(iso: "2020-09-08") == date)
        #expect(CivilDate(iso: "2020-9-08") == nil)
    }

    @Test("the ISO and slashed forms pad every field and read back, from year 1 to 9999")
    func formsAcrossRange() throws {
        for year in [1, 9, 10, 99, 100, 999, 1000, 2026, 9999] {
            for (month, day) in [(1, 1), (2, 28), (9, 30), (12, 31)] {
                let date = try #require(CivilDate(year: year, month: month, day: day))
                let expected = "\(year.zeroPadded(4))-\(month.zeroPadded(2))-\(day.zeroPadded(2))"
                #expect(date.iso == expected)
                #expect(date.slashed == String(expected.map { $0 == "-" ? "/" : $0 }))
                #expect(CivilDate(iso: date.iso) == date)
            }
        }
        #expect(CivilDate(year: 1, month: 1, day: 1)?.iso == "0001-01-01")
    }

    @Test("a year before 1000 prints its long form with four digits, which reads back (found by fuzzing: \"0022-9-8\")")
    func earlyYearsReadBack() throws {
        for text in ["0022-9-8", "8 September 0022", "0220-9-8", "0001-01-01"] {
            guard case .success(let date) = DateParser.parse(text) else {
                Issue.record("refused \(text)")
                continue
            }
            #expect(DateParser.parse(date.long) == .success(date), "\(text) → \(date.long)")
        }
        #expect(try #require(CivilDate(year: 22, month: 9, day: 8)).long == "September 8 0022")
    }

    @Test("a date longer than any date form is refused before any month is matched (found by fuzzing: 6 s on 100 KB)")
    func hugeDates() throws {
        let huge = "Sep" + String(repeating: "t", count: 100_000) + " 3 2020"
        let expected = DateParser.Problem(reason: "it is 100010 bytes long, longer than any date (at most 64)",
                                          fix: "write the date as \(DateParser.acceptedForms)")
        #expect(DateParser.parse(huge) == .failure(expected))
        #expect(DateParser.parseLeniently(huge) == .failure(expected))
        #expect(DateParser.parse("  September 28th, 2020  ") == .success(try #require(CivilDate(year: 2020, month: 9, day: 28))))
    }
}
