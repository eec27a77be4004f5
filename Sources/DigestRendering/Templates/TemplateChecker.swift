import DigestModel
/// Checks a template against the shape of the data before any issue is
/// rendered, visiting every branch: a misspelt name inside a section that
/// today's issue happens to skip is still reported, with its line.
struct TemplateChecker {
    /// Every tag of every partial at every place it is included: partials
    /// that each include the next twice would otherwise double the work at
    /// every level.
    static let maximumSteps = 100_000

    let library: TemplateLibrary
    private var context: TemplateContext
    private var partialsInUse: [String] = []
    private var steps = 0

    /// `schema` must have every optional field set and one element in every
    /// list, so that every name a template may use can be found.
    init(library: TemplateLibrary, schema: TemplateValue) {
        self.library = library
        self.context = TemplateContext(root: schema)
    }

    mutating func check(_ template: Template) throws(TemplateError) {
        try check(template.nodes, file: template.file)
    }

    private mutating func check(_ nodes: [TemplateNode], file: String) throws(TemplateError) {
        for node in nodes {
            steps += 1
            if steps > Self.maximumSteps {
                throw .checkTooLong(file: file, line: node.line ?? 1, limit: Self.maximumSteps)
            }
            switch node {
            case .text:
                break
            case let .variable(name, line, _):
                switch try context.resolve(name, file: file, line: line) {
                case .list, .object: throw .notText(file: file, line: line, name: name.written)
                case .null, .bool, .text: break
                }
            case let .section(name, line, inverted, children):
                let value = try context.resolve(name, file: file, line: line)
                var inner: TemplateValue?
                if !inverted {
                    switch value {
                    case .list(let elements): inner = elements.first
                    case .object, .text: inner = value
                    case .bool, .null: inner = nil
                    }
                }
                if let inner { context.push(inner) }
                try check(children, file: file)
                if inner != nil { context.pop() }
            case let .partial(name, line, _):
                guard let partial = try library.partial(named: name, indentation: "") else {
                    throw .unknownPartial(file: file, line: line, name: name)
                }
                // A partial that includes itself is checked once; rendering
                // stops it if it never ends.
                guard !partialsInUse.contains(name) else { continue }
                guard partialsInUse.count < TemplateRenderer.maximumPartialDepth else {
                    throw .partialsTooDeep(file: file, line: line, name: name)
                }
                partialsInUse.append(name)
                try check(partial.nodes, file: partial.file)
                partialsInUse.removeLast()
            }
        }
    }
}
