/// The database's settings, read once per command.
package struct Settings: Sendable {
    package private(set) var values: [String: String]

    package init(values: [String: String]) {
        self.values = values
    }

    package subscript(key: String) -> String? { values[key] }

    package var excerptLimit: Int {
        values[SettingKey.excerptMax].flatMap(Int.init) ?? ItemValidator.defaultExcerptLimit
    }

    package var fourEyes: Bool { values[SettingKey.fourEyes].map(SettingValue.isOn) ?? true }

    /// The `identity` setting; `declared` when it is not set.
    package var identityMode: IdentityMode {
        values[SettingKey.identity].flatMap(IdentityMode.init(rawValue:)) ?? .declared
    }

    package var requireLinksOK: Bool { values[SettingKey.requireLinksOK].map(SettingValue.isOn) ?? false }

    package var fetchAllowsPrivate: Bool { values[SettingKey.fetchAllowPrivate].map(SettingValue.isOn) ?? false }

    package var tableOfContents: Bool { values[SettingKey.tableOfContents].map(SettingValue.isOn) ?? false }

    package var numberedTextLinks: Bool { values[SettingKey.textLinks] == "numbered" }

    /// `sections.order` as a list of names.
    package var sectionOrder: [String] { values[SettingKey.sectionsOrder].map(SectionOrder.names(in:)) ?? [] }

    /// `mail.command`, split into words; the default when not set.
    package var mailCommand: [String] {
        guard let value = values[SettingKey.mailCommand], case .success(let words) = MailCommandLine.split(value),
              !words.isEmpty else { return MailCommandLine.defaultCommand }
        return words
    }

    /// The roster: empty means everyone may do everything.
    package var roster: [String: Set<Role>] {
        var people: [String: Set<Role>] = [:]
        for (key, value) in values where SettingKey.isPerson(key) {
            if let roles = Role.parse(value) {
                people[String(key.dropFirst(SettingKey.peoplePrefix.count))] = roles
            }
        }
        return people
    }

    /// Who may act with `permission`, by name.
    package func people(allowedTo permission: Permission) -> [String] {
        roster.filter { permission.allows($0.value) }.keys.sorted()
    }
}
