import DigestModel
/// The publication as the settings describe it, with the settings that shape
/// every render. Everything but the name may be unset, and the templates show
/// only what is there.
package struct PublicationInfo: Sendable, Equatable {
    package static let fallbackName = "Digest"
    package static let defaultLanguage = "en"

    package var name: String
    package var about: String?
    package var email: String?
    package var website: String?
    package var listAddress: String?
    package var listUnsubscribe: String?
    /// `list.id`: the List-Id's label; from list.address when unset.
    package var listID: String?
    /// `list.reply-to`: where replies go, when not to From.
    package var replyTo: String?
    /// `publication.postal-address`, for every email's footer.
    package var postalAddress: String?
    /// `email.correction-prefix`: the Subject's start from edition 2 on.
    package var correctionPrefix: String
    /// `publication.language`: a BCP 47 tag for the documents' `lang`.
    package var language: String
    /// `publication.archive-url`: where the exported archive is served,
    /// without a trailing slash; the email links to the issue's page there.
    package var archiveURL: String?
    /// `sections.order`: sections named here come first, in this order.
    package var sectionOrder: [String]
    /// `render.toc`: a table of contents of the sections in every format.
    package var tableOfContents: Bool
    /// `render.text-links numbered`: the text render gives each link a
    /// `[1]` reference and lists the links at the end.
    package var numberedTextLinks: Bool
    /// `render.front-matter`: the block before the Markdown for static-site generators.
    package var frontMatter: FrontMatter

    /// An empty or blank name would leave headings and the From line empty,
    /// so it falls back to "Digest".
    package init(
        name: String? = nil,
        about: String? = nil,
        email: String? = nil,
        website: String? = nil,
        listAddress: String? = nil,
        listUnsubscribe: String? = nil,
        listID: String? = nil,
        replyTo: String? = nil,
        postalAddress: String? = nil,
        correctionPrefix: String = "Correction: ",
        language: String? = nil,
        archiveURL: String? = nil,
        sectionOrder: [String] = [],
        tableOfContents: Bool = false,
        numberedTextLinks: Bool = false,
        frontMatter: FrontMatter = .none
    ) {
        self.frontMatter = frontMatter
        self.name = name.trimmedNonBlank ?? Self.fallbackName
        self.about = about.nonBlank
        self.email = email.trimmedNonBlank
        self.website = website.trimmedNonBlank
        self.listAddress = listAddress.trimmedNonBlank
        self.listUnsubscribe = listUnsubscribe.trimmedNonBlank
        self.listID = listID.trimmedNonBlank
        self.replyTo = replyTo.trimmedNonBlank
        self.postalAddress = postalAddress.trimmedNonBlank
        self.correctionPrefix = correctionPrefix
        self.language = language.trimmedNonBlank.flatMap(LanguageTag.normalised) ?? Self.defaultLanguage
        self.archiveURL = archiveURL.trimmedNonBlank.flatMap(Self.archiveBase)
        self.sectionOrder = sectionOrder.map { $0.trimmingWhitespace() }.filter { !$0.isEmpty }
        self.tableOfContents = tableOfContents
        self.numberedTextLinks = numberedTextLinks
    }

    /// An http(s) address as the base of page links, without a trailing
    /// slash, query or fragment; nil when it is not a safe link.
    package static func archiveBase(_ url: String) -> String? {
        guard URLValidator.validate(url) == nil else { return nil }
        var base = Substring(url)
        if let cut = base.firstIndex(where: { $0 == "?" || $0 == "#" }) { base = base[..<cut] }
        while base.hasSuffix("/") { base = base.dropLast() }
        return String(base)
    }

    /// RFC 2919's List-Id: `list.id`, else the list address with its `@`
    /// read as a dot (readers@lists.harbour.example → readers.lists.harbour.example).
    package var listIdentifier: String? {
        if let listID { return listID }
        guard let address = listAddress, EmailAddress.isValid(address) else { return nil }
        return address.lowercased().replacingOccurrences(of: "@", with: ".")
    }

    /// The address of an issue's page in the exported archive.
    package func onlineURL(pageName: String) -> String? {
        archiveURL.map { $0 + "/" + pageName.percentEncodedForArchive() + ".html" }
    }
}
