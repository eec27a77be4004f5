/// The query parameters that only tell a site where a click came from
/// (`utm_*`, `fbclid`, `gclid`, `mc_cid`…): removed from links that come
/// from feeds and fetched pages before they are stored, unless
/// `fetch.strip-tracking` is off. Everything else in the link (its other
/// parameters, their order and spelling, the fragment) is kept as written.
package enum TrackingParameters {
    /// Parameter names, compared in lower case; and `utm_` as a prefix.
    package static let names: Set<String> = [
        "fbclid", "gclid", "gclsrc", "dclid", "gbraid", "wbraid", "msclkid", "yclid", "twclid", "ttclid", "igshid",
        "li_fat_id", "mc_cid", "mc_eid", "_hsenc", "_hsmi", "__hssc", "__hstc", "__hsfp", "hsctatracking", "mkt_tok",
        "oly_anon_id", "oly_enc_id", "vero_conv", "vero_id", "rb_clickid", "s_cid", "ml_subscriber",
        "ml_subscriber_hash", "_openstat", "ref_src", "ref_url",
    ]

    package static func isTracking(_ name: Substring) -> Bool {
        let lower = name.lowercased()
        return lower.hasPrefix("utm_") || names.contains(lower)
    }

    /// `url` without its tracking parameters.
    package static func removed(from url: String) -> String {
        guard let question = url.firstIndex(of: "?") else { return url }
        let fragmentStart = url[question...].firstIndex(of: "#") ?? url.endIndex
        let query = url[url.index(after: question)..<fragmentStart]
        let parameters = query.split(separator: "&", omittingEmptySubsequences: false)
        let kept = parameters.filter { parameter in
            let name = parameter.prefix { $0 != "=" }
            return !isTracking(name.removingPercentEncodingIfPossible)
        }
        guard kept.count != parameters.count else { return url }
        let rest = kept.isEmpty ? "" : "?" + kept.joined(separator: "&")
        return String(url[..<question]) + rest + String(url[fragmentStart...])
    }
}

private extension Substring {
    /// `utm%5Fsource` is `utm_source` to the site that reads it.
    var removingPercentEncodingIfPossible: Substring {
        guard contains("%") else { return self }
        var bytes: [UInt8] = []
        var index = utf8.startIndex
        while index < utf8.endIndex {
            let byte = utf8[index]
            if byte == UInt8(ascii: "%"), let high = utf8.index(index, offsetBy: 1, limitedBy: utf8.endIndex),
               let low = utf8.index(index, offsetBy: 2, limitedBy: utf8.endIndex), low < utf8.endIndex,
               let value = UInt8(String(decoding: [utf8[high], utf8[low]], as: UTF8.self), radix: 16) {
                bytes.append(value)
                index = utf8.index(after: low)
            } else {
                bytes.append(byte)
                index = utf8.index(after: index)
            }
        }
        return Substring(String(decoding: bytes, as: UTF8.self))
    }
}
