import DigestModel
/// The publication an exported archive belongs to, from the `publication.*`
/// settings.
package struct ArchiveSite: Equatable, Sendable {
    package var name: String
    package var about: String?
    /// Where the archive will be served (an http or https URL). When set, the
    /// feed's links are absolute, because feed readers resolve relative links
    /// unreliably.
    package var website: String?
    package var email: String?
    /// `publication.archive-url`: where this archive is served, when it is
    /// not the website itself. The feed's links start with it, as do the
    /// emails' links to each issue's page.
    package var archiveURL: String?
    /// `publication.language`, for the page's `lang` and the feed's
    /// `xml:lang`; a malformed tag falls back to `en`.
    package var language: String

    package init(name: String, about: String? = nil, website: String? = nil, email: String? = nil,
                 archiveURL: String? = nil, language: String = PublicationInfo.defaultLanguage) {
        self.name = name
        self.about = about
        self.website = website
        self.email = email
        self.archiveURL = archiveURL
        self.language = LanguageTag.normalised(language) ?? PublicationInfo.defaultLanguage
    }
}
