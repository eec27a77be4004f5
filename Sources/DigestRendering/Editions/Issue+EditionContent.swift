import DigestModel
extension Issue {
    /// The name of the files this issue's edition has (published) or will
    /// have (the next edition, for a draft or an issue in review).
    package var pageName: String {
        EditionFileName.stem(issue: number, date: date, edition: status == .published ? (edition ?? 1) : (edition ?? 0) + 1)
    }

    /// What a render of this issue shows: every item but the rejected ones,
    /// numbered 1… in their order.
    package func renderInput(publication: PublicationInfo) -> EditionContent {
        let shown = items.filter { $0.status != .rejected }
        let renderItems = shown.enumerated().map { offset, item in
            EditionItem(id: item.id, position: offset + 1, title: item.fields.title, url: item.fields.url,
                       source: item.fields.source, author: item.fields.author, date: item.fields.date,
                       excerpt: item.fields.excerpt, section: item.fields.section, postedOn: item.fields.postedOn,
                       linkText: item.fields.linkText)
        }
        return EditionContent(publication: publication, issue: renderIssue, items: renderItems)
    }

    /// The title headings, the Subject line and `list` show: the editor's, or
    /// one made from the publication, the number and the date.
    package func displayTitle(publication: PublicationInfo) -> String {
        renderIssue.displayTitle(publication: publication)
    }

    private var renderIssue: EditionIssue {
        EditionIssue(number: number, date: date, title: title, intro: intro, edition: edition,
                    preheader: preheader, pageName: pageName, correction: (edition ?? 1) > 1 ? correction : nil)
    }
}
