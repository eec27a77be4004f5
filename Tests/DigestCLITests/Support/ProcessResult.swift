/// How a run of a program ended: what a user would see.
struct ProcessResult {
    let status: Int32
    let standardOutput: String
    let standardError: String
}
