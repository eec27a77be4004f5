extension Settings {
    /// The publication as renders show it.
    package var publication: PublicationInfo {
        PublicationInfo(name: self[SettingKey.publicationName], about: self[SettingKey.publicationAbout],
                        email: self[SettingKey.publicationEmail], website: self[SettingKey.publicationWebsite],
                        listAddress: self[SettingKey.listAddress], listUnsubscribe: self[SettingKey.listUnsubscribe])
    }
}
