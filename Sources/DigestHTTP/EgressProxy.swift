import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The one way out to the web for a fetching program: a small HTTP proxy on
/// 127.0.0.1, inside the process, that every request of URLSession (libcurl)
/// is sent through (`http_proxy`, `https_proxy`).
///
/// It resolves each host once, checks every address it got against
/// `AddressPolicy`, and connects to the address it checked, as an egress
/// proxy such as smokescreen does: a name that answers a public address to a
/// check and a loopback one to the connection (DNS rebinding) can no longer
/// reach the host's own network, for http and https (CONNECT) alike, and for
/// every redirect, which is a new request. A refused connection is closed
/// without an answer, so no refusal can pass for a server's; the fetcher asks
/// `whyNot(_:)` why it failed.
///
/// A body that inflates without end is not this proxy's to stop: libcurl
/// decompresses on its own thread, whatever arrives; each page, feed and link
/// is read in a process of its own (`IsolatedChild`), which ends with it.
package final class EgressProxy: @unchecked Sendable {
    package let port: Int
    private let listener: Int32
    /// Fetchers alive that allow private addresses. A program has one
    /// fetcher, so this is its `--allow-private`; where several share the
    /// process (the tests), a strict one still refuses literal addresses
    /// itself before it asks (`DocumentFetcher`, `LinkChecker`).
    private var permissive = 0
    private let lock = NSLock()
    private var refusals: [String: String] = [:]
    /// Why the last connection to a host:port could not be made, as libcurl would have said it.
    private var failures: [String: URLError.Code] = [:]

    /// The process's proxy (libcurl finds it through the environment, which
    /// the whole process shares).
    package static func shared() throws -> EgressProxy {
        try sharedLock.withLock {
            if let existing = sharedProxy { return existing }
            let proxy = try EgressProxy()
            proxy.install()
            sharedProxy = proxy
            return proxy
        }
    }

    nonisolated(unsafe) private static var sharedProxy: EgressProxy?
    private static let sharedLock = NSLock()

    private init() throws {
        let descriptor = socket(AF_INET, streamSocket, 0)
        guard descriptor >= 0 else { throw EgressProxyFailure("cannot open a socket (\(String(cString: strerror(errno))))") }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { pointer in
                bind(descriptor, pointer, length) == 0 && listen(descriptor, 64) == 0
                    && getsockname(descriptor, pointer, &length) == 0
            }
        }
        guard bound else {
            close(descriptor)
            throw EgressProxyFailure("cannot listen on 127.0.0.1 (\(String(cString: strerror(errno))))")
        }
        listener = descriptor
        port = Int(UInt16(bigEndian: address.sin_port))
        let thread = Thread { [unowned self] in self.acceptLoop() }
        thread.name = "egress-proxy"
        thread.start()
    }

    /// Points libcurl at this proxy for every scheme, with no exceptions.
    private func install() {
        let address = "http://127.0.0.1:\(port)"
        for name in ["http_proxy", "https_proxy", "HTTPS_PROXY"] { setenv(name, address, 1) }
        for name in ["no_proxy", "NO_PROXY", "all_proxy", "ALL_PROXY", "HTTP_PROXY"] { unsetenv(name) }
    }

    /// A fetcher that allows private addresses, from now until `release`.
    package func admitPrivate() {
        lock.withLock { permissive += 1 }
    }

    package func releasePrivate() {
        lock.withLock { permissive -= 1 }
    }

    /// Why the last request to `address` got no answer, as far as this proxy
    /// knows: it refused the address (the policy's sentence), or could not
    /// connect to it (the error URLSession would have given). Nil otherwise.
    package enum Refusal: Equatable {
        case policy(String)
        case transport(URLError.Code)
    }

    package func whyNot(_ address: URL) -> Refusal? {
        guard let host = address.host else { return nil }
        let key = Self.key(host, address.port ?? (address.scheme?.lowercased() == "https" ? 443 : 80))
        return lock.withLock {
            refusals[key].map(Refusal.policy) ?? failures[key].map(Refusal.transport)
        }
    }

    private static func key(_ host: String, _ port: Int) -> String {
        let bare = host.hasPrefix("[") && host.hasSuffix("]") ? String(host.dropFirst().dropLast()) : host
        return bare.lowercased() + ":" + String(port)
    }

    private func acceptLoop() {
        while true {
            let client = accept(listener, nil, nil)
            if client < 0 {
                if errno == EINTR || errno == ECONNABORTED { continue }
                return
            }
            let thread = Thread { [unowned self] in self.serve(client) }
            thread.start()
        }
    }

    private func serve(_ client: Int32) {
        var patience = timeval(tv_sec: 30, tv_usec: 0)
        setsockopt(client, SOL_SOCKET, SO_RCVTIMEO, &patience, socklen_t(MemoryLayout<timeval>.size))
        guard let request = ProxyRequest.read(from: client) else {
            close(client)
            return
        }
        let key = Self.key(request.host, request.port)
        let addresses = AddressPolicy.lookUp(request.host)
        let allowPrivate = lock.withLock { permissive > 0 }
        if !allowPrivate {
            for address in addresses {
                if let kind = AddressPolicy.nonPublicKind(address) {
                    let reason = "\(request.host) is \(address == request.host ? "" : "at \(address), ")\(kind); such "
                        + "addresses are refused unless an editor allows them with 'digest config fetch.allow-private on'"
                    lock.withLock { refusals[key] = reason }
                    close(client)
                    return
                }
            }
        }
        let upstream: Int32
        switch Self.connect(to: addresses, port: request.port) {
        case .connected(let descriptor):
            upstream = descriptor
        case .failed(let code):
            lock.withLock { failures[key] = code }
            close(client)
            return
        }
        lock.withLock {
            refusals[key] = nil
            failures[key] = nil
        }
        let opening = request.isTunnel ? Array("HTTP/1.1 200 Connection established\r\n\r\n".utf8) : []
        let forwarded = request.isTunnel ? request.leftover : request.originHead + request.leftover
        guard Self.writeAll(client, opening), Self.writeAll(upstream, forwarded) else {
            close(client)
            close(upstream)
            return
        }
        Relay(client: client, upstream: upstream).run()
    }

    /// The first address that accepts, each tried for at most 15 seconds;
    /// else why none did, as URLSession would have said it.
    private enum Connection {
        case connected(Int32)
        case failed(URLError.Code)
    }

    private static func connect(to addresses: [String], port: Int) -> Connection {
        guard !addresses.isEmpty else { return .failed(.cannotFindHost) }
        var failure = URLError.Code.cannotConnectToHost
        for address in addresses {
            var storage = sockaddr_storage()
            var length: socklen_t = 0
            var family: Int32 = AF_INET
            withUnsafeMutableBytes(of: &storage) { raw in
                var v4 = in_addr(), v6 = in6_addr()
                if inet_pton(AF_INET, address, &v4) == 1 {
                    var socketAddress = sockaddr_in()
                    socketAddress.sin_family = sa_family_t(AF_INET)
                    socketAddress.sin_port = in_port_t(UInt16(port).bigEndian)
                    socketAddress.sin_addr = v4
                    withUnsafeBytes(of: socketAddress) { raw.copyMemory(from: $0) }
                    length = socklen_t(MemoryLayout<sockaddr_in>.size)
                } else if inet_pton(AF_INET6, address, &v6) == 1 {
                    var socketAddress = sockaddr_in6()
                    socketAddress.sin6_family = sa_family_t(AF_INET6)
                    socketAddress.sin6_port = in_port_t(UInt16(port).bigEndian)
                    socketAddress.sin6_addr = v6
                    withUnsafeBytes(of: socketAddress) { raw.copyMemory(from: $0) }
                    length = socklen_t(MemoryLayout<sockaddr_in6>.size)
                    family = AF_INET6
                }
            }
            guard length > 0 else { continue }
            let descriptor = socket(family, streamSocket, 0)
            guard descriptor >= 0 else { continue }
            var patience = timeval(tv_sec: 15, tv_usec: 0)
            setsockopt(descriptor, SOL_SOCKET, SO_SNDTIMEO, &patience, socklen_t(MemoryLayout<timeval>.size))
            let connected = withUnsafePointer(to: &storage) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { systemConnect(descriptor, $0, length) == 0 }
            }
            if connected { return .connected(descriptor) }
            switch errno {
            case EAGAIN, ETIMEDOUT, EINPROGRESS: failure = .timedOut
            case ENETUNREACH, EHOSTUNREACH: failure = .cannotConnectToHost
            default: break
            }
            close(descriptor)
        }
        return .failed(failure)
    }

    static func writeAll(_ descriptor: Int32, _ bytes: [UInt8]) -> Bool {
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { send(descriptor, $0.baseAddress! + offset, bytes.count - offset, Int32(MSG_NOSIGNAL)) }
            if written < 0, errno == EINTR { continue }
            guard written > 0 else { return false }
            offset += written
        }
        return true
    }
}

