/// Why a page or feed could not be read, in words for the person who asked.
package struct FetchFailure: Error, Sendable, Equatable {
    package let reason: String
    /// The HTTP status, when the server answered.
    package var status: Int?

    package init(_ reason: String, status: Int? = nil) {
        self.reason = reason
        self.status = status
    }
}
