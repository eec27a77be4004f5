/// The publication as the settings describe it. Everything but the name may be
/// unset, and the templates show only what is there.
package struct PublicationInfo: Sendable, Equatable {
    package static let fallbackName = "Digest"

    package var name: String
    package var about: String?
    package var email: String?
    package var website: String?
    package var listAddress: String?
    package var listUnsubscribe: String?

    /// An empty or blank name would leave headings and the From line empty,
    /// so it falls back to "Digest".
    package init(
        name: String? = nil,
        about: String? = nil,
        email: String? = nil,
        website: String? = nil,
        listAddress: String? = nil,
        listUnsubscribe: String? = nil
    ) {
        self.name = RenderField.trimmedOptional(name) ?? Self.fallbackName
        self.about = RenderField.optional(about)
        self.email = RenderField.trimmedOptional(email)
        self.website = RenderField.trimmedOptional(website)
        self.listAddress = RenderField.trimmedOptional(listAddress)
        self.listUnsubscribe = RenderField.trimmedOptional(listUnsubscribe)
    }
}
