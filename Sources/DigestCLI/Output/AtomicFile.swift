import DigestCore
import Foundation

/// Writes a file so that readers see the old bytes or the new ones, never
/// half of them: a temporary file beside it, flushed to disk, then renamed.
enum AtomicFile {
    /// `durable` also flushes the file to the disk before the rename, so it
    /// survives a power cut: for a published edition's files, not for a
    /// static site that `export` can write again.
    static func write(_ text: String, to path: String, durable: Bool = true) throws {
        let folder = FileSystem.directory(of: path)
        let temporary = folder + "/." + (path.split(separator: "/").last.map(String.init) ?? "digest") + ".tmp-\(getpid())"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard descriptor >= 0 else { throw failure(path, errno) }
        var text = text
        let written: Bool = text.withUTF8 { buffer in
            var offset = 0
            while offset < buffer.count {
                guard let base = buffer.baseAddress else { break }
                let count = Foundation.write(descriptor, base + offset, buffer.count - offset)
                if count < 0 {
                    if errno == EINTR { continue }
                    return false
                }
                offset += count
            }
            return true
        }
        let code = errno
        let synced = written && (!durable || fsync(descriptor) == 0)
        close(descriptor)
        guard synced, rename(temporary, path) == 0 else {
            let reason = written ? errno : code
            unlink(temporary)
            throw failure(path, reason)
        }
    }

    /// Writes only when the file does not already hold exactly these bytes.
    /// Returns whether it wrote.
    static func writeIfChanged(_ text: String, to path: String, durable: Bool = true) throws -> Bool {
        var text = text
        if FileSystem.exists(path), let existing = FileManager.default.contents(atPath: path),
           existing.count == text.utf8.count {
            let same = text.withUTF8 { new in
                existing.withUnsafeBytes { old in
                    guard let newBase = new.baseAddress, let oldBase = old.baseAddress else { return new.isEmpty }
                    return memcmp(newBase, oldBase, new.count) == 0
                }
            }
            if same { return false }
        }
        try write(text, to: path, durable: durable)
        return true
    }

    static func makeDirectory(_ path: String) throws {
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        } catch {
            throw DigestError.cannotWrite("cannot create the folder \(path) (\(error.localizedDescription)).")
        }
        guard FileSystem.isWritable(path) else {
            throw DigestError.cannotWrite("the folder \(path) is not writable for this user.")
        }
    }

    private static func failure(_ path: String, _ code: Int32) -> DigestError {
        .cannotWrite("cannot write \(path): \(String(cString: strerror(code))).")
    }
}
