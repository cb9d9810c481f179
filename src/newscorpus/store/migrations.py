"""Schema changes as numbered functions, applied once each and recorded in the database.

Add a change by appending a function to ``MIGRATIONS``; never edit one that has shipped.
A migration takes the connection, inside the transaction that records it; most run a
schema script (``run_script``), some also fill a new column from Python.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from datetime import UTC, datetime

Migration = Callable[[sqlite3.Connection], None]


def m001_initial(db: sqlite3.Connection) -> None:
    run_script(
        db,
        """
        CREATE TABLE files (
            id INTEGER PRIMARY KEY,
            path TEXT NOT NULL UNIQUE,
            size INTEGER NOT NULL,
            mtime_ns INTEGER NOT NULL,
            digest TEXT NOT NULL,
            ingested_at TEXT NOT NULL
        );
        CREATE TABLE documents (
            id INTEGER PRIMARY KEY,
            file_id INTEGER NOT NULL REFERENCES files(id) ON DELETE CASCADE,
            article_index INTEGER NOT NULL,
            external_id TEXT,
            title TEXT,
            published TEXT,
            date_source TEXT NOT NULL,
            outlet TEXT,
            url TEXT,
            encoding TEXT NOT NULL,
            content_hash TEXT NOT NULL,
            offset_in_file INTEGER NOT NULL,
            text TEXT NOT NULL,
            UNIQUE (file_id, article_index)
        );
        CREATE INDEX documents_published ON documents (published);
        CREATE TABLE paragraphs (
            document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            idx INTEGER NOT NULL,
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            kind TEXT NOT NULL,
            duplicate_of INTEGER,
            PRIMARY KEY (document_id, idx)
        ) WITHOUT ROWID;
        CREATE TABLE actors (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL,
            type TEXT NOT NULL,
            mentions INTEGER NOT NULL DEFAULT 0,
            documents INTEGER NOT NULL DEFAULT 0
        );
        CREATE INDEX actors_rank ON actors (mentions DESC);
        CREATE INDEX actors_name ON actors (name);
        CREATE TABLE actor_keys (
            key TEXT NOT NULL,
            type TEXT NOT NULL,
            actor_id INTEGER NOT NULL REFERENCES actors(id) ON DELETE CASCADE,
            PRIMARY KEY (key, type)
        ) WITHOUT ROWID;
        CREATE INDEX actor_keys_actor ON actor_keys (actor_id);
        CREATE TABLE mentions (
            id INTEGER PRIMARY KEY,
            document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            paragraph INTEGER NOT NULL,
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            text TEXT NOT NULL,
            name TEXT NOT NULL,
            actor_id INTEGER NOT NULL REFERENCES actors(id),
            role TEXT,
            source TEXT NOT NULL
        );
        CREATE INDEX mentions_actor ON mentions (actor_id, document_id);
        CREATE INDEX mentions_document ON mentions (document_id);
        CREATE TABLE claims (
            id INTEGER PRIMARY KEY,
            document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            paragraph INTEGER NOT NULL,
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            content_start INTEGER NOT NULL,
            content_end INTEGER NOT NULL,
            speaker TEXT NOT NULL,
            speaker_actor_id INTEGER REFERENCES actors(id),
            cue TEXT NOT NULL,
            content TEXT NOT NULL,
            kind TEXT NOT NULL,
            via TEXT
        );
        CREATE INDEX claims_speaker ON claims (speaker_actor_id);
        CREATE INDEX claims_document ON claims (document_id);
        CREATE TABLE dates (
            id INTEGER PRIMARY KEY,
            document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            paragraph INTEGER NOT NULL,
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            text TEXT NOT NULL,
            value TEXT,
            precision TEXT,
            reason TEXT,
            hijri TEXT
        );
        CREATE INDEX dates_document ON dates (document_id);
        CREATE TABLE events (
            id INTEGER PRIMARY KEY,
            document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            paragraph INTEGER NOT NULL,
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            date TEXT NOT NULL,
            precision TEXT NOT NULL,
            text TEXT NOT NULL,
            claim_id INTEGER REFERENCES claims(id) ON DELETE SET NULL
        );
        CREATE INDEX events_date ON events (date);
        CREATE INDEX events_document ON events (document_id);
        CREATE TABLE event_actors (
            event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
            actor_id INTEGER NOT NULL REFERENCES actors(id),
            PRIMARY KEY (event_id, actor_id)
        ) WITHOUT ROWID;
        CREATE INDEX event_actors_actor ON event_actors (actor_id, event_id);
        """,
    )


def m002_actor_match_names(db: sqlite3.Connection) -> None:
    """The match form of each actor's name, so a lookup by spelling is one indexed query."""
    from newscorpus.extract.identity import name_form

    run_script(
        db,
        """
        ALTER TABLE actors ADD COLUMN match_name TEXT;
        CREATE INDEX actors_match_name ON actors (match_name);
        """,
    )
    rows = db.execute("SELECT id, name FROM actors").fetchall()
    db.executemany(
        "UPDATE actors SET match_name = ? WHERE id = ?", [(name_form(n), i) for i, n in rows]
    )


