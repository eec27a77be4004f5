#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The few file-system questions digest asks, answered with plain system
/// calls (cheaper at start-up than FileManager).
package enum FileSystem {
    package static func exists(_ path: String) -> Bool {
        access(path, F_OK) == 0
    }

    package static func isWritable(_ path: String) -> Bool {
        access(path, W_OK) == 0
    }

    package static func isDirectory(_ path: String) -> Bool {
        kind(of: path) == .directory
    }

    /// The folder holding `path` (`.` for a bare file name).
    package static func directory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        let folder = String(path[..<slash])
        return folder.isEmpty ? "/" : folder
    }

    /// The last part of a path: `issue.eml` for `out/issue.eml`.
    package static func name(of path: String) -> String {
        path.split(separator: "/").last.map(String.init) ?? path
    }

    /// What is at a path.
    package enum Kind: Equatable, Sendable {
        case missing, regularFile, directory, fifo, characterDevice, blockDevice, socket, symbolicLink

        /// For messages: "a FIFO (named pipe)".
        package var description: String {
            switch self {
            case .missing: "nothing"
            case .regularFile: "a regular file"
            case .directory: "a folder"
            case .fifo: "a FIFO (named pipe)"
            case .characterDevice: "a character device"
            case .blockDevice: "a block device"
            case .socket: "a socket"
            case .symbolicLink: "a symbolic link"
            }
        }

        init(mode: mode_t) {
            switch mode & S_IFMT {
            case S_IFREG: self = .regularFile
            case S_IFDIR: self = .directory
            case S_IFIFO: self = .fifo
            case S_IFCHR: self = .characterDevice
            case S_IFBLK: self = .blockDevice
            case S_IFSOCK: self = .socket
            default: self = .symbolicLink
            }
        }
    }

    /// What is at `path`, following symbolic links unless `followingLinks` is false.
    package static func kind(of path: String, followingLinks: Bool = true) -> Kind {
        var status = stat()
        let found = followingLinks ? stat(path, &status) : lstat(path, &status)
        return found == 0 ? Kind(mode: status.st_mode) : .missing
    }

    /// Whether `path` names the very file (or pipe, or terminal) that `descriptor` is open on.
    package static func isSameFile(_ path: String, as descriptor: Int32) -> Bool {
        var named = stat(), open = stat()
        return stat(path, &named) == 0 && fstat(descriptor, &open) == 0
            && named.st_dev == open.st_dev && named.st_ino == open.st_ino
    }

    /// Writes all of `text` to `descriptor`, retrying short writes (a pipe
    /// takes what fits) and interrupted calls. Returns the `errno` of a
    /// failed write, nil when every byte was written.
    package static func writeAll(_ text: String, to descriptor: Int32) -> Int32? {
        var text = text
        return text.withUTF8 { buffer -> Int32? in
            guard let base = buffer.baseAddress else { return nil }
            var offset = 0
            while offset < buffer.count {
                let written = write(descriptor, base + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    return errno
                }
                offset += written
            }
            return nil
        }
    }

    /// The system's sentence for an `errno`: "No space left on device".
    package static func reason(_ code: Int32) -> String {
        String(cString: strerror(code))
    }

    /// The absolute path with every link resolved, or nil when it does not exist.
    package static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// Why a file inside `folder` may not be read, or its bytes: a link is
    /// followed only when it ends inside `folder` (compared after resolving
    /// every link), and the file is opened without following links again, so
    /// it cannot be swapped for one in between.
    package enum ContainedRead {
        case bytes([UInt8])
        case outside(target: String)
        case unreadable
    }

    package static func readContained(_ path: String, in folder: String) -> ContainedRead {
        guard let realFolder = realPath(folder), let target = realPath(path) else {
            return .outside(target: "a file that does not exist")
        }
        let inside = realFolder == "/" ? target.hasPrefix("/") : target.hasPrefix(realFolder + "/")
        guard inside else { return .outside(target: target) }
        let descriptor = open(target, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
        guard descriptor >= 0 else { return .unreadable }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG else { return .unreadable }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 { return .unreadable }
            if count == 0 { break }
            bytes.append(contentsOf: buffer[0..<count])
        }
        return .bytes(bytes)
    }

    /// The size of a file in bytes, nil when there is none.
    package static func size(of path: String) -> Int? {
        var status = stat()
        guard stat(path, &status) == 0 else { return nil }
        return Int(status.st_size)
    }

    /// Whether two paths name the same file (the same device and inode).
    package static func isSameFile(_ first: String, _ second: String) -> Bool {
        var a = stat(), b = stat()
        return stat(first, &a) == 0 && stat(second, &b) == 0 && a.st_dev == b.st_dev && a.st_ino == b.st_ino
    }
}
