import DigestStorage
import DigestModel
import DigestRendering
/// Bringing items in from JSON Lines and digest pages.
extension DigestStore {
    /// Above this many items an import loads without touching the search
    /// index row by row and indexes the new items a few thousand at a time
    /// (`ImportSession.searchBatch`): several times faster.
    static let bulkThreshold = 1000

    /// Imports each target as one revision of its issue: into an existing
    /// draft, or a new issue created with its number (a new draft after the
    /// highest number when it has none). With `published`, new issues come in
    /// as published editions of an archive. All targets or none. `progress`
    /// hears how many more items are stored, as they are.
    package func importItems(_ targets: [ImportTarget], published: Bool, origin: String,
                             request: ChangeRequest, edition maker: EditionRenderer? = nil,
                             progress: ((Int) -> Void)? = nil) throws -> ImportSummary {
        let total = targets.reduce(0) { $0 + $1.items.count }
        let bulk = total > Self.bulkThreshold
        // Numbered targets in order, then the new draft.
        let ordered = targets.sorted { ($0.number ?? Int.max) < ($1.number ?? Int.max) }
        return try (bulk ? bulkLoad : { try $0() }) { try write {
            try (bulk ? buildingSearchIndexInBulk : { try $0() }) {
                let session = try ImportSession(store: self, published: published, origin: origin, request: request,
                                                bulk: bulk, edition: maker, progress: progress)
                for target in ordered { session.add(target) }
                return try session.finish()
            }
        } }
    }

    /// Imports JSON Lines as `importItems` does, reading, checking and storing
    /// a piece of the input at a time, so memory follows the largest issue,
    /// not the input. Lines grouped by issue in rising order (as an archive
    /// or a dump has them, new drafts last) stream; an input in any other
    /// order is read whole and sorted, as is a small one, a JSON array or an
    /// object spread over several lines. All or nothing, in one transaction;
    /// every bad line is reported (the first `ProblemList.limit` in full).
    package func importLines(_ input: LineChunks, issue override: Int?, published: Bool, origin: String,
                             request: ChangeRequest, edition maker: EditionRenderer? = nil,
                             progress: ((Int) -> Void)? = nil) throws -> ImportSummary {
        guard let first = try input.next() else {
            return try importWhole([], issue: override, published: published, origin: origin, request: request,
                                   edition: maker, progress: progress)
        }
        guard !first.isLast, Self.streams(first.bytes) else {
            var bytes = first.bytes
            while let chunk = try input.next() { bytes += chunk.bytes }
            return try importWhole(bytes, issue: override, published: published, origin: origin, request: request,
                                   edition: maker, progress: progress)
        }
        let validator = ItemValidator(excerptLimit: try settings.excerptLimit)
        do {
            return try bulkLoad { try write { try buildingSearchIndexInBulk {
                let session = try ImportSession(store: self, published: published, origin: origin, request: request,
                                                bulk: true, edition: maker, progress: progress)
                var problems = ProblemList()
                var current: ImportTarget?
                let pieces = PreparedChunks.start(first: first, rest: input, origin: origin, issue: override,
                                                  published: published, validator: validator)
                defer { pieces.stop() }
                while let piece = try pieces.next() {
                    problems.add(piece.problems)
                    if !problems.isEmpty {
                        // Nothing will be stored: only the remaining lines' problems matter.
                        session.halt()
                        continue
                    }
                    for line in piece.lines {
                        if current != nil, current?.number == line.target {
                            current?.add(line)
                            continue
                        }
                        if let previous = current {
                            // Lines of an issue after those of a later one, or after the new draft's.
                            guard let next = line.target, let number = previous.number, next > number else {
                                throw OutOfOrder()
                            }
                            session.add(previous)
                        }
                        current = ImportTarget(number: line.target, date: nil, title: nil, items: [])
                        current?.add(line)
                    }
                }
                if let current { session.add(current) }
                try problems.finish()
                return try session.finish()
            } } }
        } catch is OutOfOrder {
            try input.rewind()
            var bytes: [UInt8] = []
            while let chunk = try input.next() { bytes += chunk.bytes }
            return try importWhole(bytes, issue: override, published: published, origin: origin, request: request,
                                   edition: maker, progress: progress)
        }
    }

    private struct OutOfOrder: Error {}

    /// Whether an input that starts with `bytes` is JSON Lines that can be
    /// read a piece at a time: it starts with an object that ends on its
    /// first line (one object spread over lines, or an array, is read whole).
    private static func streams(_ bytes: [UInt8]) -> Bool {
        var start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        while start < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[start]) { start += 1 }
        guard start < bytes.count, bytes[start] == UInt8(ascii: "{") else { return false }
        let firstLineEnd = bytes[start...].firstIndex(of: 0x0A) ?? bytes.count
        do {
            _ = try JSONParser.parse(bytes, range: start..<firstLineEnd)
        } catch where error.isTruncated {
            return false
        } catch {}
        return true
    }

    /// A JSON input read whole: each line (or element) validated, grouped by
    /// the issue it aims at, then imported.
    private func importWhole(_ bytes: [UInt8], issue override: Int?, published: Bool, origin: String,
                             request: ChangeRequest, edition maker: EditionRenderer?,
                             progress: ((Int) -> Void)?) throws -> ImportSummary {
        let validator = ItemValidator(excerptLimit: try settings.excerptLimit)
        let batch = try ItemRecordReader.read(bytes, origin: origin)
        var (lines, collector) = try ImportLine.validate(batch.records, issue: override, published: published,
                                                         validator: validator)
        collector.add(batch.problems)
        var problems = ProblemList()
        problems.add(collector)
        try problems.finish()
        return try importItems(ImportLine.targets(lines), published: published, origin: origin, request: request,
                               edition: maker, progress: progress)
    }
}
