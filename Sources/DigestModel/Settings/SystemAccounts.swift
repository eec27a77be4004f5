#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The host's accounts, as `identity account` sees them.
package enum SystemAccounts {
    package static func exists(_ name: String) -> Bool {
        getpwnam(name) != nil
    }
}
