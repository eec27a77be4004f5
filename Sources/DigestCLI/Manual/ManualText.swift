/// The parts of the manual page that are not in the command specifications:
/// what digest is, its exit codes, environment and files. The reference's
/// "Output and exit codes" table (docs/reference.md) is checked against `exitStatus` by a test.
enum ManualText {
    /// The manual's date: the day this version's manual was last revised.
    static let date = "2026-12-02"

    static let description = [
        "digest keeps a weekly digest of links in one SQLite file. Editors draft an issue and add items "
            + "(a title, a link, the source, a date and a short excerpt); reviewers approve or reject each item; "
            + "the issue is then published as Markdown for the web, HTML, a plain-text email body and a complete "
            + "multipart email. Every change to an issue is a numbered revision that can be shown, compared and "
            + "audited, and every published edition is kept byte for byte.",
        "Errors go to standard error as 'digest: error: ...', warnings as 'digest: warning: ...'. With --json, "
            + "standard output holds exactly one JSON document, also on failure. On a terminal, statuses, errors "
            + "and warnings are in colour, and the long output of show, history, diff and search goes through "
            + "the pager; neither happens through a pipe or with --json.",
    ]

    static let exitStatus: [(code: Int, meaning: String)] = [
        (0, "done"),
        (1, "refused by the workflow: wrong stage, frozen issue, version conflict, file exists"),
        (64, "the command line itself: unknown command or option, missing argument"),
        (65, "invalid data: validation, malformed JSON, not UTF-8, a broken template"),
        (66, "not found: database, issue, item, input file"),
        (69, "a service digest needs is unavailable: a page or feed that cannot be fetched or read (feeds pull: at least one feed failed, the others were stored), the remote host cannot be reached (ssh's own message follows), the mail command failed"),
        (70, "internal error (a bug)"),
        (73, "cannot write: an output file, or a database this user may not write"),
        (75, "the database stayed busy past the timeout (10 s): try again"),
        (76, "the host of an ssh:// database speaks another digest protocol version (both are named), or is not digest serve"),
        (77, "not permitted: four-eyes, roster, an identity that is not yours"),
        (78, "a database from a newer digest, not a digest database, or corrupt"),
    ]

    static let environment: [(name: String, meaning: String)] = [
        ("DIGEST_DB", "The database when --db is not given (default ./digest.sqlite); "
            + "ssh://[user@]host[:port]/absolute/path reaches one on another machine."),
        ("DIGEST_SSH", "The ssh command for ssh:// databases (default ssh), read by the shell, "
            + "e.g. 'ssh -i ~/.ssh/harbour'."),
        ("DIGEST_USER", "Who is acting when --as is not given (in the declared identity mode); else USER, "
            + "LOGNAME, then the system's user name."),
        ("SOURCE_DATE_EPOCH", "When set, fixes the clock (seconds since 1970), for reproducible renders."),
        ("NO_COLOR", "When set and not empty, no colour (unless --color always)."),
        ("DIGEST_PAGER", "The pager for long output; empty turns paging off. Else PAGER, else 'less -FRX'."),
        ("PAGER", "The pager when DIGEST_PAGER is not set."),
        ("TERM", "'dumb' turns colour off."),
    ]

    static let files: [(name: String, meaning: String)] = [
        ("./digest.sqlite", "The default database; beside it SQLite keeps digest.sqlite-wal and digest.sqlite-shm "
            + "while it is in use."),
        ("published/", "Where publish writes an edition's files by default."),
        ("digest-links", "The link checker, found beside digest or on the PATH."),
    ]
}
