import Foundation
import Testing
@testable import DigestStorage
@testable import DigestModel
@testable import DigestRendering
@testable import DigestWorkflow

@Suite("Work a few pieces ahead on a thread of its own")
struct PiecesAheadTests {
    struct Broken: Error, Equatable { let after: Int }

    /// Counts across threads for the checks.
    final class Tally: @unchecked Sendable {
        private let lock = NSLock()
        private var value = 0
        func add() { lock.lock(); value += 1; lock.unlock() }
        var count: Int { lock.lock(); defer { lock.unlock() }; return value }
    }

    @Test("pieces come out in order, then nil, and never more than `ahead` wait")
    func inOrder() throws {
        let made = Tally()
        let pieces = PiecesAhead<Int>(ahead: 2) { hand in
            for number in 1...50 {
                made.add()
                guard hand(number) else { return }
            }
        }
        defer { pieces.stop() }
        var taken: [Int] = []
        while let piece = try pieces.next() {
            // Made and not yet taken: this piece, the two that may wait, and the one waiting to be handed.
            #expect(made.count - taken.count <= 4)
            taken.append(piece)
        }
        #expect(taken == Array(1...50))
        #expect(try pieces.next() == nil)
    }

    @Test("an error comes out after the pieces handed before it, and only once")
    func errorInPlace() throws {
        let pieces = PiecesAhead<Int>(ahead: 4) { hand in
            for number in 1...3 { _ = hand(number) }
            throw Broken(after: 3)
        }
        defer { pieces.stop() }
        #expect(try pieces.next() == 1)
        #expect(try pieces.next() == 2)
        #expect(try pieces.next() == 3)
        #expect(throws: Broken(after: 3)) { try pieces.next() }
        #expect(try pieces.next() == nil)
    }

    @Test("stop ends a body that waits to hand a piece, and the body hears it")
    func stopWhileWaiting() throws {
        let handed = Tally()
        let refused = Tally()
        let pieces = PiecesAhead<Int>(ahead: 1) { hand in
            for number in 1...1_000 {
                guard hand(number) else {
                    refused.add()
                    return
                }
                handed.add()
            }
        }
        #expect(try pieces.next() == 1)
        pieces.stop()
        #expect(refused.count == 1)
        #expect(handed.count <= 2)
    }
}
