import DigestCore

/// What digest prints for people never carries raw control bytes: text read
/// from the database or typed by someone else (a name, a setting, a value
/// echoed in an error) could otherwise move the cursor, rewrite the screen,
/// retitle the window or reorder what the reader sees. Such characters are
/// shown as `<U+001B>`.
enum TerminalText {
    /// `text` with every control and bidi character made visible. Line
    /// breaks and tabs stay; with `keepingStyle`, so do the colour sequences
    /// (`ESC [ … m`) digest's own `TextStyle` writes.
    static func safe(_ text: String, keepingStyle: Bool) -> String {
        guard text.unicodeScalars.contains(where: needsEscape) else { return text }
        var output = String.UnicodeScalarView()
        let scalars = Array(text.unicodeScalars)
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            if keepingStyle, scalar == "\u{1B}", let end = styleSequenceEnd(scalars, from: index) {
                output.append(contentsOf: scalars[index...end])
                index = end + 1
                continue
            }
            if needsEscape(scalar) {
                output.append(contentsOf: "<U+\(TextRules.hex(scalar))>".unicodeScalars)
            } else {
                output.append(scalar)
            }
            index += 1
        }
        return String(output)
    }

    private static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0A, 0x09: return false
        case 0x00..<0x20, 0x7F..<0xA0: return true
        case 0x200B...0x200F, 0x2028...0x202E, 0x2060, 0x2066...0x2069, 0xFEFF: return true
        default: return false
        }
    }

    /// The index of the `m` ending an SGR sequence `ESC [ digits;… m` at `start`.
    private static func styleSequenceEnd(_ scalars: [Unicode.Scalar], from start: Int) -> Int? {
        guard start + 2 < scalars.count, scalars[start + 1] == "[" else { return nil }
        var index = start + 2
        while index < scalars.count, index - start < 16 {
            let scalar = scalars[index]
            if scalar == "m" { return index }
            guard ("0"..."9").contains(scalar) || scalar == ";" else { return nil }
            index += 1
        }
        return nil
    }
}
