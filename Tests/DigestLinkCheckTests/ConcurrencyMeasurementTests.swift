import Foundation
import Testing

/// A measurement, not a timed test: it prints how long 200 links take and
/// asserts only what must hold on any machine.
@Suite("Measurement: 200 links against the local server")
struct ConcurrencyMeasurementTests {
    @Test("200 links with concurrency 8: all checked, never more than 8 in flight; prints the wall time")
    func twoHundredLinks() async throws {
        try await LinkServer.with { server async throws in
            let input = (1...200).map { #"{"id": \#($0), "url": "\#(server.url("/hold?ms=20&n=\($0)"))"}"# }
                .joined(separator: "\n") + "\n"
            let started = ContinuousClock.now
            let run = try await BinaryRun.digestLinks(["--concurrency", "8", "--allow-private"], input: input)
            let wall = started.duration(to: .now)
            let stats = try await server.stats()
            let maxInFlight = stats["max_in_flight"] as? Int ?? -1
            print("digest-links measurement: 200 links, concurrency 8, each held 20 ms by the server: \(wall.formatted(.units(allowed: [.seconds, .milliseconds], width: .narrow))) wall time, at most \(maxInFlight) requests in flight")
            #expect(run.status == 0)
            #expect(run.outputLines.count == 200)
            #expect(run.outputLines.allSatisfy { $0.contains(#""outcome":"ok""#) })
            #expect((1...8).contains(maxInFlight))
            #expect(stats["requests"] as? Int == 200)
        }
    }
}
