import DigestModel
/// Walks a parsed template over a context, appending everything to one
/// buffer of UTF-8 bytes that becomes a String once, at the end.
struct TemplateRenderer {
    /// Deep enough for any real nesting, shallow enough to stop a partial that
    /// includes itself before the stack overflows.
    static let maximumPartialDepth = 32

    let escaping: TemplateEscaping
    let library: TemplateLibrary
    let budget: RenderBudget
    var context: TemplateContext
    private var partialDepth = 0
    private var steps = 0
    /// The line of the innermost section (or partial) being rendered, which
    /// is where a render that runs out of budget is reported.
    private var line = 1

    init(escaping: TemplateEscaping, library: TemplateLibrary, root: TemplateValue,
         budget: RenderBudget = RenderBudget(itemCount: 0)) {
        self.escaping = escaping
        self.library = library
        self.budget = budget
        self.context = TemplateContext(root: root)
    }

    mutating func render(_ template: Template, into output: inout [UInt8]) throws(TemplateError) {
        try render(template.nodes, file: template.file, into: &output)
    }

    /// Reads the nodes in place rather than copying each one out of the
    /// array, which would retain and release everything it holds.
    private mutating func render(_ nodes: [TemplateNode], file: String, into output: inout [UInt8]) throws(TemplateError) {
        try nodes.withUnsafeBufferPointer { (nodes) throws(TemplateError) in
            for index in nodes.indices {
                try render(nodes[index], file: file, into: &output)
            }
        }
    }

    private mutating func render(_ node: borrowing TemplateNode, file: String, into output: inout [UInt8]) throws(TemplateError) {
        try spendStep(file: file)
        switch node {
        case .text(let text):
            output.appendBytes(of: text)
            try checkSize(of: output, file: file, line: line)
        case let .variable(name, line, escaped):
            switch try context.resolve(name, file: file, line: line) {
            case .null:
                break
            case .text(let text):
                if escaped { escaping.append(text, to: &output) } else { output.appendBytes(of: text) }
                try checkSize(of: output, file: file, line: line)
            case .bool(let value):
                output.appendBytes(of: value ? "true" : "false")
            case .list, .object:
                throw .notText(file: file, line: line, name: name.written)
            }
        case let .section(name, line, inverted, children):
            let value = try context.resolve(name, file: file, line: line)
            let outerLine = self.line
            self.line = line
            defer { self.line = outerLine }
            if inverted {
                if !value.isTruthy { try render(children, file: file, into: &output) }
                return
            }
            switch value {
            case .list(let elements):
                try elements.withUnsafeBufferPointer { (elements) throws(TemplateError) in
                    for index in elements.indices {
                        try spendStep(file: file)
                        context.push(elements[index])
                        try render(children, file: file, into: &output)
                        context.pop()
                    }
                }
            case .object, .text:
                guard value.isTruthy else { return }
                context.push(value)
                try render(children, file: file, into: &output)
                context.pop()
            case .bool(true):
                try render(children, file: file, into: &output)
            case .bool(false), .null:
                break
            }
        case let .partial(name, line, indentation):
            guard partialDepth < Self.maximumPartialDepth else {
                throw .partialsTooDeep(file: file, line: line, name: name)
            }
            guard let partial = try library.partial(named: name, indentation: indentation) else {
                throw .unknownPartial(file: file, line: line, name: name)
            }
            partialDepth += 1
            let outerLine = self.line
            self.line = 1
            try render(partial.nodes, file: partial.file, into: &output)
            self.line = outerLine
            partialDepth -= 1
        }
    }

    private mutating func spendStep(file: String) throws(TemplateError) {
        steps += 1
        guard steps <= budget.maximumSteps else { throw .renderTooLong(file: file, line: line, budget: budget) }
    }

    private func checkSize(of output: [UInt8], file: String, line: Int) throws(TemplateError) {
        guard output.count <= budget.maximumBytes else { throw .renderTooLarge(file: file, line: line, budget: budget) }
    }
}
