import CommandLineParsing
import DigestModel
import DigestRendering
import DigestWorkflow

enum DumpCommand: Command {
    static let spec = CommandSpec(
        name: "dump",
        abstract: "Print the whole database as JSON Lines (settings, issues, items, history, editions).",
        discussion: "One row a line, so a dump diffs well in git. 'digest load FILE' brings it back into a new database.",
        options: [.path("out", "FILE", .output, "Write to FILE (atomically; a regular file, or - for standard output).")],
        examples: ["digest dump > archive.jsonl", "digest --db copy.sqlite load archive.jsonl"])

    static func run(_ invocation: Invocation, _ context: Context) throws -> CommandResult {
        let store = try context.openStore(writing: false)
        let target = OutputTarget(option: invocation.value("out"))
        // Written as it is read, so a large archive's dump is never whole in
        // memory; a client of 'digest serve' gets it whole, as every output.
        if !context.json, !context.isServed, context.files is LocalFiles {
            var lines = 0
            if case .file(let path) = target {
                try AtomicFile.write(to: path, durable: true) { write in
                    try store.dump { line in
                        try write(line + "\n")
                        lines += 1
                    }
                }
                return .confirmation("Wrote \(lines) lines to \(path).\n",
                                     json: .object([("dump", .object([("file", .string(path)), ("lines", .integer(lines))]))]))
            }
            let output = StreamedOutput()
            try store.dump { line in try output.write(line + "\n") }
            try output.flush()
            var result = CommandResult.data("", json: .null)
            result.isRawData = true
            return result
        }
        var output = ""
        var lines = 0
        try store.dump { line in
            output += line
            output += "\n"
            lines += 1
        }
        if case .file(let path) = target {
            try context.files.write(output, to: path, durable: true, onlyIfChanged: false)
            return .confirmation("Wrote \(lines) lines to \(path).\n",
                                 json: .object([("dump", .object([("file", .string(path)), ("lines", .integer(lines))]))]))
        }
        if context.json {
            return .data("", json: .object([("dump", .object([("lines", .integer(lines)), ("content", .string(output))]))]))
        }
        var result = CommandResult.data(output, json: .null)
        result.isRawData = true
        return result
    }
}