def m003_identity_evidence(db: sqlite3.Connection) -> None:
    """Identity with evidence (issue #13): how each mention and each name joined its actor,
    ambiguous and curated actors, and the curation decisions themselves. Alias keys of the
    old policy are replaced by the new policy's for the names already stored (their merges
    stay until their files are ingested again)."""
    from newscorpus.extract.identity import alias_keys

    run_script(
        db,
        """
        ALTER TABLE mentions ADD COLUMN resolution TEXT;
        ALTER TABLE actors ADD COLUMN ambiguous INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE actors ADD COLUMN dropped INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE actors ADD COLUMN pinned_name TEXT;
        ALTER TABLE actor_keys ADD COLUMN name TEXT;
        CREATE TABLE actor_names (
            actor_id INTEGER NOT NULL REFERENCES actors(id) ON DELETE CASCADE,
            name TEXT NOT NULL,
            evidence TEXT NOT NULL,
            document_id INTEGER,
            PRIMARY KEY (actor_id, name)
        ) WITHOUT ROWID;
        CREATE TABLE curation (
            id INTEGER PRIMARY KEY,
            action TEXT NOT NULL,
            type TEXT,
            name TEXT NOT NULL,
            value TEXT,
            created_at TEXT NOT NULL
        );
        DELETE FROM actor_keys;
        """,
    )
    rows = db.execute("SELECT DISTINCT m.actor_id, m.name, a.type FROM mentions m"
                      " JOIN actors a ON a.id = m.actor_id").fetchall()  # fmt: skip
    db.executemany(
        "INSERT OR IGNORE INTO actor_keys (key, type, actor_id, name) VALUES (?, ?, ?, ?)",
        [(key, kind, actor, name) for actor, name, kind in rows for key in alias_keys(name, kind)],
    )
    db.executemany(
        "INSERT OR IGNORE INTO actor_names (actor_id, name, evidence) VALUES (?, ?, ?)",
        [(actor, name, "stored before identity evidence was kept") for actor, name, _ in rows],
    )


def m004_actor_form_indexes(db: sqlite3.Connection) -> None:
    """Covering indexes for an actor's written forms and roles (every row of `actors` lists
    them) and for who appears with whom (document -> actors), so these read the index
    instead of every mention."""
    run_script(
        db,
        """
        CREATE INDEX mentions_actor_text ON mentions (actor_id, text);
        CREATE INDEX mentions_actor_role ON mentions (actor_id, role);
        DROP INDEX mentions_document;
        CREATE INDEX mentions_document_actor ON mentions (document_id, actor_id);
        """,
    )


def m005_document_metadata(db: sqlite3.Connection) -> None:
    """The fields of an article's record that no role took (JSON, CSV, Excel input), as a
    JSON object; NULL when there are none."""
    run_script(db, "ALTER TABLE documents ADD COLUMN metadata TEXT;")


def m006_search_index(db: sqlite3.Connection) -> None:
    """A full-text index of paragraphs (FTS5) over their search terms
    (``arabic.search``), rowid ``document_id << 20 | paragraph``; and each mention's
    sentence, so co-occurrence can be counted per sentence (``network``). Stores made
    before this have an empty index and no sentences until their files are ingested again
    (``newscorpus ingest --reanalyze``)."""
    run_script(
        db,
        """
        CREATE VIRTUAL TABLE search_index USING fts5(
            terms, tokenize = 'unicode61 remove_diacritics 0', prefix = '2 4'
        );
        ALTER TABLE mentions ADD COLUMN sentence INTEGER;
        CREATE INDEX mentions_window ON mentions (document_id, sentence, actor_id);
        """,
    )


