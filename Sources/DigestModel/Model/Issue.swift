/// An issue as of one of its versions.
package struct Issue: Equatable, Sendable {
    package let number: Int
    package var date: CivilDate
    package var title: String?
    package var intro: String?
    /// The inbox preview text; nil derives one from the intro or the items.
    package var preheader: String?
    package var status: IssueStatus
    /// The version this state is (the issue's current version when read now).
    package var version: Int
    /// The latest published edition at this version, if any.
    package var edition: Int?
    package var items: [Item]
    /// Who last changed the date, title or intro (the issue's creator until someone does).
    package var fieldsBy: String?
    /// Who approved the date, title and intro since they last changed (nil: not approved).
    package var approvedBy: String?
    package var approvedAt: String?
    /// The edition at this version came in through `import --published`, with nobody's review.
    package var importedWithoutReview: Bool = false
    /// Why the issue was reopened, for an edition after the first: the
    /// correction its readers are told about. Set when an edition is made.
    package var correction: String?

    package init(number: Int, date: CivilDate, title: String?, intro: String?, status: IssueStatus,
                 version: Int, edition: Int?, items: [Item] = [], fieldsBy: String? = nil,
                 approvedBy: String? = nil, approvedAt: String? = nil, importedWithoutReview: Bool = false,
                 preheader: String? = nil) {
        self.fieldsBy = fieldsBy
        self.approvedBy = approvedBy
        self.approvedAt = approvedAt
        self.importedWithoutReview = importedWithoutReview
        self.number = number
        self.date = date
        self.title = title
        self.intro = intro
        self.preheader = preheader
        self.status = status
        self.version = version
        self.edition = edition
        self.items = items
    }
}
