import Foundation

/// The one way digest writes a file: readers see the old bytes or the new
/// ones, never half of them, and nothing but a regular file is ever replaced.
///
/// The bytes go to a temporary file beside the target, created exclusively
/// under an unpredictable name (`O_EXCL | O_NOFOLLOW`, so nobody can plant a
/// file or a link there first), are flushed, and the file is renamed over the
/// target; the folder is then flushed too, so the rename itself survives a
/// power cut.
package enum AtomicFile {
    /// `durable` flushes the file and its folder to the disk, so it survives a
    /// power cut: for a published edition's files and dumps, not for a static
    /// site that `export` can write again.
    package static func write(_ text: String, to path: String, durable: Bool = true) throws(DigestError) {
        try write(text, to: try replaceableTarget(path).path, for: path, durable: durable)
    }

    private static func write(_ text: String, to target: String, for path: String, durable: Bool) throws(DigestError) {
        let temporary = try TemporaryFile(beside: target, for: path)
        if let code = FileSystem.writeAll(text, to: temporary.descriptor) {
            temporary.discard()
            throw failure(path, code)
        }
        try temporary.flush(durable: durable)
        try moveIntoPlace(temporary, at: target, for: path, durable: durable)
    }

    /// Writes a file atomically from pieces that `produce` hands to the
    /// closure it is given, so a large file is never whole in memory.
    package static func write(to path: String, durable: Bool = true,
                              _ produce: (_ write: (String) throws -> Void) throws -> Void) throws {
        let target = try replaceableTarget(path).path
        let temporary = try TemporaryFile(beside: target, for: path)
        var buffer = ""
        func drain() throws(DigestError) {
            if let code = FileSystem.writeAll(buffer, to: temporary.descriptor) { throw failure(path, code) }
            buffer = ""
        }
        do {
            try produce { text in
                buffer += text
                if buffer.utf8.count >= 1 << 18 { try drain() }
            }
            try drain()
            try temporary.flush(durable: durable)
        } catch {
            temporary.discard()
            throw error
        }
        try moveIntoPlace(temporary, at: target, for: path, durable: durable)
    }

    /// Writes only when the file does not already hold exactly these bytes.
    /// Returns whether it wrote.
    package static func writeIfChanged(_ text: String, to path: String, durable: Bool = true) throws(DigestError) -> Bool {
        let (target, kind) = try replaceableTarget(path)
        if kind == .regularFile, let existing = FileManager.default.contents(atPath: target) {
            // Compared with memcmp: a byte-by-byte walk of Data against the
            // string's UTF-8 view cost more than writing the file again.
            var text = text
            let same = text.withUTF8 { new in existing.withUnsafeBytes { old in sameBytes(old, UnsafeRawBufferPointer(new)) } }
            if same { return false }
        }
        try write(text, to: target, for: path, durable: durable)
        return true
    }

    /// Builds a new file under a temporary name with `build` (given that
    /// path), then links it into place, which fails when anything is at
    /// `path` by then: the file appears complete or not at all, and of two
    /// processes creating the same path exactly one succeeds. Returns false
    /// when `path` was taken, leaving it as it was.
    package static func createExclusively(at path: String, build: (String) throws -> Void) throws -> Bool {
        let temporary = try TemporaryFile(beside: path, for: path)
        do {
            try build(temporary.path)
            try temporary.flush(durable: true)
        } catch {
            temporary.discard()
            throw error
        }
        let linked = link(temporary.path, path) == 0
        let code = errno
        temporary.discard()
        guard linked else {
            if code == EEXIST { return false }
            throw failure(path, code)
        }
        try temporary.flushFolder()
        return true
    }

    /// Makes a new file with `build` (given the path of an empty temporary
    /// file beside `path`), flushes it and renames it over `path`: for a file
    /// another library writes, such as a database copy.
    package static func replace(_ path: String, build: (String) throws -> Void) throws {
        let target = try replaceableTarget(path).path
        let temporary = try TemporaryFile(beside: target, for: path)
        do {
            try build(temporary.path)
            try temporary.flush(durable: true)
        } catch {
            temporary.discard()
            throw error
        }
        try moveIntoPlace(temporary, at: target, for: path, durable: true)
    }

    /// Renames the finished temporary file over `target`, then (durable)
    /// flushes the folder so the rename survives a power cut.
    private static func moveIntoPlace(_ temporary: TemporaryFile, at target: String, for path: String,
                                      durable: Bool) throws(DigestError) {
        guard rename(temporary.path, target) == 0 else {
            let code = errno
            temporary.discard()
            throw failure(path, code)
        }
        if durable { try temporary.flushFolder() }
    }

    package static func makeDirectory(_ path: String) throws(DigestError) {
        let kind = FileSystem.kind(of: path)
        guard kind == .directory || kind == .missing else {
            throw .cannotWrite("cannot use \(path) as a folder: it is \(kind.description); give the path of a folder.")
        }
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        } catch {
            throw .cannotWrite("cannot create the folder \(path) (\(error.localizedDescription)).")
        }
        guard FileSystem.isWritable(path) else {
            throw .cannotWrite("the folder \(path) is not writable for this user.")
        }
    }

    /// The path to write for `path`: itself, or the file a symbolic link
    /// points at, with what is there now (missing, or a regular file).
    /// Anything else (a device, a FIFO, a folder, a socket) is refused, so
    /// writing never turns it into a file. One `lstat` for a plain path: an
    /// export asks this of twenty thousand files.
    private static func replaceableTarget(_ path: String) throws(DigestError) -> (path: String, kind: FileSystem.Kind) {
        var target = path
        var kind = FileSystem.kind(of: path, followingLinks: false)
        if kind == .symbolicLink, let resolved = realpath(path, nil) {
            target = String(cString: resolved)
            free(resolved)
            kind = FileSystem.kind(of: target, followingLinks: false)
        }
        guard kind == .missing || kind == .regularFile else {
            throw .cannotWrite("cannot write \(path): it is \(kind.description), not a regular file, and digest "
                + "replaces only regular files; give the path of a file (or - for standard output).")
        }
        return (target, kind)
    }

    fileprivate static func failure(_ path: String, _ code: Int32) -> DigestError {
        .cannotWrite("cannot write \(path): \(FileSystem.reason(code)).")
    }
}

