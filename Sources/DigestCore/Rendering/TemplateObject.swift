/// A group of named values, such as an item or the publication.
///
/// Lookups scan a short array of names: objects hold a dozen or so short
/// names, which compare faster than they hash, and keeping the values apart
/// means a miss touches no value at all.
package struct TemplateObject: Sendable {
    package let names: [String]
    private let values: [TemplateValue]

    package init(_ fields: [(name: String, value: TemplateValue)]) {
        names = fields.map(\.name)
        values = fields.map(\.value)
    }

    /// For objects built many times with the same names: the names array is
    /// shared, not rebuilt.
    package init(names: [String], values: [TemplateValue]) {
        precondition(names.count == values.count, "a template object needs one value per name")
        self.names = names
        self.values = values
    }

    package subscript(name: String) -> TemplateValue? {
        let index: Int? = names.withUnsafeBufferPointer { names in
            for index in names.indices where names[index] == name { return index }
            return nil
        }
        return index.map { values[$0] }
    }
}
