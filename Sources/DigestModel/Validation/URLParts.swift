/// The pieces of an absolute `scheme://authority/path?query#fragment`
/// address, as byte offsets into its UTF-8: the one parser behind
/// `URLValidator`, `LinkKey` and the archive's website host. It splits and
/// never judges; what is allowed is `URLValidator`'s business.
package struct URLParts {
    /// Before the first `:`.
    package let scheme: Range<Int>
    /// After `//`, up to the first `/`, `?` or `#`.
    package let authority: Range<Int>
    /// The host within the authority (an IPv6 literal with its brackets).
    package let host: Range<Int>
    /// The port with its leading `:` (`:8080`), when the authority has one.
    package let port: Range<Int>?
    /// From the end of the authority up to `?` or `#`.
    package let path: Range<Int>
    /// After `?`, up to `#`.
    package let query: Range<Int>?
    /// Whether an IPv6 literal's `[` is closed by `]`.
    package let hostIsClosed: Bool

    /// Nil when `bytes` do not start with `scheme://`.
    package init?(_ bytes: [UInt8]) {
        guard let colon = bytes.firstIndex(of: UInt8(ascii: ":")), bytes.count >= colon + 3,
              bytes[colon + 1] == UInt8(ascii: "/"), bytes[colon + 2] == UInt8(ascii: "/") else { return nil }
        scheme = 0..<colon
        let end = bytes[(colon + 3)...].firstIndex(of: UInt8(ascii: "#")) ?? bytes.count
        let authorityStart = colon + 3
        var authorityEnd = authorityStart
        while authorityEnd < end, bytes[authorityEnd] != UInt8(ascii: "/"), bytes[authorityEnd] != UInt8(ascii: "?") {
            authorityEnd += 1
        }
        authority = authorityStart..<authorityEnd
        if authorityStart < authorityEnd, bytes[authorityStart] == UInt8(ascii: "[") {
            if let close = bytes[authority].firstIndex(of: UInt8(ascii: "]")) {
                host = authorityStart..<(close + 1)
                hostIsClosed = true
                port = close + 1 < authorityEnd ? (close + 1)..<authorityEnd : nil
            } else {
                host = authority
                hostIsClosed = false
                port = nil
            }
        } else {
            hostIsClosed = true
            if let portColon = bytes[authority].firstIndex(of: UInt8(ascii: ":")) {
                host = authorityStart..<portColon
                port = portColon..<authorityEnd
            } else {
                host = authority
                port = nil
            }
        }
        let questionMark = bytes[authorityEnd..<end].firstIndex(of: UInt8(ascii: "?"))
        path = authorityEnd..<(questionMark ?? end)
        query = questionMark.map { ($0 + 1)..<end }
    }
}
