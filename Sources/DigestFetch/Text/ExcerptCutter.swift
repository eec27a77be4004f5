/// Shortens text to at most `limit` characters, at a word boundary, with an
/// ellipsis to show that it goes on.
package enum ExcerptCutter {
    package static func cut(_ text: String, limit: Int) -> String {
        guard text.count > limit else { return text }
        guard limit > 1 else { return String(text.prefix(max(limit, 0))) }
        let room = text.prefix(limit - 1)
        var end = room.endIndex
        // Back up to the last space, unless the first word alone is longer than the room.
        if text[room.endIndex] == " " {
            end = room.endIndex
        } else if let space = room.lastIndex(of: " "), space > room.startIndex {
            end = space
        }
        var kept = room[..<end]
        while let last = kept.last, last == " " || ",;:-–—".contains(last) { kept.removeLast() }
        return kept + "…"
    }
}
