import Foundation

/// Work done on a thread of its own, a few pieces ahead of the caller, who
/// takes the pieces in order: while the caller stores or writes one piece,
/// the next is made ready on another core instead of each waiting for the
/// other on one.
///
/// `body` runs once, on the thread, and hands each piece over as it is
/// ready; handing waits while `ahead` pieces are waiting, and says false
/// once the caller has stopped, when the body should return. An error the
/// body throws comes out of `next` after the pieces handed before it. `stop`
/// ends the thread and waits for it; after it, whatever the body used (an
/// input, a database connection) is the caller's again. The body must not
/// share anything with the caller while it runs.
package final class PiecesAhead<Piece>: @unchecked Sendable {
    private let condition = NSCondition()
    private var ready: [Piece] = []
    private var failure: (any Error)?
    private var stopping = false
    private var running = true
    private let ahead: Int

    package init(ahead: Int, _ body: @escaping (_ hand: (Piece) -> Bool) throws -> Void) {
        self.ahead = max(1, ahead)
        let work = UncheckedBody(body: body)
        let thread = Thread { [self] in
            do {
                try work.body(hand)
            } catch {
                condition.lock()
                failure = error
                condition.unlock()
            }
            condition.lock()
            running = false
            condition.broadcast()
            condition.unlock()
        }
        // Validation and rendering nest closures deeply; the default secondary stack is small.
        thread.stackSize = 8 << 20
        thread.start()
    }

    deinit { stop() }

    /// The next piece, waiting for it; nil after the last, or the body's error.
    package func next() throws -> Piece? {
        condition.lock()
        defer { condition.unlock() }
        while ready.isEmpty {
            guard running else {
                if let failure {
                    self.failure = nil
                    throw failure
                }
                return nil
            }
            condition.wait()
        }
        let piece = ready.removeFirst()
        condition.broadcast()
        return piece
    }

    /// Ends the thread and waits until its body has returned.
    package func stop() {
        condition.lock()
        stopping = true
        condition.broadcast()
        while running { condition.wait() }
        condition.unlock()
    }

    private func hand(_ piece: Piece) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while ready.count >= ahead && !stopping { condition.wait() }
        guard !stopping else { return false }
        ready.append(piece)
        condition.broadcast()
        return true
    }
}

/// The body crosses to its thread once and runs only there.
private struct UncheckedBody<Piece>: @unchecked Sendable {
    let body: (_ hand: (Piece) -> Bool) throws -> Void
}
