import DigestModel
extension Settings {
    /// The publication as renders show it, with the settings that shape renders.
    package var publication: PublicationInfo {
        PublicationInfo(name: self[SettingKey.publicationName], about: self[SettingKey.publicationAbout],
                        email: self[SettingKey.publicationEmail], website: self[SettingKey.publicationWebsite],
                        listAddress: self[SettingKey.listAddress], listUnsubscribe: self[SettingKey.listUnsubscribe],
                        listID: self[SettingKey.listID], replyTo: self[SettingKey.listReplyTo],
                        postalAddress: self[SettingKey.postalAddress],
                        correctionPrefix: effective(SettingKey.correctionPrefix) ?? "Correction: ",
                        language: self[SettingKey.publicationLanguage], archiveURL: self[SettingKey.archiveURL],
                        sectionOrder: sectionOrder, tableOfContents: tableOfContents,
                        numberedTextLinks: numberedTextLinks,
                        frontMatter: effective(SettingKey.frontMatter).flatMap(FrontMatter.init(rawValue:)) ?? .yaml)
    }
}
