import Foundation
import Testing

/// Pages and feeds as real sites serve them: declared in a legacy charset,
/// in the header, a `<meta charset>` or the XML declaration. The bytes come
/// from Python's own codecs, not from digest's, and the text read back must
/// be the text that was encoded.
@Suite("intake from the wild: any charset")
struct IntakeFromTheWildTests {
    /// Python's codec, the label a site would declare, and text in that script.
    static let charsets: [(codec: String, label: String, text: String)] = [
        ("cp1252", "windows-1252", "Café “quay” news — €5 tickets"),
        ("cp1251", "windows-1251", "Новости гавани"),
        ("koi8_r", "koi8-r", "Паром вернулся в порт"),
        ("iso8859_2", "iso-8859-2", "Żeglarze wracają do portu"),
        ("iso8859_7", "iso-8859-7", "Νέα του λιμανιού"),
        ("shift_jis", "shift_jis", "港のニュース、フェリー再開"),
        ("euc_jp", "euc-jp", "港のニュース、フェリー再開"),
        ("gb2312", "gb2312", "港口新闻与渡轮时刻"),
        ("big5", "big5", "港口新聞與渡輪時刻"),
        ("euc_kr", "euc-kr", "항구 소식과 여객선"),
        ("cp1250", "windows-1250", "Přístav se znovu otevírá"),
        ("cp1256", "windows-1256", "أخبار الميناء اليوم"),
    ]

    private func setUp() throws -> (Digest, LocalServer) {
        let digest = Digest(directory: try TemporaryDirectory())
        try digest.initialise()
        _ = try digest.run("config", "fetch.allow-private", "on")
        return (digest, try LocalServer())
    }

    private static func encoded(_ server: LocalServer, _ codec: String, _ label: String, _ text: String,
                                where place: String) -> String {
        let query = text.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
        return server.url("/encoded/\(codec)/\(label)?where=\(place)&text=\(query)")
    }

    @Test("fetch reads pages in twelve charsets, declared in the header or in <meta charset>")
    func pagesInLegacyCharsets() throws {
        let (digest, server) = try setUp()
        defer { server.stop() }
        for (codec, label, text) in Self.charsets {
            for place in ["header", "meta"] {
                let result = try digest.run("fetch", Self.encoded(server, codec, label, text, where: place), "--json")
                #expect(result.status == 0, "\(label) \(place): \(result.standardError)")
                #expect(try JSONReader.string(result.standardOutput, "fields", "title") == text, "\(label) \(place)")
                #expect(try JSONReader.string(result.standardOutput, "fields", "excerpt")
                    == "\(text), told in its own script.", "\(label) \(place)")
            }
        }
    }

    @Test("add-item --fetch and feeds pull store the text as written, whatever the charset")
    func storedAsWritten() throws {
        let (digest, server) = try setUp()
        defer { server.stop() }
        let issue = try digest.draft()
        let (codec, label, text) = Self.charsets[6]   // EUC-JP
        let added = try digest.run("add-item", String(issue), "--fetch", Self.encoded(server, codec, label, text, where: "header"),
                                   "--date", "2026-11-20", "--json")
        #expect(added.status == 0, "\(added.standardError)")
        #expect(try DatabaseInspector.scalar(digest.databasePath, "SELECT title FROM item_states WHERE valid_to IS NULL")
            == text)
        for (index, (codec, label, text)) in Self.charsets.enumerated() {
            let address = Self.encoded(server, codec, label, text, where: "xml")
            #expect(try digest.run("feeds", "add", address, "--name", "Feed \(index)").status == 0)
        }
        let pull = try digest.run("feeds", "pull")
        #expect(pull.status == 0, "\(pull.standardOutput)\(pull.standardError)")
        let titles = try DatabaseInspector.scalar(digest.databasePath,
                                                  "SELECT group_concat(title, '|') FROM (SELECT title FROM candidates ORDER BY id)")
        #expect(titles == Self.charsets.map(\.text).joined(separator: "|"))
    }

    @Test("a page whose bytes are not its declared charset is refused with the reason, and nothing is stored")
    func undecodableRefused() throws {
        let (digest, server) = try setUp()
        defer { server.stop() }
        let issue = try digest.draft()
        let page = server.url("/encoded/invalid")
        let result = try digest.run("add-item", String(issue), "--fetch", page)
        #expect(result.status == 69)
        #expect(result.standardError == "digest: error: \(page) could not be fetched: the document says its charset is "
            + "shift_jis, but its bytes are not shift_jis text; digest cannot read it without garbling it.\n")
        #expect(try DatabaseInspector.scalar(digest.databasePath, "SELECT count(*) FROM items") == "0")
    }
}
