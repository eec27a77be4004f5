extension Int {
    /// The number in decimal with leading zeros up to `width` digits: `7` → `"07"`.
    package func zeroPadded(_ width: Int) -> String {
        let digits = String(self)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }
}
