import Foundation

/// A hand-driven conversation with `digest serve` through the real ssh and
/// sshd, for the tests that play a client digest would never be: one that
/// sends malformed frames, or stops answering. Lines are read as the host
/// sends them; nothing waits on a clock.
final class RawServeSession {
    private let process: Process
    private let toHost: FileHandle
    private let fromHost: FileHandle
    private var buffer: [UInt8] = []
    private var ended = false

    /// Logs in with `key`'s key; sshd runs that key's forced command.
    init(_ server: SSHServer, key: String) throws {
        let words = server.sshCommand(for: key).split(separator: " ").map(String.init)
        process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/ssh")
        process.arguments = Array(words.dropFirst()) + ["-p", String(server.port), "\(server.account)@127.0.0.1"]
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        toHost = input.fileHandleForWriting
        fromHost = output.fileHandleForReading
    }

    func send(_ line: String) {
        send(bytes: Array((line + "\n").utf8))
    }

    func send(bytes: [UInt8]) {
        try? toHost.write(contentsOf: Data(bytes))
    }

    /// A `run` request for `arguments` against `database`.
    func sendRun(database: String, _ arguments: [String]) throws {
        let object: [String: Any] = ["type": "run", "protocol": "digest-serve", "version": 1, "digest": "1.0.0",
                                     "database": database, "arguments": arguments]
        let data = try JSONSerialization.data(withJSONObject: object)
        send(String(decoding: data, as: UTF8.self))
    }

    /// The next line the host sends (without its newline), or nil once it has closed.
    func readLine() -> String? {
        while true {
            if let newline = buffer.firstIndex(of: 0x0A) {
                let line = String(decoding: buffer[..<newline], as: UTF8.self)
                buffer.removeSubrange(...newline)
                return line
            }
            guard !ended else { return nil }
            let data = fromHost.availableData
            if data.isEmpty { ended = true } else { buffer += data }
        }
    }

    /// The next message's header as an object (its payload, if any, is read past).
    func readMessage() -> [String: Any]? {
        guard let line = readLine(), let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else {
            return nil
        }
        if let count = object["bytes"] as? Int, count > 0 {
            while buffer.count < count, !ended {
                let data = fromHost.availableData
                if data.isEmpty { ended = true } else { buffer += data }
            }
            var message = object
            message["payload"] = String(decoding: buffer.prefix(count), as: UTF8.self)
            buffer.removeFirst(min(count, buffer.count))
            return message
        }
        return object
    }

    /// Closes our side and waits for ssh; its status is the remote command's.
    func finish() -> Int32 {
        try? toHost.close()
        process.waitUntilExit()
        return process.terminationStatus
    }
}
