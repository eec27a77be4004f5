import DigestModel
extension ArchiveEntry {
    /// The archive's order: the newest issue first, by the date and,
    /// on the same date, by the higher number.
    package static func newestFirst(_ entries: [ArchiveEntry]) -> [ArchiveEntry] {
        entries.sorted { ($0.date, $0.number) > ($1.date, $1.number) }
    }

    /// The link to one of the files, relative to the archive
    /// directory (`12-2026-11-23.html`).
    package func fileLink(extension fileExtension: String) -> String {
        linkStem + "." + fileExtension.percentEncodedForArchive()
    }

    /// The file stem as a link path, percent-encoded so that an odd one
    /// (with a slash, a space or a quote) cannot leave the directory or
    /// break the link.
    package var linkStem: String {
        baseName.percentEncodedForArchive()
    }
}
