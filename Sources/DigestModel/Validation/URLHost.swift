/// The host rules of the WHATWG URL standard, for the links digest stores:
/// a domain whose percent-decoded text has none of the forbidden code
/// points, a dotted number that is a real IPv4 address, and an IPv6 literal
/// the standard's parser accepts. (digest's own, stricter rules: no user
/// name or password, and a host with at least one letter or digit, are in
/// `URLValidator`.)
enum URLHost {
    /// Why `host` (as written, an IPv6 literal with its brackets) is no
    /// host, or nil when it is one.
    static func problem(_ host: ArraySlice<UInt8>) -> String? {
        guard !host.isEmpty else { return nil }   // URLValidator says "it has no host"
        let text = String(decoding: host, as: UTF8.self)
        if host.first == UInt8(ascii: "[") {
            return isIPv6(Array(host.dropFirst().dropLast())) ? nil : "its host '\(text)' is not a valid IPv6 address"
        }
        guard let bytes = percentDecoded(host) else {
            return "its host '\(text)' has a '%' that is not followed by two hex digits"
        }
        guard let decodedText = String(validating: bytes, as: UTF8.self) else {
            return "its host '\(text)' is not text once percent-decoded"
        }
        // UTS 46's mapping, as far as it decides validity here: compatibility
        // forms folded (a full-width '％' is a '%'), case folded, soft hyphens
        // and zero-width joiners dropped.
        let mapped = decodedText.utf8.allSatisfy({ $0 < 0x80 }) ? decodedText.lowercased()
            : String(decodedText.precomposedStringWithCompatibilityMapping.lowercased().unicodeScalars
                .filter { !["\u{AD}", "\u{200B}", "\u{200C}", "\u{200D}", "\u{2060}", "\u{FEFF}"].contains($0) })
        guard !mapped.isEmpty else { return "its host '\(text)' is empty once read as a domain" }
        if let disallowed = mapped.unicodeScalars.first(where: isDisallowed) {
            return "its host '\(text)' has U+\(String(disallowed.value, radix: 16, uppercase: true)), which no domain may hold"
        }
        let decoded = Array(mapped.utf8)
        if let label = mapped.split(separator: ".", omittingEmptySubsequences: false)
            .first(where: { label in
                // A label in Punycode must decode, and to text that UTS 46's mapping leaves as it is.
                guard label.hasPrefix("xn--") else { return false }
                guard let decoded = Punycode.decode(label.dropFirst(4)) else { return true }
                return decoded.precomposedStringWithCompatibilityMapping.lowercased() != decoded
                    || decoded.unicodeScalars.contains(where: isDisallowed)
            }) {
            return "its host '\(text)' has the label '\(label)', which is not valid Punycode"
        }
        if let forbidden = decoded.first(where: isForbidden) {
            let shown = forbidden < 0x21 || forbidden == 0x7F ? "U+" + hex(forbidden) : "'\(Character(Unicode.Scalar(forbidden)))'"
            return "its host '\(text)' has \(shown), which a host may not hold" + (host.contains(UInt8(ascii: "%")) ? " (once percent-decoded)" : "")
        }
        if endsInANumber(decoded), !isIPv4(decoded) {
            return "its host '\(text)' is not a valid IPv4 address (four numbers from 0 to 255)"
        }
        return nil
    }

    /// Code points IDNA disallows that a link might carry: noncharacters
    /// and the replacement character.
    private static func isDisallowed(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "\u{FFFD}" || (0xFDD0...0xFDEF).contains(scalar.value) || scalar.value & 0xFFFE == 0xFFFE
            || scalar.properties.generalCategory == .unassigned || scalar.properties.generalCategory == .privateUse
    }

    /// The standard's forbidden domain code points (ASCII; others are IDNA's).
    private static func isForbidden(_ byte: UInt8) -> Bool {
        byte < 0x21 || byte == 0x7F || Array("#%/:<>?@[\\]^|".utf8).contains(byte)
    }

    /// `%XX` as the byte it names; nil when a `%` is not followed by two hex digits.
    static func percentDecoded(_ bytes: ArraySlice<UInt8>) -> [UInt8]? {
        var result: [UInt8] = []
        var index = bytes.startIndex
        while index < bytes.endIndex {
            if bytes[index] == UInt8(ascii: "%") {
                guard index + 2 < bytes.endIndex, let high = hexValue(bytes[index + 1]), let low = hexValue(bytes[index + 2]) else { return nil }
                result.append(high << 4 | low)
                index += 3
            } else {
                result.append(bytes[index])
                index += 1
            }
        }
        return result
    }

    /// The last label (a trailing dot aside) is digits, or 0x and hex digits: the host is meant as IPv4.
    private static func endsInANumber(_ host: [UInt8]) -> Bool {
        var labels = host.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        if labels.last?.isEmpty == true, labels.count > 1 { labels.removeLast() }
        guard let last = labels.last, !last.isEmpty else { return false }
        if last.allSatisfy({ (0x30...0x39).contains($0) }) { return true }
        let lower = last.map { $0 | 0x20 }
        return lower.starts(with: Array("0x".utf8)) && lower.dropFirst(2).allSatisfy { hexValue($0) != nil }
    }

    private static func isIPv4(_ host: [UInt8]) -> Bool {
        var parts = host.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        if parts.last?.isEmpty == true, parts.count > 1 { parts.removeLast() }
        guard parts.count <= 4 else { return false }
        var numbers: [UInt64] = []
        for part in parts {
            guard let number = ipv4Number(part) else { return false }
            numbers.append(number)
        }
        guard numbers.dropLast().allSatisfy({ $0 <= 255 }), let last = numbers.last else { return false }
        return last < (1 << (8 * UInt64(5 - numbers.count)))
    }

