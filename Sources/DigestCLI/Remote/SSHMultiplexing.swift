import DigestModel
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A session through an open ssh master connection, asked for on its
/// control socket as `ssh` itself asks (OpenSSH's PROTOCOL.mux, version 4,
/// "passenger" mode), without starting an `ssh` process: the master runs the
/// command on the host and reads and writes the pipes handed to it here. A
/// command after the first then costs the host's session and digest's own
/// work, not an ssh client's start-up as well.
///
/// Any failure before the session opens (no master, a stale socket, another
/// protocol) is nil: the caller starts `ssh`, which opens a new master.
struct SSHMultiplexedSession {
    /// This side's ends: the command's standard input, output and error.
    let input: Int32
    let output: Int32
    let errors: Int32
    private let socket: Int32
    private let session: UInt32

    private enum Message: UInt32 {
        case hello = 0x0000_0001
        case newSession = 0x1000_0002
        case sessionOpened = 0x8000_0006
        case exitMessage = 0x8000_0004
        case ttyAllocationFailed = 0x8000_0008
    }

    init?(controlPath: String, command: String) {
        let socket = Glibc.socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        guard socket >= 0 else { return nil }
        var pipes: [Int32] = []
        var opened = false
        defer {
            if !opened {
                close(socket)
                pipes.forEach { close($0) }
            }
        }
        _ = fcntl(socket, F_SETFD, FD_CLOEXEC)
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let path = Array(controlPath.utf8)
        guard path.count < MemoryLayout.size(ofValue: address.sun_path) else { return nil }
        withUnsafeMutableBytes(of: &address.sun_path) { buffer in
            for (index, byte) in path.enumerated() { buffer[index] = byte }
        }
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(socket, $0, socklen_t(MemoryLayout<sockaddr_un>.size))
            }
        }
        guard connected == 0 else { return nil }

        // Hello both ways; then the session request and the three descriptors.
        var hello = Packet(.hello)
        hello.append(4)
        guard Self.send(hello, on: socket), var answer = Self.receive(on: socket),
              answer.type == Message.hello.rawValue, answer.integer() == 4 else { return nil }
        var request = Packet(.newSession)
        request.append(1)           // request id
        request.append("")          // reserved
        request.append(false)       // terminal
        request.append(false)       // X11
        request.append(false)       // agent
        request.append(false)       // subsystem
        request.append(0xFFFF_FFFF) // no escape character
        request.append("")          // terminal type
        request.append(command)
        guard Self.send(request, on: socket) else { return nil }
        for _ in 0..<3 {
            var pair: [Int32] = [-1, -1]
            guard pipe(&pair) == 0 else { return nil }
            for descriptor in pair { _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC) }
            pipes += pair
        }
        // The master gets the command's ends: the read end of its input, the write ends of its output and errors.
        let theirs = [pipes[0], pipes[3], pipes[5]]
        guard theirs.allSatisfy({ Self.pass($0, on: socket) }) else { return nil }
        guard var reply = Self.receive(on: socket), reply.type == Message.sessionOpened.rawValue,
              reply.integer() == 1, let session = reply.integer() else { return nil }
        theirs.forEach { close($0) }
        opened = true
        self.socket = socket
        self.session = session
        input = pipes[1]
        output = pipes[2]
        errors = pipes[4]
    }

    /// The command's exit status once the master reports it; 255 (as ssh
    /// says) if the master went away without one.
    func exitStatus() -> Int32 {
        defer { close(socket) }
        while var message = Self.receive(on: socket) {
            if message.type == Message.ttyAllocationFailed.rawValue { continue }
            if message.type == Message.exitMessage.rawValue, message.integer() == session, let status = message.integer() {
                return Int32(truncatingIfNeeded: status)
            }
            return 255
        }
        return 255
    }

    /// A message: uint32 length, uint32 type, then the body in SSH wire format.
    private struct Packet {
        var bytes: [UInt8] = []
        var type: UInt32 = 0
        var offset = 0

        init(_ type: Message) {
            self.type = type.rawValue
            append(type.rawValue)
        }

        init(type: UInt32, body: [UInt8]) {
            self.type = type
            bytes = body
        }

        mutating func append(_ value: UInt32) {
            bytes += [24, 16, 8, 0].map { UInt8(truncatingIfNeeded: value >> $0) }
        }

        /// The flags go as uint32, as ssh's own client sends them (mux.c), not as SSH's one-byte bool.
        mutating func append(_ value: Bool) { append(UInt32(value ? 1 : 0)) }

        mutating func append(_ text: String) {
            append(UInt32(text.utf8.count))
            bytes += text.utf8
        }

        mutating func integer() -> UInt32? {
            guard offset + 4 <= bytes.count else { return nil }
            defer { offset += 4 }
            return bytes[offset..<offset + 4].reduce(0) { $0 << 8 | UInt32($1) }
        }
    }

    private static func send(_ packet: Packet, on socket: Int32) -> Bool {
        var whole = Packet(type: 0, body: [])
        whole.append(UInt32(packet.bytes.count))
        return writeAll(whole.bytes + packet.bytes, to: socket)
    }

    private static func receive(on socket: Int32) -> Packet? {
        guard let header = readExactly(4, from: socket) else { return nil }
        var length = Packet(type: 0, body: header)
        guard let count = length.integer(), count >= 4, count <= 256 * 1024,
              let body = readExactly(Int(count), from: socket) else { return nil }
        var packet = Packet(type: 0, body: body)
        packet.type = packet.integer() ?? 0
        return packet
    }

    /// One descriptor as SCM_RIGHTS ancillary data, with one byte of data, as ssh sends it.
    private static func pass(_ descriptor: Int32, on socket: Int32) -> Bool {
        let headerSize = MemoryLayout<cmsghdr>.size
        let align = MemoryLayout<Int>.size
        let space = headerSize + (MemoryLayout<Int32>.size + align - 1) / align * align
        var control = [UInt8](repeating: 0, count: space)
        control.withUnsafeMutableBytes { buffer in
            let header = buffer.baseAddress!.assumingMemoryBound(to: cmsghdr.self)
            header.pointee.cmsg_len = headerSize + MemoryLayout<Int32>.size
            header.pointee.cmsg_level = SOL_SOCKET
            header.pointee.cmsg_type = Int32(SCM_RIGHTS)
            buffer.storeBytes(of: descriptor, toByteOffset: headerSize, as: Int32.self)
        }
        var byte: UInt8 = 0
        return withUnsafeMutablePointer(to: &byte) { bytePointer in
            var vector = iovec(iov_base: bytePointer, iov_len: 1)
            return control.withUnsafeMutableBytes { buffer in
                withUnsafeMutablePointer(to: &vector) { vectorPointer in
                    var message = msghdr()
                    message.msg_iov = vectorPointer
                    message.msg_iovlen = 1
                    message.msg_control = buffer.baseAddress
                    message.msg_controllen = buffer.count
                    while true {
                        let sent = sendmsg(socket, &message, 0)
                        if sent < 0, errno == EINTR { continue }
                        return sent == 1
                    }
                }
            }
        }
    }

    private static func writeAll(_ bytes: [UInt8], to descriptor: Int32) -> Bool {
        var offset = 0
        while offset < bytes.count {
            let count = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress! + offset, bytes.count - offset) }
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { return false }
            offset += count
        }
        return true
    }

    private static func readExactly(_ count: Int, from descriptor: Int32) -> [UInt8]? {
        var bytes = [UInt8](repeating: 0, count: count)
        var offset = 0
        while offset < count {
            let got = bytes.withUnsafeMutableBytes { read(descriptor, $0.baseAddress! + offset, count - offset) }
            if got < 0, errno == EINTR { continue }
            guard got > 0 else { return nil }
            offset += got
        }
        return bytes
    }
}
