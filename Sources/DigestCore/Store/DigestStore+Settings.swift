/// Settings: read by every command, changed by editors, every change logged.
extension DigestStore {
    /// Sets `key` to `value` (checked and normalised). Returns the old value.
    @discardableResult
    package func setSetting(_ key: String, to value: String, actor: String) throws -> (old: String?, new: String) {
        let normalised = try SettingValue.normalise(value, for: key)
        return try write {
            try authorize(actor, as: .editor, to: "config")
            let old = try settings[key]
            var proposed = try settings.values
            proposed[key] = normalised
            try checkRosterKeepsAnEditor(Settings(values: proposed), changing: key)
            try storeSetting(key, old: old, new: normalised, actor: actor)
            return (old, normalised)
        }
    }

    /// Removes `key`. Returns the old value (nil when it was not set).
    @discardableResult
    package func removeSetting(_ key: String, actor: String) throws -> String? {
        guard SettingKey.isKnown(key) else {
            throw DigestError.invalid([ValidationProblem(field: "key", value: key, reason: "there is no such setting",
                                                        fix: SettingValue.suggestion(for: key))])
        }
        return try write {
            try authorize(actor, as: .editor, to: "config")
            guard let old = try settings[key] else { return nil }
            var proposed = try settings.values
            proposed[key] = nil
            try checkRosterKeepsAnEditor(Settings(values: proposed), changing: key)
            try storeSetting(key, old: old, new: nil, actor: actor)
            return old
        }
    }

    /// Stores settings without the roster check: for `init`, before anyone is listed.
    package func initialSettings(_ values: [(String, String)], actor: String) throws {
        try write {
            for (key, value) in values {
                try storeSetting(key, old: nil, new: try SettingValue.normalise(value, for: key), actor: actor)
            }
        }
    }

    private func storeSetting(_ key: String, old: String?, new: String?, actor: String) throws {
        if let new {
            try database.statement("INSERT INTO settings(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value")
                .execute([key, new])
        } else {
            try database.statement("DELETE FROM settings WHERE key = ?").execute([key])
        }
        try database.statement("INSERT INTO settings_log(at, actor, key, old_value, new_value) VALUES (?, ?, ?, ?, ?)")
            .execute([now.rfc3339, actor, key, old, new])
        reloadSettings()
    }

    /// A roster must keep at least one editor, or nobody could change anything again.
    private func checkRosterKeepsAnEditor(_ proposed: Settings, changing key: String) throws {
        let roster = proposed.roster
        guard !roster.isEmpty, !roster.values.contains(where: { $0.allows(.editor) }) else { return }
        throw DigestError.refused("changing \(key) would leave the roster without an editor, and then nobody "
            + "could change settings or issues; list an editor first (digest config people.NAME editor).")
    }

    /// The settings log, newest first.
    package func settingsLog(limit: Int = 50) throws -> [(at: String, actor: String, key: String, old: String?, new: String?)] {
        try database.statement("""
            SELECT at, actor, key, old_value, new_value FROM settings_log ORDER BY id DESC LIMIT ?
            """).rows([limit]) { ($0.string(0), $0.string(1), $0.string(2), $0.optionalString(3), $0.optionalString(4)) }
    }
}
