import DigestStorage
import DigestModel
import DigestRendering
/// One reason a page cannot be imported: where, what is wrong and what to do.
package struct PageProblem: Equatable, Sendable, CustomStringConvertible {
    /// 1-based; nil when the problem is the page as a whole (no item at all).
    package let line: Int?
    package let reason: String
    package let fix: String

    package init(line: Int?, reason: String, fix: String) {
        self.line = line
        self.reason = reason
        self.fix = fix
    }

    /// `line 12: the item 'Tide Tables' has no excerpt after its date: write …`
    package var description: String {
        let sentence = "\(reason): \(fix)."
        guard let line else { return sentence }
        return "line \(line): \(sentence)"
    }
}