/// A new file beside a target, created exclusively under a name nobody can
/// guess: `.NAME.tmp-` and 16 random hex digits.
private final class TemporaryFile {
    let path: String
    let descriptor: Int32
    private var isOpen = true
    /// The path the caller asked for, for messages.
    let target: String

    init(beside file: String, for target: String) throws(DigestError) {
        self.target = target
        let prefix = FileSystem.directory(of: file) + "/." + FileSystem.name(of: file) + ".tmp-"
        var attempts = 0
        while true {
            let candidate = prefix + String(UInt64.random(in: .min ... .max), radix: 16)
            let opened = open(candidate, O_RDWR | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o666)
            if opened >= 0 {
                path = candidate
                descriptor = opened
                return
            }
            attempts += 1
            guard errno == EEXIST, attempts < 100 else { throw AtomicFile.failure(target, errno) }
        }
    }

    /// Flushes the file's bytes to the disk (when durable) and closes it.
    func flush(durable: Bool) throws(DigestError) {
        let synced = !durable || fsync(descriptor) == 0
        let code = errno
        closeOnce()
        guard synced else {
            discard()
            throw AtomicFile.failure(target, code)
        }
    }

    /// Closes (when still open) and removes the temporary file, with any
    /// journal SQLite left beside it.
    func discard() {
        closeOnce()
        for suffix in ["", "-journal", "-wal", "-shm"] { unlink(path + suffix) }
    }

    private func closeOnce() {
        if isOpen { close(descriptor) }
        isOpen = false
    }

    /// Flushes the folder, so that a rename or link into it is on the disk.
    func flushFolder() throws(DigestError) {
        let folder = open(FileSystem.directory(of: path), O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard folder >= 0 else { return }
        defer { close(folder) }
        // Some file systems cannot flush a folder (EINVAL); they order renames themselves.
        if fsync(folder) != 0, errno != EINVAL { throw AtomicFile.failure(target, errno) }
    }
}
