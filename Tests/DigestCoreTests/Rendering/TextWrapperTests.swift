import Testing
@testable import DigestStorage
@testable import DigestModel
@testable import DigestRendering
@testable import DigestWorkflow

@Suite("Wrapping the text render")
struct TextWrapperTests {
    @Test("long lines wrap at 72 columns on spaces, keeping every word in order")
    func wrapsAtSeventyTwo() {
        let words = (1...60).map { "word\($0)" }
        let wrapped = TextWrapper.wrap(words.joined(separator: " "))
        let lines = wrapped.split(separator: "\n")
        #expect(lines.count > 1)
        #expect(lines.allSatisfy { $0.count <= 72 })
        #expect(lines.dropLast().allSatisfy { $0.count > 60 })
        #expect(wrapped.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init) == words)
    }

    @Test("short lines, blank lines and the final newline are left as they are")
    func shortLines() {
        let text = "Title\n\nPosted on: 2026/11/20\n\nshort\n"
        #expect(TextWrapper.wrap(text) == text)
    }

    @Test("a web address longer than a line stands alone on its line, unbroken")
    func longURL() {
        let url = "https://example.org/" + String(repeating: "segment/", count: 20)
        let wrapped = TextWrapper.wrap("Read " + url + " today")
        #expect(wrapped == "Read\n" + url + "\ntoday")
    }

    @Test("any other word longer than 78 columns is cut at 72 so that no line is longer")
    func longWord() {
        let word = String(repeating: "x", count: 200)
        let lines = TextWrapper.wrap("a " + word + " b").split(separator: "\n")
        #expect(lines.allSatisfy { $0.count <= 78 })
        #expect(lines.joined() == "a" + word + "b" || lines.joined(separator: "").contains(word))
    }

    @Test("wide characters count two columns and accented letters one")
    func columns() {
        #expect(TextWrapper.columns("café") == 4)
        #expect(TextWrapper.columns("日本語") == 6)
        let wrapped = TextWrapper.wrap(String(repeating: "日本語 ", count: 30))
        #expect(wrapped.split(separator: "\n").allSatisfy { TextWrapper.columns(String($0)) <= 72 })
    }

    @Test("trailing spaces go, and only the last '-- ' line keeps its space")
    func signature() {
        #expect(TextWrapper.wrap("a  \n-- \nb\n-- \nfooter\n") == "a\n--\nb\n-- \nfooter\n")
    }

    @Test("the indentation of a wrapped line is kept on its first line")
    func indentation() {
        let line = "    " + String(repeating: "indented words ", count: 10)
        let wrapped = TextWrapper.wrap(line)
        #expect(wrapped.hasPrefix("    indented"))
        #expect(wrapped.split(separator: "\n").dropFirst().allSatisfy { !$0.hasPrefix(" ") })
    }
}
