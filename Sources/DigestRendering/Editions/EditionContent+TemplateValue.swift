import DigestModel
extension EditionContent {
    /// The values templates see; templates/README.md documents each name.
    ///
    /// Every name is present for every issue (`.null` when unset), so that a
    /// template's names can be checked once against `schema`.
    package func templateValue(warnings: inout [String]) -> TemplateValue {
        var dates = DateForms()
        let groups = sectionGroups
        let links = items.map { $0.link(warnings: &warnings) }
        var itemValues = [TemplateValue](repeating: .null, count: items.count)
        var numberedLinks: [TemplateValue] = []
        var sections: [TemplateValue] = []
        var contents: [TemplateValue] = []
        var anchors: Set<String> = []

        for group in groups {
            var groupItems: [TemplateValue] = []
            for index in group.items {
                var linkNumber: Int?
                if publication.numberedTextLinks, let link = links[index] {
                    linkNumber = numberedLinks.count + 1
                    numberedLinks.append(.object(TemplateObject(
                        keys: Self.linkKeys, values: [.number(linkNumber), .text(link)])))
                }
                let value = items[index].templateValue(
                    isFirst: index == 0, isLast: index == items.count - 1, link: links[index], linkNumber: linkNumber,
                    dates: &dates)
                itemValues[index] = value
                groupItems.append(value)
            }
            let anchor = group.name.map { Self.uniqueAnchor(for: $0, among: &anchors) }
            let section = TemplateObject(keys: Self.sectionKeys, values: [.text(group.name), .text(anchor), .list(groupItems)])
            sections.append(.object(section))
            if publication.tableOfContents, group.name != nil { contents.append(.object(section)) }
        }

        return .object(TemplateObject([
            ("publication", publication.templateValue),
            ("issue", issueValue),
            ("items", .list(itemValues)),
            ("sections", .list(sections)),
            ("tableOfContents", .bool(!contents.isEmpty)),
            ("contents", .list(contents)),
            ("numberedLinks", .bool(!numberedLinks.isEmpty)),
            ("links", .list(numberedLinks)),
        ]))
    }

    /// The items grouped by section, in the order the render shows them:
    /// items without a section first (they lead the issue, under no
    /// heading), then the sections named in `sections.order` in that order,
    /// then the other sections in the order of their first item. Within a
    /// group, items keep the issue's order.
    var sectionGroups: [(name: String?, items: [Int])] {
        var unsectioned: [Int] = []
        var named: [(name: String, items: [Int])] = []
        var groupIndex: [String: Int] = [:]
        for (index, item) in items.enumerated() {
            guard let section = item.section else {
                unsectioned.append(index)
                continue
            }
            if let existing = groupIndex[section] {
                named[existing].items.append(index)
            } else {
                groupIndex[section] = named.count
                named.append((section, [index]))
            }
        }
        let order = publication.sectionOrder.map { $0.lowercased() }
        let ranked = named.enumerated().sorted { left, right in
            let leftRank = order.firstIndex(of: left.element.name.lowercased()) ?? order.count
            let rightRank = order.firstIndex(of: right.element.name.lowercased()) ?? order.count
            return (leftRank, left.offset) < (rightRank, right.offset)
        }.map { (name: Optional($0.element.name), items: $0.element.items) }
        return (unsectioned.isEmpty ? [] : [(name: nil, items: unsectioned)]) + ranked
    }

    /// A section's anchor, made unique the way GitHub does (`-1`, `-2`…), and
    /// never empty, since an HTML id may not be.
    private static func uniqueAnchor(for name: String, among taken: inout Set<String>) -> String {
        let base = name.headingAnchor.isEmpty ? "section" : name.headingAnchor
        var anchor = base
        var suffix = 0
        while taken.contains(anchor) {
            suffix += 1
            anchor = "\(base)-\(suffix)"
        }
        taken.insert(anchor)
        return anchor
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
            ("preheader", .text(preheader)),
            ("onlineURL", .text(publication.onlineURL(pageName: issue.pageName))),
            ("edition", .number(issue.edition)),
            ("published", .bool(issue.edition != nil)),
            ("reissued", .bool((issue.edition ?? 0) > 1)),
            ("correction", .text(issue.correction)),
            ("itemCount", .number(items.count)),
        ]))
    }

    /// The inbox preview: the editor's preheader, else the intro, else the
    /// first items' titles, on one line and cut near 140 characters.
    package var preheader: String? {
        if let preheader = issue.preheader { return preheader }
        let source = issue.intro ?? (items.isEmpty ? nil : items.prefix(3).map(\.title).joined(separator: " · "))
        guard let source else { return nil }
        let line = source.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        guard line.count > Self.preheaderLength else { return line }
        let cut = line.prefix(Self.preheaderLength)
        let words = cut.lastIndex(of: " ").map { cut[..<$0] } ?? cut
        return words + "…"
    }

    static let preheaderLength = 140

    private static let sectionKeys = TemplateKeys(["name", "anchor", "items"])
    private static let linkKeys = TemplateKeys(["number", "url"])

    /// The shape of every context: each optional field set and each list
    /// holding one element, so checking a template against it reaches every
    /// name the template may use.
    static let schema: TemplateValue = {
        guard let date = CivilDate(year: 2000, month: 1, day: 1) else { return .null }
        let input = EditionContent(
            publication: PublicationInfo(
                name: "name", about: "about", email: "name@example.org", website: "https://example.org",
                listAddress: "list@example.org", listUnsubscribe: "https://example.org/leave",
                postalAddress: "1 Quay Street, Harbourtown",
                archiveURL: "https://example.org/archive", tableOfContents: true, numberedTextLinks: true),
            issue: EditionIssue(number: 1, date: date, title: "title", intro: "intro", edition: 1, preheader: "preheader",
                                correction: "correction"),
            items: [EditionItem(
                id: 1, position: 1, title: "title", url: "https://example.org/item", source: "source",
                author: "author", date: date, excerpt: "excerpt", section: "section", postedOn: date,
                linkText: "link")])
        var ignored: [String] = []
        return input.templateValue(warnings: &ignored)
    }()
}
