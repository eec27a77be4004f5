import DigestModel
import DigestRendering
import DigestWorkflow
import Foundation

/// Where `--out FILE` sends a command's output.
enum OutputTarget: Equatable {
    case standardOutput
    /// A regular file, written atomically; anything else at the path is refused.
    case file(String)

    /// `-`, and a path naming what standard output already is (`/dev/stdout`,
    /// the terminal), mean standard output: writing there by rename would
    /// replace the device or pipe with a file.
    init(_ path: String) {
        self = path == "-" || FileSystem.isSameFile(path, as: STDOUT_FILENO) ? .standardOutput : .file(path)
    }

    /// The `--out` option's target; standard output when it is not given.
    init(option path: String?) {
        self = path.map(OutputTarget.init) ?? .standardOutput
    }
}
