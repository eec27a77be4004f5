/// One positional argument a command takes.
package struct ArgumentSpec: Sendable {
    /// As shown in usage: `ISSUE`, `ITEM`.
    package let name: String
    package let help: String
    package var optional = false
    /// The argument is a path (read or written on the client through `ssh://`).
    package var file: FileRole?
    /// The argument is a path only when the first argument is this action
    /// (`feeds import FILE.opml`).
    package var fileOnlyAfter: String?

    package init(name: String, help: String, optional: Bool = false, file: FileRole? = nil, fileOnlyAfter: String? = nil) {
        self.name = name
        self.help = help
        self.optional = optional
        self.file = file
        self.fileOnlyAfter = fileOnlyAfter
    }
}
