import Foundation

extension Double {
    /// `10`, `2.5`, `0.25`: seconds as a person would write them, never `10.0`.
    /// `%g` uses the C locale, so the decimal separator is always a point.
    package var secondsText: String {
        String(format: "%g", self)
    }
}
