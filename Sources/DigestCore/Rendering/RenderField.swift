/// How the render input tidies the strings it is given. Settings and fields
/// use nil for "not set", and an empty or blank string must not count as set,
/// or a template would show an empty "Email:" line.
enum RenderField {
    /// The value, or nil when it is nil or holds nothing but whitespace.
    static func optional(_ value: String?) -> String? {
        guard let value, value.contains(where: { !$0.isWhitespace }) else { return nil }
        return value
    }

    /// Without leading and trailing whitespace, and without going through
    /// NSString as `trimmingCharacters(in:)` does.
    static func trimmed(_ value: String) -> String {
        guard let first = value.firstIndex(where: { !$0.isWhitespace }),
              let last = value.lastIndex(where: { !$0.isWhitespace }) else { return "" }
        return String(value[first...last])
    }

    /// Trimmed, or nil when nothing is left: for addresses and links.
    static func trimmedOptional(_ value: String?) -> String? {
        optional(value.map(trimmed))
    }
}
