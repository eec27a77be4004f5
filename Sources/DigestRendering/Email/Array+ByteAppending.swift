import DigestModel
extension Array where Element == UInt8 {
    @inline(__always)
    mutating func appendBytes(_ buffer: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) {
        guard end > start else { return }
        append(contentsOf: UnsafeBufferPointer(rebasing: buffer[start..<end]))
    }

    @inline(__always)
    mutating func appendBytes(of text: StaticString) {
        append(contentsOf: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    /// Text from templates and values, copied in one piece.
    @inline(__always)
    mutating func appendBytes(of text: String) {
        append(contentsOf: text.utf8)
    }
}
