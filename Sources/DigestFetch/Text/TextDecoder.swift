import DigestHTTP
import HTMLScanning
import Foundation

/// Bytes to text, in the order the HTML standard's encoding sniffing gives:
/// a byte-order mark, then the charset of the Content-Type header, then the
/// document's own `<meta charset>` (or `http-equiv` Content-Type) or its XML
/// declaration, else UTF-8. Labels are read as the WHATWG Encoding standard
/// reads them (`iso-8859-1`, `latin1` and `us-ascii` are windows-1252, whose
/// 0x80–0x9F bytes are the curly quotes, dashes and € such pages mean;
/// `gb2312` is GBK, read by the GB18030 decoder; `iso-8859-9` is
/// windows-1254). Legacy charsets are decoded by Foundation's converters
/// (ICU's tables); EUC-JP, which they lack, is carried over to Shift_JIS,
/// which encodes the same JIS X 0208 characters.
///
/// Text declared UTF-8 that is not is read as windows-1252, rather than
/// refused; text whose bytes are not what its declared legacy charset
/// allows, and UTF-32 (which no browser reads either), are refused with the
/// reason.
package enum TextDecoder {
    package static func decode(_ data: Data, declared: String?) throws(FetchFailure) -> String {
        let bytes = [UInt8](data)
        if bytes.starts(with: [0x00, 0x00, 0xFE, 0xFF]) || bytes.starts(with: [0xFF, 0xFE, 0x00, 0x00]) {
            throw FetchFailure("the document is UTF-32, which digest does not read (nor do browsers); "
                + "it needs to be served as UTF-8")
        }
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { return utf8OrLegacy(Array(bytes.dropFirst(3))) }
        if bytes.starts(with: [0xFF, 0xFE]) { return utf16(bytes.dropFirst(2), .utf16LittleEndian) }
        if bytes.starts(with: [0xFE, 0xFF]) { return utf16(bytes.dropFirst(2), .utf16BigEndian) }
        let declaredName = declared.flatMap(normalisedLabel)
        if let raw = declared?.trimmingCharacters(in: .whitespaces).lowercased(), raw.hasPrefix("utf-32") {
            throw FetchFailure("the document is declared \(raw), which digest does not read (nor do browsers); "
                + "it needs to be served as UTF-8")
        }
        let name = declaredName ?? sniffedLabel(bytes) ?? "utf-8"
        switch name {
        case "utf-8": return utf8OrLegacy(bytes)
        case "windows-1252": return windows1252(bytes)
        case "iso-8859-15": return latin9(bytes)
        // A document that says UTF-16 in its own bytes is not UTF-16 (they would not be readable ASCII).
        case "utf-16le": return declaredName == nil ? utf8OrLegacy(bytes) : utf16(bytes[...], .utf16LittleEndian)
        case "utf-16be": return declaredName == nil ? utf8OrLegacy(bytes) : utf16(bytes[...], .utf16BigEndian)
        case "euc-jp": return try legacy(eucJPAsShiftJIS(bytes), "shift_jis", declaredAs: name)
        default: return try legacy(bytes, name, declaredAs: name)
        }
    }

    /// Foundation's encodings for the legacy charsets, by WHATWG name
    /// (Core Foundation's numbers, which Foundation reads with the top bit set).
    private static let foundationEncodings: [String: UInt32] = [
        "iso-8859-2": 0x0202, "iso-8859-3": 0x0203, "iso-8859-4": 0x0204, "iso-8859-5": 0x0205,
        "iso-8859-6": 0x0206, "iso-8859-7": 0x0207, "iso-8859-8": 0x0208, "iso-8859-10": 0x020A,
        "iso-8859-13": 0x020D, "iso-8859-14": 0x020E, "iso-8859-16": 0x0210,
        "windows-1250": 0x0501, "windows-1251": 0x0502, "windows-1253": 0x0503, "windows-1254": 0x0504,
        "windows-1255": 0x0505, "windows-1256": 0x0506, "windows-1257": 0x0507, "windows-1258": 0x0508,
        "koi8-r": 0x0A02, "koi8-u": 0x0A08, "shift_jis": 0x0A01, "iso-2022-jp": 0x0820,
        "gb18030": 0x0632, "big5": 0x0A03, "euc-kr": 0x0940,
    ]

    private static func legacy(_ bytes: [UInt8], _ name: String, declaredAs declared: String) throws(FetchFailure) -> String {
        guard let number = foundationEncodings[name] else { return utf8OrLegacy(bytes) }
        let encoding = String.Encoding(rawValue: UInt(0x8000_0000 | number))
        guard let text = String(data: Data(bytes), encoding: encoding) else {
            throw FetchFailure("the document says its charset is \(declared), but its bytes are not \(declared) text; "
                + "digest cannot read it without garbling it")
        }
        return text
    }

    private static func utf16(_ bytes: ArraySlice<UInt8>, _ encoding: String.Encoding) -> String {
        String(data: Data(bytes), encoding: encoding) ?? utf8OrLegacy(Array(bytes))
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

    /// The WHATWG Encoding standard's labels, for the encodings read here.
    private static let labels: [String: [String]] = [
        "utf-8": ["unicode-1-1-utf-8", "unicode11utf8", "unicode20utf8", "utf-8", "utf8", "x-unicode20utf8"],
        "windows-1252": ["ansi_x3.4-1968", "ascii", "cp1252", "cp819", "csisolatin1", "ibm819", "iso-8859-1",
                         "iso-ir-100", "iso8859-1", "iso88591", "iso_8859-1", "iso_8859-1:1987", "l1", "latin1",
                         "us-ascii", "windows-1252", "x-cp1252"],
        "iso-8859-2": ["csisolatin2", "iso-8859-2", "iso-ir-101", "iso8859-2", "iso88592", "iso_8859-2",
                       "iso_8859-2:1987", "l2", "latin2"],
        "iso-8859-3": ["csisolatin3", "iso-8859-3", "iso-ir-109", "iso8859-3", "iso88593", "iso_8859-3",
                       "iso_8859-3:1988", "l3", "latin3"],
        "iso-8859-4": ["csisolatin4", "iso-8859-4", "iso-ir-110", "iso8859-4", "iso88594", "iso_8859-4",
                       "iso_8859-4:1988", "l4", "latin4"],
        "iso-8859-5": ["csisolatincyrillic", "cyrillic", "iso-8859-5", "iso-ir-144", "iso8859-5", "iso88595",
                       "iso_8859-5", "iso_8859-5:1988"],
        "iso-8859-6": ["arabic", "asmo-708", "csiso88596e", "csiso88596i", "csisolatinarabic", "ecma-114",
                       "iso-8859-6", "iso-8859-6-e", "iso-8859-6-i", "iso-ir-127", "iso8859-6", "iso88596",
                       "iso_8859-6", "iso_8859-6:1987"],
        "iso-8859-7": ["csisolatingreek", "ecma-118", "elot_928", "greek", "greek8", "iso-8859-7", "iso-ir-126",
                       "iso8859-7", "iso88597", "iso_8859-7", "iso_8859-7:1987", "sun_eu_greek"],
        "iso-8859-8": ["csiso88598e", "csisolatinhebrew", "hebrew", "iso-8859-8", "iso-8859-8-e", "iso-ir-138",
                       "iso8859-8", "iso88598", "iso_8859-8", "iso_8859-8:1988", "visual", "csiso88598i",
                       "iso-8859-8-i", "logical"],
        "iso-8859-10": ["csisolatin6", "iso-8859-10", "iso-ir-157", "iso8859-10", "iso885910", "l6", "latin6"],
        "iso-8859-13": ["iso-8859-13", "iso8859-13", "iso885913"],
        "iso-8859-14": ["iso-8859-14", "iso8859-14", "iso885914"],
        "iso-8859-15": ["csisolatin9", "iso-8859-15", "iso8859-15", "iso885915", "iso_8859-15", "l9"],
        "iso-8859-16": ["iso-8859-16"],
        "koi8-r": ["cskoi8r", "koi", "koi8", "koi8-r", "koi8_r"],
        "koi8-u": ["koi8-ru", "koi8-u"],
        "windows-1250": ["cp1250", "windows-1250", "x-cp1250"],
        "windows-1251": ["cp1251", "windows-1251", "x-cp1251"],
        "windows-1253": ["cp1253", "windows-1253", "x-cp1253"],
        "windows-1254": ["cp1254", "csisolatin5", "iso-8859-9", "iso-ir-148", "iso8859-9", "iso88599", "iso_8859-9",
                         "iso_8859-9:1989", "l5", "latin5", "windows-1254", "x-cp1254"],
        "windows-1255": ["cp1255", "windows-1255", "x-cp1255"],
        "windows-1256": ["cp1256", "windows-1256", "x-cp1256"],
        "windows-1257": ["cp1257", "windows-1257", "x-cp1257"],
        "windows-1258": ["cp1258", "windows-1258", "x-cp1258"],
        "gb18030": ["chinese", "csgb2312", "csiso58gb231280", "gb2312", "gb_2312", "gb_2312-80", "gbk", "iso-ir-58",
                    "x-gbk", "gb18030"],
        "big5": ["big5", "big5-hkscs", "cn-big5", "csbig5", "x-x-big5"],
        "euc-jp": ["cseucpkdfmtjapanese", "euc-jp", "x-euc-jp"],
        "iso-2022-jp": ["csiso2022jp", "iso-2022-jp"],
        "shift_jis": ["csshiftjis", "ms932", "ms_kanji", "shift-jis", "shift_jis", "sjis", "windows-31j", "x-sjis"],
        "euc-kr": ["cseuckr", "csksc56011987", "euc-kr", "iso-ir-149", "korean", "ks_c_5601-1987", "ks_c_5601-1989",
                   "ksc5601", "ksc_5601", "windows-949"],
        "utf-16be": ["unicodefffe", "utf-16be"],
        "utf-16le": ["csunicode", "iso-10646-ucs-2", "ucs-2", "unicode", "unicodefeff", "utf-16", "utf-16le"],
    ]

    private static let names: [String: String] = {
        var names: [String: String] = [:]
        for (name, labels) in labels { for label in labels { names[label] = name } }
        return names
    }()

    /// The label as the name of an encoding read here, nil if unknown.
    package static func normalisedLabel(_ raw: String) -> String? {
        names[raw.trimmingCharacters(in: .whitespaces).lowercased()]
    }

    private static func utf8OrLegacy(_ bytes: [UInt8]) -> String {
        String(validating: bytes, as: UTF8.self) ?? windows1252(bytes)
    }

    private static func windows1252(_ bytes: [UInt8]) -> String {
        scalars(bytes) { HTMLEntities.windows1252Scalar($0) }
    }

    private static func latin9(_ bytes: [UInt8]) -> String {
        let changed: [UInt8: UInt32] = [0xA4: 0x20AC, 0xA6: 0x0160, 0xA8: 0x0161, 0xB4: 0x017D, 0xB8: 0x017E,
                                        0xBC: 0x0152, 0xBD: 0x0153, 0xBE: 0x0178]
        return scalars(bytes) { Unicode.Scalar(changed[$0] ?? UInt32($0)) ?? "\u{FFFD}" }
    }

    /// One scalar per byte, built as UTF-8 (see HTMLEntities.decode for why not a scalar view).
    private static func scalars(_ bytes: [UInt8], _ scalar: (UInt8) -> Unicode.Scalar) -> String {
        var text: [UInt8] = []
        text.reserveCapacity(bytes.count + bytes.count / 4)
        for byte in bytes {
            if byte < 0x80 { text.append(byte) } else { UTF8.encode(scalar(byte)) { text.append($0) } }
        }
        return String(decoding: text, as: UTF8.self)
    }

    /// EUC-JP as Shift_JIS: both encode JIS X 0208 by row and cell, so a
    /// pair of EUC-JP bytes maps to a Shift_JIS pair by arithmetic; a
    /// half-width katakana (0x8E, then the byte) is the byte alone. JIS X
    /// 0212 (0x8F, then two bytes), which Shift_JIS lacks, becomes "?" —
    /// rare in practice. A byte EUC-JP does not allow is kept, so the
    /// Shift_JIS decoder refuses the text.
    static func eucJPAsShiftJIS(_ bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte < 0x80 {
                out.append(byte)
                index += 1
            } else if byte == 0x8E, index + 1 < bytes.count, (0xA1...0xDF).contains(bytes[index + 1]) {
                out.append(bytes[index + 1])
                index += 2
            } else if byte == 0x8F, index + 2 < bytes.count {
                out.append(0x3F)
                index += 3
            } else if (0xA1...0xFE).contains(byte), index + 1 < bytes.count, (0xA1...0xFE).contains(bytes[index + 1]) {
                let row = Int(byte) - 0x80, cell = Int(bytes[index + 1]) - 0x80
                let first = (row + 1) / 2 + (row <= 0x5E ? 0x70 : 0xB0)
                var second = row % 2 == 1 ? cell + 0x1F : cell + 0x7E
                if row % 2 == 1, second >= 0x7F { second += 1 }
                out += [UInt8(truncatingIfNeeded: first), UInt8(truncatingIfNeeded: second)]
                index += 2
            } else {
                out.append(byte)
                index += 1
            }
        }
        return out
    }
}
