import Foundation
import DigestModel

/// Renders the editions of many issues on other threads while the caller
/// stores rows: an archive import spends more time rendering than
/// inserting, so rendering gets the other cores and the inserting thread,
/// which mostly waits on the disk, takes each edition when it needs it.
///
/// Issues are handed in one at a time as the import reads them, and the
/// caller takes each edition back a few issues later, so memory stays flat
/// however many issues there are.
package final class EditionPipeline: @unchecked Sendable {
    /// One edition as the workers hand it over: its renders, the email in
    /// the form it is stored (`StoredEmail`), and its Message-ID.
    package struct Rendered {
        package let renders: RenderedEdition
        package let messageID: String
    }

    private let condition = NSCondition()
    private var waiting: [(index: Int, issue: Issue)] = []
    private var finished: [Int: Result<Rendered, any Error>] = [:]
    private var submitted = 0
    private var cancelled = false
    private var collectedWarnings: [String] = []
    private let templates: TemplateSet
    private let publication: PublicationInfo
    private let at: Timestamp
    private let workers: Int
    private var started = 0

    package init(templates: TemplateSet, publication: PublicationInfo, at: Timestamp) {
        self.templates = templates
        self.publication = publication
        self.at = at
        workers = max(1, min(ProcessInfo.processInfo.activeProcessorCount, 4))
    }

    /// Starts rendering `issue` as its own `edition`; returns the index to
    /// ask for it by.
    package func submit(_ issue: Issue) -> Int {
        condition.lock()
        defer { condition.unlock() }
        let index = submitted
        submitted += 1
        waiting.append((index, issue))
        // Threads start as work arrives: an import of one issue renders on one.
        if started < workers {
            started += 1
            startWorker()
        }
        condition.broadcast()
        return index
    }

    private func startWorker() {
        let thread = Thread { [self] in
            // Each worker has its own renderer: renderers cache parsed templates and are not shared.
            let maker = EditionRenderer(templates: templates, publication: publication)
            while let (index, issue) = claim() {
                let result = Result {
                    let (renders, messageID) = try maker.make(issue, edition: issue.edition ?? 1, at: at, email: .stored)
                    return Rendered(renders: renders, messageID: messageID)
                }
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

    /// The next issue to render, waiting for one; nil once cancelled.
    private func claim() -> (Int, Issue)? {
        condition.lock()
        defer { condition.unlock() }
        while waiting.isEmpty && !cancelled { condition.wait() }
        guard !cancelled else { return nil }
        return waiting.removeFirst()
    }

    /// The renders of the issue submitted as `index`, waiting for them if needed.
    package func edition(_ index: Int) throws -> Rendered {
        condition.lock()
        defer { condition.unlock() }
        while finished[index] == nil {
            guard index < submitted, !cancelled else {
                throw DigestError.internalError("edition \(index) was never rendered.")
            }
            condition.wait()
        }
        guard let result = finished.removeValue(forKey: index) else {
            throw DigestError.internalError("edition \(index) vanished while rendering.")
        }
        return try result.get()
    }

    /// Whether the renders of the issue submitted as `index` are ready; never waits.
    package func isReady(_ index: Int) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        return finished[index] != nil
    }

    /// Warnings from rendering, once everything is rendered.
    package var warnings: [String] {
        condition.lock()
        defer { condition.unlock() }
        return collectedWarnings
    }

    /// Stops the rendering threads (the import ended, or failed).
    package func cancel() {
        condition.lock()
        cancelled = true
        condition.broadcast()
        condition.unlock()
    }
}
