import Foundation
import DigestStorage
import DigestModel
import DigestRendering

/// The feeds the editors follow, and what each pull brings in.
extension DigestStore {
    private static let feedColumns = """
        id, name, url, section, title, etag, last_modified, added_at, added_by, pulled_at, last_outcome, last_detail
        """

    private static func feed(from row: Row) -> Feed {
        Feed(id: row.int(0), name: row.string(1), url: row.string(2), section: row.optionalString(3),
             title: row.optionalString(4), etag: row.optionalString(5), lastModified: row.optionalString(6),
             addedAt: row.string(7), addedBy: row.string(8), pulledAt: row.optionalString(9),
             lastOutcome: row.optionalString(10), lastDetail: row.optionalString(11))
    }

    package func feeds() throws -> [Feed] {
        try database.statement("SELECT \(Self.feedColumns) FROM feeds ORDER BY id").rows([], Self.feed)
    }

    /// A feed by its name (any case) or its number.
    package func feed(named reference: String) throws -> Feed {
        let all = try feeds()
        if let found = all.first(where: { $0.name.lowercased() == reference.lowercased() })
            ?? Int(reference).flatMap({ number in all.first { $0.id == number } }) {
            return found
        }
        let names = all.map { "'\($0.name)'" }.joined(separator: ", ")
        throw DigestError.notFound("there is no feed '\(reference)'; "
            + (all.isEmpty ? "follow one with 'digest feeds add URL'." : "the feeds are \(names) ('digest feeds list')."))
    }

    /// Waiting candidates per feed id.
    package func waitingCandidatesByFeed() throws -> [Int: Int] {
        Dictionary(uniqueKeysWithValues: try database.statement("""
            SELECT feed, count(*) FROM candidates WHERE feed IS NOT NULL AND taken_into IS NULL AND dismissed_at IS NULL
            GROUP BY feed
            """).rows { ($0.int(0), $0.int(1)) })
    }

    /// Follows a feed. The address must be an http(s) link; the name, when
    /// given, is one line and unique; a feed followed already is refused.
    package func addFeed(url raw: String, name rawName: String?, section rawSection: String?, request: ChangeRequest) throws -> Feed {
        var problems: [ValidationProblem] = []
        let url = raw.trimmingWhitespace()
        if let problem = URLValidator.validate(url) {
            problems.append(ValidationProblem(field: "URL", value: raw, reason: problem.reason, fix: problem.fix))
        }
        func checked(_ value: String?, _ field: String, _ rules: TextRules) -> String? {
            guard let value else { return nil }
            let text = rules.normalise(value)
            if text.isEmpty {
                problems.append(ValidationProblem(field: field, value: value, reason: "it is empty",
                                                  fix: "give a name, or leave out \(field)"))
            } else if let problem = rules.problem(with: text) {
                problems.append(ValidationProblem(field: field, value: value, reason: problem.reason, fix: problem.fix))
            }
            return text
        }
        let name = checked(rawName, "--name", .source)
        let section = checked(rawSection, "--section", .section)
        guard problems.isEmpty else { throw DigestError.invalid(problems) }
        return try write {
            let actor = request.actor
            try authorize(request, to: .feeds)
            let key = LinkKey.of(url)
            if let existing = try database.text("SELECT name FROM feeds WHERE url_key = ?", [key]) {
                throw DigestError.refused("the feed \(url) is followed already, as '\(existing)'.")
            }
            var chosen = name ?? Self.hostName(of: url)
            func taken(_ candidate: String) throws -> Bool {
                try database.integer("SELECT 1 FROM feeds WHERE lower(name) = lower(?)", [candidate]) != nil
            }
            if try taken(chosen) {
                guard name == nil else {
                    throw DigestError.refused("a feed is already called '\(chosen)'; choose another with --name NAME.")
                }
                // A second feed of the same site, until its title names it.
                let host = chosen
                var counter = 2
                while try taken(chosen) {
                    chosen = "\(host) (\(counter))"
                    counter += 1
                }
            }
            try database.statement("""
                INSERT INTO feeds(name, named, url, url_key, section, added_at, added_by) VALUES (?, ?, ?, ?, ?, ?, ?)
                """).execute([chosen, name == nil ? 0 : 1, url, key, section, now.rfc3339, actor])
            return try feed(named: String(database.lastInsertedRowID))
        }
    }

