/// The one rule for an email address digest stores or writes into a header:
/// `local@domain`, printable ASCII only, nothing a header could misread.
///
/// Addresses with non-ASCII characters (RFC 6531) are refused rather than
/// half supported: they need SMTPUTF8 all the way to every reader's server,
/// and a header that cannot carry them would have to fall back silently.
/// An internationalised domain is written in its ASCII form (`xn--…`).
package enum EmailAddress {
    package struct Problem: Error, Equatable, Sendable {
        package let reason: String
        package let fix: String
    }

    package static func isValid(_ text: String) -> Bool {
        problem(with: text) == nil
    }

    /// What is wrong with `text` as an address, if anything.
    package static func problem(with text: String) -> Problem? {
        let fix = "write it as name@example.org"
        if let scalar = text.unicodeScalars.first(where: { $0.value < 0x20 || $0.value == 0x7F }) {
            return Problem(reason: "it has a control character (U+\(String(scalar.value, radix: 16, uppercase: true)))",
                           fix: "keep the address on one line, without control characters")
        }
        if !text.unicodeScalars.allSatisfy(\.isASCII) {
            return Problem(reason: "it has characters outside ASCII, which email headers cannot carry reliably",
                           fix: "use an ASCII address; write an internationalised domain in its xn-- form")
        }
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, let local = parts.first, let domain = parts.last else {
            return Problem(reason: "it is not an email address (it needs exactly one @)", fix: fix)
        }
        guard !local.isEmpty, local.utf8.count <= 64 else {
            return Problem(reason: "it is not an email address (the part before @ is empty or over 64 characters)", fix: fix)
        }
        guard !domain.isEmpty, domain.utf8.count <= 253, domain.contains("."), !domain.hasPrefix("."),
              !domain.hasSuffix("."), !domain.contains("..") else {
            return Problem(reason: "it is not an email address (the domain after @ needs a dot between names)", fix: fix)
        }
        let forbidden = Set(" <>()[],;:\\\"".utf8)
        if let byte = text.utf8.first(where: { forbidden.contains($0) }) {
            return Problem(reason: "it is not an email address (it contains '\(Character(Unicode.Scalar(byte)))')", fix: fix)
        }
        return nil
    }

    /// The domain of an address (`example.org`), for Message-IDs.
    package static func domain(of address: String) -> String? {
        guard isValid(address), let at = address.lastIndex(of: "@") else { return nil }
        return String(address[address.index(after: at)...])
    }
}
