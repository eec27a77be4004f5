import DigestStorage
import DigestModel
import DigestRendering
/// What a change produced, and the issue version it left: the caller reports
/// the version it made, not one read afterwards, which another writer may
/// already have moved on.
package struct Changed<Value> {
    package let value: Value
    package let version: Int
    /// False when there was nothing to change (no revision recorded).
    package let changed: Bool
}

extension Changed: Sendable where Value: Sendable {}
