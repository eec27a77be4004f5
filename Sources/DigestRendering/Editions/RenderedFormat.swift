import DigestModel
/// One render and what the user should hear about it.
package struct RenderedFormat: Sendable, Equatable {
    package var output: String
    /// Whole sentences, without the `digest: warning:` prefix.
    package var warnings: [String]

    package init(output: String, warnings: [String] = []) {
        self.output = output
        self.warnings = warnings
    }
}
