import Foundation

/// Renders the editions of many issues on other threads while the caller
/// stores rows: an archive import spends more time rendering than
/// inserting, so rendering gets every core and the inserting thread, which
/// mostly waits on the disk, takes each edition as it is ready.
///
/// Issues are handed out in order and at most a few finished editions wait
/// at a time, so memory stays flat however many issues there are.
package final class EditionPipeline: @unchecked Sendable {
    private let condition = NSCondition()
    private var finished: [Int: Result<(renders: EditionRenders, messageID: String), any Error>] = [:]
    private var nextToRender = 0
    private var consumed = 0
    private var cancelled = false
    private var collectedWarnings: [String] = []
    private static let maximumAhead = 6

    /// Starts rendering `issues`, each as its own `edition`.
    package init(issues: [Issue], templates: TemplateSet, publication: PublicationInfo, at: Timestamp) {
        let workers = max(1, min(ProcessInfo.processInfo.activeProcessorCount, 4, issues.count))
        for _ in 0..<workers {
            let thread = Thread { [self] in
                // Each worker has its own renderer: renderers cache parsed templates and are not shared.
                let maker = EditionMaker(templates: templates, publication: publication)
                while let index = claim(count: issues.count) {
                    let issue = issues[index]
                    let result = Result { try maker.make(issue, edition: issue.edition ?? 1, at: at) }
                    condition.lock()
                    finished[index] = result
                    collectedWarnings += maker.warnings.filter { !collectedWarnings.contains($0) }
                    condition.broadcast()
                    condition.unlock()
                }
            }
            thread.stackSize = 8 << 20
            thread.start()
        }
    }

    /// The next issue to render, waiting while the consumer is far behind;
    /// nil when all are handed out or the pipeline was cancelled.
    private func claim(count: Int) -> Int? {
        condition.lock()
        defer { condition.unlock() }
        while nextToRender - consumed >= Self.maximumAhead && !cancelled { condition.wait() }
        guard !cancelled, nextToRender < count else { return nil }
        nextToRender += 1
        return nextToRender - 1
    }

    /// The renders of the issue at `index`, waiting for them if needed.
    package func edition(_ index: Int) throws -> (renders: EditionRenders, messageID: String) {
        condition.lock()
        defer { condition.unlock() }
        while finished[index] == nil { condition.wait() }
        guard let result = finished.removeValue(forKey: index) else {
            throw DigestError.internalError("edition \(index) vanished while rendering.")
        }
        consumed = index + 1
        condition.broadcast()
        return try result.get()
    }

    /// Warnings from rendering, once everything is rendered.
    package var warnings: [String] {
        condition.lock()
        defer { condition.unlock() }
        return collectedWarnings
    }

    /// Stops the rendering thread early (the import failed).
    package func cancel() {
        condition.lock()
        cancelled = true
        condition.broadcast()
        condition.unlock()
    }
}
