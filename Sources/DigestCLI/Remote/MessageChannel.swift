import DigestModel
import DigestRendering
import DigestWorkflow
import Foundation

/// One end of a `digest serve` conversation, over a pair of file
/// descriptors (the ssh process's pipes on the client, standard input and
/// output on the host).
///
/// A frame is one line of JSON (an object with a `type`), followed, when
/// the object has `"bytes": N`, by exactly N raw bytes: file contents and
/// command output travel as they are, without escaping.
///
/// Both ends keep to the same bounds, so that nothing the other end sends can
/// make this one allocate without limit or wait for ever:
/// - a frame carries at most `largestFrame` bytes (64 MiB); a message with
///   more is sent as `part` frames, each with a piece of its payload,
///   followed by the message's own frame with the last piece;
/// - a whole message carries at most `largestMessage` bytes (1 GiB);
/// - a header line is at most 1 MiB;
/// - with `patience`, a read that receives no byte for that many seconds
///   ends the conversation (the host uses it; a client waits as long as the
///   host's command runs).
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
        /// Nothing arrived for `patience` seconds.
        case silent(seconds: Int)
    }

    /// A header line longer than this is not this protocol.
    private static let longestHeader = 1 << 20
    static let largestFrame = 64 << 20
    static let largestMessage = 1 << 30

    private let input: Int32
    private let output: Int32
    private let patience: Int?
    private let frameSize: Int
    private var buffer: [UInt8] = []
    private var start = 0

    /// - Parameters:
    ///   - patience: seconds a read waits for the next byte; nil waits as long as it takes.
    ///   - frameSize: the payload a frame carries at most when sending (tests make it small).
    init(reading input: Int32, writing output: Int32, patience: Int? = nil, frameSize: Int = largestFrame) {
        self.input = input
        self.output = output
        self.patience = patience
        self.frameSize = max(1, min(frameSize, Self.largestFrame))
    }

    func send(_ type: String, _ members: [(String, JSONValue)] = [], payload: [UInt8] = []) throws(Failure) {
        guard payload.count <= Self.largestMessage else {
            throw .malformed("a message of \(payload.count) bytes, more than the \(Self.largestMessage >> 20) MiB one message may carry")
        }
        var offset = 0
        while payload.count - offset > frameSize {
            try sendFrame("part", [], payload[offset..<(offset + frameSize)])
            offset += frameSize
        }
        try sendFrame(type, members, payload[offset...])
    }

    private func sendFrame(_ type: String, _ members: [(String, JSONValue)], _ payload: ArraySlice<UInt8>) throws(Failure) {
        var all: [(String, JSONValue)] = [("type", .string(type))] + members
        if !payload.isEmpty { all.append(("bytes", .integer(payload.count))) }
        var bytes = Array((JSONWriter(pretty: false).string(.object(all)) + "\n").utf8)
        bytes += payload
        try writeAll(bytes)
    }

    /// The next message; `.closed` when the other end closed first.
    func receive() throws(Failure) -> Message {
        var parts: [UInt8] = []
        while true {
            let header: JSONValue, payload: [UInt8]
            do throws(Failure) {
                (header, payload) = try receiveFrame(alreadyHeld: parts.count)
            } catch .closed where !parts.isEmpty {
                throw .malformed("a message cut short after \(parts.count) bytes of its parts")
            }
            if header["type"]?.stringValue == "part" {
                guard !payload.isEmpty else { throw .malformed("an empty 'part' frame") }
                parts += payload
                continue
            }
            return Message(header: header, payload: parts.isEmpty ? payload : parts + payload)
        }
    }

    private func receiveFrame(alreadyHeld: Int) throws(Failure) -> (JSONValue, [UInt8]) {
        let line = try readLine()
        let header: JSONValue
        do {
            header = try JSONParser.parse(line)
        } catch {
            throw .malformed("'\(Self.preview(line))' is not a JSON message")
        }
        guard case .object = header else { throw .malformed("'\(Self.preview(line))' is not a JSON object") }
        guard header["type"]?.stringValue != nil else { throw .malformed("'\(Self.preview(line))', a message without a type") }
        guard let announced = header["bytes"] else { return (header, []) }
        guard let count = announced.intValue, count >= 0 else {
            throw .malformed("a message announcing \(Self.preview(Array(JSONWriter(pretty: false).string(announced).utf8))) bytes")
        }
        guard count <= Self.largestFrame else {
            throw .malformed("a frame announcing \(count) bytes, more than the \(Self.largestFrame >> 20) MiB a frame may carry")
        }
        guard alreadyHeld + count <= Self.largestMessage else {
            throw .malformed("a message of more than \(Self.largestMessage >> 20) MiB")
        }
        do throws(Failure) {
            return (header, try readBytes(count))
        } catch .closed {
            throw .malformed("a frame announcing \(count) bytes, cut short")
        }
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
            let got = try readSome(into: &chunk, wanted: min(chunk.count, count - result.count))
            guard got > 0 else { throw .closed }
            result += chunk[0..<got]
        }
        return result
    }

    /// Reads more into the buffer; false at end of file.
    private func fill() throws(Failure) -> Bool {
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        let got = try readSome(into: &chunk, wanted: chunk.count)
        guard got > 0 else { return false }
        buffer += chunk[0..<got]
        return true
    }

    /// One read of at most `wanted` bytes, waiting at most `patience` seconds
    /// for the first; 0 at end of file (or a broken connection).
    private func readSome(into chunk: inout [UInt8], wanted: Int) throws(Failure) -> Int {
        while true {
            if let patience {
                var waiting = pollfd(fd: input, events: Int16(POLLIN), revents: 0)
                let ready = poll(&waiting, 1, Int32(clamping: patience * 1000))
                if ready < 0, errno == EINTR { continue }
                if ready == 0 { throw .silent(seconds: patience) }
            }
            let got = chunk.withUnsafeMutableBytes { read(input, $0.baseAddress, wanted) }
            if got < 0, errno == EINTR { continue }
            return max(got, 0)
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
