import Foundation
import Testing

/// The fuzz harness's settings and its source of randomness: seeded, so a
/// run is repeated exactly by giving the seed it printed.
///
/// - `DIGEST_FUZZ_SEED`: the seed (default fixed, so the suite is the same
///   on every machine).
/// - `DIGEST_FUZZ_ITERATIONS`: inputs per in-process target (default 300);
///   whole-process runs are a twentieth of that, at least 12 per target.
/// - `DIGEST_FUZZ_LAST`: a file each in-process input is written to before
///   it runs, so that after a crash it holds the input that caused it.
enum FuzzSettings {
    static let environment = ProcessInfo.processInfo.environment
    static let seed: UInt64 = environment["DIGEST_FUZZ_SEED"].flatMap { UInt64($0) } ?? 20_261_202
    static let iterations: Int = environment["DIGEST_FUZZ_ITERATIONS"].flatMap { Int($0) }.map { max(1, $0) } ?? 300
    static var processRuns: Int { max(12, iterations / 20) }
    static let lastInputPath: String? = environment["DIGEST_FUZZ_LAST"]

    /// A generator for one target, so adding a target does not change what
    /// the others are given.
    static func generator(for target: String) -> FuzzRandom {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in target.utf8 {
            hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3
        }
        return FuzzRandom(seed: seed ^ hash)
    }
}

/// SplitMix64: small, fast and the same on every platform.
struct FuzzRandom: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var value = state
        value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
        value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
        return value ^ (value >> 31)
    }

    mutating func below(_ bound: Int) -> Int { bound <= 1 ? 0 : Int.random(in: 0..<bound, using: &self) }
    mutating func chance(_ percent: Int) -> Bool { below(100) < percent }
    mutating func pick<T>(_ choices: [T]) -> T { choices[below(choices.count)] }
}

/// Byte-level mutations of seed inputs, with a dictionary of tokens that
/// matter to the parser under test (braces, tags, escapes…).
struct Mutator {
    let tokens: [[UInt8]]
    /// Inputs never grow past this, so every run stays bounded in memory.
    var maximumSize = 256 << 10

    static let interestingBytes: [UInt8] = [
        0x00, 0x09, 0x0A, 0x0D, 0x20, 0x22, 0x27, 0x2C, 0x2D, 0x2E, 0x2F, 0x3A, 0x3C, 0x3E, 0x5B, 0x5C, 0x5D,
        0x7B, 0x7D, 0x7F, 0x80, 0xBF, 0xC3, 0xE2, 0xED, 0xEF, 0xF0, 0xFF, 0x30, 0x39, 0x23, 0x5E, 0x26,
    ]

    func mutate(_ input: [UInt8], splicing other: [UInt8], using random: inout FuzzRandom) -> [UInt8] {
        var bytes = input
        for _ in 0..<(1 + random.below(6)) {
            let position = random.below(bytes.count + 1)
            switch random.below(11) {
            case 0 where !bytes.isEmpty:
                bytes[min(position, bytes.count - 1)] ^= UInt8(1) << UInt8(random.below(8))
            case 1 where !bytes.isEmpty:
                bytes[min(position, bytes.count - 1)] = random.pick(Self.interestingBytes)
            case 2:
                bytes.insert(contentsOf: random.pick(tokens), at: position)
            case 3 where !bytes.isEmpty:
                let length = 1 + random.below(min(64, bytes.count - min(position, bytes.count - 1)))
                let start = min(position, bytes.count - 1)
                bytes.removeSubrange(start..<min(bytes.count, start + length))
            case 4 where !bytes.isEmpty:
                // Repeat a chunk: long lines, deep nesting, many keys.
                let start = min(position, bytes.count - 1)
                let chunk = Array(bytes[start..<min(bytes.count, start + 1 + random.below(16))])
                let times = random.pick([2, 8, 100, 1000, 10_000])
                let copies: [UInt8] = (0..<times).flatMap { _ in chunk }
                bytes.insert(contentsOf: copies, at: start)
            case 5:
                bytes = Array(bytes.prefix(position))
            case 6 where !other.isEmpty:
                let from = random.below(other.count)
                let piece = other[from..<min(other.count, from + 1 + random.below(256))]
                bytes.insert(contentsOf: piece, at: position)
            case 7:
                bytes.insert(random.pick(Self.interestingBytes), at: position)
            case 8 where bytes.count > 2:
                let a = random.below(bytes.count), b = random.below(bytes.count)
                bytes.swapAt(a, b)
            case 9:
                let token = random.pick(tokens)
                bytes.insert(contentsOf: (0..<random.pick([2, 40, 400])).flatMap { _ in token }, at: position)
            default:
                bytes.insert(UInt8(truncatingIfNeeded: random.next()), at: position)
            }
            if bytes.count > maximumSize { bytes = Array(bytes.prefix(maximumSize)) }
        }
        return bytes
    }
}