#if canImport(Glibc)
private let systemConnect = Glibc.connect
private let streamSocket = Int32(SOCK_STREAM.rawValue)
#else
private let systemConnect = Darwin.connect
private let streamSocket = SOCK_STREAM
#endif

struct EgressProxyFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// Bytes both ways between libcurl and the server until either side ends.
private struct Relay {
    let client: Int32
    let upstream: Int32

    func run() {
        var none = timeval(tv_sec: 0, tv_usec: 0)
        setsockopt(client, SOL_SOCKET, SO_RCVTIMEO, &none, socklen_t(MemoryLayout<timeval>.size))
        defer {
            close(client)
            close(upstream)
        }
        var buffer = [UInt8](repeating: 0, count: 16 * 1024)
        var fromClientOpen = true
        while true {
            var watched = [pollfd(fd: upstream, events: Int16(POLLIN), revents: 0)]
            if fromClientOpen { watched.append(pollfd(fd: client, events: Int16(POLLIN), revents: 0)) }
            let ready = poll(&watched, nfds_t(watched.count), -1)
            if ready < 0, errno == EINTR { continue }
            guard ready > 0 else { return }
            if watched[0].revents != 0 {
                let count = recv(upstream, &buffer, buffer.count, 0)
                guard count > 0, EgressProxy.writeAll(client, Array(buffer[0..<count])) else { return }
            }
            if fromClientOpen, watched.count > 1, watched[1].revents != 0 {
                let count = recv(client, &buffer, buffer.count, 0)
                if count <= 0 {
                    fromClientOpen = false
                    shutdown(upstream, Int32(SHUT_WR))
                } else if !EgressProxy.writeAll(upstream, Array(buffer[0..<count])) {
                    return
                }
            }
        }
    }
}

