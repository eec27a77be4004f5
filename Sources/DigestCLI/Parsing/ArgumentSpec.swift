/// One positional argument a command takes.
struct ArgumentSpec: Sendable {
    /// As shown in usage: `ISSUE`, `ITEM`.
    let name: String
    let help: String
    var optional = false
}
