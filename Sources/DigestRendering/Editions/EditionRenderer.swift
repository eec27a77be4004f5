import Foundation
import DigestModel

/// Renders the four formats of an edition, with one renderer for as many
/// issues as an import needs.
package final class EditionRenderer {
    package let renderer: FormatRenderer
    package let templates: TemplateSet
    package let publication: PublicationInfo
    /// Warnings from rendering, gathered once each.
    package private(set) var warnings: [String] = []

    package init(templates: TemplateSet, publication: PublicationInfo) {
        self.renderer = FormatRenderer(templates: templates)
        self.templates = templates
        self.publication = publication
        for warning in templates.warnings where !warnings.contains(warning) { warnings.append(warning) }
    }

    /// The renders of `issue` as edition `edition`, sent at `at`, with a new
    /// Message-ID; the email whole or in its stored `form`.
    package func make(_ issue: Issue, edition: Int, at: Timestamp,
                      email form: RenderedEdition.EmailForm = .whole) throws -> (renders: RenderedEdition, messageID: String) {
        var published = issue
        published.edition = edition
        published.status = .published
        let envelope = EmailEnvelope.fresh(issue: issue.number, edition: edition, publication: publication,
                                           date: Date(timeIntervalSince1970: Double(at.secondsSinceEpoch)))
        do {
            let renders = try renderer.renderEdition(published.renderInput(publication: publication), envelope: envelope,
                                                     email: form)
            let problems = EditionRules.renderProblems(renders)
            if !problems.isEmpty { throw DigestError.invalid(problems) }
            note(renders.warnings)
            return (renders, envelope.messageID)
        } catch let error as TemplateError {
            throw DigestError(error)
        }
    }

    /// Keeps each warning once.
    package func note(_ found: [String]) {
        for warning in found where !warnings.contains(warning) { warnings.append(warning) }
    }
}

extension DigestError {
    /// A template problem: a missing folder is "not found", anything else bad input.
    package init(_ error: TemplateError) {
        if case .directoryNotFound = error {
            self = .notFound(error.description)
        } else {
            self = .malformed(error.description)
        }
    }
}
