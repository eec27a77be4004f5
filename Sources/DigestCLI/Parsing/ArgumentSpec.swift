/// One positional argument a command takes.
struct ArgumentSpec: Sendable {
    /// As shown in usage: `ISSUE`, `ITEM`.
    let name: String
    let help: String
    var optional = false
    /// The argument is a path (read or written on the client through `ssh://`).
    var file: FileRole?
    /// The argument is a path only when the first argument is this action
    /// (`feeds import FILE.opml`).
    var fileOnlyAfter: String?
}
