import Testing
@testable import DigestStorage
@testable import DigestModel
@testable import DigestRendering
@testable import DigestWorkflow

@Suite("Sort keys never run out")
struct SortKeyTests {
    @Test("10,000 keys squeezed into one gap stay strictly between their neighbours, in SQLite's byte order too")
    func squeezing() {
        let low = SortKey(1)
        var high = SortKey(2)
        for _ in 0..<10_000 {
            let key = SortKey.between(low, high)
            #expect(low < key && key < high)
            if let tag = key.tag, let highTag = high.tag, key.position == high.position {
                #expect(Array(tag.utf8).lexicographicallyPrecedes(Array(highTag.utf8)))
            }
            high = key
        }
        #expect(high.tag != nil)
        #expect((high.tag?.utf8.count ?? 0) < 10_000 / 4)
    }

    @Test("tags fit between any two tags, and never end in 'a'", arguments: [
        ("", nil), ("", "b"), ("a", "b"), ("az", "b"), ("b", "ba" + "b"), ("zz", nil), ("m", "n"), ("ab", "ac"),
    ] as [(String, String?)])
    func tags(_ low: String, _ high: String?) {
        let tag = SortKey.tag(between: low, high)
        #expect(low < tag)
        if let high { #expect(tag < high) }
        #expect(tag.last != "a")
        #expect(tag.allSatisfy { ("b"..."z").contains($0) || $0 == "a" })
    }

    @Test("moves to either end and between whole numbers stay whole or halve")
    func ends() {
        #expect(SortKey.between(nil, nil) == SortKey(1))
        #expect(SortKey.between(SortKey(3, tag: "m"), nil) == SortKey(4))
        #expect(SortKey.between(nil, SortKey(1)) == SortKey(0))
        #expect(SortKey.between(SortKey(1), SortKey(2)) == SortKey(1.5))
    }
}
