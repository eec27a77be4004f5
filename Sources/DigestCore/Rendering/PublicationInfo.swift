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
        let trimmed = name?.trimmingSpaces ?? ""
        self.name = trimmed.isEmpty ? Self.fallbackName : trimmed
        self.about = about.nonBlank
        self.email = email?.trimmingSpaces.nonBlank
        self.website = website?.trimmingSpaces.nonBlank
        self.listAddress = listAddress?.trimmingSpaces.nonBlank
        self.listUnsubscribe = listUnsubscribe?.trimmingSpaces.nonBlank
    }
}
