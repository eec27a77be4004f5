/// The database schema, as the ordered list of its migrations.
///
/// Issues and items are versioned by validity ranges: a state row holds from
/// the issue version `valid_from` up to, not including, `valid_to` (NULL while
/// it is current). A change closes the current row and inserts the new one,
/// so each revision stores only what it changed, and the issue as of any
/// version is one indexed query away.
package enum Schema {
    /// `PRAGMA application_id`: marks a file as a digest database ("DGST").
    package static let applicationID = 0x4447_5354

    package static let migrations: [Migration] = [
        Migration(version: 1, name: "versioned issues and items", sql: version1),
        Migration(version: 2, name: "identities and issue-level review", sql: version2),
        Migration(version: 3, name: "intake: feeds and backlog candidates", sql: version3),
        Migration(version: 4, name: "reads by item version; emails stored without their repeated renders",
                  sql: version4),
        Migration(version: 5, name: "combined roles", sql: version5),
        Migration(version: 6, name: "preheaders and sends", sql: version6),
        Migration(version: 7, name: "sort keys that never run out", sql: version7),
        Migration(version: 8, name: "link checks tied to the state they checked", sql: version8),
        // Checks of a value against a short list are written with `=` and
        // OR in the definitions below, not `x IN ('a', 'b', 'c')`: SQLite
        // checks an IN list of three values or more by building a small table
        // of them each time a statement runs, and a statement that stores one
        // row runs once per row (a quarter of the cost of storing an item
        // state in an import). A new database has them so; one made before
        // keeps its own definitions, which mean the same (a dump loaded into
        // a new database gets the cheaper ones). The step stays so that
        // schema versions keep their meaning.
        Migration(version: 9, name: "short-list checks written with = and OR in new databases", sql: ""),
        // Written by `send`, read by no command: a database without it reads the same.
        Migration(version: 10, name: "sends keep the message they sent", sql: "ALTER TABLE sends ADD COLUMN message TEXT;",
                  neededByReads: false),
    ]

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
    private static let version3 = """
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

    /// An issue as of version N is each of its items' latest state from N
    /// or before: one index seek per item (`item_states_by_item_version`)
    /// instead of a walk over every state the issue ever had, which
    /// `item_states_by_version` (issue, valid_from) gave.
    ///
    /// `editions.email_layout` says how the stored `email` column is to be
    /// read (see `StoredEmail`): NULL for an email stored whole, as every
    /// edition stored before this version is, so their bytes stay as they were.
    private static let version4 = """
        DROP INDEX item_states_by_version;
        CREATE INDEX item_states_by_item_version ON item_states(item, valid_from);
        ALTER TABLE editions ADD COLUMN email_layout TEXT;
        """

    private static let version1 = """
        CREATE TABLE settings(
          key   TEXT PRIMARY KEY NOT NULL,
          value TEXT NOT NULL
        ) WITHOUT ROWID;

        CREATE TABLE settings_log(
          id        INTEGER PRIMARY KEY,
          at        TEXT NOT NULL,
          actor     TEXT NOT NULL,
          key       TEXT NOT NULL,
          old_value TEXT,
          new_value TEXT
        );

        CREATE TABLE issues(
          number     INTEGER PRIMARY KEY CHECK (number >= 1),
          version    INTEGER NOT NULL CHECK (version >= 1),
          created_at TEXT NOT NULL,
          created_by TEXT NOT NULL
        );

        CREATE TABLE issue_states(
          id         INTEGER PRIMARY KEY,
          issue      INTEGER NOT NULL REFERENCES issues(number),
          valid_from INTEGER NOT NULL,
          valid_to   INTEGER CHECK (valid_to IS NULL OR valid_to > valid_from),
          date       TEXT NOT NULL CHECK (date IS date(date)),
          title      TEXT,
          intro      TEXT,
          status     TEXT NOT NULL CHECK (status = 'draft' OR status = 'in-review' OR status = 'published'),
          edition    INTEGER
        );
        CREATE UNIQUE INDEX issue_states_current ON issue_states(issue) WHERE valid_to IS NULL;
        CREATE INDEX issue_states_by_version ON issue_states(issue, valid_from);

        CREATE TABLE items(
          id       INTEGER PRIMARY KEY,
          issue    INTEGER NOT NULL REFERENCES issues(number),
          origin   INTEGER REFERENCES items(id),
          added_at TEXT NOT NULL,
          added_by TEXT NOT NULL
        );
        CREATE INDEX items_by_issue ON items(issue);

        CREATE TABLE item_states(
          id          INTEGER PRIMARY KEY,
          item        INTEGER NOT NULL REFERENCES items(id),
          issue       INTEGER NOT NULL REFERENCES issues(number),
          valid_from  INTEGER NOT NULL,
          valid_to    INTEGER CHECK (valid_to IS NULL OR valid_to > valid_from),
          position    REAL NOT NULL,
          title       TEXT NOT NULL,
          url         TEXT,
          url_key     TEXT,
          source      TEXT NOT NULL,
          author      TEXT,
          date        TEXT NOT NULL CHECK (date IS date(date)),
          excerpt     TEXT NOT NULL,
          section     TEXT,
          posted_on   TEXT CHECK (posted_on IS NULL OR posted_on IS date(posted_on)),
          link_text   TEXT,
          status      TEXT NOT NULL CHECK (status = 'pending' OR status = 'approved' OR status = 'rejected'),
          note        TEXT,
          added_by    TEXT NOT NULL,
          edited_by   TEXT,
          reviewed_by TEXT,
          reviewed_at TEXT,
          CHECK ((url IS NULL) = (url_key IS NULL))
        );
        CREATE UNIQUE INDEX item_states_current ON item_states(item) WHERE valid_to IS NULL;
        -- Holds valid_to so that counting an issue's current items reads the index alone.
        CREATE INDEX item_states_current_by_issue ON item_states(issue, position, valid_to) WHERE valid_to IS NULL;
        CREATE INDEX item_states_by_version ON item_states(issue, valid_from);
        CREATE INDEX item_states_by_link ON item_states(url_key) WHERE valid_to IS NULL AND url_key IS NOT NULL;

        CREATE TABLE revisions(
          issue   INTEGER NOT NULL REFERENCES issues(number),
          version INTEGER NOT NULL,
          at      TEXT NOT NULL,
          actor   TEXT NOT NULL,
          action  TEXT NOT NULL,
          summary TEXT NOT NULL,
          message TEXT,
          PRIMARY KEY (issue, version)
        ) WITHOUT ROWID;

        CREATE TABLE editions(
          issue        INTEGER NOT NULL REFERENCES issues(number),
          edition      INTEGER NOT NULL,
          version      INTEGER NOT NULL,
          published_at TEXT NOT NULL,
          published_by TEXT NOT NULL,
          message_id   TEXT NOT NULL UNIQUE,
          markdown     TEXT NOT NULL,
          html         TEXT NOT NULL,
          text         TEXT NOT NULL,
          email        TEXT NOT NULL,
          PRIMARY KEY (issue, edition)
        );
        CREATE UNIQUE INDEX editions_by_version ON editions(issue, version);

        CREATE TABLE backlog(
          item        INTEGER PRIMARY KEY REFERENCES items(id),
          state       INTEGER NOT NULL REFERENCES item_states(id),
          from_issue  INTEGER NOT NULL REFERENCES issues(number),
          deferred_at TEXT NOT NULL,
          deferred_by TEXT NOT NULL,
          taken_into  INTEGER REFERENCES items(id)
        );

        CREATE TABLE link_checks(
          item          INTEGER PRIMARY KEY REFERENCES items(id),
          url           TEXT NOT NULL,
          checked_at    TEXT NOT NULL,
          outcome       TEXT NOT NULL,
          status        INTEGER,
          final_url     TEXT,
          suggested_url TEXT,
          detail        TEXT
        );

        -- History is append-only: a closed state, a revision or an edition can
        -- never be changed or deleted, so no bug can rewrite what was published.
        CREATE TRIGGER item_states_are_history BEFORE UPDATE ON item_states
        WHEN OLD.valid_to IS NOT NULL
          OR NEW.id IS NOT OLD.id OR NEW.item IS NOT OLD.item OR NEW.issue IS NOT OLD.issue
          OR NEW.valid_from IS NOT OLD.valid_from OR NEW.position IS NOT OLD.position
          OR NEW.title IS NOT OLD.title OR NEW.url IS NOT OLD.url OR NEW.url_key IS NOT OLD.url_key
          OR NEW.source IS NOT OLD.source OR NEW.author IS NOT OLD.author OR NEW.date IS NOT OLD.date
          OR NEW.excerpt IS NOT OLD.excerpt OR NEW.section IS NOT OLD.section
          OR NEW.posted_on IS NOT OLD.posted_on OR NEW.link_text IS NOT OLD.link_text
          OR NEW.status IS NOT OLD.status OR NEW.note IS NOT OLD.note
          OR NEW.added_by IS NOT OLD.added_by OR NEW.edited_by IS NOT OLD.edited_by
          OR NEW.reviewed_by IS NOT OLD.reviewed_by OR NEW.reviewed_at IS NOT OLD.reviewed_at
        BEGIN SELECT RAISE(ABORT, 'item states are history: only closing the current state is allowed'); END;
        CREATE TRIGGER item_states_are_kept BEFORE DELETE ON item_states
        BEGIN SELECT RAISE(ABORT, 'item states are history and cannot be deleted'); END;
        CREATE TRIGGER issue_states_are_history BEFORE UPDATE ON issue_states
        WHEN OLD.valid_to IS NOT NULL
          OR NEW.id IS NOT OLD.id OR NEW.issue IS NOT OLD.issue OR NEW.valid_from IS NOT OLD.valid_from
          OR NEW.date IS NOT OLD.date OR NEW.title IS NOT OLD.title OR NEW.intro IS NOT OLD.intro
          OR NEW.status IS NOT OLD.status OR NEW.edition IS NOT OLD.edition
        BEGIN SELECT RAISE(ABORT, 'issue states are history: only closing the current state is allowed'); END;
        CREATE TRIGGER issue_states_are_kept BEFORE DELETE ON issue_states
        BEGIN SELECT RAISE(ABORT, 'issue states are history and cannot be deleted'); END;
        CREATE TRIGGER revisions_are_history BEFORE UPDATE ON revisions
        BEGIN SELECT RAISE(ABORT, 'revisions are history and cannot be changed'); END;
        CREATE TRIGGER revisions_are_kept BEFORE DELETE ON revisions
        BEGIN SELECT RAISE(ABORT, 'revisions are history and cannot be deleted'); END;
        CREATE TRIGGER editions_are_history BEFORE UPDATE ON editions
        BEGIN SELECT RAISE(ABORT, 'published editions cannot be changed'); END;
        CREATE TRIGGER editions_are_kept BEFORE DELETE ON editions
        BEGIN SELECT RAISE(ABORT, 'published editions cannot be deleted'); END;

        -- Full-text search over the current state of every item. The index
        -- reads its text from this view (external content), so the text is
        -- stored once; it is kept in step by the code that opens and closes
        -- states, and rebuilt in one pass after bulk loads.
        CREATE VIEW search_source AS
          SELECT id AS state_id, title, excerpt, source, coalesce(author, '') AS author
          FROM item_states WHERE valid_to IS NULL;
        CREATE VIRTUAL TABLE item_search USING fts5(
          title, excerpt, source, author,
          content = 'search_source', content_rowid = 'state_id',
          tokenize = 'unicode61 remove_diacritics 2'
        );
        """

    /// Who acted and how digest knew (`identity`), the review of an issue's
    /// own fields, and editions that came in by import without a review.
    /// Revisions and log entries made before this step were all declared.
    private static let version2 = """
        ALTER TABLE revisions ADD COLUMN identity TEXT NOT NULL DEFAULT 'declared'
          CHECK (identity = 'declared' OR identity = 'account' OR identity = 'server');
        ALTER TABLE settings_log ADD COLUMN identity TEXT NOT NULL DEFAULT 'declared'
          CHECK (identity = 'declared' OR identity = 'account' OR identity = 'server');

        -- Who last changed the issue's date, title or intro (NULL: its creator),
        -- and who approved those fields since (NULL: not approved).
        ALTER TABLE issue_states ADD COLUMN fields_by TEXT;
        ALTER TABLE issue_states ADD COLUMN approved_by TEXT;
        ALTER TABLE issue_states ADD COLUMN approved_at TEXT;

        -- 0: the edition came in through 'import --published', with nobody's review.
        ALTER TABLE editions ADD COLUMN reviewed INTEGER NOT NULL DEFAULT 1 CHECK (reviewed IN (0, 1));
        DROP TRIGGER editions_are_history;
        UPDATE editions SET reviewed = 0
          WHERE EXISTS (SELECT 1 FROM revisions r
                        WHERE r.issue = editions.issue AND r.version = editions.version AND r.action = 'import');
        CREATE TRIGGER editions_are_history BEFORE UPDATE ON editions
        BEGIN SELECT RAISE(ABORT, 'published editions cannot be changed'); END;

        DROP TRIGGER issue_states_are_history;
        CREATE TRIGGER issue_states_are_history BEFORE UPDATE ON issue_states
        WHEN OLD.valid_to IS NOT NULL
          OR NEW.id IS NOT OLD.id OR NEW.issue IS NOT OLD.issue OR NEW.valid_from IS NOT OLD.valid_from
          OR NEW.date IS NOT OLD.date OR NEW.title IS NOT OLD.title OR NEW.intro IS NOT OLD.intro
          OR NEW.status IS NOT OLD.status OR NEW.edition IS NOT OLD.edition
          OR NEW.fields_by IS NOT OLD.fields_by OR NEW.approved_by IS NOT OLD.approved_by
          OR NEW.approved_at IS NOT OLD.approved_at
        BEGIN SELECT RAISE(ABORT, 'issue states are history: only closing the current state is allowed'); END;
        """

    /// Roles combine with commas (`editor,reviewer`); `both` is written out.
    private static let version5 = """
        UPDATE settings SET value = 'editor,reviewer' WHERE key LIKE 'people.%' AND value = 'both';
        """

    /// Each issue state gets the inbox preview text (its history trigger is
    /// remade to cover the new column), and `sends` records every real
    /// sending of an edition, append-only like the rest of the history.
    private static let version6 = """
        ALTER TABLE issue_states ADD COLUMN preheader TEXT;
        DROP TRIGGER issue_states_are_history;
        CREATE TRIGGER issue_states_are_history BEFORE UPDATE ON issue_states
        WHEN OLD.valid_to IS NOT NULL
          OR NEW.id IS NOT OLD.id OR NEW.issue IS NOT OLD.issue OR NEW.valid_from IS NOT OLD.valid_from
          OR NEW.date IS NOT OLD.date OR NEW.title IS NOT OLD.title OR NEW.intro IS NOT OLD.intro
          OR NEW.status IS NOT OLD.status OR NEW.edition IS NOT OLD.edition
          OR NEW.fields_by IS NOT OLD.fields_by OR NEW.approved_by IS NOT OLD.approved_by
          OR NEW.approved_at IS NOT OLD.approved_at OR NEW.preheader IS NOT OLD.preheader
        BEGIN SELECT RAISE(ABORT, 'issue states are history: only closing the current state is allowed'); END;

        CREATE TABLE sends(
          id         INTEGER PRIMARY KEY,
          issue      INTEGER NOT NULL,
          edition    INTEGER NOT NULL,
          sent_at    TEXT NOT NULL,
          sent_by    TEXT NOT NULL,
          recipients TEXT NOT NULL,
          FOREIGN KEY (issue, edition) REFERENCES editions(issue, edition)
        );
        CREATE INDEX sends_by_edition ON sends(issue, edition);
        CREATE TRIGGER sends_are_history BEFORE UPDATE ON sends
        BEGIN SELECT RAISE(ABORT, 'sends are history and cannot be changed'); END;
        CREATE TRIGGER sends_are_kept BEFORE DELETE ON sends
        BEGIN SELECT RAISE(ABORT, 'sends are history and cannot be deleted'); END;
        """

    /// A tag after the position breaks ties, so that a move always finds a
    /// key between its neighbours and writes only the moved item (`SortKey`).
    /// Existing states keep their positions and have no tag.
    private static let version7 = """
        ALTER TABLE item_states ADD COLUMN sort_tag TEXT CHECK (sort_tag IS NULL OR (sort_tag GLOB '*[b-z]' AND sort_tag NOT GLOB '*[^a-z]*'));
        DROP INDEX item_states_current_by_issue;
        CREATE INDEX item_states_current_by_issue ON item_states(issue, position, sort_tag, valid_to) WHERE valid_to IS NULL;
        DROP TRIGGER item_states_are_history;
        CREATE TRIGGER item_states_are_history BEFORE UPDATE ON item_states
        WHEN OLD.valid_to IS NOT NULL
          OR NEW.id IS NOT OLD.id OR NEW.item IS NOT OLD.item OR NEW.issue IS NOT OLD.issue
          OR NEW.valid_from IS NOT OLD.valid_from OR NEW.position IS NOT OLD.position
          OR NEW.sort_tag IS NOT OLD.sort_tag
          OR NEW.title IS NOT OLD.title OR NEW.url IS NOT OLD.url OR NEW.url_key IS NOT OLD.url_key
          OR NEW.source IS NOT OLD.source OR NEW.author IS NOT OLD.author OR NEW.date IS NOT OLD.date
          OR NEW.excerpt IS NOT OLD.excerpt OR NEW.section IS NOT OLD.section
          OR NEW.posted_on IS NOT OLD.posted_on OR NEW.link_text IS NOT OLD.link_text
          OR NEW.status IS NOT OLD.status OR NEW.note IS NOT OLD.note
          OR NEW.added_by IS NOT OLD.added_by OR NEW.edited_by IS NOT OLD.edited_by
          OR NEW.reviewed_by IS NOT OLD.reviewed_by OR NEW.reviewed_at IS NOT OLD.reviewed_at
        BEGIN SELECT RAISE(ABORT, 'item states are history: only closing the current state is allowed'); END;
        """

    /// A link check holds for the item's link as it was when the check began
    /// (`state`), not for the same link typed in again later. A result kept
    /// from before is tied to the item's first state, so it still holds only
    /// if the item never had another link.
    private static let version8 = """
        ALTER TABLE link_checks ADD COLUMN state INTEGER REFERENCES item_states(id);
        UPDATE link_checks SET state = (SELECT min(s.id) FROM item_states s WHERE s.item = link_checks.item);
        """
}
