import Foundation
@testable import DigestLinkCheck
import DigestHTTP
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// The fixture HTTP server (`Fixtures/link_server.py`) on 127.0.0.1, one per test.
///
/// `with` stops it however the test ends; should the whole test process die,
/// the server sees its stdin close and exits by itself.
final class LinkServer {
    let port: Int
    private let process: Process
    private let input: Pipe

    static let script = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()
        .appendingPathComponent("Fixtures/link_server.py")

    /// Runs `body` with a fresh server and stops the server afterwards.
    static func with<T>(_ body: (LinkServer) async throws -> T) async throws -> T {
        let server = try await LinkServer()
        defer {
            server.stop()
            try? EgressProxy.shared().releasePrivate()
        }
        return try await body(server)
    }

    private init() async throws {
        // Fetchers in this process connect through the process's egress
        // proxy; the server's own questions (its request counts) go through
        // it too, to 127.0.0.1, while the server runs.
        try EgressProxy.shared().admitPrivate()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", Self.script.path]
        let input = Pipe()
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        self.process = process
        self.input = input
        guard let port = await Self.firstLine(of: output.fileHandleForReading).flatMap({ Int($0) }) else {
            process.terminate()
            throw LinkServerError.noPort
        }
        self.port = port
    }

    deinit {
        stop()
    }

    func url(_ path: String) -> String {
        "http://127.0.0.1:\(port)\(path)"
    }

    func stop() {
        guard process.isRunning else { return }
        process.terminate()
        try? input.fileHandleForWriting.close()
        process.waitUntilExit()
    }

    /// The server's counters: requests, max_in_flight, methods, with_cookie, user_agents.
    func stats() async throws -> [String: Any] {
        let data = try await get("/stats")
        guard let stats = try JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw LinkServerError.unreadableStats
        }
        return stats
    }

    func resetStats() async throws {
        _ = try await get("/stats/reset")
    }

    private func get(_ path: String) async throws -> Data {
        guard let address = URL(string: url(path)) else { throw LinkServerError.unreadableStats }
        let session = URLSession(configuration: .ephemeral)
        defer { session.finishTasksAndInvalidate() }
        return try await session.data(from: address).0
    }

    /// Read off the cooperative pool: a blocking read there would hold up
    /// other tests running in parallel.
    private static func firstLine(of handle: FileHandle) async -> String? {
        await withCheckedContinuation { continuation in
            DispatchQueue.global().async {
                var bytes: [UInt8] = []
                while true {
                    let chunk = handle.readData(ofLength: 1)
                    guard let byte = chunk.first else { break }
                    if byte == UInt8(ascii: "\n") { break }
                    bytes.append(byte)
                }
                continuation.resume(returning: bytes.isEmpty ? nil : String(decoding: bytes, as: UTF8.self))
            }
        }
    }
}
