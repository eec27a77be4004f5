import DigestModel
import DigestRendering
import DigestWorkflow

/// Which templates a render uses: `--templates DIR` (the person's own
/// folder, read through the command's files), else the `templates` setting
/// (a folder beside the database), else the built-in ones.
enum TemplateChoice {
    static func load(option: String?, settings: Settings, files: CommandFiles) throws -> TemplateSet {
        if let option { return try files.templates(in: option) }
        do {
            return try TemplateSet.load(overrides: settings[SettingKey.templates])
        } catch {
            throw DigestError(error)
        }
    }
}
