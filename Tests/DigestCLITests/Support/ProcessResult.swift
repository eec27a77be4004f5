/// How a run of a program ended: what a user would see.
struct ProcessResult: Sendable {
    let status: Int32
    let standardOutput: String
    let standardError: String
}
