/// One piece of an HTML document, as `HTMLTokenizer` reads it.
package enum HTMLToken: Equatable, Sendable {
    /// A start tag: the name in lower case, the attributes (names in lower
    /// case, values with character references decoded) in document order.
    case start(String, [String: String])
    case end(String)
    /// Text as written (character references not yet decoded); the whole
    /// content of `script`, `style`, `title` and `textarea` comes as one text token.
    case text(String)
}