    /// Stops following a feed. The candidates it brought stay in the backlog, under its name.
    package func removeFeed(_ reference: String, request: ChangeRequest) throws -> (feed: Feed, waiting: Int) {
        try write {
            try authorize(request, to: .feeds)
            let feed = try feed(named: reference)
            let waiting = try waitingCandidatesByFeed()[feed.id] ?? 0
            try database.statement("DELETE FROM feed_entries WHERE feed = ?").execute([feed.id])
            try database.statement("UPDATE candidates SET feed = NULL WHERE feed = ?").execute([feed.id])
            try database.statement("DELETE FROM feeds WHERE id = ?").execute([feed.id])
            return (feed, waiting)
        }
    }

    /// Records what a pull brought: per feed, its answer's validators and
    /// title, and each entry not seen before as a candidate, unless its link
    /// is already in the backlog, an issue, or a published issue. Entries that
    /// fail validation are reported and not stored; every entry seen is
    /// remembered, so the next pull brings only newer ones. One transaction.
    package func recordPull(_ answers: [FeedAnswer], request: ChangeRequest) throws -> [FeedPullReport] {
        try write {
            let actor = request.actor
            try authorize(request, to: .feeds)
            let validator = ItemValidator(excerptLimit: try settings.excerptLimit)
            let stripsTracking = try settings.stripsTracking
            let at = now.rfc3339
            var reports: [FeedPullReport] = []
            for answer in answers {
                guard var feed = try database.statement("SELECT \(Self.feedColumns) FROM feeds WHERE id = ?")
                    .row([answer.feed], Self.feed) else { continue }
                var tally = IntakeTally()
                if answer.outcome == .fetched {
                    feed = try retitle(feed, with: answer.title)
                    var keysThisPull: Set<String> = []
                    for entry in answer.entries {
                        let key = entry["key"] ?? entry["link"] ?? entry["title"] ?? ""
                        guard keysThisPull.insert(key).inserted else {
                            tally.repeatedInFeed += 1
                            continue
                        }
                        if try database.integer("SELECT 1 FROM feed_entries WHERE feed = ? AND key = ?", [feed.id, key]) != nil {
                            continue
                        }
                        try database.statement("INSERT INTO feed_entries(feed, key, seen_at) VALUES (?, ?, ?)")
                            .execute([feed.id, key, at])
                        var values = entry
                        values["url"] = stripsTracking ? entry["link"].map(TrackingParameters.removed) : entry["link"]
                        values["source"] = feed.name
                        values["section"] = feed.section
                        let fields: CandidateFields
                        do throws(DigestError) {
                            fields = try validator.candidate(values)
                        } catch {
                            if case .invalid(let problems) = error { tally.refused.append((entry["title"] ?? key, problems)) }
                            continue
                        }
                        // Entries recovered from XML that is not well-formed carry
                        // a note saying so, wherever the candidate is shown.
                        let note = answer.recovered.map { "recovered from a feed that is not well-formed XML \($0); "
                            + "check the fields against the page" }
                        try admit(fields, origin: .feed, originName: feed.name, feed: feed.id, note: note,
                                  actor: actor, at: at, into: &tally)
                    }
                }
                let outcome = answer.outcome == .fetched ? "new" : answer.outcome.rawValue
                try database.statement("""
                    UPDATE feeds SET etag = coalesce(?, etag), last_modified = coalesce(?, last_modified),
                      pulled_at = ?, last_outcome = ?, last_detail = ? WHERE id = ?
                    """).execute([answer.outcome == .failed ? nil : answer.etag,
                                  answer.outcome == .failed ? nil : answer.lastModified,
                                  at, outcome, answer.detail, feed.id])
                reports.append(FeedPullReport(feed: feed, outcome: answer.outcome, detail: answer.detail, tally: tally,
                                              recovered: answer.recovered))
            }
            return reports
        }
    }

    /// A feed without a name of its own takes its title once it is known.
    private func retitle(_ feed: Feed, with title: String?) throws -> Feed {
        let cleaned = title.map { TextRules.source.normalise($0) }
        guard let cleaned, !cleaned.isEmpty, TextRules.source.problem(with: cleaned) == nil else { return feed }
        try database.statement("UPDATE feeds SET title = ? WHERE id = ?").execute([cleaned, feed.id])
        let named = try database.integer("SELECT named FROM feeds WHERE id = ?", [feed.id]) == 1
        if !named, cleaned != feed.name,
           try database.integer("SELECT 1 FROM feeds WHERE lower(name) = lower(?) AND id != ?", [cleaned, feed.id]) == nil {
            try database.statement("UPDATE feeds SET name = ? WHERE id = ?").execute([cleaned, feed.id])
        }
        return try database.statement("SELECT \(Self.feedColumns) FROM feeds WHERE id = ?").row([feed.id], Self.feed) ?? feed
    }

    static func hostName(of url: String) -> String {
        URLComponents(string: url)?.host ?? url
    }
}
