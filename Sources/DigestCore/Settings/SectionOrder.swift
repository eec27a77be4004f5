/// `sections.order`: section names separated by commas.
package enum SectionOrder {
    package static func names(in value: String) -> [String] {
        var seen: Set<String> = []
        return value.split(separator: ",").map { RenderField.trimmed(String($0)) }
            .filter { !$0.isEmpty && seen.insert($0.lowercased()).inserted }
    }
}
