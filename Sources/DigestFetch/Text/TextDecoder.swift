import HTMLScanning
import Foundation

/// Bytes to text, with the charset taken from the Content-Type header, then
/// the document's own `<meta charset>` (or `http-equiv` Content-Type), then
/// its XML declaration, else UTF-8. As browsers do (the WHATWG Encoding
/// standard), the labels `iso-8859-1`, `latin1` and `us-ascii` are read as
/// windows-1252, whose 0x80–0x9F bytes are the curly quotes, dashes and € that
/// such pages mean. Text declared UTF-8 that is not is read as windows-1252
/// too, rather than refused.
package enum TextDecoder {
    package static func decode(_ data: Data, declared: String?) -> String {
        let bytes = [UInt8](data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { return utf8OrLegacy(Array(bytes.dropFirst(3))) }
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            return String(data: data, encoding: .utf16) ?? utf8OrLegacy(bytes)
        }
        let label = declared.flatMap(normalisedLabel) ?? sniffedLabel(bytes)
        switch label {
        case "windows-1252": return windows1252(bytes)
        case "utf-16le": return String(data: data, encoding: .utf16LittleEndian) ?? windows1252(bytes)
        case "utf-16be": return String(data: data, encoding: .utf16BigEndian) ?? windows1252(bytes)
        case "iso-8859-15": return latin9(bytes)
        default: return utf8OrLegacy(bytes)
        }
    }

    /// The charset named in the first 4 KiB: `<meta charset=…>`, a
    /// `<meta http-equiv=Content-Type content="…; charset=…">`, or `<?xml … encoding="…"?>`.
    package static func sniffedLabel(_ bytes: [UInt8]) -> String? {
        let head = String(decoding: bytes.prefix(4096).map { $0 < 0x80 ? $0 : 0x20 }, as: UTF8.self).lowercased()
        var searchFrom = head.startIndex
        while let meta = head.range(of: "<meta", range: searchFrom..<head.endIndex) {
            let end = head[meta.upperBound...].firstIndex(of: ">") ?? head.endIndex
            let tag = head[meta.upperBound..<end]
            if let charset = tag.range(of: "charset") {
                var rest = tag[charset.upperBound...].drop { $0 == " " }
                if rest.first == "=" {
                    rest = rest.dropFirst().drop { $0 == " " || $0 == "\"" || $0 == "'" }
                    let value = rest.prefix { !" \"';/>".contains($0) }
                    if let label = normalisedLabel(String(value)) { return label }
                }
            }
            searchFrom = end
        }
        if head.hasPrefix("<?xml"), let close = head.range(of: "?>"),
           let encoding = head[..<close.lowerBound].range(of: "encoding") {
            let rest = head[encoding.upperBound..<close.lowerBound].drop { $0 == " " || $0 == "=" || $0 == "\"" || $0 == "'" }
            return normalisedLabel(String(rest.prefix { !" \"'".contains($0) }))
        }
        return nil
    }

    /// The label as one of the names this decoder knows, nil if unknown.
    package static func normalisedLabel(_ raw: String) -> String? {
        switch raw.trimmingCharacters(in: .whitespaces).lowercased() {
        case "utf-8", "utf8", "unicode-1-1-utf-8": return "utf-8"
        case "windows-1252", "cp1252", "x-cp1252", "iso-8859-1", "iso8859-1", "iso_8859-1", "latin1", "l1",
             "us-ascii", "ascii", "ansi_x3.4-1968": return "windows-1252"
        case "iso-8859-15", "iso8859-15", "latin9", "l9": return "iso-8859-15"
        case "utf-16", "utf-16le": return "utf-16le"
        case "utf-16be": return "utf-16be"
        default: return nil
        }
    }

    private static func utf8OrLegacy(_ bytes: [UInt8]) -> String {
        String(validating: bytes, as: UTF8.self) ?? windows1252(bytes)
    }

    private static func windows1252(_ bytes: [UInt8]) -> String {
        var text = String.UnicodeScalarView()
        for byte in bytes { text.append(HTMLEntities.windows1252Scalar(byte)) }
        return String(text)
    }

    private static func latin9(_ bytes: [UInt8]) -> String {
        let changed: [UInt8: UInt32] = [0xA4: 0x20AC, 0xA6: 0x0160, 0xA8: 0x0161, 0xB4: 0x017D, 0xB8: 0x017E,
                                        0xBC: 0x0152, 0xBD: 0x0153, 0xBE: 0x0178]
        var text = String.UnicodeScalarView()
        for byte in bytes { text.append(Unicode.Scalar(changed[byte] ?? UInt32(byte)) ?? "\u{FFFD}") }
        return String(text)
    }
}
