import CommandLineParsing
import DigestModel
import DigestRendering
import DigestWorkflow

/// The client's files a served command may touch: exactly the paths its
/// command line names in options and arguments declared with a `FileRole`.
/// Whatever else the host asks for is refused, so a host can read or write
/// nothing on a client that the person did not name.
struct FileGrants {
    private(set) var inputs: Set<String> = []
    private(set) var templateFolders: Set<String> = []
    private(set) var outputs: Set<String> = []
    private var outputFolders: Set<String> = []

    init(_ invocation: Invocation) {
        var named: [(FileRole, String)] = []
        for option in invocation.spec.allOptions {
            guard let role = option.file, let value = invocation.value(option.name) else { continue }
            named.append((role, value))
        }
        for (index, argument) in invocation.spec.arguments.enumerated() {
            guard let role = argument.file, index < invocation.positionals.count else { continue }
            if let action = argument.fileOnlyAfter, invocation.positionals.first != action { continue }
            named.append((role, invocation.positionals[index]))
        }
        for (role, path) in named {
            switch role {
            case .input: inputs.insert(path)
            case .templateFolder: templateFolders.insert(path)
            case .output: outputs.insert(path)
            case .outputFolder: outputFolders.insert(path)
            }
        }
    }

    func mayRead(_ path: String) -> Bool { inputs.contains(path) }

    func mayReadTemplates(_ folder: String) -> Bool { templateFolders.contains(folder) }

    func mayMakeFolder(_ path: String) -> Bool { outputFolders.contains(path) }

    /// Whether the host may ask what kind of file a named output is.
    func mayDescribe(_ path: String) -> Bool { outputs.contains(path) || outputFolders.contains(path) }

    /// A named output file, or a file directly inside a named output folder
    /// (or inside a named output that is a folder on this machine, as
    /// `render --out DIR` writes).
    func mayWrite(_ path: String) -> Bool {
        if outputs.contains(path) { return true }
        guard let slash = path.lastIndex(of: "/") else { return false }
        let name = path[path.index(after: slash)...]
        var folder = String(path[..<slash])
        if !outputFolders.contains(folder), outputs.contains(folder + "/") { folder += "/" }
        guard !name.isEmpty, name != ".", name != ".." else { return false }
        return outputFolders.contains(folder) || (outputs.contains(folder) && FileSystem.isDirectory(folder))
    }

    /// The refusal for a request outside the grants.
    static func refusal(_ verb: String, _ path: String) -> DigestError {
        .notPermitted("the host asked to \(verb) \(path) on this machine, which the command line did not name; "
            + "digest refused.")
    }
}
