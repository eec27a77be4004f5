import DigestModel
extension String {
    /// A heading's anchor as GitHub, GitLab and most Markdown sites make it
    /// from the heading's text: lower case, letters, digits, `-` and `_`
    /// kept, spaces made hyphens, everything else dropped. The HTML render
    /// gives its section headings the same ids, so a jump link works in both.
    var headingAnchor: String {
        var anchor = ""
        for character in lowercased() {
            if character == " " {
                anchor.append("-")
            } else if character.isLetter || character.isNumber || character == "-" || character == "_" {
                anchor.append(character)
            }
        }
        return anchor
    }
}
