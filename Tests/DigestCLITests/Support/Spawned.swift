import Foundation

/// Runs the built `digest` with standard output and error wired to given
/// files (a device, a FIFO, a pipe nobody reads), and tells how it ended,
/// a signal included.
struct Spawned {
    let status: Int32
    let reason: Process.TerminationReason
    let standardError: String

    var killedBySignal: Int32? { reason == .uncaughtSignal ? status : nil }

    @discardableResult
    static func run(_ digest: Digest, _ arguments: [String], standardOutput: FileHandle,
                    standardError: FileHandle? = nil, program: String = Products.digest) throws -> Spawned {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = arguments
        process.environment = digest.environment
        process.currentDirectoryURL = URL(fileURLWithPath: digest.directory.path)
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = standardOutput
        let errors = Pipe()
        process.standardError = standardError ?? errors
        try process.run()
        var text = ""
        if standardError == nil {
            try? errors.fileHandleForWriting.close()
            text = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        }
        process.waitUntilExit()
        return Spawned(status: process.terminationStatus, reason: process.terminationReason, standardError: text)
    }
}

extension TemporaryDirectory {
    /// A character device inside the folder: `full` (1, 7) refuses every
    /// write with ENOSPC, as a full disk does.
    @discardableResult
    func makeFullDevice(_ name: String = "full") throws -> String {
        let path = file(name)
        let made = try Digest.execute("/usr/bin/env", ["mknod", path, "c", "1", "7"],
                                      environment: ProcessInfo.processInfo.environment, directory: self.path)
        guard made.status == 0 else { throw MakeFailed(what: "mknod \(path)", message: made.standardError) }
        return path
    }

    @discardableResult
    func makeFIFO(_ name: String) throws -> String {
        let path = file(name)
        guard mkfifo(path, 0o644) == 0 else { throw MakeFailed(what: "mkfifo \(path)", message: String(cString: strerror(errno))) }
        return path
    }

    /// What is at `name`, without following a link: "fifo", "character device", "file", "link", "folder".
    func kind(_ name: String) -> String {
        var status = stat()
        guard lstat(file(name), &status) == 0 else { return "nothing" }
        switch status.st_mode & S_IFMT {
        case S_IFIFO: return "fifo"
        case S_IFCHR: return "character device"
        case S_IFREG: return "file"
        case S_IFLNK: return "link"
        case S_IFDIR: return "folder"
        default: return "other"
        }
    }

    struct MakeFailed: Error { let what: String; let message: String }
}

extension Spawned {
    /// Starts the built `digest` quietly and returns at once, for a test that
    /// watches it (`bytesWritten`) and may kill it.
    static func start(_ digest: Digest, _ arguments: [String]) throws -> Process {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Products.digest)
        process.arguments = arguments
        process.environment = digest.environment
        process.currentDirectoryURL = URL(fileURLWithPath: digest.directory.path)
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    /// The bytes a running process has written so far (`wchar` in /proc), nil once it is gone.
    static func bytesWritten(by pid: pid_t) -> Int? {
        guard let text = try? String(contentsOfFile: "/proc/\(pid)/io", encoding: .utf8) else { return nil }
        return text.split(separator: "\n").first { $0.hasPrefix("wchar:") }
            .flatMap { Int($0.dropFirst("wchar:".count).trimmingCharacters(in: .whitespaces)) }
    }
}
