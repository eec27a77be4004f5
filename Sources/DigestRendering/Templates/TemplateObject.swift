import DigestModel
/// A group of named values, such as an item or the publication.
///
/// A class, so that putting one on the context stack or reading it from a
/// list copies one reference rather than its arrays. Lookups compare
/// precomputed hashes of the names, and the names themselves only on a
/// match: an item has seventeen names, and a template looks up a dozen of
/// them for each of forty items.
package final class TemplateObject: Sendable {
    package let keys: TemplateKeys
    private let values: [TemplateValue]

    package convenience init(_ fields: [(name: String, value: TemplateValue)]) {
        self.init(keys: TemplateKeys(fields.map(\.name)), values: fields.map(\.value))
    }

    /// For objects built many times with the same names: the keys are shared.
    package init(keys: TemplateKeys, values: [TemplateValue]) {
        precondition(keys.names.count == values.count, "a template object needs one value per name")
        self.keys = keys
        self.values = values
    }

    package var names: [String] { keys.names }

    package subscript(name: String) -> TemplateValue? {
        self[name, TemplateKeys.hash(name)]
    }

    subscript(name: String, hash: UInt64) -> TemplateValue? {
        guard let index = keys.index(of: name, hash: hash) else { return nil }
        return values[index]
    }
}
