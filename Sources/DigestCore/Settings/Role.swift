/// What a person on the roster may do.
package enum Role: String, CaseIterable, Sendable {
    case editor
    case reviewer
    case both

    package func allows(_ needed: Role) -> Bool {
        self == .both || self == needed
    }
}
