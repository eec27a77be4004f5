import DigestStorage
import DigestModel
import DigestRendering
/// Walks a page's non-blank lines once, front to back, sorting them into
/// header lines and items, and collecting problems and warnings on the way.
///
/// An item is found by what follows its title (a `Posted on:` line or an
/// attribution), never by the title itself: titles may hold anything,
/// commas, colons and dates included.
struct ArchivePageReader {
    let lines: [PageLine]
    private(set) var headerLines: [PageLine] = []
    private(set) var items: [PageItem] = []
    private(set) var warnings: [PageWarning] = []
    var problems: [PageProblem] = []
    /// Once an item has been seen (even a broken one), a line that belongs to
    /// no item is a stray, not part of the header.
    private var seenItem = false
    /// The item read last, while the next line may still be its link title.
    private var lastItemIndex: Int?

    init(lines: [PageLine]) {
        self.lines = lines
    }

    mutating func read() {
        var index = 0
        while index < lines.count {
            if startsItem(at: index) {
                seenItem = true
                index = readItem(at: index)
                continue
            }
            let line = lines[index]
            if line.isPostedOn {
                seenItem = true
                problems.append(PageProblem(line: line.number,
                                            reason: "this 'Posted on' line has no title line above it",
                                            fix: "put the item's title on the line above it"))
                index = skipParagraph(after: index)
            } else if line.isAttribution, seenItem {
                problems.append(PageProblem(line: line.number,
                                            reason: "this attribution paragraph has no title line above it",
                                            fix: "put the item's title on its own line above it"))
                index = endOfParagraph(from: index + 1)
            } else if !seenItem {
                headerLines.append(line)
                index += 1
            } else {
                readStray(line)
                index += 1
            }
            lastItemIndex = nil
        }
    }

    /// A title is any line followed by a `Posted on:` line or an attribution.
    private func startsItem(at index: Int) -> Bool {
        guard index + 1 < lines.count, !lines[index].isPostedOn else { return false }
        return lines[index + 1].isPostedOn || lines[index + 1].isAttribution
    }

    /// Lines right below a paragraph, with no blank line between, are more of
    /// it (a wrapped paragraph), unless they start the next item.
    private func endOfParagraph(from start: Int) -> Int {
        var index = start
        while index < lines.count, lines[index].continuesAbove, case .text = lines[index].kind,
              !startsItem(at: index) {
            index += 1
        }
        return index
    }

    /// After a `Posted on:` line without a title, its paragraph is skipped too,
    /// so one missing title is reported once, not once per line.
    private func skipParagraph(after index: Int) -> Int {
        let next = index + 1
        guard next < lines.count, lines[next].isAttribution,
              next + 1 >= lines.count || !lines[next + 1].isPostedOn else { return next }
        return endOfParagraph(from: next + 1)
    }

    /// Reads the item whose title is at `index`; returns where the next one may start.
    private mutating func readItem(at index: Int) -> Int {
        let title = String(lines[index].text)
        let quotedTitle = PageText.quoted(title)
        var next = index + 1
        var postedOn: CivilDate?
        var postedOnIsValid = true
        if case .postedOn(let value) = lines[next].kind {
            (postedOn, postedOnIsValid) = readPostedOn(value, line: lines[next].number)
            next += 1
            let hasParagraph = next < lines.count && !lines[next].isPostedOn
                && (lines[next].isAttribution || !startsItem(at: next))
            guard hasParagraph else {
                problems.append(PageProblem(line: lines[next - 1].number,
                                            reason: "the item \(quotedTitle) has no paragraph after its 'Posted on' line",
                                            fix: "add its paragraph on the next line: 'Source, Month D YYYY:… excerpt'"))
                return next
            }
        }
        let paragraph = lines[next]
        let end = endOfParagraph(from: next + 1)
        guard case .attribution(let attribution) = paragraph.kind else {
            problems.append(PageProblem(line: paragraph.number,
                                        reason: "the paragraph of the item \(quotedTitle) does not start with a source and a date that can be read",
                                        fix: PageParser.attributionShape))
            return end
        }
        let date = readDate(attribution.dateText, line: paragraph.number, title: quotedTitle)
        if attribution.source.isEmpty {
            problems.append(PageProblem(line: paragraph.number,
                                        reason: "the item \(quotedTitle) names no source before its date",
                                        fix: PageParser.attributionShape))
        }
        let excerpt = ([PageText.trimmed(attribution.rest)] + lines[(next + 1)..<end].map(\.text))
            .filter { !$0.isEmpty }
            .joined(separator: " ")
        if excerpt.isEmpty {
            problems.append(PageProblem(line: paragraph.number,
                                        reason: "the item \(quotedTitle) has no excerpt after its date",
                                        fix: "write the excerpt after 'Month D YYYY:…'"))
        }
        guard let date, postedOnIsValid, !attribution.source.isEmpty, !excerpt.isEmpty else { return end }
        let split = LinkTitleMatcher.split(excerpt: excerpt, title: title)
        items.append(PageItem(line: lines[index].number, title: title, postedOn: postedOn,
                              source: String(attribution.source), date: date,
                              excerpt: split.excerpt, linkText: split.linkText))
        lastItemIndex = items.count - 1
        return end
    }

    /// A blank value is fine (the page did not say); anything else must be a date.
    private mutating func readPostedOn(_ value: Substring, line: Int) -> (date: CivilDate?, isValid: Bool) {
        guard !value.isEmpty else { return (nil, true) }
        switch DateParser.parseLeniently(String(value)) {
        case .success(let lenient):
            if let warning = lenient.warning { warnings.append(PageWarning(line: line, message: warning)) }
            return (lenient.date, true)
        case .failure(let problem):
            problems.append(PageProblem(line: line,
                                        reason: "the 'Posted on' value \(PageText.quoted(value)) cannot be read as a date (\(problem.reason))",
                                        fix: "write it as YYYY/MM/DD, or leave it blank"))
            return (nil, false)
        }
    }

    /// Leniently: a misspelt month is matched to the nearest name, with a warning.
    private mutating func readDate(_ text: String, line: Int, title: String) -> CivilDate? {
        switch DateParser.parseLeniently(text) {
        case .success(let lenient):
            if let warning = lenient.warning { warnings.append(PageWarning(line: line, message: warning)) }
            return lenient.date
        case .failure(let problem):
            problems.append(PageProblem(line: line,
                                        reason: "the date '\(text)' of the item \(title) cannot be read (\(problem.reason))",
                                        fix: problem.fix))
            return nil
        }
    }

    /// A line after the items that belongs to none: the last item's link
    /// title when it stands alone on its line, else reported and left out.
    private mutating func readStray(_ line: PageLine) {
        if let last = lastItemIndex, items[last].linkText == nil,
           LinkTitleMatcher.isAbbreviation(line.text, of: items[last].title) {
            let item = items[last]
            items[last] = PageItem(line: item.line, title: item.title, postedOn: item.postedOn, source: item.source,
                                   date: item.date, excerpt: item.excerpt, linkText: LinkTitleMatcher.linkText(line.text))
            return
        }
        warnings.append(PageWarning(line: line.number,
                                    message: "left out \(PageText.quoted(line.text)), which belongs to no item"))
    }
}
