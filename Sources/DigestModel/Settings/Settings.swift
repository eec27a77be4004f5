/// The database's settings, read once per command.
package struct Settings: Sendable {
    package private(set) var values: [String: String]

    package init(values: [String: String]) {
        self.values = values
    }

    package subscript(key: String) -> String? { values[key] }

    /// What the setting is: its value, else its default (`SettingKey.defaults`).
    package func effective(_ key: String) -> String? { values[key] ?? SettingKey.defaults[key] }

    private func isOn(_ key: String) -> Bool { effective(key).map(SettingValue.isOn) ?? false }

    package var excerptLimit: Int {
        values[SettingKey.excerptMax].flatMap(Int.init) ?? ItemValidator.defaultExcerptLimit
    }

    package var fourEyes: Bool { isOn(SettingKey.fourEyes) }

    /// The `identity` setting; `declared` when it is not set.
    package var identityMode: IdentityMode {
        effective(SettingKey.identity).flatMap(IdentityMode.init(rawValue:)) ?? .declared
    }

    package var requireLinksOK: Bool { isOn(SettingKey.requireLinksOK) }

    package var fetchAllowsPrivate: Bool { isOn(SettingKey.fetchAllowPrivate) }
    package var stripsTracking: Bool { isOn(SettingKey.fetchStripTracking) }

    package var tableOfContents: Bool { isOn(SettingKey.tableOfContents) }

    package var numberedTextLinks: Bool { effective(SettingKey.textLinks) == "numbered" }

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
