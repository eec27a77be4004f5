import DigestModel
/// The issue-level fields a render shows.
package struct EditionIssue: Sendable, Equatable {
    package var number: Int
    package var date: CivilDate
    /// The editor's title; when nil the render derives one from the
    /// publication, the number and the date.
    package var title: String?
    package var intro: String?
    /// Nil while the issue has never been published.
    package var edition: Int?
    /// The editor's inbox preview text; when nil the render derives one
    /// from the intro or the first items.
    package var preheader: String?
    /// The name (without extension) of this edition's files, in `publish
    /// --out` and in the exported archive: the page the email links to.
    package var pageName: String
    /// For an edition after the first: why it was corrected (the reopen reason).
    package var correction: String?

    package init(number: Int, date: CivilDate, title: String? = nil, intro: String? = nil, edition: Int? = nil,
                 preheader: String? = nil, pageName: String? = nil, correction: String? = nil) {
        self.correction = correction.nonBlank
        self.number = number
        self.date = date
        self.title = title.nonBlank
        self.intro = intro.nonBlank
        self.edition = edition
        self.preheader = preheader.nonBlank
        self.pageName = pageName ?? EditionFileName.stem(issue: number, date: date, edition: edition ?? 1)
    }

    /// What headings and the Subject line show: the title, or
    /// "The Harbour Weekly — Issue 12, November 23 2026" when there is none.
    package func displayTitle(publication: PublicationInfo) -> String {
        title ?? "\(publication.name) — Issue \(number), \(date.long)"
    }
}
