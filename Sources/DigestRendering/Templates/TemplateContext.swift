import EditDistance
import DigestModel
/// The stack of values a tag's name is looked up in: the root, then each
/// enclosing section's value, innermost last.
struct TemplateContext {
    private(set) var frames: [TemplateValue]

    init(root: TemplateValue) {
        frames = [root]
    }

    mutating func push(_ value: TemplateValue) { frames.append(value) }
    mutating func pop() { frames.removeLast() }

    /// The first part of a name is looked up from the innermost section
    /// outwards, the rest inside what it found. A name found nowhere is an
    /// error rather than empty text, so a typo cannot hide.
    func resolve(_ name: TemplateName, file: String, line: Int) throws(TemplateError) -> TemplateValue {
        guard let first = name.path.first else { return frames.last ?? .null }
        let firstHash = name.hashes[0]
        var found: TemplateValue?
        frames.withUnsafeBufferPointer { frames in
            var index = frames.count - 1
            while index >= 0 {
                if case .object(let object) = frames[index], let value = object[first, firstHash] {
                    found = value
                    return
                }
                index -= 1
            }
        }
        guard var value = found else {
            throw .unknownVariable(file: file, line: line, name: name.written, suggestion: suggestion(for: first))
        }
        for (part, hash) in zip(name.path, name.hashes).dropFirst() {
            switch value {
            case .object(let object):
                guard let inner = object[part, hash] else {
                    throw .unknownVariable(
                        file: file, line: line, name: name.written,
                        suggestion: EditDistance.closest(to: part, among: object.names)
                            .map { name.path.prefix(while: { $0 != part }).joined(separator: ".") + "." + $0 })
                }
                value = inner
            case .null:
                return .null
            case .bool, .text, .list:
                throw .unknownVariable(file: file, line: line, name: name.written, suggestion: nil)
            }
        }
        return value
    }

    private func suggestion(for name: String) -> String? {
        var candidates: [String] = []
        for case .object(let object) in frames {
            candidates.append(contentsOf: object.names)
        }
        return EditDistance.closest(to: name, among: candidates)
    }
}
