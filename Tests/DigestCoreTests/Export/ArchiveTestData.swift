import DigestStorage
import DigestModel
import DigestRendering
import DigestWorkflow
import Testing

/// A small fictional publication and its archive, shared by the export tests.
enum ArchiveTestData {
    static let site = ArchiveSite(
        name: "The Harbour Weekly",
        about: "News from the quays, ferries & fishing towns of the north coast.",
        website: "https://harbour-weekly.example/",
        email: "desk@harbour-weekly.example"
    )

    static let hostileTitles = [
        "<script>alert('boo')</script>",
        "\" onmouseover=\"alert(1)",
        "Fish &amp; chips",
        "مرفأ الصيادين يفتح من جديد",
    ]

    /// Three issues, given out of order on purpose: the renderers sort.
    static func entries() throws -> [ArchiveEntry] {
        [
            try entry(number: 11, date: "2026-11-16", title: "Ferries & Fares: the \"winter\" timetable <draft> for Café 'Øresund' “Nord”",
                      publishedAt: "2026-11-15T17:02:44Z",
                      summary: "Timetables, tolls and a new pier café.",
                      itemTitles: ["Ferries & Fares", "Tolls rise on the 'old' bridge", "Café Øresund opens"]),
            try entry(number: 12, date: "2026-11-23", title: "Storm week at Kestrel Bay", edition: 2,
                      publishedAt: "2026-11-22T18:21:19Z",
                      summary: nil,
                      itemTitles: hostileTitles),
            try entry(number: 10, date: "2026-11-09", title: "Quiet waters",
                      publishedAt: "2026-11-08T09:00:00Z",
                      summary: "A short issue.",
                      itemTitles: []),
        ]
    }

    static func entry(
        number: Int, date: String, title: String, edition: Int = 1, publishedAt: String,
        summary: String? = nil, itemTitles: [String] = []
    ) throws -> ArchiveEntry {
        let day = try #require(CivilDate(iso: date), "the test date \(date) is not a real day")
        return ArchiveEntry(number: number, date: day, title: title, edition: edition, publishedAt: publishedAt,
                            summary: summary, itemTitles: itemTitles, baseName: "\(number)-\(date)")
    }

    /// Ten years of weekly issues with ten items each, the size of a long-running digest.
    static func manyEntries(count: Int) throws -> [ArchiveEntry] {
        var entries: [ArchiveEntry] = []
        var date = try #require(CivilDate(year: 2016, month: 1, day: 4))
        for number in 1...count {
            let titles = (1...10).map { "Item \($0) of issue \(number): boats, tides & the harbour’s <news>" }
            entries.append(ArchiveEntry(
                number: number, date: date, title: "Issue \(number): the week on the water",
                edition: 1, publishedAt: "\(date.iso)T08:00:00Z",
                summary: "This week: " + titles.prefix(3).joined(separator: "; "),
                itemTitles: titles, baseName: "\(number)-\(date.iso)"))
            date = try #require(nextWeek(after: date))
        }
        return entries
    }

    private static func nextWeek(after date: CivilDate) -> CivilDate? {
        var (year, month, day) = (date.year, date.month, date.day + 7)
        let length = CivilDate.daysIn(month: month, year: year)
        if day > length {
            day -= length
            month += 1
            if month > 12 { (year, month) = (year + 1, 1) }
        }
        return CivilDate(year: year, month: month, day: day)
    }
}
