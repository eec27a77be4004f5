import DigestModel
/// The four renders of an issue. The raw values are the spellings of
/// `render --format` and of the stored edition columns.
package enum RenderFormat: String, CaseIterable, Sendable {
    case markdown
    case html
    case text
    case email
}
