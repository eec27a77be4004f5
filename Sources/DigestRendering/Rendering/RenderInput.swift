import DigestModel
/// Everything one render needs: nothing is read from the database or the
/// settings while rendering.
package struct RenderInput: Sendable, Equatable {
    package var publication: PublicationInfo
    package var issue: RenderIssue
    package var items: [RenderItem]

    package init(publication: PublicationInfo, issue: RenderIssue, items: [RenderItem]) {
        self.publication = publication
        self.issue = issue
        self.items = items
    }

    package var displayTitle: String { issue.displayTitle(publication: publication) }
}
