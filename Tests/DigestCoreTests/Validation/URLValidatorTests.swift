import Testing
@testable import DigestStorage
@testable import DigestModel
@testable import DigestRendering
@testable import DigestWorkflow

@Suite("Which links may be stored")
struct URLValidatorTests {
    @Test("absolute http and https links with a host are accepted", arguments: [
        "https://example.org", "http://example.org/path?q=1#top", "HTTPS://Example.ORG/A",
        "https://en.wikipedia.org/wiki/Fish_(food)", "https://example.org:8443/x",
        "https://[2001:db8::1]/page", "https://münchen.example/straße", "https://example.org/a|b{c}",
        // Hosts the WHATWG URL standard accepts: IPv4 in its other spellings, IPv6 with an IPv4 tail, percent-encoded letters.
        "http://192.168.0.1/", "http://0x7f.1/", "http://127.1/", "http://example.org./", "https://[::ffff:192.0.2.1]/",
        "https://[1:2:3:4:5:6:7::]/", "https://example.0x1g/", "http://example.org:080/", "http://example.org:/",
        "http://xn--mnchen-3ya.example/", "http://ex%61mple.org/", "https://example.123abc/",
    ])
    func accepted(url: String) {
        #expect(URLValidator.validate(url) == nil)
    }

    @Test("anything else is refused with a reason", arguments: [
        ("javascript:alert(1)", "the scheme 'javascript' is not allowed (only http and https)"),
        ("JavaScript:alert(1)", "the scheme 'JavaScript' is not allowed (only http and https)"),
        ("data:text/html,hi", "the scheme 'data' is not allowed (only http and https)"),
        ("file:///etc/passwd", "the scheme 'file' is not allowed (only http and https)"),
        ("ftp://example.org/x", "the scheme 'ftp' is not allowed (only http and https)"),
        ("/relative/link", "it is not an absolute address (no scheme)"),
        ("example.org/page", "it is not an absolute address (no scheme)"),
        ("https:example.org", "it has no host after 'https:'"),
        ("https://", "it has no host"),
        ("https:///path", "it has no host"),
        ("https://exa mple.org", "it contains a space"),
        ("https://example.org/a b", "it contains a space"),
        ("https://example.org/\u{7}", "it contains an invisible or control character (U+07)"),
        ("https://example.org/\u{202E}gpj", "it contains an invisible or control character (U+202E)"),
        ("https://example.org/\"onmouseover=", "it contains the character '\"', which addresses may not hold"),
        ("https://example.org/<script>", "it contains the character '<', which addresses may not hold"),
        ("https://user:pass@example.org/", "it carries a user name or password before the host"),
        ("https://example.org:99999/", "its port '99999' is not a number from 1 to 65535"),
        ("", "it is empty"),
        // The WHATWG URL standard's host rules.
        ("http://ho%00st/", "its host 'ho%00st' has U+0000, which a host may not hold (once percent-decoded)"),
        ("http://a|b/", "its host 'a|b' has '|', which a host may not hold"),
        ("http://a^b.example/", "its host 'a^b.example' has '^', which a host may not hold"),
        ("http://ex%2Fample.org/", "its host 'ex%2Fample.org' has '/', which a host may not hold (once percent-decoded)"),
        ("http://ex%zzample.org/", "its host 'ex%zzample.org' has a '%' that is not followed by two hex digits"),
        ("https://256.0.0.1/", "its host '256.0.0.1' is not a valid IPv4 address (four numbers from 0 to 255)"),
        ("https://1.2.3.4.5/", "its host '1.2.3.4.5' is not a valid IPv4 address (four numbers from 0 to 255)"),
        ("https://foo.09/", "its host 'foo.09' is not a valid IPv4 address (four numbers from 0 to 255)"),
        ("https://[0::0::0]/", "its host '[0::0::0]' is not a valid IPv6 address"),
        ("https://[1:2:3:4:5:6:7:8:9]/", "its host '[1:2:3:4:5:6:7:8:9]' is not a valid IPv6 address"),
        ("https://[::1.2.3.256]/", "its host '[::1.2.3.256]' is not a valid IPv6 address"),
        ("https://[g::1]/", "its host '[g::1]' is not a valid IPv6 address"),
        // digest's own: a host needs a name, and port 0 is no service.
        ("http://./", "it has no host"),
        ("http://example.org:0/", "its port is 0, where no service listens"),
        ("http://example.org:000/", "its port is 0, where no service listens"),
        ("http://example.org:65536/", "its port '65536' is not a number from 1 to 65535"),
        ("http://example.org:8a/", "its port '8a' is not a number from 1 to 65535"),
        ("http://%C2%AD/", "its host '%C2%AD' is empty once read as a domain"),
        ("http://ex%80ample.org/", "its host 'ex%80ample.org' is not text once percent-decoded"),
        ("http://xn--/", "its host 'xn--' has the label 'xn--', which is not valid Punycode"),
        ("http://％４１.com/", "its host '％４１.com' has '%', which a host may not hold"),
    ])
    func refused(url: String, reason: String) {
        #expect(URLValidator.validate(url)?.reason == reason)
    }
}

