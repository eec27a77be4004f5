/// Plain-text layout for terminal output: word wrapping with an indent.
enum TextLayout {
    static let width = 78

    /// `text` wrapped to `width` columns, every line starting with `indent`.
    /// Line breaks in the text are kept; a word longer than a line stands alone.
    ///
    /// Width is counted in Unicode scalars: stored text is NFC, where a
    /// scalar is a column for nearly every script, and counting grapheme
    /// clusters costs far more on a screenful of excerpts.
    static func wrap(_ text: String, indent: String, width: Int = TextLayout.width) -> String {
        let indentBytes = Array(indent.utf8)
        let indentWidth = scalarCount(indentBytes[...])
        let bytes = Array(text.utf8)
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count + bytes.count / 8 + indentBytes.count)
        output += indentBytes
        var lineWidth = indentWidth
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0x0A {
                output.append(0x0A)
                output += indentBytes
                lineWidth = indentWidth
                index += 1
                continue
            }
            if byte == 0x20 {
                index += 1
                continue
            }
            var end = index
            while end < bytes.count, bytes[end] != 0x20, bytes[end] != 0x0A { end += 1 }
            let word = bytes[index..<end]
            let wordWidth = scalarCount(word)
            if lineWidth > indentWidth {
                if lineWidth + 1 + wordWidth > width {
                    output.append(0x0A)
                    output += indentBytes
                    lineWidth = indentWidth
                } else {
                    output.append(0x20)
                    lineWidth += 1
                }
            }
            output += word
            lineWidth += wordWidth
            index = end
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// Unicode scalars in UTF-8 bytes: every byte but continuation bytes starts one.
    private static func scalarCount(_ bytes: ArraySlice<UInt8>) -> Int {
        bytes.reduce(0) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) }
    }

    /// Columns padded to the widest cell, for tables such as `list`.
    /// `decorate` may wrap a cell in colour: widths are taken from the plain text.
    static func table(_ rows: [[String]],
                      decorate: ((_ row: Int, _ column: Int, _ cell: String) -> String)? = nil) -> String {
        guard let columns = rows.map({ row in row.count }).max() else { return "" }
        // Widths in scalars, as in `wrap`, each taken once.
        let counts = rows.map { row in row.map { cell in cell.unicodeScalars.count } }
        var widths = [Int](repeating: 0, count: columns)
        for row in counts {
            for (index, count) in row.enumerated() { widths[index] = max(widths[index], count) }
        }
        var output = ""
        for (rowIndex, (row, rowCounts)) in zip(rows, counts).enumerated() {
            for (index, cell) in row.enumerated() {
                output += decorate?(rowIndex, index, cell) ?? cell
                if index < row.count - 1 {
                    output += String(repeating: " ", count: widths[index] - rowCounts[index] + 2)
                }
            }
            output += "\n"
        }
        return output
    }

    static func plural(_ count: Int, _ noun: String) -> String {
        "\(count) \(noun)\(count == 1 ? "" : "s")"
    }
}
