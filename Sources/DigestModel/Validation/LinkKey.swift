/// The form of a link used to tell whether two links are the same page:
/// scheme and host in lower case, no default port, no fragment, no `utm_*`
/// tracking parameters, and `/` for an empty path.
///
/// Only for comparison: the stored and rendered link is always the one the
/// editor gave. Works on bytes, since it runs for every item of an import.
package enum LinkKey {
    package static func of(_ url: String) -> String {
        let bytes = Array(url.utf8)
        guard let parts = URLParts(bytes) else { return url }
        var key: [UInt8] = []
        key.reserveCapacity(bytes.count + 1)
        for byte in bytes[parts.scheme] { key.append(lowercased(byte)) }
        let scheme = String(decoding: key, as: UTF8.self)
        key += [UInt8(ascii: ":"), UInt8(ascii: "/"), UInt8(ascii: "/")]
        var authority = bytes[parts.authority].map(lowercased)
        let defaultPort = scheme == "https" ? Array(":443".utf8) : (scheme == "http" ? Array(":80".utf8) : [])
        if !defaultPort.isEmpty, authority.count > defaultPort.count, authority.suffix(defaultPort.count).elementsEqual(defaultPort) {
            authority.removeLast(defaultPort.count)
        }
        if authority.last == UInt8(ascii: ".") { authority.removeLast() }
        key += authority
        if parts.path.isEmpty {
            key.append(UInt8(ascii: "/"))
        } else {
            key += bytes[parts.path]
        }
        if let query = parts.query {
            var kept: [ArraySlice<UInt8>] = []
            for parameter in bytes[query].split(separator: UInt8(ascii: "&")) {
                let name = parameter.prefix(4).map(lowercased)
                if name.count == 4, name.elementsEqual("utm_".utf8) { continue }
                kept.append(parameter)
            }
            if !kept.isEmpty {
                key.append(UInt8(ascii: "?"))
                key += Array(kept.joined(separator: [UInt8(ascii: "&")]))
            }
        }
        return String(decoding: key, as: UTF8.self)
    }

    private static func lowercased(_ byte: UInt8) -> UInt8 {
        byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte + 32 : byte
    }
}
