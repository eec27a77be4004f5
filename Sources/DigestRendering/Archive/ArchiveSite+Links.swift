import DigestModel
extension ArchiveSite {
    /// The name to show; a blank name would leave the page and the feed
    /// without a title, which both formats require.
    package var displayName: String {
        name.allSatisfy(\.isWhitespace) ? "Digest" : name
    }

    /// The archive's address as the base of absolute links (`BASE/feed.xml`):
    /// `publication.archive-url`, else the website; without a trailing
    /// slash, query or fragment; nil when unset or not a safe http or https
    /// address, so a bad setting can never become a `javascript:` link or a
    /// broken feed.
    package var archiveBaseURL: String? {
        archiveURL.flatMap(PublicationInfo.archiveBase) ?? websiteBaseURL
    }

    /// The website alone, in the same form: the feed's author and tag domain.
    package var websiteBaseURL: String? {
        website.flatMap(PublicationInfo.archiveBase)
    }

    /// The address to show and link, when it is one.
    package var contactEmail: String? {
        guard let email, EmailAddress.isValid(email) else { return nil }
        return email
    }

    /// The domain that owns the feed's `tag:` ids (RFC 4151): the website's
    /// host, else the email's domain, else `digest.invalid`, a name that by
    /// definition belongs to no one else.
    package var tagAuthority: String {
        if let host = websiteHost, Self.isDNSName(host) { return host }
        if let email = contactEmail, let domain = EmailAddress.domain(of: email)?.lowercased(),
           Self.isDNSName(domain) {
            return domain
        }
        return "digest.invalid"
    }

    private var websiteHost: String? {
        guard let base = websiteBaseURL ?? archiveBaseURL else { return nil }
        let bytes = Array(base.utf8)
        guard let parts = URLParts(bytes) else { return nil }
        let host = String(decoding: bytes[parts.host], as: UTF8.self)
        // An IPv6 literal is no DNS name; the caller falls back.
        guard !host.hasPrefix("[") else { return nil }
        return host.lowercased()
    }

    /// RFC 4151's `DNSname`: dot-separated labels of ASCII letters, digits
    /// and inner hyphens. Anything else (an IDN host, a trailing dot) would
    /// make the id an invalid tag URI.
    private static func isDNSName(_ text: String) -> Bool {
        let labels = text.split(separator: ".", omittingEmptySubsequences: false)
        return labels.allSatisfy { label in
            guard let first = label.first, let last = label.last, first != "-", last != "-" else { return false }
            return label.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }
        }
    }
}
