extension String {
    /// Trims what `trimmingCharacters(in:)` would, without going through NSString.
    var trimmingSpaces: String {
        guard let first = firstIndex(where: { !$0.isWhitespace }),
              let last = lastIndex(where: { !$0.isWhitespace }) else { return "" }
        return String(self[first...last])
    }

    var nonBlank: String? { Optional(self).nonBlank }
}