    /// Decimal, `0x` hex or `0`-led octal, as the standard (and browsers) read them.
    private static func ipv4Number(_ part: ArraySlice<UInt8>) -> UInt64? {
        guard !part.isEmpty else { return nil }
        var digits = part
        var radix: UInt64 = 10
        if digits.count >= 2, digits.first == UInt8(ascii: "0"), digits.dropFirst().first.map({ $0 | 0x20 }) == UInt8(ascii: "x") {
            digits = digits.dropFirst(2)
            radix = 16
        } else if digits.count >= 2, digits.first == UInt8(ascii: "0") {
            digits = digits.dropFirst()
            radix = 8
        }
        var value: UInt64 = 0
        for byte in digits {
            guard let digit = hexValue(byte).map(UInt64.init), digit < radix else { return nil }
            value = min(value * radix + digit, UInt64(1) << 40)
        }
        return value
    }

    /// The standard's IPv6 parser, as a yes or no.
    private static func isIPv6(_ input: [UInt8]) -> Bool {
        var pieceIndex = 0
        var compressed = false
        var pointer = 0
        func at(_ index: Int) -> UInt8? { index < input.count ? input[index] : nil }
        let colon = UInt8(ascii: ":"), dot = UInt8(ascii: ".")
        if at(pointer) == colon {
            guard at(pointer + 1) == colon else { return false }
            pointer += 2
            pieceIndex += 1
            compressed = true
        }
        while let current = at(pointer) {
            guard pieceIndex < 8 else { return false }
            if current == colon {
                guard !compressed else { return false }
                pointer += 1
                pieceIndex += 1
                compressed = true
                continue
            }
            var length = 0
            while length < 4, let byte = at(pointer), hexValue(byte) != nil {
                pointer += 1
                length += 1
            }
            if at(pointer) == dot {
                guard length > 0, pieceIndex <= 6 else { return false }
                pointer -= length
                var numbersSeen = 0
                while at(pointer) != nil {
                    var piece: Int?
                    if numbersSeen > 0 {
                        guard at(pointer) == dot, numbersSeen < 4 else { return false }
                        pointer += 1
                    }
                    guard let first = at(pointer), (0x30...0x39).contains(first) else { return false }
                    while let byte = at(pointer), (0x30...0x39).contains(byte) {
                        let digit = Int(byte - 0x30)
                        if piece == 0 { return false }
                        piece = (piece ?? 0) * 10 + digit
                        guard piece! <= 255 else { return false }
                        pointer += 1
                    }
                    numbersSeen += 1
                    if numbersSeen == 2 || numbersSeen == 4 { pieceIndex += 1 }
                }
                return numbersSeen == 4 && (compressed || pieceIndex == 8)
            } else if at(pointer) == colon {
                pointer += 1
                guard at(pointer) != nil else { return false }
            } else if at(pointer) != nil {
                return false
            }
            pieceIndex += 1
        }
        return compressed ? pieceIndex <= 8 : pieceIndex == 8
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case 0x30...0x39: byte - 0x30
        case 0x41...0x46: byte - 0x41 + 10
        case 0x61...0x66: byte - 0x61 + 10
        default: nil
        }
    }

    private static func hex(_ byte: UInt8) -> String {
        let digits = String(byte, radix: 16, uppercase: true)
        return digits.count < 2 ? "000" + digits : "00" + digits
    }
}

/// RFC 3492's decoder, to tell whether an `xn--` label is real Punycode.
enum Punycode {
    static func decode(_ label: Substring) -> String? {
        let base = 36, tMin = 1, tMax = 26, skew = 38, damp = 700
        let input = Array(label.lowercased().unicodeScalars)
        guard !input.isEmpty, input.allSatisfy(\.isASCII) else { return nil }
        var output: [UInt32] = []
        var start = 0
        if let delimiter = input.lastIndex(of: "-") {
            output = input[..<delimiter].map(\.value)
            start = delimiter + 1
        }
        var n = 128, i = 0, bias = 72, index = start
        while index < input.count {
            let oldI = i
            var weight = 1
            var k = base
            while true {
                guard index < input.count else { return nil }
                let scalar = input[index].value
                index += 1
                let digit: Int
                switch scalar {
                case 0x61...0x7A: digit = Int(scalar) - 0x61
                case 0x30...0x39: digit = Int(scalar) - 0x30 + 26
                default: return nil
                }
                let (product, overflow) = digit.multipliedReportingOverflow(by: weight)
                guard !overflow, i <= Int(Int32.max) - product else { return nil }
                i += product
                let t = k <= bias ? tMin : (k >= bias + tMax ? tMax : k - bias)
                if digit < t { break }
                guard weight <= Int(Int32.max) / (base - t) else { return nil }
                weight *= base - t
                k += base
            }
            let count = output.count + 1
            var delta = oldI == 0 ? (i - oldI) / damp : (i - oldI) / 2
            delta += delta / count
            var kk = 0
            while delta > ((base - tMin) * tMax) / 2 {
                delta /= base - tMin
                kk += base
            }
            bias = kk + (base - tMin + 1) * delta / (delta + skew)
            n += i / count
            i %= count
            guard n <= 0x10FFFF, Unicode.Scalar(UInt32(n)) != nil else { return nil }
            output.insert(UInt32(n), at: i)
            i += 1
        }
        guard !output.isEmpty else { return nil }
        return String(String.UnicodeScalarView(output.compactMap(Unicode.Scalar.init)))
    }
}
