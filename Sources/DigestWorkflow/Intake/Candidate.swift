import DigestStorage
import DigestModel
import DigestRendering
/// Where a backlog entry came from.
package enum CandidateOrigin: String, CaseIterable, Sendable {
    /// An item a reviewer deferred from an issue.
    case deferred
    /// An entry of a followed feed.
    case feed
    /// A link a contributor nominated.
    case nominated
    /// A page an editor fetched and kept (`fetch URL --save`).
    case fetched
}

/// One entry of the backlog: a deferred item or a candidate link, with the
/// fields it has so far (a candidate may lack some; bringing it into an
/// issue asks for them).
package struct Candidate: Sendable {
    package let id: Int
    package let origin: CandidateOrigin
    /// The feed's name, or the person who nominated, fetched or deferred it.
    package let originName: String
    package let fields: CandidateFields
    package let note: String?
    /// When it entered the backlog (RFC 3339, UTC).
    package let addedAt: String
    package let addedBy: String
    /// The issue a deferred item came from.
    package let fromIssue: Int?

    package init(id: Int, origin: CandidateOrigin, originName: String, fields: CandidateFields, note: String?,
                 addedAt: String, addedBy: String, fromIssue: Int?) {
        self.id = id
        self.origin = origin
        self.originName = originName
        self.fields = fields
        self.note = note
        self.addedAt = addedAt
        self.addedBy = addedBy
        self.fromIssue = fromIssue
    }

    /// "feed Coastal Review", "nominated by ana", "deferred from issue 3 by theo", "fetched by mira".
    package var originText: String {
        switch origin {
        case .deferred: "deferred from issue \(fromIssue ?? 0) by \(originName)"
        case .feed: "feed \(originName)"
        case .nominated: "nominated by \(originName)"
        case .fetched: "fetched by \(originName)"
        }
    }
}

/// A candidate's fields: title and link always, the rest when known. Each
/// present field has passed the same checks as typed input.
package struct CandidateFields: Equatable, Sendable {
    package var title: String
    package var url: String
    package var source: String?
    package var author: String?
    package var date: CivilDate?
    package var excerpt: String?
    package var section: String?

    package init(title: String, url: String, source: String? = nil, author: String? = nil, date: CivilDate? = nil,
                 excerpt: String? = nil, section: String? = nil) {
        self.title = title
        self.url = url
        self.source = source
        self.author = author
        self.date = date
        self.excerpt = excerpt
        self.section = section
    }

    package init(_ fields: ItemFields) {
        self.init(title: fields.title, url: fields.url ?? "", source: fields.source, author: fields.author,
                  date: fields.date, excerpt: fields.excerpt, section: fields.section)
    }

    package var linkKey: String { LinkKey.of(url) }

    /// The fields as raw values keyed by field name, for `ItemValidator.newItem`.
    package var values: [String: String] {
        var values = ["title": title, "url": url]
        values["source"] = source
        values["author"] = author
        values["date"] = date?.iso
        values["excerpt"] = excerpt
        values["section"] = section
        return values
    }
}
