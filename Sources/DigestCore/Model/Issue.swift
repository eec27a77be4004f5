/// An issue as of one of its versions.
package struct Issue: Equatable, Sendable {
    package let number: Int
    package var date: CivilDate
    package var title: String?
    package var intro: String?
    package var status: IssueStatus
    /// The version this state is (the issue's current version when read now).
    package var version: Int
    /// The latest published edition at this version, if any.
    package var edition: Int?
    package var items: [Item]

    package init(number: Int, date: CivilDate, title: String?, intro: String?, status: IssueStatus,
                 version: Int, edition: Int?, items: [Item] = []) {
        self.number = number
        self.date = date
        self.title = title
        self.intro = intro
        self.status = status
        self.version = version
        self.edition = edition
        self.items = items
    }
}
