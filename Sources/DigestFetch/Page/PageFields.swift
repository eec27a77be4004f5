/// The item fields read from a page, each with where it was found
/// (`json-ld`, `og:title`, `<title>`, …), so a dry run can say why.
package struct PageFields: Equatable, Sendable {
    package var title: String?
    package var source: String?
    package var author: String?
    /// `YYYY-MM-DD`, or the date as the page wrote it when it is not one digest can read.
    package var date: String?
    package var excerpt: String?
    /// The canonical address, resolved against the page's own address.
    package var canonical: String?
    package var foundIn: [String: String] = [:]

    package init() {}

    /// Sets `field` unless an earlier (preferred) place already gave it.
    mutating func offer(_ field: WritableKeyPath<PageFields, String?>, _ name: String, _ value: String?, from place: String) {
        guard self[keyPath: field] == nil, let value, !value.isEmpty else { return }
        self[keyPath: field] = value
        foundIn[name] = place
    }
}
