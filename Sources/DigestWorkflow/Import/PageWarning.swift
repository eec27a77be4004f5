import DigestStorage
import DigestModel
import DigestRendering
/// Something the parser read with a guess or left out, reported with its line
/// so the user can check the page; the import still goes ahead.
package struct PageWarning: Equatable, Sendable, CustomStringConvertible {
    /// 1-based.
    package let line: Int
    /// A sentence without the final full stop, e.g. "read the month 'Febrauary' as February".
    package let message: String

    package init(line: Int, message: String) {
        self.line = line
        self.message = message
    }

    /// `line 42: read the month 'Febrauary' as February.`
    package var description: String { "line \(line): \(message)." }
}
