import DigestStorage
import DigestModel
import DigestRendering
/// Settings: read by every command, changed by editors, every change logged.
extension DigestStore {
    /// Sets `key` to `value` (checked and normalised). Returns the old value.
    @discardableResult
    package func setSetting(_ key: String, to value: String, request: ChangeRequest) throws -> (old: String?, new: String) {
        let normalised = try SettingValue.normalise(value, for: key)
        return try write {
            try authorize(request, to: Permission.forSetting(key))
            let old = try settings[key]
            guard old != normalised else { return (old, normalised) }
            var proposed = try settings.values
            proposed[key] = normalised
            try checkSafeChange(of: key, to: normalised, request: request)
            try checkRosterKeepsAnEditor(Settings(values: proposed), changing: key)
            try checkAnEditorCanAct(Settings(values: proposed), changing: key)
            try storeSetting(key, old: old, new: normalised, request: request)
            try recordRosterChange(key, old: old, new: normalised, request: request)
            return (old, normalised)
        }
    }

    /// Removes `key`. Returns the old value (nil when it was not set).
    @discardableResult
    package func removeSetting(_ key: String, request: ChangeRequest) throws -> String? {
        guard SettingKey.isKnown(key) else {
            throw DigestError.invalid([ValidationProblem(field: "key", value: key, reason: "there is no such setting",
                                                        fix: SettingValue.suggestion(for: key))])
        }
        return try write {
            try authorize(request, to: Permission.forSetting(key))
            guard let old = try settings[key] else { return nil }
            var proposed = try settings.values
            proposed[key] = nil
            try checkSafeChange(of: key, to: nil, request: request)
            try checkRosterKeepsAnEditor(Settings(values: proposed), changing: key)
            try checkAnEditorCanAct(Settings(values: proposed), changing: key)
            try storeSetting(key, old: old, new: nil, request: request)
            try recordRosterChange(key, old: old, new: nil, request: request)
            return old
        }
    }

    /// Stores settings without the roster check, in the caller's
    /// transaction: for a new database, before anyone is listed.
    func storeInitialSettings(_ values: [(key: String, value: String)], request: ChangeRequest) throws {
        for (key, value) in values {
            try storeSetting(key, old: nil, new: try SettingValue.normalise(value, for: key), request: request)
        }
    }

    private func storeSetting(_ key: String, old: String?, new: String?, request: ChangeRequest) throws {
        if let new {
            try database.statement("INSERT INTO settings(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value")
                .execute([key, new])
        } else {
            try database.statement("DELETE FROM settings WHERE key = ?").execute([key])
        }
        try database.statement("""
            INSERT INTO settings_log(at, actor, key, old_value, new_value, identity) VALUES (?, ?, ?, ?, ?, ?)
            """).execute([now.rfc3339, request.actor, key, old, new, request.identity.rawValue])
        reloadSettings()
    }

    /// A roster change stays allowed during a review (a reviewer may fall
    /// ill), and is written into the history of every issue in review then,
    /// so whoever reads it knows who could decide what, when.
    private func recordRosterChange(_ key: String, old: String?, new: String?, request: ChangeRequest) throws {
        guard SettingKey.isPerson(key) else { return }
        let inReview = try database.statement("""
            SELECT n.number, n.version FROM issues n JOIN issue_states s ON s.issue = n.number AND s.valid_to IS NULL
            WHERE s.status = 'in-review' ORDER BY n.number
            """).rows { ($0.int(0), $0.int(1)) }
        let summary = "the roster changed during the review: \(key) " + (new.map { "set to \($0)" } ?? "removed")
            + " (was \(old ?? "not listed"))"
        let at = now.rfc3339
        for (number, version) in inReview {
            try recordRevision(issue: number, version: version + 1, at: at, request: request, action: "config",
                               summary: summary)
        }
    }

    /// The settings review rests on cannot change under an issue in review,
    /// and a database that verifies identities goes back to declared ones
    /// only on the word of a verified editor.
    private func checkSafeChange(of key: String, to value: String?, request: ChangeRequest) throws {
        guard key == SettingKey.fourEyes || key == SettingKey.identity else { return }
        let inReview = try database.statement("""
            SELECT issue FROM issue_states WHERE valid_to IS NULL AND status = 'in-review' ORDER BY issue
            """).rows { $0.int(0) }
        if !inReview.isEmpty {
            let list = inReview.map(String.init).joined(separator: ", ")
            throw DigestError.refused("\(key) cannot change while an issue is in review (\(inReview.count == 1 ? "issue" : "issues") "
                + "\(list)): the decisions there were made under the current rule. Publish or reopen "
                + "\(inReview.count == 1 ? "it" : "them") first ('digest reopen ISSUE --reason TEXT').")
        }
        if key == SettingKey.identity, (value ?? IdentityMode.declared.rawValue) == IdentityMode.declared.rawValue,
           try settings.identityMode == .account, !request.identity.isVerified {
            throw DigestError.notPermitted("switching identity back to declared needs an editor acting under their "
                + "system account; \(request.actor) was only declared.")
        }
    }

    /// A roster must keep at least one editor, or nobody could change anything again.
    private func checkRosterKeepsAnEditor(_ proposed: Settings, changing key: String) throws {
        let roster = proposed.roster
        guard !roster.isEmpty, !roster.values.contains(where: { $0.contains(.editor) }) else { return }
        throw DigestError.refused("changing \(key) would leave the roster without an editor, and then nobody "
            + "could change settings or issues; list an editor first (digest config people.NAME editor).")
    }

    /// Under `identity account` digest acts as the system account running it,
    /// so a roster whose editors are all names with no account on this host
    /// would leave nobody who could ever change a setting again.
    private func checkAnEditorCanAct(_ proposed: Settings, changing key: String) throws {
        guard proposed.identityMode == .account else { return }
        let roster = proposed.roster
        guard !roster.isEmpty else { return }
        let editors = roster.filter { $0.value.contains(.editor) }.keys.sorted()
        guard !editors.contains(where: SystemAccounts.exists) else { return }
        throw DigestError.refused("changing \(key) would leave no editor who can act: with identity account, digest acts "
            + "as the system account running it, and no editor on the roster (\(editors.joined(separator: ", "))) is an "
            + "account on this host, so nobody could change settings or issues again. List an account as editor first "
            + "(digest config people.ACCOUNT editor), or keep identity declared.")
    }

    /// The settings log, newest first.
    package func settingsLog(limit: Int = 50) throws
        -> [(at: String, actor: String, identity: String, key: String, old: String?, new: String?)] {
        try database.statement("""
            SELECT at, actor, identity, key, old_value, new_value FROM settings_log ORDER BY id DESC LIMIT ?
            """).rows([limit]) {
            ($0.string(0), $0.string(1), $0.string(2), $0.string(3), $0.optionalString(4), $0.optionalString(5))
        }
    }
}
