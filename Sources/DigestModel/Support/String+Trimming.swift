extension String {
    /// Without white space (spaces, tabs, line breaks, Unicode spaces) at
    /// either end. Works on scalars: cheaper than Foundation's
    /// `trimmingCharacters(in:)`, which bridges through NSString.
    package func trimmingWhitespace() -> String {
        // Every white space character starts and ends outside the printable
        // ASCII bytes, so a string that begins and ends in one is settled.
        let printable = UInt8(ascii: "!")...UInt8(ascii: "~")
        if let first = utf8.first, let last = utf8.last, printable.contains(first), printable.contains(last) {
            return self
        }
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        var last = scalars.index(before: scalars.endIndex)
        while scalars[last].properties.isWhitespace { last = scalars.index(before: last) }
        if first == scalars.startIndex && last == scalars.index(before: scalars.endIndex) { return self }
        return String(scalars[first...last])
    }
}

extension Optional<String> {
    /// The value, or nil when it is nil or holds nothing but white space.
    package var nonBlank: String? {
        guard let value = self, value.unicodeScalars.contains(where: { !$0.properties.isWhitespace }) else { return nil }
        return value
    }

    /// Without white space at either end, or nil when nothing is left: for
    /// addresses and links.
    package var trimmedNonBlank: String? {
        self.map { $0.trimmingWhitespace() }.nonBlank
    }
}
