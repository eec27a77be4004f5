extension Optional where Wrapped == String {
    /// Settings and fields use nil for "not set"; an empty string must not
    /// count as set, or a template would show an empty "Email:" line.
    var nonBlank: String? {
        guard let value = self, value.contains(where: { !$0.isWhitespace }) else { return nil }
        return value
    }
}
