import DigestModel
/// How the files of an edition are named, in `publish --out` and in the
/// exported archive alike, so that editions sit side by side: edition 1 is
/// `12-2026-11-23`, a correction published as edition 2 is
/// `12-2026-11-23-edition-2`, and so on. The first edition keeps the plain
/// name, so links to an issue that was never corrected never change.
package enum EditionFileName {
    package static func stem(issue: Int, date: CivilDate, edition: Int) -> String {
        edition <= 1 ? "\(issue)-\(date.iso)" : "\(issue)-\(date.iso)-edition-\(edition)"
    }
}
