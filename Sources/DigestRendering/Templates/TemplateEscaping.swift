import DigestModel
/// How `{{name}}` writes text: chosen by the output format, so one template
/// language serves HTML, Markdown and plain text. `{{{name}}}` skips it.
package enum TemplateEscaping: Sendable {
    case html
    case markdown
    case plain

    package init(format: RenderFormat) {
        switch format {
        case .html: self = .html
        case .markdown: self = .markdown
        case .text, .email: self = .plain
        }
    }

    package func append(_ value: String, to output: inout [UInt8]) {
        switch self {
        case .html: value.appendHTMLEscaped(to: &output)
        case .markdown: value.appendMarkdownEscaped(to: &output)
        case .plain: value.appendPlainTextEscaped(to: &output)
        }
    }
}
