import DigestModel
import DigestRendering
import DigestWorkflow

/// A database on another machine: `ssh://[user@]host[:port]/absolute/path`.
struct RemoteLocation: Equatable {
    let user: String?
    let host: String
    let port: Int?
    /// The database's path on the host.
    let path: String

    static let scheme = "ssh://"

    /// Nil when `text` is not an `ssh://` address; an error naming the value
    /// and the expected form when it is one but malformed.
    init?(parsing text: String) throws {
        guard text.hasPrefix(Self.scheme) else { return nil }
        func malformed(_ reason: String) -> DigestError {
            .usage("the database address '\(text)' \(reason); write it as ssh://[user@]host[:port]/absolute/path, "
                + "e.g. ssh://digest@harbour.example/srv/harbour.sqlite.", command: nil)
        }
        let rest = text.dropFirst(Self.scheme.count)
        guard let slash = rest.firstIndex(of: "/") else { throw malformed("has no path after the host") }
        var authority = Substring(rest[..<slash])
        let path = String(rest[slash...])
        guard path.count > 1, !path.hasSuffix("/") else { throw malformed("has no file name after the host") }
        guard !path.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) else {
            throw malformed("has a control character in its path")
        }
        var user: String?
        if let at = authority.lastIndex(of: "@") {
            let name = String(authority[..<at])
            guard !name.isEmpty, !name.hasPrefix("-"), name.utf8.allSatisfy(Self.isNameByte) else {
                throw malformed("has an unusable user name '\(name)'")
            }
            user = name
            authority = authority[authority.index(after: at)...]
        }
        var host: String
        var portText: Substring?
        if authority.hasPrefix("[") {
            guard let close = authority.firstIndex(of: "]") else { throw malformed("has an unclosed [ in its host") }
            host = String(authority[authority.index(after: authority.startIndex)..<close])
            let after = authority[authority.index(after: close)...]
            if !after.isEmpty {
                guard after.hasPrefix(":") else { throw malformed("has something after ] that is not :port") }
                portText = after.dropFirst()
            }
            guard !host.isEmpty, host.utf8.allSatisfy({ Self.isHexByte($0) || $0 == UInt8(ascii: ":") || $0 == UInt8(ascii: ".") }) else {
                throw malformed("has an unusable IPv6 address '\(host)'")
            }
        } else {
            if let colon = authority.firstIndex(of: ":") {
                portText = authority[authority.index(after: colon)...]
                authority = authority[..<colon]
            }
            host = String(authority)
            guard !host.isEmpty, !host.hasPrefix("-"), host.utf8.allSatisfy(Self.isNameByte) else {
                throw malformed(host.isEmpty ? "has no host" : "has an unusable host name '\(host)'")
            }
        }
        var port: Int?
        if let portText {
            guard let number = Int(portText), (1...65535).contains(number), portText.allSatisfy(\.isASCII) else {
                throw malformed("has the port '\(portText)', which is not a number from 1 to 65535")
            }
            port = number
        }
        self.user = user
        self.host = host
        self.port = port
        self.path = path
    }

    /// `user@host` as ssh takes it.
    var destination: String { (user.map { $0 + "@" } ?? "") + host }

    /// How messages name the host: `digest@harbour.example:2222`.
    var display: String { destination + (port.map { ":\($0)" } ?? "") }

    /// Letters, digits, `.`, `-` and `_`: host and user names that no shell
    /// or ssh option parser reads as anything else.
    private static func isNameByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
             UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "."), UInt8(ascii: "-"), UInt8(ascii: "_"):
            return true
        default:
            return false
        }
    }

    private static func isHexByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "f"), UInt8(ascii: "A")...UInt8(ascii: "F"),
             UInt8(ascii: "0")...UInt8(ascii: "9"):
            return true
        default:
            return false
        }
    }
}
