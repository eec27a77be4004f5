import Foundation

extension URL {
    /// Only http and https addresses with a host are requested, whether typed
    /// by an editor or given by a server in a `Location` header.
    package var isCheckable: Bool {
        guard let scheme = scheme?.lowercased(), scheme == "http" || scheme == "https" else { return false }
        guard let host = host(percentEncoded: false), !host.isEmpty else { return false }
        return true
    }
}
