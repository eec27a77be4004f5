import Foundation
import DigestModel

/// Renders issues with one set of templates.
///
/// Keep one renderer for many issues (an archive import renders hundreds):
/// each template is parsed and checked the first time a format needs it, and
/// never again.
package final class FormatRenderer {
    package let templates: TemplateSet
    private let library: TemplateLibrary
    private var checked: Set<String> = []

    package init(templates: TemplateSet = .builtIn) {
        self.templates = templates
        self.library = TemplateLibrary(templates: templates)
    }

    /// One format. The email needs an envelope for its Date and Message-ID;
    /// without one it is sent now with a new Message-ID.
    package func render(
        _ input: EditionContent, format: RenderFormat, envelope: EmailEnvelope? = nil
    ) throws(TemplateError) -> RenderedFormat {
        var warnings: [String] = []
        let context = input.templateValue(warnings: &warnings)
        let output: String
        switch format {
        case .markdown:
            output = input.publication.frontMatter.block(for: input)
                + (try render(.markdown, context: context, itemCount: input.items.count))
        case .html, .text:
            output = try render(format, context: context, itemCount: input.items.count)
        case .email:
            let text = try render(.text, context: context, itemCount: input.items.count)
            let html = try render(.html, context: context, itemCount: input.items.count)
            let envelope = envelope ?? .fresh(
                issue: input.issue.number, edition: input.issue.edition, publication: input.publication)
            output = EmailComposer.compose(text: text, html: html, input: input, envelope: envelope, warnings: &warnings)
                .message
        }
        return RenderedFormat(output: output, warnings: warnings)
    }

    /// All four formats at once, as publishing stores them; the email is made
    /// from the very text and HTML stored beside it, whole or in its stored form.
    package func renderEdition(_ input: EditionContent, envelope: EmailEnvelope,
                               email form: RenderedEdition.EmailForm = .whole) throws(TemplateError) -> RenderedEdition {
        var warnings: [String] = []
        let context = input.templateValue(warnings: &warnings)
        let markdown = input.publication.frontMatter.block(for: input)
            + (try render(.markdown, context: context, itemCount: input.items.count))
        let html = try render(.html, context: context, itemCount: input.items.count)
        let text = try render(.text, context: context, itemCount: input.items.count)
        switch form {
        case .whole:
            let email = EmailComposer.compose(text: text, html: html, input: input, envelope: envelope, warnings: &warnings)
            return RenderedEdition(markdown: markdown, html: html, text: text, email: email.message, warnings: warnings,
                                  emailParts: email.encodedParts)
        case .stored:
            let email = EmailComposer.skeleton(input: input, envelope: envelope, warnings: &warnings)
            return RenderedEdition(markdown: markdown, html: html, text: text, email: email.message, warnings: warnings,
                                  emailLayout: StoredEmail.layout(textAt: email.partOffsets[0], htmlAt: email.partOffsets[1]))
        }
    }

    /// Parses and checks every template a format uses without rendering, so
    /// a broken override is reported before anything is published.
    package func check(_ format: RenderFormat) throws(TemplateError) {
        let parts: [RenderFormat] = format == .email ? [.text, .html] : [format]
        for part in parts {
            _ = try checkedTemplate(for: part)
        }
    }

    private func render(_ format: RenderFormat, context: TemplateValue, itemCount: Int) throws(TemplateError) -> String {
        let template = try checkedTemplate(for: format)
        var output: [UInt8] = []
        output.reserveCapacity(2048 + itemCount * 1024)
        var renderer = TemplateRenderer(escaping: TemplateEscaping(format: format), library: library, root: context,
                                        budget: RenderBudget(itemCount: itemCount))
        try renderer.render(template, into: &output)
        if format == .text {
            return output.withUnsafeBufferPointer { TextWrapper.wrap($0) }
        }
        if format == .html, let finding = HTMLSafety.firstFinding(in: output) {
            throw unsafe(finding, template: template)
        }
        let rendered = String(decoding: output, as: UTF8.self)
        // The rules publishing holds every edition to, here too: what previews fine publishes.
        if format == .markdown, let problem = EditionRules.markdownProblems(rendered).first {
            let file = TemplateSet.fileName(for: .markdown) ?? "markdown.tmpl"
            throw .unsafeMarkdown(file: templates.source(named: file)?.file ?? file, problem: problem)
        }
        return rendered
    }

    /// Names the template file (and line) that writes the refused construct
    /// literally, else the format's template: then a tag's value produced it.
    private func unsafe(_ finding: HTMLSafety.Finding, template: Template) -> TemplateError {
        let needle = HTMLSafety.searchForm(finding.searchKey)
        let mainFile = TemplateSet.fileName(for: .html) ?? "html.tmpl"
        let candidates = ([mainFile] + templates.fileNames.filter { $0.hasPrefix("_") }).compactMap(templates.source(named:))
        func firstLine(where matches: (String) -> Bool) -> (TemplateSource, Int)? {
            for source in candidates {
                for (number, line) in source.text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
                where matches(String(line).lowercased()) {
                    return (source, number + 1)
                }
            }
            return nil
        }
        if !needle.isEmpty, let (source, line) = firstLine(where: { HTMLSafety.searchForm($0).contains(needle) }) {
            return .unsafeHTML(file: source.file, line: line, fromValue: false, outputLine: finding.line,
                               construct: finding.construct, reason: finding.reason)
        }
        // Not written in any template: an unescaped tag printed it.
        let tag = firstLine { $0.contains("{{{") || $0.contains("{{&") }
        return .unsafeHTML(file: tag?.0.file ?? templates.source(named: mainFile)?.file ?? mainFile, line: tag?.1,
                           fromValue: true, outputLine: finding.line, construct: finding.construct, reason: finding.reason)
    }

    /// The template of a format with one (markdown, html, text), parsed and
    /// checked.
    private func checkedTemplate(for format: RenderFormat) throws(TemplateError) -> Template {
        let fileName = TemplateSet.fileName(for: format) ?? "\(format.rawValue).tmpl"
        guard let template = try library.template(fileName: fileName) else {
            throw .unreadableFile(path: "templates/\(fileName)")
        }
        if !checked.contains(fileName) {
            var checker = TemplateChecker(library: library, schema: EditionContent.schema)
            try checker.check(template)
            checked.insert(fileName)
        }
        return template
    }
}
