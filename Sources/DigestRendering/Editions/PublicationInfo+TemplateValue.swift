import DigestModel
extension PublicationInfo {
    var templateValue: TemplateValue {
        .object(TemplateObject([
            ("name", .text(name)),
            ("about", .text(about)),
            ("email", .text(email)),
            ("website", .text(website)),
            ("listAddress", .text(listAddress)),
            ("listUnsubscribe", .text(listUnsubscribe)),
            ("unsubscribeLink", .text(unsubscribeLink)),
            ("hasContact", .bool(email != nil || website != nil)),
            ("postalAddress", .text(postalAddress)),
            ("language", .text(language)),
            ("archiveURL", .text(archiveURL)),
        ]))
    }

    /// `list.unsubscribe` may be an address or a web page; readers need
    /// something they can follow either way.
    package var unsubscribeLink: String? {
        guard let value = listUnsubscribe else { return nil }
        let lowered = value.lowercased()
        if lowered.hasPrefix("mailto:") || lowered.hasPrefix("http://") || lowered.hasPrefix("https://") {
            return value
        }
        return value.contains("@") ? "mailto:" + value : value
    }
}
