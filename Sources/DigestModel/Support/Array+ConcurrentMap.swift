import Foundation

extension Array where Element: Sendable {
    /// `map` spread over the machine's cores, in chunks, keeping the order.
    /// For work that is pure and costs microseconds per element (validating
    /// thousands of imported items); small arrays are mapped in place.
    package func concurrentMap<T: Sendable>(_ transform: @Sendable (Element) -> T) -> [T] {
        let workers = ProcessInfo.processInfo.activeProcessorCount
        guard count >= 512, workers > 1 else { return map(transform) }
        let chunkSize = (count + workers - 1) / workers
        let chunks = ChunkResults<T>(count: workers)
        let elements = self
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            let start = worker * chunkSize
            let end = Swift.min(start + chunkSize, elements.count)
            guard start < end else { return }
            chunks.store(elements[start..<end].map(transform), at: worker)
        }
        return chunks.joined()
    }
}

/// Each worker's results, in worker order.
private final class ChunkResults<T>: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [[T]]

    init(count: Int) {
        slots = Array(repeating: [], count: count)
    }

    func store(_ results: [T], at index: Int) {
        lock.lock()
        slots[index] = results
        lock.unlock()
    }

    func joined() -> [T] {
        lock.lock()
        defer { lock.unlock() }
        return slots.flatMap { $0 }
    }
}
