/// What a path on the command line names, declared once in the command's
/// spec. Through `ssh://` the client reads the inputs and sends them, and
/// writes what the host sends into the outputs, and nothing else: the host
/// can touch only the files the command line named.
package enum FileRole: Sendable, Equatable {
    /// A file that is read (`-` is standard input).
    case input
    /// A folder of templates that is read.
    case templateFolder
    /// A file that is written.
    case output
    /// A folder that files are written into (created if needed).
    case outputFolder
}
