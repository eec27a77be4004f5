import DigestModel
/// One piece of a parsed template. Standalone tag lines are already removed
/// and text is already joined, so rendering only appends.
indirect enum TemplateNode: Sendable {
    case text(String)
    case variable(TemplateName, line: Int, escaped: Bool)
    case section(TemplateName, line: Int, inverted: Bool, children: [TemplateNode])
    case partial(String, line: Int, indentation: String)
}

extension TemplateNode {
    /// The line of a tag; text carries none.
    var line: Int? {
        switch self {
        case .text: nil
        case .variable(_, let line, _), .section(_, let line, _, _), .partial(_, let line, _): line
        }
    }
}
