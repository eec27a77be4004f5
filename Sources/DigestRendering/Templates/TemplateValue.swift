import DigestModel
/// What a template sees.
///
/// A field that is not set is `.null`, never missing: a name a template uses
/// must exist whatever the data, so a misspelt name is an error on every
/// issue instead of an empty line on some.
package enum TemplateValue: Sendable {
    case null
    case bool(Bool)
    case text(String)
    case list([TemplateValue])
    case object(TemplateObject)

    package static func text(_ value: String?) -> TemplateValue {
        guard let value else { return .null }
        return .text(value)
    }

    package static func number(_ value: Int?) -> TemplateValue {
        guard let value else { return .null }
        return .text(String(value))
    }

    /// False, null, empty text and empty lists skip a section and show an
    /// inverted one; an unset optional field behaves like an empty one.
    package var isTruthy: Bool {
        switch self {
        case .null: false
        case .bool(let value): value
        case .text(let value): !value.isEmpty
        case .list(let values): !values.isEmpty
        case .object: true
        }
    }
}
