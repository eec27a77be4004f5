import Foundation

/// Digs values out of a command's `--json` output, using Foundation's own
/// parser so the tests do not trust digest's.
enum JSONReader {
    enum Key {
        case name(String)
        case index(Int)
    }

    static func object(_ text: String) throws -> Any {
        try JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed])
    }

    static func value(_ text: String, _ path: [Any]) throws -> Any? {
        var current: Any? = try object(text)
        for step in path {
            if let name = step as? String {
                current = (current as? [String: Any])?[name]
            } else if let index = step as? Int {
                guard let array = current as? [Any], index < array.count else { return nil }
                current = array[index]
            }
        }
        return current
    }

    static func int(_ text: String, _ path: Any...) throws -> Int? {
        try value(text, path) as? Int
    }

    static func string(_ text: String, _ path: Any...) throws -> String? {
        try value(text, path) as? String
    }

    static func bool(_ text: String, _ path: Any...) throws -> Bool? {
        try value(text, path) as? Bool
    }

    static func array(_ text: String, _ path: Any...) throws -> [Any]? {
        try value(text, path) as? [Any]
    }
}
