/// The limits every page and feed request keeps to.
package struct FetchLimits: Sendable {
    /// Seconds for one document, redirects included.
    package var timeout: Double = 10
    /// Redirects followed; each new address is checked again.
    package var maxRedirects = 5
    /// Bytes of (decompressed) body read before giving up.
    package var maxBytes = 5 * 1024 * 1024
    /// Loopback, private and link-local addresses are refused unless this is on
    /// (`config fetch.allow-private on`).
    package var allowPrivate = false

    package init(timeout: Double = 10, maxRedirects: Int = 5, maxBytes: Int = 5 * 1024 * 1024, allowPrivate: Bool = false) {
        self.timeout = timeout
        self.maxRedirects = maxRedirects
        self.maxBytes = maxBytes
        self.allowPrivate = allowPrivate
    }
}
