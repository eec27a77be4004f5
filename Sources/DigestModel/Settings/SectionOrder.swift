/// `sections.order`: section names separated by commas.
package enum SectionOrder {
    package static func names(in value: String) -> [String] {
        var seen: Set<String> = []
        return value.split(separator: ",").map { String($0).trimmingWhitespace() }
            .filter { !$0.isEmpty && seen.insert($0.lowercased()).inserted }
    }
}
