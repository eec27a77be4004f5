extension Int {
    /// The number in decimal with leading zeros up to `width` digits: `7` → `"07"`.
    package func zeroPadded(_ width: Int) -> String {
        let digits = String(self)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }

    /// Writes the last `width` decimal digits of a number that is not
    /// negative into `buffer[end - width..<end]`: how dates and timestamps
    /// are written, without the strings `zeroPadded` allocates, because an
    /// import writes several for every item.
    func writeDigits(_ width: Int, into buffer: UnsafeMutableBufferPointer<UInt8>, endingAt end: Int) {
        var value = self
        for index in stride(from: end - 1, through: end - width, by: -1) {
            buffer[index] = UInt8(ascii: "0") + UInt8(value % 10)
            value /= 10
        }
    }
}
