#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The login name of the process's user, for when the environment names nobody
/// (containers and cron jobs often run without `$USER`).
enum SystemUser {
    static var name: String? {
        guard let entry = getpwuid(getuid()), let name = entry.pointee.pw_name else { return nil }
        return String(cString: name)
    }
}
