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
            // `utm%5Fsource` is `utm_source` to the site that reads it.
            let decoded = URLHost.percentDecoded(ArraySlice(name.utf8)).map { Substring(String(decoding: $0, as: UTF8.self)) }
            return !isTracking(decoded ?? name)
        }
        guard kept.count != parameters.count else { return url }
        let rest = kept.isEmpty ? "" : "?" + kept.joined(separator: "&")
        return String(url[..<question]) + rest + String(url[fragmentStart...])
    }
}
