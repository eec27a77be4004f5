/// The form of a link used to tell whether two links are the same page:
/// scheme and host in lower case, no default port, no fragment, no `utm_*`
/// tracking parameters, and `/` for an empty path.
///
/// Only for comparison: the stored and rendered link is always the one the
/// editor gave.
package enum LinkKey {
    package static func of(_ url: String) -> String {
        guard let colon = url.firstIndex(of: ":") else { return url }
        let scheme = url[..<colon].lowercased()
        var rest = url[url.index(after: colon)...]
        guard rest.hasPrefix("//") else { return url }
        rest = rest.dropFirst(2)
        if let hash = rest.firstIndex(of: "#") { rest = rest[..<hash] }
        let authorityEnd = rest.firstIndex { $0 == "/" || $0 == "?" } ?? rest.endIndex
        var authority = rest[..<authorityEnd].lowercased()
        let defaultPort = scheme == "https" ? ":443" : (scheme == "http" ? ":80" : nil)
        if let defaultPort, authority.hasSuffix(defaultPort) { authority.removeLast(defaultPort.count) }
        if authority.hasSuffix(".") { authority.removeLast() }
        var pathAndQuery = rest[authorityEnd...]
        var query: Substring?
        if let mark = pathAndQuery.firstIndex(of: "?") {
            query = pathAndQuery[pathAndQuery.index(after: mark)...]
            pathAndQuery = pathAndQuery[..<mark]
        }
        let path = pathAndQuery.isEmpty ? "/" : String(pathAndQuery)
        var key = scheme + "://" + authority + path
        if let query {
            let kept = query.split(separator: "&", omittingEmptySubsequences: true)
                .filter { !$0.lowercased().hasPrefix("utm_") }
            if !kept.isEmpty { key += "?" + kept.joined(separator: "&") }
        }
        return key
    }
}
