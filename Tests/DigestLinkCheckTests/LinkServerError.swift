enum LinkServerError: Error, CustomStringConvertible {
    case noPort
    case unreadableStats
    case noFreePort

    var description: String {
        switch self {
        case .noPort: "the fixture server did not print its port; is python3 on the PATH?"
        case .unreadableStats: "the fixture server's /stats did not answer with a JSON object"
        case .noFreePort: "could not bind a socket on 127.0.0.1 to find a closed port"
        }
    }
}
