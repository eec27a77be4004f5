import DigestModel
/// Everything one render needs: nothing is read from the database or the
/// settings while rendering.
package struct EditionContent: Sendable, Equatable {
    package var publication: PublicationInfo
    package var issue: EditionIssue
    package var items: [EditionItem]

    package init(publication: PublicationInfo, issue: EditionIssue, items: [EditionItem]) {
        self.publication = publication
        self.issue = issue
        self.items = items
    }

    package var displayTitle: String { issue.displayTitle(publication: publication) }
}
