import DigestCore
import Foundation

/// One end of a `digest serve` conversation, over a pair of file
/// descriptors (the ssh process's pipes on the client, standard input and
/// output on the host).
///
/// A message is one line of JSON (an object with a `type`), followed, when
/// the object has `"bytes": N`, by exactly N raw bytes: file contents and
/// command output travel as they are, without escaping.
final class MessageChannel {
    struct Message {
        let header: JSONValue
        let payload: [UInt8]

        var type: String { header["type"]?.stringValue ?? "" }
        subscript(key: String) -> JSONValue? { header[key] }

        func string(_ key: String) throws(Failure) -> String {
            guard let value = header[key]?.stringValue else { throw .malformed("a '\(type)' message without '\(key)'") }
            return value
        }
    }

    enum Failure: Error {
        /// The other end went away (end of file, or a broken pipe).
        case closed
        /// Something arrived that is not this protocol.
        case malformed(String)
    }

    /// A header line longer than this is not this protocol.
    private static let longestHeader = 1 << 20

    private let input: Int32
    private let output: Int32
    private var buffer: [UInt8] = []
    private var start = 0

    init(reading input: Int32, writing output: Int32) {
        self.input = input
        self.output = output
    }

    func send(_ type: String, _ members: [(String, JSONValue)] = [], payload: [UInt8] = []) throws(Failure) {
        var all: [(String, JSONValue)] = [("type", .string(type))] + members
        if !payload.isEmpty { all.append(("bytes", .integer(payload.count))) }
        var bytes = Array((JSONWriter(pretty: false).string(.object(all)) + "\n").utf8)
        bytes += payload
        try writeAll(bytes)
    }

    /// The next message; `.closed` when the other end closed first.
    func receive() throws(Failure) -> Message {
        let line = try readLine()
        let header: JSONValue
        do {
            header = try JSONParser.parse(line)
        } catch {
            throw .malformed("'\(Self.preview(line))' is not a JSON message")
        }
        guard case .object = header else { throw .malformed("'\(Self.preview(line))' is not a JSON object") }
        guard let count = header["bytes"]?.intValue else { return Message(header: header, payload: []) }
        guard count >= 0 else { throw .malformed("a message announcing \(count) bytes") }
        return Message(header: header, payload: try readBytes(count))
    }

    /// Up to 80 characters of what arrived, for messages about it.
    static func preview(_ bytes: [UInt8]) -> String {
        let text = String(decoding: bytes.prefix(80), as: UTF8.self)
        return text.unicodeScalars.map { $0.value < 0x20 ? " " : String($0) }.joined()
    }

    private func readLine() throws(Failure) -> [UInt8] {
        var searched = start
        while true {
            if let newline = buffer[searched...].firstIndex(of: UInt8(ascii: "\n")) {
                let line = Array(buffer[start..<newline])
                start = newline + 1
                compact()
                return line
            }
            searched = buffer.count
            guard buffer.count - start <= Self.longestHeader else {
                throw .malformed("a line of more than \(Self.longestHeader) bytes, starting '\(Self.preview(Array(buffer[start...])))'")
            }
            guard try fill() else {
                if buffer.count > start { throw .malformed("'\(Self.preview(Array(buffer[start...])))' and then the end") }
                throw .closed
            }
        }
    }

    private func readBytes(_ count: Int) throws(Failure) -> [UInt8] {
        var result: [UInt8] = []
        result.reserveCapacity(count)
        let buffered = min(count, buffer.count - start)
        result += buffer[start..<(start + buffered)]
        start += buffered
        compact()
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while result.count < count {
            let wanted = min(chunk.count, count - result.count)
            let got = chunk.withUnsafeMutableBytes { read(input, $0.baseAddress, wanted) }
            if got < 0, errno == EINTR { continue }
            guard got > 0 else { throw .closed }
            result += chunk[0..<got]
        }
        return result
    }

    /// Reads more into the buffer; false at end of file.
    private func fill() throws(Failure) -> Bool {
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let got = chunk.withUnsafeMutableBytes { read(input, $0.baseAddress, $0.count) }
            if got < 0, errno == EINTR { continue }
            guard got > 0 else { return false }
            buffer += chunk[0..<got]
            return true
        }
    }

    private func compact() {
        if start == buffer.count {
            buffer.removeAll(keepingCapacity: true)
            start = 0
        } else if start > 1 << 16 {
            buffer.removeFirst(start)
            start = 0
        }
    }

    private func writeAll(_ bytes: [UInt8]) throws(Failure) {
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { buffer -> Int in
                guard let base = buffer.baseAddress else { return 0 }
                return write(output, base + offset, buffer.count - offset)
            }
            if written < 0 {
                if errno == EINTR { continue }
                throw .closed
            }
            offset += written
        }
    }
}