@Suite("Telling whether two links are the same page")
struct LinkKeyTests {
    @Test("scheme and host case, default ports, fragments and utm parameters do not matter", arguments: [
        ("HTTPS://Example.ORG/Path", "https://example.org/Path"),
        ("https://example.org:443/a", "https://example.org/a"),
        ("http://example.org:80/a", "http://example.org/a"),
        ("https://example.org:8443/a", "https://example.org:8443/a"),
        ("https://example.org/a#section", "https://example.org/a"),
        ("https://example.org/a?utm_source=x&id=3&utm_medium=email", "https://example.org/a?id=3"),
        ("https://example.org/a?utm_source=x", "https://example.org/a"),
        ("https://example.org", "https://example.org/"),
    ])
    func normalised(url: String, key: String) {
        #expect(LinkKey.of(url) == key)
    }

    @Test("different paths, queries and schemes stay different")
    func distinct() {
        #expect(LinkKey.of("https://example.org/a") != LinkKey.of("https://example.org/A"))
        #expect(LinkKey.of("https://example.org/a?id=1") != LinkKey.of("https://example.org/a?id=2"))
        #expect(LinkKey.of("http://example.org/a") != LinkKey.of("https://example.org/a"))
    }
}

@Suite("URL parts: the one parser behind links, link keys and the website host")
struct URLPartsTests {
    func pieces(_ url: String) -> [String?]? {
        let bytes = Array(url.utf8)
        guard let parts = URLParts(bytes) else { return nil }
        func text(_ range: Range<Int>?) -> String? { range.map { String(decoding: bytes[$0], as: UTF8.self) } }
        return [text(parts.scheme), text(parts.authority), text(parts.host), text(parts.port), text(parts.path), text(parts.query)]
    }

    @Test("splits scheme, authority, host, port, path and query; the fragment is dropped")
    func splits() {
        #expect(pieces("https://Example.org:8443/a/b?x=1&y#top") == ["https", "Example.org:8443", "Example.org", ":8443", "/a/b", "x=1&y"])
        #expect(pieces("http://[::1]:80?q") == ["http", "[::1]:80", "[::1]", ":80", "", "q"])
        #expect(pieces("https://") == ["https", "", "", nil, "", nil])
        #expect(pieces("mailto:someone@example.org") == nil)
        #expect(pieces("a#b://x#y") == ["a#b", "x", "x", nil, "", nil])
    }
}

@Suite("Tracking parameters removed from links that come from feeds and pages")
struct TrackingParameterTests {
    @Test("utm_* and the known click ids go; every other part stays as written", arguments: [
        ("https://a.example/x?utm_source=rss&utm_medium=feed", "https://a.example/x"),
        ("https://a.example/x?q=1&fbclid=IwAR&page=2#top", "https://a.example/x?q=1&page=2#top"),
        ("https://a.example/x?GCLID=1&UTM_Campaign=w", "https://a.example/x"),
        ("https://a.example/x?utm%5Fsource=rss&id=3", "https://a.example/x?id=3"),
        ("https://a.example/x?mc_cid=1&mc_eid=2&msclkid=3", "https://a.example/x"),
        ("https://a.example/x?utmost=1&id=12", "https://a.example/x?utmost=1&id=12"),
        ("https://a.example/x?id=12", "https://a.example/x?id=12"),
        ("https://a.example/x#utm_source=rss", "https://a.example/x#utm_source=rss"),
        ("https://a.example/x?a=1&&utm_term=b", "https://a.example/x?a=1&"),
    ])
    func removed(url: String, expected: String) {
        #expect(TrackingParameters.removed(from: url) == expected)
    }
}
