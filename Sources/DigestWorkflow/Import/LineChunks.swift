#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import DigestStorage
import DigestModel
import DigestRendering

/// Input read a piece of whole lines at a time, so that importing or
/// loading a file never holds more than one piece of it: a piece ends after
/// a line feed (or at the end of the input), never inside a line, and so
/// never inside a UTF-8 character either.
package final class LineChunks {
    package struct Chunk {
        package let bytes: [UInt8]
        /// The 1-based number of the chunk's first line in the whole input.
        package let firstLine: Int
        /// Where the chunk starts in the whole input, in bytes.
        package let offset: Int
        /// Whether the input ends with this chunk.
        package let isLast: Bool
    }

    /// About a megabyte a piece: large enough that reading costs nothing,
    /// small enough that the parsed lines of one piece stay a few megabytes.
    package static let defaultSize = 1 << 20

    private enum Source {
        case bytes([UInt8])
        case file(path: String, descriptor: Int32)
    }

    private let source: Source
    private let size: Int
    private var carried: [UInt8] = []
    private var position = 0
    private var ended = false
    private var nextLine = 1
    private var nextOffset = 0
    private var peeked: Chunk??

    /// Input already in memory (standard input, or a file sent by a client).
    package init(bytes: [UInt8], size: Int = LineChunks.defaultSize) {
        source = .bytes(bytes)
        self.size = max(size, 1)
    }

    /// A file, read as it goes.
    package init(path: String, size: Int = LineChunks.defaultSize) throws(DigestError) {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw .notFound("\(path) cannot be read (\(FileSystem.reason(errno))).")
        }
        source = .file(path: path, descriptor: descriptor)
        self.size = max(size, 1)
    }

    deinit {
        if case .file(_, let descriptor) = source { close(descriptor) }
    }

    /// Starts again from the first byte.
    package func rewind() throws(DigestError) {
        peeked = nil
        carried = []
        position = 0
        ended = false
        nextLine = 1
        nextOffset = 0
        if case .file(let path, let descriptor) = source, lseek(descriptor, 0, SEEK_SET) != 0 {
            throw .notFound("\(path) cannot be read again (\(FileSystem.reason(errno))).")
        }
    }

    /// The next piece of whole lines, or nil at the end of the input.
    package func next() throws(DigestError) -> Chunk? {
        if let peeked {
            self.peeked = nil
            return peeked
        }
        return try readChunk()
    }

    /// The piece `next()` will return, left in place: to look at how the input starts.
    package func peek() throws(DigestError) -> Chunk? {
        if peeked == nil { peeked = .some(try readChunk()) }
        return peeked ?? nil
    }

    private func readChunk() throws(DigestError) -> Chunk? {
        var buffer = carried
        carried = []
        // A line longer than a piece: keep reading until it ends.
        while !ended && (buffer.count < size || buffer.lastIndex(of: 0x0A) == nil) {
            try fill(&buffer)
        }
        guard !buffer.isEmpty else { return nil }
        if ended { return emit(buffer, isLast: true) }
        let lastFeed = buffer.lastIndex(of: 0x0A)!
        carried = Array(buffer[(lastFeed + 1)...])
        buffer.removeSubrange((lastFeed + 1)...)
        return emit(buffer, isLast: false)
    }

    private func emit(_ bytes: [UInt8], isLast: Bool) -> Chunk {
        let chunk = Chunk(bytes: bytes, firstLine: nextLine, offset: nextOffset, isLast: isLast)
        nextLine += bytes.reduce(into: 0) { count, byte in if byte == 0x0A { count += 1 } }
        nextOffset += bytes.count
        return chunk
    }

    /// Reads up to one piece more onto `buffer`; marks the end of the input.
    private func fill(_ buffer: inout [UInt8]) throws(DigestError) {
        switch source {
        case .bytes(let bytes):
            let end = min(bytes.count, position + size)
            buffer += bytes[position..<end]
            position = end
            if position == bytes.count { ended = true }
        case .file(let path, let descriptor):
            let start = buffer.count
            buffer += repeatElement(0, count: size)
            var filled = 0
            while filled < size {
                let count = buffer.withUnsafeMutableBytes { raw in
                    read(descriptor, raw.baseAddress! + start + filled, size - filled)
                }
                if count < 0 {
                    if errno == EINTR { continue }
                    buffer.removeSubrange((start + filled)...)
                    throw .notFound("\(path) cannot be read (\(FileSystem.reason(errno))).")
                }
                if count == 0 {
                    ended = true
                    break
                }
                filled += count
            }
            buffer.removeSubrange((start + filled)...)
        }
    }
}
