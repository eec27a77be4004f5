import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Which hosts may be fetched. On a shared host one person's link is fetched
/// with the host's network position, so loopback, private, link-local and
/// other non-public addresses are refused unless the team allows them.
package enum AddressPolicy {
    /// Why `host`, when it is an address written out (`127.0.0.1`, `[::1]`),
    /// may not be fetched; nil for a public address or a name, which is
    /// left to the proxy's check at connect time. No lookup.
    package static func literalRefusal(for host: String) -> String? {
        let bare = host.hasPrefix("[") && host.hasSuffix("]") ? String(host.dropFirst().dropLast()) : host
        guard let kind = nonPublicKind(bare) else { return nil }
        return "\(host) is \(kind); such addresses are refused unless an editor allows them with "
            + "'digest config fetch.allow-private on'"
    }

    /// What kind of non-public address this is, or nil for a public one.
    package static func nonPublicKind(_ address: String) -> String? {
        var v4 = in_addr()
        if inet_pton(AF_INET, address, &v4) == 1 {
            return kind(ipv4: UInt32(bigEndian: v4.s_addr))
        }
        var v6 = in6_addr()
        guard inet_pton(AF_INET6, address, &v6) == 1 else { return nil }
        let bytes = withUnsafeBytes(of: v6) { Array($0) }
        if bytes[0..<10].allSatisfy({ $0 == 0 }), bytes[10] == 0xFF, bytes[11] == 0xFF {
            let mapped = bytes[12...].reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
            return kind(ipv4: mapped)
        }
        if bytes[0..<15].allSatisfy({ $0 == 0 }) {
            return bytes[15] == 1 ? "a loopback address" : "an unspecified address"
        }
        if bytes[0] == 0xFE, bytes[1] & 0xC0 == 0x80 { return "a link-local address" }
        if bytes[0] & 0xFE == 0xFC { return "a private address" }
        if bytes[0] == 0xFF { return "a multicast address" }
        return nil
    }

    private static func kind(ipv4 address: UInt32) -> String? {
        func within(_ network: UInt32, _ bits: UInt32) -> Bool {
            address >> (32 - bits) == network >> (32 - bits)
        }
        if within(0x7F00_0000, 8) { return "a loopback address" }
        if within(0x0A00_0000, 8) || within(0xAC10_0000, 12) || within(0xC0A8_0000, 16) { return "a private address" }
        if within(0xA9FE_0000, 16) { return "a link-local address" }
        if within(0x6440_0000, 10) { return "a shared (carrier-grade NAT) address" }
        if within(0x0000_0000, 8) { return "an unspecified address" }
        if within(0xE000_0000, 4) { return "a multicast address" }
        if within(0xF000_0000, 4) { return "a reserved address" }
        return nil
    }

    /// Every address `host` resolves to, in the resolver's order.
    package static func lookUp(_ host: String) -> [String] {
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        #if canImport(Glibc)
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        #else
        hints.ai_socktype = SOCK_STREAM
        #endif
        var first: UnsafeMutablePointer<addrinfo>?
        guard getaddrinfo(host, nil, &hints, &first) == 0 else { return [] }
        defer { freeaddrinfo(first) }
        var addresses: [String] = []
        var next = first
        while let entry = next {
            var buffer = [CChar](repeating: 0, count: Int(INET6_ADDRSTRLEN))
            if let socketAddress = entry.pointee.ai_addr {
                switch entry.pointee.ai_family {
                case AF_INET:
                    socketAddress.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { pointer in
                        var address = pointer.pointee.sin_addr
                        _ = inet_ntop(AF_INET, &address, &buffer, socklen_t(buffer.count))
                    }
                case AF_INET6:
                    socketAddress.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) { pointer in
                        var address = pointer.pointee.sin6_addr
                        _ = inet_ntop(AF_INET6, &address, &buffer, socklen_t(buffer.count))
                    }
                default:
                    break
                }
            }
            let text = String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            if !text.isEmpty, !addresses.contains(text) { addresses.append(text) }
            next = entry.pointee.ai_next
        }
        return addresses
    }
}
