import DigestModel
extension EmailEnvelope {
    /// A new, unique Message-ID: `<digest.ISSUE.EDITION.RANDOM@DOMAIN>`, where
    /// DOMAIN is the From address's domain (`invalid` when there is none) and
    /// EDITION is 0 for an issue never published. 128 random bits make two
    /// editions' IDs collide with negligible chance, even across machines.
    package static func makeMessageID(issue: Int, edition: Int?, fromAddress: String?) -> String {
        var generator = SystemRandomNumberGenerator()
        let random = hex(generator.next()) + hex(generator.next())
        return "<digest.\(issue).\(edition ?? 0).\(random)@\(messageIDDomain(of: fromAddress))>"
    }

    /// The part after `@`, when it can stand in a Message-ID as it is.
    static func messageIDDomain(of address: String?) -> String {
        guard let domain = address.flatMap(EmailAddress.domain(of:))?.lowercased() else { return "invalid" }
        let allowed = domain.utf8.allSatisfy { byte in
            TemplateName.isNameByte(byte) || byte == UInt8(ascii: ".")
        }
        guard allowed, !domain.hasPrefix("."), !domain.hasSuffix("."), !domain.contains("..") else { return "invalid" }
        return domain
    }

    private static func hex(_ value: UInt64) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
