import DigestStorage
import DigestModel
import DigestRendering
/// One line of a JSON Lines import, validated: the item and what the line
/// says about the issue it goes into.
package struct ImportLine: Sendable {
    /// The issue the line aims at (`--issue N` over the line's own); nil for a new draft.
    package let target: Int?
    package let item: NewItem
    package let issueDate: CivilDate?
    package let issueTitle: String?
    /// An archive line marked rejected.
    package let rejected: Bool

    /// Validates records read from JSON: the items, and the issue date and
    /// title a line may carry. Returns the lines that passed and every
    /// problem, in input order. Validation is pure and the bulk of an
    /// import's work, so a large batch is spread over the cores.
    package static func validate(_ records: [ItemRecord], issue override: Int?, published: Bool,
                                 validator: ItemValidator) throws(DigestError) -> (lines: [ImportLine], problems: ProblemCollector) {
        var collector = ProblemCollector()
        let validated = records.concurrentMap { record in
            Result { () throws(DigestError) in
                try validator.newItem(record.values, incomplete: record.incomplete, location: record.location)
            }
        }
        var lines: [ImportLine] = []
        lines.reserveCapacity(records.count)
        for (record, result) in zip(records, validated) {
            let fields = try collector.attempt { () throws(DigestError) in try result.get() }
            var issueDate: CivilDate?
            if let raw = record.issueDate, !raw.allSatisfy(\.isWhitespace) {
                switch DateParser.parse(raw) {
                case .success(let date): issueDate = date
                case .failure(let problem):
                    collector.add([ValidationProblem(location: record.location, field: "issue_date", value: raw,
                                                     reason: problem.reason, fix: problem.fix)])
                }
            }
            var title: String?
            if let raw = record.issueTitle {
                let text = TextRules.issueTitle.normalise(raw)
                if let problem = TextRules.issueTitle.problem(with: text) {
                    collector.add([ValidationProblem(location: record.location, field: "issue_title", value: raw,
                                                     reason: problem.reason, fix: problem.fix)])
                }
                title = text.isEmpty ? nil : text
            }
            guard let fields else { continue }
            lines.append(ImportLine(target: override ?? record.issue, item: NewItem(fields: fields, location: record.location),
                                    issueDate: issueDate, issueTitle: title,
                                    rejected: published && record.status == ItemStatus.rejected.rawValue))
        }
        return (lines, collector)
    }

    /// Lines grouped by the issue they aim at, in the order each issue first appears.
    package static func targets(_ lines: [ImportLine]) -> [ImportTarget] {
        var targets: [ImportTarget] = []
        var indexByNumber: [Int?: Int] = [:]
        for line in lines {
            let index: Int
            if let known = indexByNumber[line.target] {
                index = known
            } else {
                index = targets.count
                indexByNumber[line.target] = index
                targets.append(ImportTarget(number: line.target, date: nil, title: nil, items: []))
            }
            targets[index].add(line)
        }
        return targets
    }
}

extension ImportTarget {
    /// Adds a line's item; the first date and title given win.
    package mutating func add(_ line: ImportLine) {
        if date == nil { date = line.issueDate }
        if title == nil { title = line.issueTitle }
        if line.rejected { rejected.insert(items.count) }
        items.append(line.item)
    }
}
