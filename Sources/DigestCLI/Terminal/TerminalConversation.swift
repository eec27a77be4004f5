import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Questions asked at the terminal and answered there: one key at a time
/// (the terminal in non-canonical mode, without echo, as `git add -p` reads
/// its answers), or a line of text. Writes go straight to standard output,
/// before the command's result is printed.
final class TerminalConversation {
    private var saved = termios()
    private var isRaw = false

    /// What a key press came to.
    enum Key: Equatable {
        case character(Character)
        /// Ctrl-C, or the end of the input: stop without recording anything.
        case interrupt
    }

    deinit { restore() }

    /// Written at once, before the command's result: the stream progress lines use.
    func say(_ text: String) {
        StandardStream.output.write(text)
    }

    /// One key, without waiting for Return.
    func key() -> Key {
        enterRaw()
        var byte: UInt8 = 0
        while true {
            let count = read(STDIN_FILENO, &byte, 1)
            if count < 0 && errno == EINTR { continue }
            guard count == 1 else { return .interrupt }
            if byte == 0x03 || byte == 0x04 { return .interrupt }
            // Multi-byte keys (arrows) and control keys other than those are not answers.
            guard byte >= 0x20, byte < 0x7F else { continue }
            return .character(Character(Unicode.Scalar(byte)))
        }
    }

    /// A line of text, echoed as it is typed; nil at the end of the input.
    func line() -> String? {
        restore()
        var bytes: [UInt8] = []
        var byte: UInt8 = 0
        while true {
            let count = read(STDIN_FILENO, &byte, 1)
            if count < 0 && errno == EINTR { continue }
            guard count == 1 else { return bytes.isEmpty ? nil : String(decoding: bytes, as: UTF8.self) }
            if byte == 0x0A || byte == 0x0D { return String(decoding: bytes, as: UTF8.self) }
            bytes.append(byte)
        }
    }

    private func enterRaw() {
        guard !isRaw, tcgetattr(STDIN_FILENO, &saved) == 0 else { return }
        var raw = saved
        raw.c_lflag &= ~tcflag_t(ICANON | ECHO)
        // Ctrl-C arrives as a key (0x03), not a signal, so the terminal is
        // put back and nothing is recorded, rather than the process dying raw.
        raw.c_lflag &= ~tcflag_t(ISIG)
        withUnsafeMutableBytes(of: &raw.c_cc) { cc in
            cc[Int(VMIN)] = 1
            cc[Int(VTIME)] = 0
        }
        if tcsetattr(STDIN_FILENO, TCSANOW, &raw) == 0 { isRaw = true }
    }

    /// The terminal as it was.
    func restore() {
        guard isRaw else { return }
        tcsetattr(STDIN_FILENO, TCSANOW, &saved)
        isRaw = false
    }
}
