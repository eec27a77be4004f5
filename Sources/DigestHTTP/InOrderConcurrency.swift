/// Runs `work` on every element with at most `concurrency` in flight (a new
/// one starts only when one ends), and hands each result to `emit` in input
/// order as soon as the results before it are done, so a long run can
/// stream its output. Shared by the link checker and the feed puller.
package func inOrderConcurrently<Element: Sendable, Result: Sendable>(
    _ elements: [Element], concurrency: Int, work: @escaping @Sendable (Element) async -> Result,
    emit: (Result) -> Void
) async {
    var finished = [Result?](repeating: nil, count: elements.count)
    var nextToEmit = 0
    await withTaskGroup(of: (Int, Result).self) { group in
        var nextToStart = 0
        func startNext() {
            guard nextToStart < elements.count else { return }
            let index = nextToStart
            let element = elements[index]
            group.addTask { (index, await work(element)) }
            nextToStart += 1
        }
        for _ in 0..<max(concurrency, 1) { startNext() }
        while let (index, result) = await group.next() {
            finished[index] = result
            while nextToEmit < finished.count, let ready = finished[nextToEmit] {
                emit(ready)
                finished[nextToEmit] = nil
                nextToEmit += 1
            }
            startNext()
        }
    }
}

/// The operation's value, or nil when `limit` passes first; the operation is
/// then cancelled, which `HTTPFetcher` answers at once. The one time limit of
/// link checks and of page and feed fetches.
package func withTimeLimit<T: Sendable>(_ limit: Duration, _ operation: @escaping @Sendable () async -> T) async -> T? {
    await withTaskGroup(of: T?.self) { group in
        group.addTask { await operation() }
        group.addTask {
            // Cancelled when the operation wins: ending early is then the point.
            try? await Task.sleep(for: limit)
            return nil
        }
        let first = await group.next() ?? nil
        group.cancelAll()
        return first
    }
}
