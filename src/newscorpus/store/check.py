"""Whether a store is sound: SQLite's own checks, and the invariants the writer keeps.

``check(store)`` runs SQLite's ``integrity_check`` and ``foreign_key_check``, FTS5's
integrity check of the search index, and one query per invariant of the schema (``RULES``):
every row points to rows that exist (documents to their file, mentions, claims, dates and
events to their document and paragraph, search index rows to a paragraph), offsets lie
inside the text, each document has its paragraphs numbered from 0 without a gap (the
writer stores a file with all its documents in one transaction, so a crash or a kill
cannot leave half of one), each actor's counts equal the counts of its mentions, and the
kept co-occurrence counts equal a recount while they are current. Each rule is a query
returning one line per problem, so a report names the first few.

Everything but the FTS5 check is read in one snapshot, so a check made while an ingest
writes sees one state of the store. FTS5 runs its check as a write statement: it waits
for a running ingest to commit, and is skipped if the lock does not come.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import Literal

from newscorpus.store import Store
from newscorpus.store.writer import PARAGRAPH_BITS

Status = Literal["ok", "FAIL", "skipped"]


@dataclass(frozen=True, slots=True)
class Rule:
    """An invariant: ``sql`` returns one line of text per row that breaks it."""

    name: str
    description: str
    sql: str


@dataclass(frozen=True, slots=True)
class CheckResult:
    check: str
    status: Status
    problems: int
    examples: tuple[str, ...]  # the first few problems, in words
    description: str
    note: str = ""  # why a check was skipped


@dataclass(frozen=True, slots=True)
class CheckReport:
    database: str
    ok: bool  # no check failed (skipped ones do not count)
    checks: tuple[CheckResult, ...]

    @property
    def failed(self) -> tuple[CheckResult, ...]:
        return tuple(c for c in self.checks if c.status == "FAIL")


_PARAGRAPH_MASK = (1 << PARAGRAPH_BITS) - 1
_NO_DOCUMENT = "NOT EXISTS (SELECT 1 FROM documents d WHERE d.id = x.document_id)"


def _rows_of_a_document(table: str, label: str) -> tuple[Rule, ...]:
    """The rules every table of things found in a document shares."""
    offsets = 'x.start < 0 OR x.start > x."end" OR x."end" > length(d.text)'
    if table == "claims":
        # The claimed words lie inside the claim.
        offsets += (
            " OR x.content_start < x.start OR x.content_start > x.content_end"
            ' OR x.content_end > x."end"'
        )
    where = f"'{label} ' || x.id || ' in document ' || x.document_id"
    return (
        Rule(
            f"{table}: documents",
            f"every {label} belongs to a stored document",
            f"SELECT {where} || ': no such document' FROM {table} x WHERE {_NO_DOCUMENT}",
        ),
        Rule(
            f"{table}: paragraphs",
            f"every {label} names a paragraph of its document",
            f"SELECT {where} || ': no paragraph ' || x.paragraph FROM {table} x"
            f" WHERE NOT {_NO_DOCUMENT} AND NOT EXISTS (SELECT 1 FROM paragraphs p"
            " WHERE p.document_id = x.document_id AND p.idx = x.paragraph)",
        ),
        Rule(
            f"{table}: offsets",
            f"each {label}'s offsets lie inside its document's text, start before end",
            f"SELECT {where} || ': ' || x.start || '..' || x.\"end\" || ' in a text of '"
            f" || length(d.text) || ' characters' FROM {table} x"
            f" JOIN documents d ON d.id = x.document_id WHERE {offsets}",
        ),
    )


RULES: tuple[Rule, ...] = (
    Rule(
        "documents: files",
        "every document belongs to a stored file",
        "SELECT 'document ' || x.id || ': no file ' || x.file_id FROM documents x"
        " WHERE NOT EXISTS (SELECT 1 FROM files f WHERE f.id = x.file_id)",
    ),
    Rule(
        "files: documents",
        "every stored file has its documents",
        "SELECT 'file ' || f.id || ' ' || f.path || ': no document' FROM files f"
        " WHERE NOT EXISTS (SELECT 1 FROM documents d WHERE d.file_id = f.id)",
    ),
    Rule(
        "documents: paragraphs",
        "every document has its paragraphs, numbered from 0 without a gap",
        "SELECT 'document ' || d.id || ': ' || coalesce(p.n || ' paragraphs numbered '"
        " || p.low || '..' || p.high, 'no paragraphs') FROM documents d"
        " LEFT JOIN (SELECT document_id, count(*) AS n, min(idx) AS low, max(idx) AS high"
        " FROM paragraphs GROUP BY document_id) p ON p.document_id = d.id"
        " WHERE p.n IS NULL OR p.low != 0 OR p.high != p.n - 1",
    ),
    Rule(
        "paragraphs: documents",
        "every paragraph belongs to a stored document",
        "SELECT 'paragraph ' || x.idx || ' of document ' || x.document_id || ': no such document'"
        f" FROM paragraphs x WHERE {_NO_DOCUMENT}",
    ),
    Rule(
        "paragraphs: offsets",
        "paragraphs lie inside their document's text, in order, start before end",
        "SELECT 'paragraph ' || x.idx || ' of document ' || x.document_id || ': '"
        " || x.start || '..' || x.\"end\" || ' in a text of ' || length(d.text) || ' characters'"
        " FROM paragraphs x JOIN documents d ON d.id = x.document_id"
        ' WHERE x.start < 0 OR x.start > x."end" OR x."end" > length(d.text) OR EXISTS'
        " (SELECT 1 FROM paragraphs y WHERE y.document_id = x.document_id AND y.idx = x.idx - 1"
        ' AND y."end" > x.start)',
    ),
    Rule(
        "paragraphs: repeats",
        "a repeated paragraph names an earlier paragraph of its document",
        "SELECT 'paragraph ' || x.idx || ' of document ' || x.document_id || ': repeat of '"
        " || x.duplicate_of FROM paragraphs x WHERE x.duplicate_of IS NOT NULL AND NOT EXISTS"
        " (SELECT 1 FROM paragraphs y WHERE y.document_id = x.document_id"
        " AND y.idx = x.duplicate_of AND y.idx < x.idx)",
    ),
    *_rows_of_a_document("mentions", "mention"),
    *_rows_of_a_document("claims", "claim"),
    *_rows_of_a_document("dates", "date"),
    *_rows_of_a_document("events", "event"),
    Rule(
        "mentions: actors",
        "every mention belongs to a stored actor",
        "SELECT 'mention ' || m.id || ' (' || m.text || '): no actor ' || m.actor_id"
        " FROM mentions m WHERE NOT EXISTS (SELECT 1 FROM actors a WHERE a.id = m.actor_id)",
    ),
    Rule(
        "actors: counts",
        "each actor's mentions and documents equal the counts of its mentions",
        "SELECT 'actor ' || a.id || ' ' || a.name || ': ' || a.mentions || ' mentions in '"
        " || a.documents || ' documents stored, ' || coalesce(c.n, 0) || ' in '"
        " || coalesce(c.docs, 0) || ' counted' FROM actors a LEFT JOIN (SELECT actor_id,"
        " count(*) AS n, count(DISTINCT document_id) AS docs FROM mentions GROUP BY actor_id) c"
        " ON c.actor_id = a.id"
        " WHERE a.mentions != coalesce(c.n, 0) OR a.documents != coalesce(c.docs, 0)",
    ),
    Rule(
        "actors: mentions",
        "every actor has mentions (one left without is deleted)",
        "SELECT 'actor ' || a.id || ' ' || a.name || ': no mention' FROM actors a"
        " WHERE NOT EXISTS (SELECT 1 FROM mentions m WHERE m.actor_id = a.id)",
    ),
    Rule(
        "claims: speakers",
        "a claim's speaker actor is a stored actor",
        "SELECT 'claim ' || c.id || ': no speaker actor ' || c.speaker_actor_id FROM claims c"
        " WHERE c.speaker_actor_id IS NOT NULL"
        " AND NOT EXISTS (SELECT 1 FROM actors a WHERE a.id = c.speaker_actor_id)",
    ),
    Rule(
        "events: claims",
        "an event's claim is a stored claim",
        "SELECT 'event ' || e.id || ': no claim ' || e.claim_id FROM events e"
        " WHERE e.claim_id IS NOT NULL"
        " AND NOT EXISTS (SELECT 1 FROM claims c WHERE c.id = e.claim_id)",
    ),
    Rule(
        "event actors",
        "an event's actors are stored events and actors",
        "SELECT 'event ' || x.event_id || ', actor ' || x.actor_id || ': no such '"
        " || CASE WHEN e.id IS NULL THEN 'event' ELSE 'actor' END FROM event_actors x"
        " LEFT JOIN events e ON e.id = x.event_id LEFT JOIN actors a ON a.id = x.actor_id"
        " WHERE e.id IS NULL OR a.id IS NULL",
    ),
    Rule(
        "search index: paragraphs",
        "every search index row is a paragraph of a stored document, not a repeat",
        f"SELECT 'search index row ' || s.rowid || ' (document ' || (s.rowid >> {PARAGRAPH_BITS})"
        f" || ', paragraph ' || (s.rowid & {_PARAGRAPH_MASK}) || '): ' || CASE"
        " WHEN d.id IS NULL THEN 'no such document' WHEN p.idx IS NULL THEN 'no such paragraph'"
        " ELSE 'a repeated paragraph' END FROM search_index s LEFT JOIN paragraphs p"
        f" ON p.document_id = s.rowid >> {PARAGRAPH_BITS} AND p.idx = s.rowid & {_PARAGRAPH_MASK}"
        f" LEFT JOIN documents d ON d.id = s.rowid >> {PARAGRAPH_BITS}"
        " WHERE d.id IS NULL OR p.idx IS NULL OR p.duplicate_of IS NOT NULL",
    ),
)

# What ``store.cooccurrence.rebuild`` keeps, recounted from the mentions.
_WINDOW_COUNTS = (
    "SELECT 'sentence' AS window, actor_id AS actor, count(*) AS windows FROM"
    " (SELECT DISTINCT document_id, sentence, actor_id FROM mentions WHERE sentence IS NOT NULL)"
    " GROUP BY actor_id UNION ALL"
    " SELECT 'paragraph', actor_id, count(*) FROM"
    " (SELECT DISTINCT document_id, paragraph, actor_id FROM mentions) GROUP BY actor_id"
)
COOCCURRENCE = (
    Rule(
        "co-occurrence: windows",
        "the kept count of windows each actor appears in equals a recount",
        "SELECT 'kept: ' || window || 's of actor ' || actor || ': ' || windows FROM"
        " (SELECT window, actor, windows FROM actor_windows"
        f" EXCEPT SELECT * FROM ({_WINDOW_COUNTS}))"
        " UNION ALL SELECT 'counted: ' || window || 's of actor ' || actor || ': ' || windows"
        f" FROM (SELECT * FROM ({_WINDOW_COUNTS})"
        " EXCEPT SELECT window, actor, windows FROM actor_windows)",
    ),
    Rule(
        "co-occurrence: actors",
        "kept pairs are pairs of stored actors",
        "SELECT c.window || ' pair ' || c.a || ', ' || c.b || ': no such actor' FROM cooccurrence c"
        " WHERE NOT EXISTS (SELECT 1 FROM actors x WHERE x.id = c.a)"
        " OR NOT EXISTS (SELECT 1 FROM actors y WHERE y.id = c.b)",
    ),
)

# What ``store.stories.rebuild`` keeps (while it is current).
STORIES = (
    Rule(
        "stories: every event in one",
        "each event belongs to exactly one story of its own date",
        "SELECT 'event ' || e.id || ' (' || e.date || '): in ' || count(se.story) || ' stories'"
        " FROM events e LEFT JOIN story_events se ON se.event = e.id"
        " GROUP BY e.id HAVING count(se.story) != 1"
        " UNION ALL SELECT 'story ' || s.id || ' (' || s.date || ') holds event ' || e.id"
        " || ' of ' || e.date FROM stories s JOIN story_events se ON se.story = s.id"
        " JOIN events e ON e.id = se.event WHERE e.date != s.date",
    ),
    Rule(
        "stories: counts",
        "a story's counts of events and documents, and its shown sentence, agree with its events",
        "SELECT 'story ' || s.id || ': ' || s.events || ' events, '"
        " || s.documents || ' documents kept' FROM stories s"
        " WHERE s.events != (SELECT count(*) FROM story_events se WHERE se.story = s.id)"
        " OR s.documents != (SELECT count(DISTINCT e.document_id) FROM story_events se"
        "  JOIN events e ON e.id = se.event WHERE se.story = s.id)"
        " OR NOT EXISTS (SELECT 1 FROM story_events se WHERE se.story = s.id"
        "  AND se.event = s.shown)",
    ),
)


# Checks that are not one query (their ``sql`` is unused).
_INTEGRITY = Rule("sqlite: integrity", "SQLite's integrity_check: pages, indexes, constraints", "")
_FOREIGN_KEYS = Rule("sqlite: foreign keys", "SQLite's foreign_key_check of every reference", "")
_FTS = Rule("search index: integrity", "FTS5's integrity-check of the search index", "")


def check(store: Store, *, examples: int = 5) -> CheckReport:
    """Run every check on the store (module docstring); keep ``examples`` problems each."""
    db = store.db
    own = not db.in_transaction  # a caller's snapshot is used as it is
    results = [_search_index_integrity(db) if own else _skipped(_FTS, "inside a read")]
    if own:
        db.execute("BEGIN")  # one snapshot, even while an ingest writes
    try:
        results.append(_guarded(_INTEGRITY, partial(_integrity, db, examples)))
        results.append(_guarded(_FOREIGN_KEYS, partial(_foreign_keys, db, examples)))
        results.extend(_guarded(rule, partial(_run, db, rule, examples)) for rule in RULES)
        results.extend(_cooccurrence(db, examples))
        results.extend(_stories(db, examples))
    finally:
        if own:
            db.execute("COMMIT")  # nothing was written: this only ends the read
    checks = tuple(results)
    return CheckReport(str(store.path), all(c.status != "FAIL" for c in checks), checks)


def _guarded(rule: Rule, run: Callable[[], CheckResult]) -> CheckResult:
    """A check that could not read what it checks failed (a damaged page, not a lock)."""
    try:
        return run()
    except sqlite3.OperationalError:
        raise
    except sqlite3.DatabaseError as error:  # "database disk image is malformed"
        return _result(rule, 1, [f"cannot be read: {error}"])


def _result(rule: Rule, problems: int, found: list[str]) -> CheckResult:
    return CheckResult(rule.name, "FAIL" if problems else "ok", problems, tuple(found),
                       rule.description)  # fmt: skip


def _run(db: sqlite3.Connection, rule: Rule, examples: int) -> CheckResult:
    found = [str(row[0]) for row in db.execute(f"{rule.sql} LIMIT ?", (max(examples, 1),))]
    problems = len(found)
    if problems >= max(examples, 1):  # there may be more; a clean store is read once
        problems = int(db.execute(f"SELECT count(*) FROM ({rule.sql})").fetchone()[0])
    return _result(rule, problems, found[:examples])


def _integrity(db: sqlite3.Connection, examples: int) -> CheckResult:
    lines = [str(row[0]) for row in db.execute("PRAGMA integrity_check")]
    found = [] if lines == ["ok"] else lines
    return _result(_INTEGRITY, len(found), found[:examples])


def _foreign_keys(db: sqlite3.Connection, examples: int) -> CheckResult:
    rows = db.execute("PRAGMA foreign_key_check").fetchall()
    found = [f"{table} row {rowid}: no {parent} row" for table, rowid, parent, _fk in rows]
    return _result(_FOREIGN_KEYS, len(found), found[:examples])


def _search_index_integrity(db: sqlite3.Connection) -> CheckResult:
    try:
        db.execute("INSERT INTO search_index (search_index) VALUES ('integrity-check')")
    except sqlite3.OperationalError as error:
        if "locked" in str(error) or "busy" in str(error):
            return _skipped(_FTS, "another process held the write lock FTS5's check takes")
        return _result(_FTS, 1, [str(error)])
    except sqlite3.DatabaseError as error:  # "database disk image is malformed"
        return _result(_FTS, 1, [str(error)])
    return _result(_FTS, 0, [])


def _cooccurrence(db: sqlite3.Connection, examples: int) -> list[CheckResult]:
    from newscorpus.store.cooccurrence import generation, is_fresh

    if is_fresh(db):
        return [_guarded(rule, partial(_run, db, rule, examples)) for rule in COOCCURRENCE]
    note = (
        f"not current (the store is at generation {generation(db)}): queries count from the"
        " mentions until the next ingest or curation recounts"
    )
    return [_skipped(rule, note) for rule in COOCCURRENCE]


def _stories(db: sqlite3.Connection, examples: int) -> list[CheckResult]:
    from newscorpus.store import stories

    if stories.is_fresh(db):
        return [_guarded(rule, partial(_run, db, rule, examples)) for rule in STORIES]
    note = "not current: the timeline clusters live until the next ingest keeps them"
    return [_skipped(rule, note) for rule in STORIES]


def _skipped(rule: Rule, note: str) -> CheckResult:
    return CheckResult(rule.name, "skipped", 0, (), rule.description, note)