/// Runs one in-process target over its inputs and records, in the test
/// log, how many ran, how long they took and every input that broke a rule.
struct FuzzRun {
    let target: String
    var random: FuzzRandom
    private(set) var inputs = 0
    private(set) var outcomes: [String: Int] = [:]
    private var slowest: (seconds: Double, input: [UInt8]) = (0, [])
    private let started = Date()
    /// One input taking this long is a hang, whatever the machine.
    static let perInputLimit = 10.0

    init(_ target: String) {
        self.target = target
        random = FuzzSettings.generator(for: target)
    }

    /// Runs `body` on `input`; it returns the name of the outcome (for the
    /// tally) or throws `FuzzViolation` for a broken rule.
    mutating func check(_ input: [UInt8], _ body: ([UInt8]) throws -> String,
                        sourceLocation: SourceLocation = #_sourceLocation) {
        inputs += 1
        if let path = FuzzSettings.lastInputPath {
            try? Data(input).write(to: URL(fileURLWithPath: path))
        }
        let start = Date()
        do {
            let outcome = try body(input)
            outcomes[outcome, default: 0] += 1
        } catch {
            outcomes["violation", default: 0] += 1
            let minimal = Self.minimize(input) { candidate in (try? body(candidate)) == nil }
            let message = "fuzz \(target) (seed \(FuzzSettings.seed), input \(inputs)): \(error)\n"
                + "minimized input (\(minimal.count) bytes): \(Self.show(minimal))"
            Issue.record(Comment(rawValue: message), sourceLocation: sourceLocation)
        }
        let seconds = Date().timeIntervalSince(start)
        if seconds > slowest.seconds { slowest = (seconds, input) }
        if seconds > Self.perInputLimit {
            let shown = Self.show(Array(input.prefix(300)))
            let message = "fuzz \(target) (seed \(FuzzSettings.seed), input \(inputs)): took \(seconds) s on \(input.count) bytes: \(shown)"
            Issue.record(Comment(rawValue: message), sourceLocation: sourceLocation)
        }
    }

    func report() {
        let seconds = Date().timeIntervalSince(started)
        let tally = outcomes.sorted { $0.key < $1.key }.map { entry in "\(entry.key) \(entry.value)" }
            .joined(separator: ", ")
        print("fuzz \(target): \(inputs) inputs in \(String(format: "%.1f", seconds)) s (seed \(FuzzSettings.seed)); "
            + "slowest \(String(format: "%.3f", slowest.seconds)) s on \(slowest.input.count) bytes; \(tally)")
        if let path = FuzzSettings.environment["DIGEST_FUZZ_SLOWEST"] {
            try? Data(slowest.input).write(to: URL(fileURLWithPath: path + "." + target.replacingOccurrences(of: " ", with: "-")))
        }
    }

    /// Removes chunks while the input still fails, halving the chunk size.
    static func minimize(_ input: [UInt8], stillFails: ([UInt8]) -> Bool) -> [UInt8] {
        var current = input
        var chunk = max(1, current.count / 2)
        var attempts = 0
        while chunk >= 1, attempts < 2_000 {
            var start = 0
            var removed = false
            while start < current.count, attempts < 2_000 {
                attempts += 1
                var candidate = current
                candidate.removeSubrange(start..<min(current.count, start + chunk))
                if stillFails(candidate) { current = candidate; removed = true } else { start += chunk }
            }
            if !removed { chunk /= 2 }
        }
        return current
    }

    static func show(_ bytes: [UInt8]) -> String {
        String(decoding: bytes, as: UTF8.self).debugDescription
    }
}

/// A rule an input broke.
struct FuzzViolation: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// The project's own inputs, read from the repository, to mutate.
enum FuzzCorpus {
    static let root: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<4 { url.deleteLastPathComponent() }
        return url.path
    }()

    static func file(_ relative: String) -> [UInt8] {
        (try? [UInt8](Data(contentsOf: URL(fileURLWithPath: root + "/" + relative)))) ?? []
    }

    static func files(in relative: String, suffix: String) -> [[UInt8]] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: root + "/" + relative)) ?? []
        return names.sorted().filter { $0.hasSuffix(suffix) }.map { file(relative + "/" + $0) }
    }

    static var jsonItems: [[UInt8]] {
        files(in: "drafts", suffix: ".json") + files(in: "drafts", suffix: ".jsonl")
            + [Array(file("seeds/harbour-weekly-archive.jsonl").prefix(16 << 10))]
    }

    static var pages: [[UInt8]] {
        files(in: "Tests/DigestCoreTests/Fixtures/pages", suffix: ".txt") + [file("seeds/sample-page.txt")]
    }

    static var templates: [[UInt8]] { files(in: "templates", suffix: ".tmpl") }

    static func lines(of bytes: [UInt8]) -> [[UInt8]] {
        bytes.split(separator: 0x0A).map(Array.init)
    }
}
