import DigestStorage
import DigestModel
import DigestRendering
/// The pieces of a JSON Lines input, read, checked as UTF-8, parsed and
/// validated on a thread of their own (`PiecesAhead`), a few pieces ahead of
/// the import that stores them.
///
/// Pieces come out in input order, each with its lines and its problems,
/// then nil at the end; an error (a read that failed, bytes that are not
/// UTF-8) comes out in place of its piece and ends the input. `stop` ends
/// the thread and waits for it, after which the input is the caller's
/// again (to rewind it, say).
enum PreparedChunks {
    struct Piece {
        let lines: [ImportLine]
        let problems: ProblemCollector
    }

    /// How many pieces may wait: each is about a megabyte of input and its
    /// parsed lines, so memory stays a few megabytes. Three keep the reading
    /// going while the storing thread adds a batch to the search index.
    private static let ahead = 3

    static func start(first: LineChunks.Chunk, rest input: LineChunks, origin: String, issue override: Int?,
                      published: Bool, validator: ItemValidator) -> PiecesAhead<Piece> {
        // Reading runs at a lower priority than the storing thread it feeds.
        PiecesAhead(ahead: ahead) { hand in
            var chunk: LineChunks.Chunk? = first
            while let piece = chunk {
                try UTF8Input.check(piece.bytes, from: origin, offset: piece.offset)
                let batch = ItemRecordReader.readLines(piece.bytes, firstLine: piece.firstLine)
                var (lines, problems) = try ImportLine.validate(batch.records, issue: override, published: published,
                                                                validator: validator)
                problems.add(batch.problems)
                guard hand(Piece(lines: lines, problems: problems)) else { return }
                chunk = try input.next()
            }
        }
    }
}
