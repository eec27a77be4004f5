import DigestCore

/// The four files of an edition: `<number>-<date>.md`, `.html`, `.txt`, `.eml`.
enum EditionFiles {
    static let formats: [(RenderFormat, String)] = [(.markdown, "md"), (.html, "html"), (.text, "txt"), (.email, "eml")]

    static func baseName(issue: Int, date: CivilDate) -> String { "\(issue)-\(date.iso)" }

    /// Writes what it can; stops at the first failure and says which.
    static func write(_ edition: Edition, date: CivilDate, to folder: String) -> (paths: [String], failure: DigestError?) {
        var paths: [String] = []
        do throws(DigestError) {
            try AtomicFile.makeDirectory(folder)
            for (format, suffix) in formats {
                let path = folder + "/" + baseName(issue: edition.issue, date: date) + "." + suffix
                try AtomicFile.write(edition.output(for: format), to: path)
                paths.append(path)
            }
            return (paths, nil)
        } catch {
            return (paths, error)
        }
    }
}
