import Foundation
import DigestModel

/// The template files a render uses: the built-in defaults, with any of them
/// replaced by files from an overrides directory.
///
/// Loading reads files but parses nothing, so a command that renders one
/// format pays only for that format's template and its partials.
package struct TemplateSet: Sendable {
    package static let formatFiles = ["markdown.tmpl", "html.tmpl", "text.tmpl"]

    private let sources: [String: TemplateSource]
    /// The files taken from the overrides directory, sorted.
    package let overridden: [String]
    /// Files in the overrides directory that no render uses, as sentences.
    package let warnings: [String]

    /// The defaults compiled into the program, so rendering works from any
    /// directory.
    package static let builtIn: TemplateSet = {
        var sources: [String: TemplateSource] = [:]
        for (name, text) in DefaultTemplates.files {
            sources[name] = TemplateSource(text: text, file: "templates/\(name)")
        }
        return TemplateSet(sources: sources, overridden: [], warnings: [])
    }()

    /// The file name of a format's template; the email has none, being made
    /// of the text and HTML renders.
    package static func fileName(for format: RenderFormat) -> String? {
        switch format {
        case .markdown: "markdown.tmpl"
        case .html: "html.tmpl"
        case .text: "text.tmpl"
        case .email: nil
        }
    }

    /// The partial `{{> name}}` is the file `_name.tmpl`.
    package static func fileName(forPartial name: String) -> String { "_\(name).tmpl" }

    /// Takes every `markdown.tmpl`, `html.tmpl`, `text.tmpl` and `_NAME.tmpl`
    /// found in `directory`, and the built-in defaults for the rest. Other
    /// `.tmpl` files are ignored with a warning; other files (a README, say)
    /// silently. Files are read only from inside `directory`: a link leading
    /// out of it is refused.
    package static func load(overrides directory: String?) throws(TemplateError) -> TemplateSet {
        guard let directory else { return builtIn }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue,
              let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else {
            throw .directoryNotFound(path: directory)
        }
        var sources = builtIn.sources
        var overridden: [String] = []
        var warnings: [String] = []
        let prefix = directory.hasSuffix("/") ? directory : directory + "/"
        for name in names.sorted() where name.hasSuffix(".tmpl") {
            let path = prefix + name
            guard formatFiles.contains(name) || isPartialFileName(name) else {
                let reason = name == "email.tmpl"
                    ? "the email is assembled from the text and HTML renders, so it has no template of its own"
                    : "digest reads only markdown.tmpl, html.tmpl, text.tmpl and partials named _NAME.tmpl"
                warnings.append("The template file '\(path)' is not used: \(reason).")
                continue
            }
            let bytes: [UInt8]
            switch FileSystem.readContained(path, in: directory) {
            case .bytes(let read): bytes = read
            case .outside(let target): throw .outsideFolder(path: path, target: target)
            case .unreadable: throw .unreadableFile(path: path)
            }
            guard let text = String(validating: bytes, as: UTF8.self) else { throw .notUTF8(path: path) }
            // A template saved with CRLF line endings must not put CRs into
            // renders whose lines end with LF.
            let lines = text.contains("\r") ? text.replacingOccurrences(of: "\r\n", with: "\n") : text
            sources[name] = TemplateSource(text: lines, file: path)
            overridden.append(name)
        }
        return TemplateSet(sources: sources, overridden: overridden, warnings: warnings)
    }

    package func source(named fileName: String) -> TemplateSource? { sources[fileName] }

    package var fileNames: [String] { sources.keys.sorted() }

    /// A set made of the given files (name to text) over the defaults, as if
    /// they had been read from `directory`.
    init(files: [String: String], directory: String) {
        var sources = Self.builtIn.sources
        for (name, text) in files {
            sources[name] = TemplateSource(text: text, file: "\(directory)/\(name)")
        }
        self.init(sources: sources, overridden: files.keys.sorted(), warnings: [])
    }

    /// A set loaded elsewhere (by a client, for a host), from the files it
    /// took and the warnings it gave, over the defaults.
    package init(overrides: [(name: String, source: TemplateSource)], warnings: [String]) {
        var sources = Self.builtIn.sources
        for (name, source) in overrides { sources[name] = source }
        self.init(sources: sources, overridden: overrides.map(\.name).sorted(), warnings: warnings)
    }

    private init(sources: [String: TemplateSource], overridden: [String], warnings: [String]) {
        self.sources = sources
        self.overridden = overridden
        self.warnings = warnings
    }

    private static func isPartialFileName(_ name: String) -> Bool {
        guard name.hasPrefix("_") else { return false }
        let partial = name.dropFirst().dropLast(".tmpl".count)
        return !partial.isEmpty && partial.utf8.allSatisfy(TemplateName.isNameByte)
    }
}
