/// What a person on the roster may do (`config people.NAME ROLE[,ROLE…]`).
package enum Role: String, CaseIterable, Comparable, Sendable {
    /// Drafts issues, adds and edits items, submits, publishes, imports, changes settings.
    case editor
    /// Decides on items and approves the issue's own text.
    case reviewer
    /// The list manager: publishes, reopens, and sets `list.*` and `publication.*`.
    case publisher
    /// Proposes candidate items, nothing else.
    case contributor

    package static func < (lhs: Role, rhs: Role) -> Bool {
        allCases.firstIndex(of: lhs) ?? 0 < allCases.firstIndex(of: rhs) ?? 0
    }

    /// The roles a roster value names: `editor,reviewer`, `both` (editor and
    /// reviewer, as before roles were combined), … Nil when any part is not a role.
    package static func parse(_ text: String) -> Set<Role>? {
        var roles: Set<Role> = []
        for part in text.lowercased().split(separator: ",", omittingEmptySubsequences: false) {
            let name = String(part).trimmingWhitespace()
            if name == "both" {
                roles.formUnion([.editor, .reviewer])
            } else if let role = Role(rawValue: name) {
                roles.insert(role)
            } else {
                return nil
            }
        }
        return roles.isEmpty ? nil : roles
    }

    /// How a set of roles is stored and shown: `editor,reviewer`.
    package static func describe(_ roles: Set<Role>) -> String {
        roles.sorted().map(\.rawValue).joined(separator: ",")
    }
}