/// The head of one request to the proxy: `CONNECT host:port` for https, or
/// an absolute `GET http://host/path` for http, rewritten for the server.
private struct ProxyRequest {
    let host: String
    let port: Int
    let isTunnel: Bool
    /// For http: the head as the server gets it (origin-form, `Connection: close`).
    let originHead: [UInt8]
    /// Bytes read after the head.
    let leftover: [UInt8]

    static func read(from descriptor: Int32) -> ProxyRequest? {
        var received: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        var end: Int?
        while end == nil {
            guard received.count < 64 * 1024 else { return nil }
            let count = recv(descriptor, &buffer, buffer.count, 0)
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { return nil }
            received += buffer[0..<count]
            end = received.indices.dropLast(3).first {
                received[$0] == 13 && received[$0 + 1] == 10 && received[$0 + 2] == 13 && received[$0 + 3] == 10
            }
        }
        guard let end else { return nil }
        let head = String(decoding: received[0..<end], as: UTF8.self)
        let leftover = Array(received[(end + 4)...])
        var lines = head.components(separatedBy: "\r\n")
        let requestLine = lines.removeFirst().split(separator: " ", omittingEmptySubsequences: true)
        guard requestLine.count == 3 else { return nil }
        let method = String(requestLine[0]), target = String(requestLine[1]), version = String(requestLine[2])
        if method == "CONNECT" {
            guard let (host, port) = split(authority: target, defaultPort: nil) else { return nil }
            return ProxyRequest(host: host, port: port, isTunnel: true, originHead: [], leftover: leftover)
        }
        guard target.lowercased().hasPrefix("http://") else { return nil }
        let rest = target.dropFirst("http://".count)
        let authorityEnd = rest.firstIndex { $0 == "/" || $0 == "?" || $0 == "#" } ?? rest.endIndex
        guard let (host, port) = split(authority: String(rest[..<authorityEnd]), defaultPort: 80) else { return nil }
        var path = String(rest[authorityEnd...])
        if let fragment = path.firstIndex(of: "#") { path = String(path[..<fragment]) }
        if !path.hasPrefix("/") { path = "/" + path }
        var rewritten = "\(method) \(path) \(version)\r\n"
        for line in lines where !line.isEmpty {
            let name = line.prefix { $0 != ":" }.lowercased()
            if ["proxy-connection", "proxy-authorization", "connection", "keep-alive"].contains(name) { continue }
            rewritten += line + "\r\n"
        }
        rewritten += "Connection: close\r\n\r\n"
        return ProxyRequest(host: host, port: port, isTunnel: false, originHead: Array(rewritten.utf8), leftover: leftover)
    }

    /// `host:port`, `[v6]:port`, or a host alone with `defaultPort`.
    private static func split(authority: String, defaultPort: Int?) -> (String, Int)? {
        guard !authority.contains("@") else { return nil }
        var host = authority, portText: String?
        if authority.hasPrefix("[") {
            guard let close = authority.firstIndex(of: "]") else { return nil }
            host = String(authority[authority.index(after: authority.startIndex)..<close])
            let after = authority[authority.index(after: close)...]
            if after.hasPrefix(":") { portText = String(after.dropFirst()) } else if !after.isEmpty { return nil }
        } else if let colon = authority.lastIndex(of: ":") {
            host = String(authority[..<colon])
            portText = String(authority[authority.index(after: colon)...])
        }
        guard !host.isEmpty else { return nil }
        if let portText {
            guard let port = Int(portText), (1...65535).contains(port) else { return nil }
            return (host, port)
        }
        guard let defaultPort else { return nil }
        return (host, defaultPort)
    }
}
