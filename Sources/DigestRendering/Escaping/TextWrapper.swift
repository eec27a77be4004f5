import Foundation
import DigestModel

/// Lays out the text render for mail readers: lines wrapped at 72 columns on
/// spaces, never longer than 78, with no trailing spaces.
///
/// A word that does not fit stands alone on its line. A web address is never
/// broken, even past 78 columns, because a broken link cannot be followed;
/// any other word longer than 78 columns is cut at 72. Only the last line
/// that is exactly `-- ` keeps its space: mail readers treat what follows it
/// as the signature.
package enum TextWrapper {
    package static let width = 72
    package static let limit = 78

    package static func wrap(_ text: String) -> String {
        var text = text
        return text.withUTF8 { wrap($0) }
    }

    /// Wraps a render still in bytes, sparing a round trip through String.
    static func wrap(_ input: UnsafeBufferPointer<UInt8>) -> String {
        var output: [UInt8] = []
        output.reserveCapacity(input.count + input.count / 16)
        var delimiters: [Int] = []
        var lineStart = 0
        while lineStart < input.count {
            let lineEnd = endOfLine(input, from: lineStart)
            if lineEnd - lineStart == 3, input[lineStart] == dash, input[lineStart + 1] == dash,
               input[lineStart + 2] == space {
                delimiters.append(output.count)
                append(input, lineStart, lineEnd, to: &output)
            } else {
                wrapLine(input, lineStart, lineEnd, into: &output)
            }
            if lineEnd < input.count { output.append(newline) }
            lineStart = lineEnd + 1
        }
        for offset in delimiters.dropLast().reversed() {
            output.remove(at: offset + 2)
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// How many columns a terminal gives these bytes: one per character, two
    /// for East Asian wide characters. Combining marks count as one, which
    /// errs towards shorter lines.
    package static func columns(_ text: String) -> Int {
        var text = text
        return text.withUTF8 { bytes in
            var count = 0
            var index = 0
            while index < bytes.count {
                let (width, length) = scalarWidth(bytes, index, bytes.count)
                count += width
                index += length
            }
            return count
        }
    }

    private static let newline = UInt8(ascii: "\n")

    /// Where the line starting at `start` ends: the offset of its newline, or
    /// the end of the input. `memchr` scans far faster than a Swift loop.
    private static func endOfLine(_ input: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        guard let base = input.baseAddress,
              let found = memchr(base + start, Int32(newline), input.count - start) else { return input.count }
        return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
    }
    private static let space = UInt8(ascii: " ")
    private static let dash = UInt8(ascii: "-")

    /// Appends whole runs of the line between the places it breaks, rather
    /// than word by word.
    private static func wrapLine(
        _ input: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, into output: inout [UInt8]
    ) {
        var end = end
        while end > start, input[end - 1] == space { end -= 1 }
        if end - start <= width {
            append(input, start, end, to: &output)
            return
        }
        var index = start
        while index < end, input[index] == space { index += 1 }
        var segmentStart = start
        var segmentEnd = index
        var lineWidth = index - start
        var lineHasWord = false
        while index < end {
            let gapStart = index
            while index < end, input[index] == space { index += 1 }
            let gap = index - gapStart
            let wordStart = index
            var wordWidth = 0
            while index < end {
                let byte = input[index]
                if byte == space { break }
                if byte < 0x80 {
                    wordWidth += 1
                    index += 1
                } else {
                    let (width, length) = scalarWidth(input, index, end)
                    wordWidth += width
                    index += length
                }
            }
            if lineHasWord, lineWidth + gap + wordWidth > width {
                append(input, segmentStart, segmentEnd, to: &output)
                output.append(newline)
                segmentStart = wordStart
                lineWidth = 0
                lineHasWord = false
            }
            if wordWidth > limit, !isWebAddress(input, wordStart, index) {
                append(input, segmentStart, wordStart, to: &output)
                lineWidth = appendCut(input, wordStart, index, startingAt: lineWidth, into: &output)
                segmentStart = index
            } else {
                lineWidth += (lineHasWord ? gap : 0) + wordWidth
            }
            segmentEnd = index
            lineHasWord = true
        }
        append(input, segmentStart, segmentEnd, to: &output)
    }

    /// Cuts an overlong word into lines of at most `width` columns, on
    /// character boundaries; returns the width of the last piece. The word
    /// starts a line, possibly after the line's indentation.
    private static func appendCut(
        _ input: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, startingAt indentation: Int,
        into output: inout [UInt8]
    ) -> Int {
        var pieceStart = start
        var pieceWidth = indentation
        var index = start
        while index < end {
            let (characterWidth, length) = scalarWidth(input, index, end)
            if pieceWidth + characterWidth > width {
                append(input, pieceStart, index, to: &output)
                output.append(newline)
                pieceStart = index
                pieceWidth = 0
            }
            pieceWidth += characterWidth
            index += length
        }
        append(input, pieceStart, end, to: &output)
        return pieceWidth
    }

    @inline(__always)
    private static func append(_ input: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, to output: inout [UInt8]) {
        guard end > start else { return }
        output.append(contentsOf: UnsafeBufferPointer(rebasing: input[start..<end]))
    }

    /// The columns and the byte length of the character starting at `index`.
    @inline(__always)
    private static func scalarWidth(_ bytes: UnsafeBufferPointer<UInt8>, _ index: Int, _ end: Int) -> (Int, Int) {
        let byte = bytes[index]
        if byte < 0xC0 { return (1, 1) }
        if byte < 0xE0 { return (1, Swift.min(2, end - index)) }
        let length = byte < 0xF0 ? 3 : 4
        guard index + length <= end else { return (1, end - index) }
        var scalar = UInt32(byte & (length == 3 ? 0x0F : 0x07))
        for offset in 1..<length {
            scalar = scalar << 6 | UInt32(bytes[index + offset] & 0x3F)
        }
        return (isWide(scalar) ? 2 : 1, length)
    }

    private static func isWebAddress(_ input: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
        let word = input[start..<end]
        if word.starts(with: "mailto:".utf8) || word.starts(with: "www.".utf8) { return true }
        var index = start
        while index + 2 < end {
            if input[index] == UInt8(ascii: ":"), input[index + 1] == UInt8(ascii: "/"),
               input[index + 2] == UInt8(ascii: "/") { return true }
            index += 1
        }
        return false
    }

    private static func isWide(_ scalar: UInt32) -> Bool {
        switch scalar {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
             0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
             0xFFE0...0xFFE6, 0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x20000...0x2FFFD, 0x30000...0x3FFFD:
            true
        default:
            false
        }
    }
}
