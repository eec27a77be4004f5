/// The tables of intake (schema version 3).
///
/// - `feeds`: the feeds an editor follows, with what the last answer said
///   (ETag, Last-Modified) so the next pull is a conditional GET.
/// - `feed_entries`: every entry key a feed has shown, so a pull turns only
///   entries new since the last one into candidates.
/// - `candidates`: links waiting in the backlog that are not (yet) items: from
///   a feed, a nomination, or `fetch --save`. Their ids come from the same
///   series as item ids (one past the highest of both), so that
///   `--from-backlog` and `--dismiss` take either kind, and a candidate brought
///   into an issue becomes the item with its own id.
/// - `backlog` (deferred items) gains the dismissal columns candidates have.
enum IntakeSchema {
    static let version3 = """
        CREATE TABLE feeds(
          id            INTEGER PRIMARY KEY,
          name          TEXT NOT NULL UNIQUE,
          named         INTEGER NOT NULL DEFAULT 0 CHECK (named IN (0, 1)),
          url           TEXT NOT NULL,
          url_key       TEXT NOT NULL UNIQUE,
          section       TEXT,
          title         TEXT,
          etag          TEXT,
          last_modified TEXT,
          added_at      TEXT NOT NULL,
          added_by      TEXT NOT NULL,
          pulled_at     TEXT,
          last_outcome  TEXT,
          last_detail   TEXT
        );

        CREATE TABLE feed_entries(
          feed    INTEGER NOT NULL REFERENCES feeds(id),
          key     TEXT NOT NULL,
          seen_at TEXT NOT NULL,
          PRIMARY KEY (feed, key)
        ) WITHOUT ROWID;

        CREATE TABLE candidates(
          id           INTEGER PRIMARY KEY,
          origin       TEXT NOT NULL CHECK (origin = 'feed' OR origin = 'nominated' OR origin = 'fetched'),
          origin_name  TEXT NOT NULL,
          feed         INTEGER REFERENCES feeds(id) ON DELETE SET NULL,
          title        TEXT NOT NULL,
          url          TEXT NOT NULL,
          url_key      TEXT NOT NULL,
          source       TEXT,
          author       TEXT,
          date         TEXT CHECK (date IS NULL OR date IS date(date)),
          excerpt      TEXT,
          section      TEXT,
          note         TEXT,
          added_at     TEXT NOT NULL,
          added_by     TEXT NOT NULL,
          dismissed_at TEXT,
          dismissed_by TEXT,
          dismiss_note TEXT,
          taken_into   INTEGER REFERENCES items(id)
        );
        CREATE INDEX candidates_waiting_by_link ON candidates(url_key) WHERE taken_into IS NULL AND dismissed_at IS NULL;

        ALTER TABLE backlog ADD COLUMN dismissed_at TEXT;
        ALTER TABLE backlog ADD COLUMN dismissed_by TEXT;
        ALTER TABLE backlog ADD COLUMN dismiss_note TEXT;
        """
}
