#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The system account running digest, from the effective uid (never from
/// `$USER`, which anyone can set).
enum SystemUser {
    static var name: String? {
        guard let entry = getpwuid(geteuid()), let name = entry.pointee.pw_name else { return nil }
        return String(cString: name)
    }

    static var uid: UInt32 { UInt32(geteuid()) }
}
