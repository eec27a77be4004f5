import DigestModel
/// The text of one template file and the name errors give it.
package struct TemplateSource: Sendable, Equatable {
    package let text: String
    /// `templates/html.tmpl` for a built-in template, the path for an override.
    package let file: String

    package init(text: String, file: String) {
        self.text = text
        self.file = file
    }
}
