import Foundation

/// Reads a child's stdout and stderr on background threads until both close.
final class OutputCollector: @unchecked Sendable {
    private let group = DispatchGroup()
    private let lock = NSLock()
    private var out = Data()
    private var err = Data()

    init(stdout: FileHandle, stderr: FileHandle) {
        group.enter()
        DispatchQueue.global().async {
            let data = stdout.readDataToEndOfFile()
            self.lock.lock()
            self.out = data
            self.lock.unlock()
            self.group.leave()
        }
        group.enter()
        DispatchQueue.global().async {
            let data = stderr.readDataToEndOfFile()
            self.lock.lock()
            self.err = data
            self.lock.unlock()
            self.group.leave()
        }
    }

    func finish() -> (Data, Data) {
        group.wait()
        lock.lock()
        defer { lock.unlock() }
        return (out, err)
    }
}
