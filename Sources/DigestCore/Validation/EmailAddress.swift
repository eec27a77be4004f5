/// The shape of an email address digest accepts for its settings: one `@`,
/// a local part and a domain with a dot, nothing a header could misread.
package enum EmailAddress {
    package static func isValid(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, let local = parts.first, let domain = parts.last,
              !local.isEmpty, local.count <= 64, !domain.isEmpty, domain.count <= 253,
              domain.contains("."), !domain.hasPrefix("."), !domain.hasSuffix("."), !domain.contains("..") else {
            return false
        }
        let forbidden: Set<Character> = [" ", "<", ">", "(", ")", "[", "]", ",", ";", ":", "\\", "\"", "\t", "\n", "\r"]
        return !text.contains(where: { forbidden.contains($0) || $0.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F } })
    }

    /// The domain of an address (`example.org`), for Message-IDs.
    package static func domain(of address: String) -> String? {
        guard isValid(address), let at = address.lastIndex(of: "@") else { return nil }
        return String(address[address.index(after: at)...])
    }
}
