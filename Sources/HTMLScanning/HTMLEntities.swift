/// HTML character references: `&amp;`, `&#8217;`, `&#x2019;`.
///
/// The named set is HTML 4's (Latin-1, symbols, Greek, the typographic
/// marks) plus the HTML5 names real pages use most; an unknown name is kept
/// as written. Numeric references in 0x80–0x9F are read as windows-1252, as
/// HTML5 says, and invalid ones become U+FFFD.
package enum HTMLEntities {
    /// `text` with its references decoded. In an attribute value
    /// (`inAttribute`), a reference without its `;` that runs into a letter,
    /// digit or `=` stays as written, as the standard says (`?a=1&copy=2`).
    package static func decode(_ text: Substring, inAttribute: Bool = false) -> String {
        guard text.contains("&") else { return String(text) }
        // Built as UTF-8 bytes: appending scalars to a String's scalar view
        // copies the string as it grows, which made a page of a million
        // references take minutes.
        var result: [UInt8] = []
        result.reserveCapacity(text.utf8.count)
        let scalars = Array(text.unicodeScalars)
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            guard scalar == "&", let (decoded, length) = reference(in: scalars, at: index, inAttribute: inAttribute) else {
                UTF8.encode(scalar) { result.append($0) }
                index += 1
                continue
            }
            for piece in decoded { UTF8.encode(piece) { result.append($0) } }
            index += length
        }
        return String(decoding: result, as: UTF8.self)
    }

    package static func decode(_ text: String, inAttribute: Bool = false) -> String {
        decode(Substring(text), inAttribute: inAttribute)
    }

    /// The reference starting at `start` (an `&`): what it stands for and how many scalars it took.
    private static func reference(in scalars: [Unicode.Scalar], at start: Int, inAttribute: Bool) -> ([Unicode.Scalar], Int)? {
        var index = start + 1
        guard index < scalars.count else { return nil }
        if scalars[index] == "#" {
            index += 1
            let hex = index < scalars.count && (scalars[index] == "x" || scalars[index] == "X")
            if hex { index += 1 }
            let digitsStart = index
            var value: UInt32 = 0
            while index < scalars.count, let digit = digitValue(scalars[index], hex: hex) {
                // Past the last code point the value stays out of range, however many digits follow.
                value = value > 0x10FFFF ? value : value * (hex ? 16 : 10) + digit
                index += 1
            }
            guard index > digitsStart else { return nil }
            if index < scalars.count, scalars[index] == ";" { index += 1 }
            return ([numericScalar(value)], index - start)
        }
        var name = ""
        while index < scalars.count, index - start <= 32, isASCIILetterOrDigit(scalars[index]) {
            name.unicodeScalars.append(scalars[index])
            index += 1
        }
        guard !name.isEmpty else { return nil }
        let terminated = index < scalars.count && scalars[index] == ";"
        if terminated, let value = named[name], let scalar = Unicode.Scalar(value) {
            return ([scalar], index - start + 1)
        }
        // Legacy pages write `&copy2026` or `&amp` without the semicolon: the
        // longest of the old Latin-1 names that starts the run is read.
        for length in stride(from: name.count, through: 2, by: -1) {
            let prefix = String(name.prefix(length))
            guard let value = named[prefix], value < 0x100, let scalar = Unicode.Scalar(value) else { continue }
            let after = start + 1 + length
            if inAttribute, after < scalars.count, scalars[after] == "=" || isASCIILetterOrDigit(scalars[after]) { return nil }
            return ([scalar], 1 + length)
        }
        return nil
    }

    private static func isASCIILetterOrDigit(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
    }

    private static func digitValue(_ scalar: Unicode.Scalar, hex: Bool) -> UInt32? {
        switch scalar {
        case "0"..."9": return scalar.value - 0x30
        case "a"..."f" where hex: return scalar.value - 0x61 + 10
        case "A"..."F" where hex: return scalar.value - 0x41 + 10
        default: return nil
        }
    }

    private static func numericScalar(_ value: UInt32) -> Unicode.Scalar {
        if (0x80..<0xA0).contains(value) { return windows1252Scalar(UInt8(value)) }
        if value == 0 || value > 0x10FFFF || (0xD800...0xDFFF).contains(value) { return "\u{FFFD}" }
        return Unicode.Scalar(value) ?? "\u{FFFD}"
    }

    /// windows-1252's 0x80–0x9F, which the HTML standard also reads numeric
    /// references in that range as; the five bytes it leaves undefined map to
    /// the C1 controls.
    private static let high: [UInt32] = [
        0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8D, 0x017D, 0x8F,
        0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D, 0x017E, 0x0178,
    ]

    package static func windows1252Scalar(_ byte: UInt8) -> Unicode.Scalar {
        let value = (0x80..<0xA0).contains(byte) ? high[Int(byte) - 0x80] : UInt32(byte)
        return Unicode.Scalar(value) ?? "\u{FFFD}"
    }

    private static let named: [String: UInt32] = [
        "AMP": 0x26, "COPY": 0xA9, "GT": 0x3E, "LT": 0x3C, "QUOT": 0x22, "REG": 0xAE,
        "AElig": 0xC6, "Aacute": 0xC1, "Acirc": 0xC2, "Agrave": 0xC0, "Alpha": 0x391, "Aring": 0xC5, "Atilde": 0xC3,
        "Auml": 0xC4, "Beta": 0x392, "Ccedil": 0xC7, "Chi": 0x3A7, "Dagger": 0x2021, "Delta": 0x394, "ETH": 0xD0,
        "Eacute": 0xC9, "Ecirc": 0xCA, "Egrave": 0xC8, "Epsilon": 0x395, "Eta": 0x397, "Euml": 0xCB, "Gamma": 0x393,
        "Hat": 0x5E, "Iacute": 0xCD, "Icirc": 0xCE, "Igrave": 0xCC, "Iota": 0x399, "Iuml": 0xCF, "Kappa": 0x39A,
        "Lambda": 0x39B, "Mu": 0x39C, "NewLine": 0xA, "Ntilde": 0xD1, "Nu": 0x39D, "OElig": 0x152, "Oacute": 0xD3,
        "Ocirc": 0xD4, "Ograve": 0xD2, "Omega": 0x3A9, "Omicron": 0x39F, "Oslash": 0xD8, "Otilde": 0xD5,
        "Ouml": 0xD6, "Phi": 0x3A6, "Pi": 0x3A0, "Prime": 0x2033, "Psi": 0x3A8, "Rho": 0x3A1, "Scaron": 0x160,
        "Sigma": 0x3A3, "THORN": 0xDE, "Tab": 0x9, "Tau": 0x3A4, "Theta": 0x398, "Uacute": 0xDA, "Ucirc": 0xDB,
        "Ugrave": 0xD9, "Upsilon": 0x3A5, "Uuml": 0xDC, "Xi": 0x39E, "Yacute": 0xDD, "Yuml": 0x178, "Zeta": 0x396,
        "aacute": 0xE1, "acirc": 0xE2, "acute": 0xB4, "aelig": 0xE6, "agrave": 0xE0, "alefsym": 0x2135,
        "alpha": 0x3B1, "amp": 0x26, "and": 0x2227, "ang": 0x2220, "apos": 0x27, "aring": 0xE5, "ast": 0x2A,
        "asymp": 0x2248, "atilde": 0xE3, "auml": 0xE4, "bdquo": 0x201E, "beta": 0x3B2, "brvbar": 0xA6, "bsol": 0x5C,
        "bull": 0x2022, "cap": 0x2229, "ccedil": 0xE7, "cedil": 0xB8, "cent": 0xA2, "check": 0x2713, "chi": 0x3C7,
        "circ": 0x2C6, "clubs": 0x2663, "colon": 0x3A, "comma": 0x2C, "commat": 0x40, "cong": 0x2245, "copy": 0xA9,
        "crarr": 0x21B5, "cup": 0x222A, "curren": 0xA4, "dArr": 0x21D3, "dagger": 0x2020, "darr": 0x2193,
        "dash": 0x2010, "deg": 0xB0, "delta": 0x3B4, "diams": 0x2666, "divide": 0xF7, "dollar": 0x24, "eacute": 0xE9,
        "ecirc": 0xEA, "egrave": 0xE8, "empty": 0x2205, "emsp": 0x2003, "ensp": 0x2002, "epsilon": 0x3B5,
        "equals": 0x3D, "equiv": 0x2261, "eta": 0x3B7, "eth": 0xF0, "euml": 0xEB, "euro": 0x20AC, "excl": 0x21,
        "exist": 0x2203, "fnof": 0x192, "forall": 0x2200, "frac12": 0xBD, "frac14": 0xBC, "frac34": 0xBE,
        "frasl": 0x2044, "gamma": 0x3B3, "ge": 0x2265, "grave": 0x60, "gt": 0x3E, "hArr": 0x21D4, "hairsp": 0x200A,
        "harr": 0x2194, "hearts": 0x2665, "hellip": 0x2026, "iacute": 0xED, "icirc": 0xEE, "iexcl": 0xA1,
        "igrave": 0xEC, "image": 0x2111, "infin": 0x221E, "int": 0x222B, "iota": 0x3B9, "iquest": 0xBF,
        "isin": 0x2208, "iuml": 0xEF, "kappa": 0x3BA, "lArr": 0x21D0, "lambda": 0x3BB, "lang": 0x2329, "laquo": 0xAB,
        "larr": 0x2190, "lceil": 0x2308, "lcub": 0x7B, "ldquo": 0x201C, "le": 0x2264, "lfloor": 0x230A,
        "lowast": 0x2217, "lowbar": 0x5F, "loz": 0x25CA, "lpar": 0x28, "lrm": 0x200E, "lsaquo": 0x2039, "lsqb": 0x5B,
        "lsquo": 0x2018, "lt": 0x3C, "macr": 0xAF, "mdash": 0x2014, "micro": 0xB5, "middot": 0xB7, "minus": 0x2212,
        "mu": 0x3BC, "nabla": 0x2207, "nbhy": 0x2011, "nbsp": 0xA0, "ndash": 0x2013, "ne": 0x2260, "ni": 0x220B,
        "not": 0xAC, "notin": 0x2209, "nsub": 0x2284, "ntilde": 0xF1, "nu": 0x3BD, "num": 0x23, "oacute": 0xF3,
        "ocirc": 0xF4, "oelig": 0x153, "ograve": 0xF2, "oline": 0x203E, "omega": 0x3C9, "omicron": 0x3BF,
        "oplus": 0x2295, "or": 0x2228, "ordf": 0xAA, "ordm": 0xBA, "oslash": 0xF8, "otilde": 0xF5, "otimes": 0x2297,
        "ouml": 0xF6, "para": 0xB6, "part": 0x2202, "percnt": 0x25, "period": 0x2E, "permil": 0x2030, "perp": 0x22A5,
        "phi": 0x3C6, "pi": 0x3C0, "piv": 0x3D6, "plus": 0x2B, "plusmn": 0xB1, "pound": 0xA3, "prime": 0x2032,
        "prod": 0x220F, "prop": 0x221D, "psi": 0x3C8, "quest": 0x3F, "quot": 0x22, "rArr": 0x21D2, "radic": 0x221A,
        "rang": 0x232A, "raquo": 0xBB, "rarr": 0x2192, "rceil": 0x2309, "rcub": 0x7D, "rdquo": 0x201D,
        "real": 0x211C, "reg": 0xAE, "rfloor": 0x230B, "rho": 0x3C1, "rlm": 0x200F, "rpar": 0x29, "rsaquo": 0x203A,
        "rsqb": 0x5D, "rsquo": 0x2019, "sbquo": 0x201A, "scaron": 0x161, "sdot": 0x22C5, "sect": 0xA7, "semi": 0x3B,
        "shy": 0xAD, "sigma": 0x3C3, "sigmaf": 0x3C2, "sim": 0x223C, "sol": 0x2F, "spades": 0x2660, "star": 0x2606,
        "starf": 0x2605, "sub": 0x2282, "sube": 0x2286, "sum": 0x2211, "sup": 0x2283, "sup1": 0xB9, "sup2": 0xB2,
        "sup3": 0xB3, "supe": 0x2287, "szlig": 0xDF, "tau": 0x3C4, "there4": 0x2234, "theta": 0x3B8,
        "thetasym": 0x3D1, "thinsp": 0x2009, "thorn": 0xFE, "tilde": 0x2DC, "times": 0xD7, "trade": 0x2122,
        "uArr": 0x21D1, "uacute": 0xFA, "uarr": 0x2191, "ucirc": 0xFB, "ugrave": 0xF9, "uml": 0xA8, "upsih": 0x3D2,
        "upsilon": 0x3C5, "uuml": 0xFC, "verbar": 0x7C, "weierp": 0x2118, "xi": 0x3BE, "yacute": 0xFD, "yen": 0xA5,
        "yuml": 0xFF, "zeta": 0x3B6, "zwj": 0x200D, "zwnj": 0x200C,
    ]
}
