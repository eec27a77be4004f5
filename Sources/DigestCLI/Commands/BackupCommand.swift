import CommandLineParsing
import DigestModel
import DigestRendering
import DigestWorkflow

enum BackupCommand: Command {
    static let spec = CommandSpec(
        name: "backup",
        abstract: "Write a consistent copy of the database while others keep working.",
        discussion: "The copy holds exactly what was committed when the backup began (SQLite's VACUUM INTO, one read "
            + "transaction: nobody waits for it). It is written under a temporary name, checked with SQLite's "
            + "integrity_check, and only then renamed to FILE, replacing an older backup there. It is one "
            + "self-contained file that any digest command opens. Through ssh:// the copy lands on this machine.",
        arguments: [ArgumentSpec(name: "FILE", help: "Where the copy goes.", file: .output)],
        examples: ["digest backup backups/harbour-$(date +%F).sqlite",
                   "digest --db ssh://digest@harbour.example/srv/harbour.sqlite backup harbour-copy.sqlite"])

    static func run(_ invocation: Invocation, _ context: Context) throws -> CommandResult {
        guard let path = invocation.positionals.first else {
            throw invocation.usageError("'backup' needs FILE, where the copy goes.")
        }
        let store = try context.openStore(writing: false)
        if !context.isServed {
            let database = context.databasePath
            if [database, database + "-wal", database + "-shm", database + "-journal"]
                .contains(where: { FileSystem.isSameFile($0, path) }) {
                throw DigestError.cannotWrite("cannot write the backup to \(path): it is the database itself "
                    + "(or one of its files); give the path of a new file.")
            }
        }
        let progress = context.progress("Backing up", unit: "pages", total: nil)
        defer { progress?.finish() }
        let size = try context.files.saveDatabaseCopy(to: path) { temporary in
            try store.copy(to: temporary, progress: progress.map { line in { done, total in line.show(done, of: total) } })
        }
        return .confirmation("Backed up the database to \(path) (\(TextLayout.plural(size, "byte"))); "
            + "SQLite's integrity_check passed on the copy.\n",
            json: .object([("backup", .object([("file", .string(path)), ("bytes", .integer(size)),
                                               ("integrity_check", .string("ok"))]))]))
    }
}
