/// Decides whether a link may be stored: an absolute `http` or `https` URL
/// with a host, and nothing a renderer or a mail client could misread.
///
/// The check runs on the raw string, not on Foundation's `URL`, which
/// silently repairs or accepts input that would be unsafe in a page
/// (`javascript:` with odd casing, embedded spaces, control characters).
package enum URLValidator {
    package struct Problem: Error, Equatable, Sendable {
        package let reason: String
        package let fix: String
    }

    package static let maximumLength = 2048

    package static func validate(_ url: String) -> Problem? {
        guard !url.isEmpty else {
            return Problem(reason: "it is empty", fix: "give the full address, for example https://example.org/story")
        }
        guard url.utf8.count <= maximumLength else {
            return Problem(reason: "it is longer than \(maximumLength) bytes",
                           fix: "link to a shorter address for the same page")
        }
        // Most links are printable ASCII with none of the refused characters:
        // one pass over the bytes settles that without Unicode lookups.
        let plain = url.utf8.allSatisfy { byte in
            byte > 0x20 && byte < 0x7F && byte != UInt8(ascii: "<") && byte != UInt8(ascii: ">")
                && byte != UInt8(ascii: "\"") && byte != UInt8(ascii: "\\") && byte != UInt8(ascii: "`")
        }
        if !plain {
            for scalar in url.unicodeScalars {
                if let problem = problem(with: scalar) { return problem }
            }
        }
        guard let colon = url.firstIndex(of: ":") else {
            return Problem(reason: "it is not an absolute address (no scheme)",
                           fix: "give the full address starting with https://")
        }
        let scheme = url[..<colon].lowercased()
        guard let first = scheme.unicodeScalars.first, ("a"..."z").contains(first),
              scheme.unicodeScalars.allSatisfy({ ("a"..."z").contains($0) || ("0"..."9").contains($0) || "+-.".unicodeScalars.contains($0) }) else {
            return Problem(reason: "it is not an absolute address (no scheme)",
                           fix: "give the full address starting with https://")
        }
        guard scheme == "http" || scheme == "https" else {
            return Problem(reason: "the scheme '\(url[..<colon])' is not allowed (only http and https)",
                           fix: "link to the web page itself, with an https:// address")
        }
        let bytes = Array(url.utf8)
        guard let parts = URLParts(bytes) else {
            return Problem(reason: "it has no host after '\(url[..<colon]):'",
                           fix: "write it as \(scheme)://host/path")
        }
        func text(_ range: Range<Int>) -> Substring { Substring(String(decoding: bytes[range], as: UTF8.self)) }
        if bytes[parts.authority].contains(UInt8(ascii: "@")) {
            return Problem(reason: "it carries a user name or password before the host",
                           fix: "remove the part up to '@'; readers must see the real host")
        }
        guard parts.hostIsClosed else {
            return Problem(reason: "its IPv6 host is not closed with ']'", fix: "write the host as [address]")
        }
        let host = bytes[parts.host]
        if let port = parts.port, let problem = portProblem(text(port)) { return problem }
        if let reason = URLHost.problem(host) { return Problem(reason: reason, fix: "check the address") }
        // An ASCII letter or digit settles it without looking up Unicode properties.
        let hasLetterOrDigit = host.contains { byte in
            (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte | 0x20) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
        } || text(parts.host).contains { $0.isLetter || $0.isNumber }
        guard hasLetterOrDigit else {
            return Problem(reason: "it has no host", fix: "write it as \(scheme)://host/path")
        }
        let dot = UInt8(ascii: ".")
        if host.first == dot || zip(host, host.dropFirst()).contains(where: { $0 == dot && $1 == dot }) {
            return Problem(reason: "its host '\(text(parts.host))' is not a valid name", fix: "check the address")
        }
        return nil
    }

    /// A port is digits (leading zeros and an empty port, the default, are
    /// fine, as the URL standard reads them) up to 65535; port 0 is refused
    /// on purpose: no service listens on it.
    private static func portProblem(_ text: Substring) -> Problem? {
        let digits = text.dropFirst()
        guard !digits.isEmpty else { return nil }
        let value = digits.allSatisfy { $0.isASCII && $0.isNumber }
            ? digits.drop { $0 == "0" }.prefix(6).reduce(0) { $0 * 10 + Int($1.asciiValue! - 48) } : -1
        guard (0...65535).contains(value), digits.drop(while: { $0 == "0" }).count <= 5 else {
            return Problem(reason: "its port '\(digits)' is not a number from 1 to 65535", fix: "remove the port or correct it")
        }
        guard value != 0 else {
            return Problem(reason: "its port is 0, where no service listens", fix: "remove the port or correct it")
        }
        return nil
    }

    private static func problem(with scalar: Unicode.Scalar) -> Problem? {
        // Printable ASCII needs no Unicode property lookup.
        if scalar.value > 0x20 && scalar.value < 0x7F {
            switch scalar {
            case "<", ">", "\"", "\\", "`": break
            default: return nil
            }
        }
        switch scalar.properties.generalCategory {
        case .control, .format, .lineSeparator, .paragraphSeparator, .unassigned, .surrogate, .privateUse:
            return Problem(reason: "it contains an invisible or control character (U+\(hex(scalar)))",
                           fix: "retype the address or copy it again from the browser's address bar")
        case .spaceSeparator:
            return Problem(reason: "it contains a space", fix: "percent-encode spaces as %20")
        default:
            break
        }
        switch scalar {
        // These would break out of a Markdown link or an HTML attribute, or
        // (the backslash) be read as a slash by browsers.
        case "<", ">", "\"", "\\", "`":
            return Problem(reason: "it contains the character '\(scalar)', which addresses may not hold",
                           fix: "percent-encode it as %\(hex(scalar))")
        default:
            return nil
        }
    }

    private static func hex(_ scalar: Unicode.Scalar) -> String {
        let digits = String(scalar.value, radix: 16, uppercase: true)
        return digits.count < 2 ? "0" + digits : (digits.count == 3 ? "0" + digits : digits)
    }
}
