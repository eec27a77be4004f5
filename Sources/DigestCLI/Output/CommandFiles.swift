import CommandLineParsing
import DigestModel
import DigestRendering
import DigestWorkflow

/// The files a command reads and writes on behalf of the person running it:
/// those named on its command line (`--file`, `--templates`, `--out`, …).
/// Locally they are this machine's files; for a command served through ssh
/// they are the client's, reached over the connection (`HostedFiles`).
protocol CommandFiles: AnyObject {
    /// Reads ahead whatever of this command line's files the command will
    /// read (the client's, for a served command); nothing to do locally.
    func gather(for invocation: Invocation) throws
    /// The bytes of an input file, `-` meaning standard input.
    func read(_ path: String) throws -> [UInt8]
    /// A file argument to read a piece at a time.
    func chunks(_ path: String) throws -> LineChunks
    /// The templates of `--templates DIR` over the built-in ones.
    func templates(in folder: String) throws -> TemplateSet
    /// Whether an output path names an existing folder.
    func isFolder(_ path: String) throws -> Bool
    /// Creates a folder for output (and its parents), checked to be writable.
    func makeFolder(_ path: String) throws
    /// Writes a file atomically; with `onlyIfChanged`, leaves a file that
    /// already holds exactly these bytes alone. Returns whether it wrote.
    @discardableResult
    func write(_ text: String, to path: String, durable: Bool, onlyIfChanged: Bool) throws -> Bool
    /// Writes a copy of a database atomically: `make` fills an empty file at
    /// the path it is given; the copy is checked with `integrity_check`
    /// before it takes the place of `path`. Returns its size in bytes.
    @discardableResult
    func saveDatabaseCopy(to path: String, make: (String) throws -> Void) throws -> Int
}

extension CommandFiles {
    func gather(for invocation: Invocation) throws {}

    /// Files that come whole (from a client) are read whole.
    func chunks(_ path: String) throws -> LineChunks {
        LineChunks(bytes: try read(path))
    }
}

/// This machine's files.
final class LocalFiles: CommandFiles {
    private let standardInput: () -> [UInt8]

    init(standardInput: @escaping () -> [UInt8]) {
        self.standardInput = standardInput
    }

    func read(_ path: String) throws -> [UInt8] {
        if path == "-" { return standardInput() }
        guard FileSystem.exists(path) else {
            throw DigestError.notFound("there is no file \(path).")
        }
        guard !FileSystem.isDirectory(path), let data = FileManagerReader.read(path) else {
            throw DigestError.notFound("\(path) cannot be read (is it a folder, or unreadable for this user?).")
        }
        return data
    }

    func chunks(_ path: String) throws -> LineChunks {
        if path == "-" { return LineChunks(bytes: standardInput()) }
        guard FileSystem.exists(path) else {
            throw DigestError.notFound("there is no file \(path).")
        }
        guard !FileSystem.isDirectory(path), let chunks = try? LineChunks(path: path) else {
            throw DigestError.notFound("\(path) cannot be read (is it a folder, or unreadable for this user?).")
        }
        return chunks
    }

    func templates(in folder: String) throws -> TemplateSet {
        do {
            return try TemplateSet.load(overrides: folder)
        } catch {
            throw DigestError(error)
        }
    }

    func isFolder(_ path: String) throws -> Bool {
        FileSystem.isDirectory(path)
    }

    func makeFolder(_ path: String) throws {
        try AtomicFile.makeDirectory(path)
    }

    func write(_ text: String, to path: String, durable: Bool, onlyIfChanged: Bool) throws -> Bool {
        if onlyIfChanged { return try AtomicFile.writeIfChanged(text, to: path, durable: durable) }
        try AtomicFile.write(text, to: path, durable: durable)
        return true
    }

    func saveDatabaseCopy(to path: String, make: (String) throws -> Void) throws -> Int {
        // A backup into a folder not made yet makes it, as publish and export make theirs.
        let folder = FileSystem.directory(of: path)
        if FileSystem.kind(of: folder) == .missing { try AtomicFile.makeDirectory(folder) }
        var size = 0
        try AtomicFile.replace(path) { temporary in
            try make(temporary)
            try DigestStore.verifyCopy(at: temporary, shownAs: path)
            size = FileSystem.size(of: temporary) ?? 0
        }
        return size
    }
}
