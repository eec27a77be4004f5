import DigestModel
import DigestRendering
import DigestWorkflow

/// The four files of an edition: `<number>-<date>.md`, `.html`, `.txt`,
/// `.eml` for edition 1, `<number>-<date>-edition-N.…` for a later one (see
/// `EditionFileName`), so a correction never overwrites what went out first.
enum EditionFiles {
    static let formats: [(RenderFormat, String)] = [(.markdown, "md"), (.html, "html"), (.text, "txt"), (.email, "eml")]

    static func baseName(issue: Int, date: CivilDate, edition: Int) -> String {
        EditionFileName.stem(issue: issue, date: date, edition: edition)
    }

    static func fileExtension(for format: RenderFormat) -> String {
        formats.first { $0.0 == format }?.1 ?? format.rawValue
    }

    /// Writes what it can; stops at the first failure and says which.
    static func write(_ edition: Edition, date: CivilDate, to folder: String,
                      files: CommandFiles) -> (paths: [String], failure: DigestError?) {
        var paths: [String] = []
        do {
            try files.makeFolder(folder)
            for (format, suffix) in formats {
                let path = folder + "/" + baseName(issue: edition.issue, date: date, edition: edition.edition) + "." + suffix
                try files.write(edition.output(for: format), to: path, durable: true, onlyIfChanged: false)
                paths.append(path)
            }
            return (paths, nil)
        } catch let error as DigestError {
            return (paths, error)
        } catch {
            return (paths, .cannotWrite("cannot write to \(folder): \(error)."))
        }
    }
}
