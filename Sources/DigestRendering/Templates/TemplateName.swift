import DigestModel
/// A name as a tag writes it (`item.title`), split once at parse time.
struct TemplateName: Sendable, Equatable {
    let written: String
    /// Empty for `.`, the value of the innermost section.
    let path: [String]
    /// The hash of each part of the path, made once at parse time.
    let hashes: [UInt64]

    init?(_ written: String) {
        self.written = written
        if written == "." {
            path = []
            hashes = []
            return
        }
        let parts = written.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard parts.allSatisfy({ !$0.isEmpty && $0.utf8.allSatisfy(Self.isNameByte) }) else { return nil }
        path = parts
        hashes = parts.map(TemplateKeys.hash)
    }

    static func isNameByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
             UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"), UInt8(ascii: "-"):
            true
        default:
            false
        }
    }
}
