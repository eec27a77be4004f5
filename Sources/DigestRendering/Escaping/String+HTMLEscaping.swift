import DigestModel
extension String {
    /// Safe as element text and as a quoted attribute value alike.
    package var htmlEscaped: String {
        var output: [UInt8] = []
        output.reserveCapacity(utf8.count)
        appendHTMLEscaped(to: &output)
        return String(decoding: output, as: UTF8.self)
    }

    package func appendHTMLEscaped(to output: inout [UInt8]) {
        appendReplacingBytes(to: &output, low: Self.htmlSpecials.low, high: Self.htmlSpecials.high) { byte in
            switch byte {
            case UInt8(ascii: "&"): "&amp;"
            case UInt8(ascii: "<"): "&lt;"
            case UInt8(ascii: ">"): "&gt;"
            case UInt8(ascii: "\""): "&quot;"
            default: "&#39;"
            }
        }
    }

    private static let htmlSpecials = byteMask("&<>\"'")
}
