import DigestModel
extension String {
    /// The text made safe for element content and quoted attribute values in
    /// both XML 1.0 and HTML5: the five markup characters become references,
    /// and characters neither language allows in a document (C0 controls
    /// other than tab, LF and CR; DEL and the C1 controls; noncharacters such
    /// as U+FFFF) are dropped, since no reader could show them anyway and one
    /// would make the whole feed unparseable.
    package var xmlEscaped: String {
        var result = ""
        result.appendXMLEscaped(self)
        return result
    }

    /// Appends `text` escaped as `xmlEscaped` does, without building an
    /// intermediate string for the common case: the archive renders
    /// hundreds of issues at once.
    package mutating func appendXMLEscaped(_ text: String) {
        appendXMLEscaped(text, twice: false)
    }

    /// Appends `text` escaped twice: first as HTML text, then that HTML as XML
    /// text, which is what an Atom element with `type="html"` holds. One pass
    /// instead of two, since item titles are most of a feed's bytes.
    package mutating func appendXMLEscapedHTML(_ text: String) {
        appendXMLEscaped(text, twice: true)
    }

    private mutating func appendXMLEscaped(_ text: String, twice: Bool) {
        // Most text needs nothing: one pass over the bytes decides, and the
        // whole string is then appended at once.
        guard text.utf8.contains(where: Self.mayNeedXMLEscaping) else {
            append(text)
            return
        }
        var text = text
        append(text.withUTF8 { Self.escapedXMLBytes($0, twice: twice) })
    }

    /// Works on the UTF-8 bytes, copying unchanged runs whole into the new
    /// string's storage: going scalar by scalar through `String` is an order
    /// of magnitude slower.
    private static func escapedXMLBytes(_ bytes: UnsafeBufferPointer<UInt8>, twice: Bool) -> String {
        // The longest replacement is `&quot;` (6 bytes), or `&amp;quot;` (10).
        let capacity = bytes.count * (twice ? 10 : 6)
        return String(unsafeUninitializedCapacity: capacity) { output in
            guard let source = bytes.baseAddress, let target = output.baseAddress else { return 0 }
            var written = 0
            var runStart = 0
            var index = 0
            func copy(_ start: UnsafePointer<UInt8>, count: Int) {
                (target + written).initialize(from: start, count: count)
                written += count
            }
            while index < bytes.count {
                let byte = bytes[index]
                guard mayNeedXMLEscaping(byte) else {
                    index += 1
                    continue
                }
                let reference: StaticString?
                let length: Int
                switch byte {
                case UInt8(ascii: "&"): (reference, length) = (twice ? "&amp;amp;" : "&amp;", 1)
                case UInt8(ascii: "<"): (reference, length) = (twice ? "&amp;lt;" : "&lt;", 1)
                case UInt8(ascii: ">"): (reference, length) = (twice ? "&amp;gt;" : "&gt;", 1)
                case UInt8(ascii: "\""): (reference, length) = (twice ? "&amp;quot;" : "&quot;", 1)
                // `&apos;` is not an HTML 4 entity; the numeric form works everywhere.
                case UInt8(ascii: "'"): (reference, length) = (twice ? "&amp;#39;" : "&#39;", 1)
                default:
                    let sequence = utf8SequenceLength(lead: byte)
                    // A String's bytes are valid UTF-8, so a sequence never runs
                    // past the end; the guard only keeps the reads in bounds.
                    guard index + sequence <= bytes.count,
                          isForbiddenInXMLAndHTML(decodeUTF8Scalar(bytes, at: index, length: sequence)) else {
                        index += sequence
                        continue
                    }
                    (reference, length) = (nil, sequence)
                }
                copy(source + runStart, count: index - runStart)
                if let reference { copy(reference.utf8Start, count: reference.utf8CodeUnitCount) }
                index += length
                runStart = index
            }
            copy(source + runStart, count: Swift.min(index, bytes.count) - runStart)
            return written
        }
    }

    /// True for every byte that could start something the escaping changes;
    /// a false positive only costs a closer look.
    private static func mayNeedXMLEscaping(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "&"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "\""), UInt8(ascii: "'"):
            return true
        case UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r"):
            return false
        case 0x00..<0x20, 0x7F:
            return true
        // Lead bytes of U+0080–U+00BF (the C1 controls), of U+F000–U+FFFF
        // (U+FDD0–U+FDEF, U+FFFE and U+FFFF are noncharacters) and of the
        // supplementary planes (each plane's last two code points are too).
        case 0xC2, 0xEF, 0xF0...0xF4:
            return true
        default:
            return false
        }
    }

    private static func utf8SequenceLength(lead: UInt8) -> Int {
        switch lead {
        case 0xF0...0xF7: return 4
        case 0xE0...0xEF: return 3
        case 0xC0...0xDF: return 2
        default: return 1
        }
    }

    private static func decodeUTF8Scalar(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int, length: Int) -> UInt32 {
        let lead = UInt32(bytes[index])
        guard length > 1 else { return lead }
        var value = lead & (0xFF >> UInt32(length + 1))
        for offset in 1..<length {
            value = value << 6 | UInt32(bytes[index + offset] & 0x3F)
        }
        return value
    }

    private static func isForbiddenInXMLAndHTML(_ value: UInt32) -> Bool {
        switch value {
        case 0x09, 0x0A, 0x0D: return false
        case 0x00..<0x20, 0x7F...0x9F: return true
        case 0xFDD0...0xFDEF: return true
        default: return value & 0xFFFE == 0xFFFE
        }
    }
}
