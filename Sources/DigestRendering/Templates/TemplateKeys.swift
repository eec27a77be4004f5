import DigestModel
/// The names of a `TemplateObject`, with their hashes, shared by every object
/// of one shape.
package final class TemplateKeys: Sendable {
    package let names: [String]
    private let hashes: [UInt64]

    package init(_ names: [String]) {
        self.names = names
        self.hashes = names.map(Self.hash)
    }

    func index(of name: String, hash: UInt64) -> Int? {
        hashes.withUnsafeBufferPointer { hashes in
            for index in hashes.indices where hashes[index] == hash && names[index] == name {
                return index
            }
            return nil
        }
    }

    /// FNV-1a: the same for the same name in every process, and cheap for
    /// the short names templates use.
    static func hash(_ name: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in name.utf8 {
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
        }
        return hash
    }
}
