/// The settings digest knows, with what each accepts.
package enum SettingKey {
    package static let publicationName = "publication.name"
    package static let publicationAbout = "publication.about"
    package static let publicationEmail = "publication.email"
    package static let publicationWebsite = "publication.website"
    package static let listAddress = "list.address"
    package static let listUnsubscribe = "list.unsubscribe"
    package static let listID = "list.id"
    package static let listReplyTo = "list.reply-to"
    package static let postalAddress = "publication.postal-address"
    package static let correctionPrefix = "email.correction-prefix"
    package static let publicationLanguage = "publication.language"
    package static let archiveURL = "publication.archive-url"
    package static let sectionsOrder = "sections.order"
    package static let tableOfContents = "render.toc"
    package static let textLinks = "render.text-links"
    package static let frontMatter = "render.front-matter"
    package static let mailCommand = "mail.command"
    package static let templates = "templates"
    package static let excerptMax = "excerpt.max"
    package static let fourEyes = "review.four-eyes"
    package static let requireLinksOK = "publish.require-links-ok"
    package static let identity = "identity"
    package static let fetchAllowPrivate = "fetch.allow-private"
    package static let fetchStripTracking = "fetch.strip-tracking"
    package static let peoplePrefix = "people."

    /// Every fixed key, in the order `config` lists them, with a line of help.
    package static let all: [(key: String, help: String)] = [
        (publicationName, "the publication's name, at the top of every render"),
        (publicationAbout, "a paragraph about the publication, under its name"),
        (publicationEmail, "the publication's address: the email's From, and the contact line"),
        (publicationWebsite, "the publication's website (http or https)"),
        (listAddress, "the mailing list's address: the email's To"),
        (listUnsubscribe, "how to unsubscribe: an address, a mailto: or an https: link (List-Unsubscribe)"),
        (listID, "the list's List-Id, such as readers.harbour.example (default: from list.address)"),
        (listReplyTo, "where replies go (Reply-To), when not to the publication's address"),
        (postalAddress, "the publication's postal address, in every email's footer (CAN-SPAM and most providers ask for one)"),
        (correctionPrefix, "the start of the Subject of an edition after the first (default \"Correction: \")"),
        (publicationLanguage, "the language of the issues, a BCP 47 tag such as en, fr or pt-BR (default en)"),
        (archiveURL, "where the exported archive is served (https): the email links to each issue's page there"),
        (sectionsOrder, "the sections in the order renders show them, comma-separated; others follow"),
        (tableOfContents, "on: every render opens with a table of contents of its sections (default off)"),
        (textLinks, "inline: each link under its item in the text render; numbered: [1] references (default inline)"),
        (frontMatter, "yaml, toml or none: the front matter before the Markdown, for Hugo, Jekyll and the like (default yaml)"),
        (mailCommand, "the program 'digest send' pipes the email to, with the recipients (default sendmail -t -oi)"),
        (templates, "a folder of templates overriding the built-in ones, file by file"),
        (excerptMax, "the longest excerpt allowed, in characters (default 2000)"),
        (fourEyes, "on: nobody approves an item they added or last edited (default on)"),
        (requireLinksOK, "on: publish refuses while any link is broken or unchecked (default off)"),
        (identity, "declared: --as or DIGEST_USER names who acts (default); account: the system account running digest"),
        (fetchAllowPrivate, "on: fetching and feeds may reach loopback, private and link-local addresses (default off)"),
        (fetchStripTracking, "on: links from feeds and fetched pages lose utm_*, fbclid, gclid and the like (default on)"),
    ]

    /// What a setting is while it is not set: the one place the defaults
    /// live; `Settings` reads them, and `config` shows them, marked as such.
    package static let defaults: [String: String] = [
        publicationLanguage: "en",
        tableOfContents: "off",
        textLinks: "inline",
        frontMatter: "yaml",
        mailCommand: MailCommandLine.defaultCommand.joined(separator: " "),
        excerptMax: String(ItemValidator.defaultExcerptLimit),
        fourEyes: "on",
        requireLinksOK: "off",
        identity: IdentityMode.declared.rawValue,
        fetchAllowPrivate: "off",
        fetchStripTracking: "on",
        correctionPrefix: "Correction: ",
    ]

    /// Settings that name a program or a path on the host: whoever sets
    /// them chooses what runs, or what is read, with the rights of the
    /// account that owns the database. They are changed only by someone
    /// running digest on the host against the file itself, never through
    /// `digest serve` (nor by `load` through it).
    package static let hostOnly: Set<String> = [mailCommand, templates]

    package static func isKnown(_ key: String) -> Bool {
        all.contains { $0.key == key } || isPerson(key)
    }

    package static func isPerson(_ key: String) -> Bool {
        key.hasPrefix(peoplePrefix) && key.count > peoplePrefix.count
    }
}
