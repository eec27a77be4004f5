import DigestModel
extension EditionItem {
    /// Shared by every item, so building an item allocates only its values.
    static let templateKeys = TemplateKeys([
        "id", "position", "title", "url", "source", "author", "attribution", "date", "dateLong", "dateSlashed",
        "postedOn", "postedOnISO", "excerpt", "section", "linkText", "ownLinkText", "first", "last", "linkNumber",
    ])

    /// `link` is the item's link as `link(warnings:)` gave it, and
    /// `linkNumber` its `[N]` reference when the text render numbers links.
    func templateValue(isFirst: Bool, isLast: Bool, link: String?, linkNumber: Int?, dates: inout DateForms) -> TemplateValue {
        let date = dates.forms(of: date)
        let postedOn = postedOn.map { dates.forms(of: $0) }
        return .object(TemplateObject(keys: Self.templateKeys, values: [
            .number(id),
            .number(position),
            .text(title),
            .text(link),
            .text(source),
            .text(author),
            .text(attribution),
            .text(date.iso),
            .text(date.long),
            .text(date.slashed),
            .text(postedOn?.slashed),
            .text(postedOn?.iso),
            .text(excerpt),
            .text(section),
            .text(linkText ?? title),
            .text(linkText),
            .bool(isFirst),
            .bool(isLast),
            .number(linkNumber),
        ]))
    }

    /// Validation admits only http and https links, but a render is the last
    /// door before a reader's browser: anything else is shown unlinked.
    func link(warnings: inout [String]) -> String? {
        guard let url else {
            warnings.append("Item \(id) (position \(position)) has no link yet, so its title is shown without one.")
            return nil
        }
        guard url.utf8.starts(with: "https://".utf8) || url.utf8.starts(with: "http://".utf8)
            || url.lowercased().hasPrefix("https://") || url.lowercased().hasPrefix("http://") else {
            warnings.append(
                "Item \(id) (position \(position)) links to '\(url)', which is not an http or https address, "
                    + "so its title is shown without a link.")
            return nil
        }
        return url.hrefSafe
    }
}
