import DigestModel
/// A template parsed once into nodes, ready to render any number of times.
package struct Template: Sendable {
    /// The file as errors name it.
    package let file: String
    let nodes: [TemplateNode]

    package init(source: String, file: String) throws(TemplateError) {
        self.file = file
        self.nodes = try TemplateParser(source: source, file: file).parse()
    }
}
