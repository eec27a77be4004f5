import Foundation

/// The pieces of a JSON Lines input, read, checked as UTF-8, parsed and
/// validated on a thread of their own, a piece or two ahead of the caller:
/// while the import stores one piece, the next is made ready on another
/// core, instead of both waiting for each other on one.
///
/// Pieces come out in input order, each with its lines and its problems,
/// then nil at the end; an error (a read that failed, bytes that are not
/// UTF-8) comes out in place of its piece and ends the input. `stop` ends
/// the thread and waits for it, after which the input is the caller's
/// again (to rewind it, say).
final class PreparedChunks: @unchecked Sendable {
    struct Piece {
        let lines: [ImportLine]
        let problems: ProblemCollector
    }

    /// How many pieces may wait: each is about a megabyte of input and its
    /// parsed lines, so memory stays a few megabytes. Three keep the reading
    /// going while the storing thread adds a batch to the search index.
    private static let ahead = 3

    private let condition = NSCondition()
    private var ready: [Result<Piece?, any Error>] = []
    private var stopping = false
    private var running = true
    /// Read only by the thread, until `stop` returns.
    private let input: LineChunks

    init(first: LineChunks.Chunk, rest input: LineChunks, origin: String, issue override: Int?, published: Bool,
         validator: ItemValidator) {
        self.input = input
        let thread = Thread { [self] in
            // Reading stays a few pieces ahead of the storing thread at a lower priority.
            Thread.yieldPriority(by: 5)
            var chunk: LineChunks.Chunk? = first
            while waitForRoom() {
                guard let piece = chunk else {
                    hand(.success(nil))
                    break
                }
                let prepared = Result { () throws -> Piece? in
                    try UTF8Input.check(piece.bytes, from: origin, offset: piece.offset)
                    let batch = ItemRecordReader.readLines(piece.bytes, firstLine: piece.firstLine)
                    var (lines, problems) = try ImportLine.validate(batch.records, issue: override, published: published,
                                                                    validator: validator)
                    problems.add(batch.problems)
                    return Piece(lines: lines, problems: problems)
                }
                hand(prepared)
                guard case .success = prepared else { break }
                do {
                    chunk = try self.input.next()
                } catch {
                    hand(.failure(error))
                    break
                }
            }
            condition.lock()
            running = false
            condition.broadcast()
            condition.unlock()
        }
        // Validation nests closures deeply; the default secondary stack is small.
        thread.stackSize = 8 << 20
        thread.start()
    }

    deinit { stop() }

    /// The next piece, waiting for it; nil after the last.
    func next() throws -> Piece? {
        condition.lock()
        defer { condition.unlock() }
        while ready.isEmpty {
            guard running else { return nil }
            condition.wait()
        }
        let result = ready.removeFirst()
        condition.broadcast()
        return try result.get()
    }

    /// Ends the thread and waits until it has let go of the input.
    func stop() {
        condition.lock()
        stopping = true
        condition.broadcast()
        while running { condition.wait() }
        condition.unlock()
    }

    /// Waits until a piece may be added; false once stopping.
    private func waitForRoom() -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while ready.count >= Self.ahead && !stopping { condition.wait() }
        return !stopping
    }

    private func hand(_ result: Result<Piece?, any Error>) {
        condition.lock()
        ready.append(result)
        condition.broadcast()
        condition.unlock()
    }
}
