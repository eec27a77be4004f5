enum BinaryRunError: Error, CustomStringConvertible {
    case notBuilt(searched: [String])

    var description: String {
        "digest-links was not found beside the tests (looked in \(searched)); run 'swift build' first"
    }

    private var searched: String {
        switch self {
        case .notBuilt(let directories): directories.joined(separator: ", ")
        }
    }
}
