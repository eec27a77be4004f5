extension RenderInput {
    /// The values templates see; templates/README.md documents each name.
    ///
    /// Every name is present for every issue (`.null` when unset), so that a
    /// template's names can be checked once against `schema`.
    package func templateValue(warnings: inout [String]) -> TemplateValue {
        var itemValues: [TemplateValue] = []
        itemValues.reserveCapacity(items.count)
        var sections: [TemplateValue] = []
        var sectionName: String?
        var sectionItems: [TemplateValue] = []
        var dates = DateForms()

        for (index, item) in items.enumerated() {
            let value = item.templateValue(
                isFirst: index == 0, isLast: index == items.count - 1, dates: &dates, warnings: &warnings)
            itemValues.append(value)
            if index > 0, item.section != sectionName {
                sections.append(Self.section(named: sectionName, items: sectionItems))
                sectionItems = []
            }
            sectionName = item.section
            sectionItems.append(value)
        }
        if !sectionItems.isEmpty {
            sections.append(Self.section(named: sectionName, items: sectionItems))
        }

        return .object(TemplateObject([
            ("publication", publication.templateValue),
            ("issue", issueValue),
            ("items", .list(itemValues)),
            ("sections", .list(sections)),
        ]))
    }

    private var issueValue: TemplateValue {
        .object(TemplateObject([
            ("number", .number(issue.number)),
            ("title", .text(issue.title)),
            ("displayTitle", .text(displayTitle)),
            ("date", .text(issue.date.iso)),
            ("dateLong", .text(issue.date.long)),
            ("dateSlashed", .text(issue.date.slashed)),
            ("intro", .text(issue.intro)),
            ("edition", .number(issue.edition)),
            ("published", .bool(issue.edition != nil)),
            ("reissued", .bool((issue.edition ?? 0) > 1)),
            ("itemCount", .number(items.count)),
        ]))
    }

    /// Consecutive items of one section are grouped, so a template can put a
    /// heading above each group; items with no section form unnamed groups.
    private static func section(named name: String?, items: [TemplateValue]) -> TemplateValue {
        .object(TemplateObject(keys: sectionKeys, values: [.text(name), .list(items)]))
    }

    private static let sectionKeys = TemplateKeys(["name", "items"])

    /// The shape of every context: each optional field set and each list
    /// holding one element, so checking a template against it reaches every
    /// name the template may use.
    static let schema: TemplateValue = {
        guard let date = CivilDate(year: 2000, month: 1, day: 1) else { return .null }
        let input = RenderInput(
            publication: PublicationInfo(
                name: "name", about: "about", email: "name@example.org", website: "https://example.org",
                listAddress: "list@example.org", listUnsubscribe: "https://example.org/leave"),
            issue: RenderIssue(number: 1, date: date, title: "title", intro: "intro", edition: 1),
            items: [RenderItem(
                id: 1, position: 1, title: "title", url: "https://example.org/item", source: "source",
                author: "author", date: date, excerpt: "excerpt", section: "section", postedOn: date,
                linkText: "link")])
        var ignored: [String] = []
        return input.templateValue(warnings: &ignored)
    }()
}
