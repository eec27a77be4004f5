import DigestCore

/// Which templates a render uses: `--templates DIR`, else the `templates`
/// setting, else the built-in ones.
enum TemplateChoice {
    static func load(option: String?, settings: Settings) throws -> TemplateSet {
        let directory = option ?? settings[SettingKey.templates]
        do {
            return try TemplateSet.load(overrides: directory)
        } catch {
            throw DigestError(error)
        }
    }
}
