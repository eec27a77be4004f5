/// What a reviewer decides in one `review` command.
package struct ReviewDecisions: Sendable {
    package var approve: [Int]
    package var reject: [Int]
    package var deferred: [Int]
    package var note: String?

    package init(approve: [Int] = [], reject: [Int] = [], deferred: [Int] = [], note: String? = nil) {
        self.approve = approve
        self.reject = reject
        self.deferred = deferred
        self.note = note
    }

    package var isEmpty: Bool { approve.isEmpty && reject.isEmpty && deferred.isEmpty }
}