def m007_cooccurrence(db: sqlite3.Connection) -> None:
    """Co-occurrence counts kept between changes (``store.cooccurrence``), and the store's
    generation, raised by every commit, that says whether they are current."""
    run_script(
        db,
        """
        CREATE TABLE store_meta (key TEXT PRIMARY KEY, value INTEGER NOT NULL) WITHOUT ROWID;
        CREATE TABLE cooccurrence (
            window TEXT NOT NULL, a INTEGER NOT NULL, b INTEGER NOT NULL,
            weight INTEGER NOT NULL, PRIMARY KEY (window, a, b)
        ) WITHOUT ROWID;
        CREATE INDEX cooccurrence_weight ON cooccurrence (window, weight DESC);
        CREATE INDEX cooccurrence_b ON cooccurrence (window, b);
        CREATE TABLE actor_windows (
            window TEXT NOT NULL, actor INTEGER NOT NULL, windows INTEGER NOT NULL,
            PRIMARY KEY (window, actor)
        ) WITHOUT ROWID;
        """,
    )


def m008_stories(db: sqlite3.Connection) -> None:
    """Stories: the events of one date that tell one happening, kept between changes
    (``store.stories``), with what each date's stories were built from."""
    run_script(
        db,
        """
        CREATE TABLE stories (
            id INTEGER PRIMARY KEY,
            date TEXT NOT NULL,
            precision TEXT NOT NULL,
            shown INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
            documents INTEGER NOT NULL,
            events INTEGER NOT NULL
        );
        CREATE INDEX stories_date ON stories (date);
        CREATE INDEX stories_shown ON stories (shown);
        CREATE INDEX stories_documents ON stories (documents DESC, events DESC);
        CREATE INDEX stories_events ON stories (events DESC, documents DESC);
        CREATE TABLE story_events (
            story INTEGER NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
            event INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
            PRIMARY KEY (story, event)
        ) WITHOUT ROWID;
        CREATE INDEX story_events_event ON story_events (event);
        CREATE TABLE story_dates (date TEXT PRIMARY KEY, built_from TEXT NOT NULL) WITHOUT ROWID;
        """,
    )


MIGRATIONS: tuple[Migration, ...] = (
    m001_initial,
    m002_actor_match_names,
    m003_identity_evidence,
    m004_actor_form_indexes,
    m005_document_metadata,
    m006_search_index,
    m007_cooccurrence,
    m008_stories,
)


def apply_migrations(db: sqlite3.Connection) -> list[str]:
    """Apply every migration not yet recorded; return the names of those applied.

    Each migration and its record run in one transaction, so a crash leaves either both
    or neither. The connection must be in autocommit mode (``isolation_level=None``).
    """
    exists = db.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'"
    ).fetchone()
    if exists and schema_version(db) >= len(MIGRATIONS):
        return []  # the usual case: a read, no write lock
    db.execute(
        "CREATE TABLE IF NOT EXISTS schema_migrations"
        " (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)"
    )
    applied = []
    for version, migration in enumerate(MIGRATIONS, start=1):
        db.execute("BEGIN IMMEDIATE")  # re-check under the write lock: another process may race us
        try:
            done = db.execute(
                "SELECT 1 FROM schema_migrations WHERE version = ?", (version,)
            ).fetchone()
            if not done:
                migration(db)
                db.execute(
                    "INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)",
                    (version, migration.__name__, datetime.now(UTC).isoformat(timespec="seconds")),
                )
                applied.append(migration.__name__)
        except BaseException:
            db.execute("ROLLBACK")
            raise
        db.execute("COMMIT")
    return applied


def run_script(db: sqlite3.Connection, script: str) -> None:
    """Run a schema script statement by statement, inside the current transaction."""
    for statement in _statements(script):
        db.execute(statement)


def _statements(script: str) -> list[str]:
    """Split a schema script into statements (executescript would commit mid-transaction)."""
    statements, pending = [], ""
    for line in script.splitlines(keepends=True):
        pending += line
        if sqlite3.complete_statement(pending):
            statements.append(pending.strip())
            pending = ""
    if pending.strip():
        statements.append(pending.strip())
    return statements


def schema_version(db: sqlite3.Connection) -> int:
    row = db.execute("SELECT max(version) FROM schema_migrations").fetchone()
    return int(row[0] or 0)
