import Foundation

/// Long output on a terminal goes through a pager, as git does: `$DIGEST_PAGER`,
/// else `$PAGER`, else `less -FRX`; an empty `DIGEST_PAGER` (or `--no-pager`)
/// turns it off.
enum Pager {
    /// The pager command to use for `text`, or nil to print it directly.
    static func command(for text: String, pageable: Bool, terminal: Terminal, disabled: Bool,
                        environment: [String: String]) -> String? {
        guard pageable, !disabled, terminal.standardOutputIsTerminal else { return nil }
        let command: String
        if let chosen = environment["DIGEST_PAGER"] {
            command = chosen
        } else if let chosen = environment["PAGER"] {
            command = chosen
        } else {
            command = "less -FRX"
        }
        guard !command.allSatisfy(\.isWhitespace), command != "cat" else { return nil }
        return lineCount(text) >= terminal.rows ? command : nil
    }

    private static func lineCount(_ text: String) -> Int {
        text.utf8.reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
    }

    /// Runs `command` through the shell with `text` on its standard input and
    /// waits for it. Returns false when the pager could not be started, so
    /// that the caller prints the text itself.
    static func show(_ text: String, with command: String, environment: [String: String]) -> Bool {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", command]
        var environment = environment
        // As git does: colours pass through less, and short output does not wait for 'q'.
        if environment["LESS"] == nil { environment["LESS"] = "FRX" }
        if environment["LV"] == nil { environment["LV"] = "-c" }
        process.environment = environment
        let input = Pipe()
        process.standardInput = input
        do {
            try process.run()
        } catch {
            return false
        }
        // The reader may quit before reading everything: that is not an error.
        let previous = signal(SIGPIPE, SIG_IGN)
        let handle = input.fileHandleForWriting
        var bytes = Array(text.utf8)
        bytes.withUnsafeMutableBytes { buffer in
            guard let base = buffer.baseAddress else { return }
            var offset = 0
            while offset < buffer.count {
                let written = write(handle.fileDescriptor, base + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    break
                }
                offset += written
            }
        }
        try? handle.close()
        process.waitUntilExit()
        signal(SIGPIPE, previous)
        return true
    }
}
