"""check: a sound store passes; each kind of damage SQL can do is named, with examples."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from newscorpus.store import open_store
from newscorpus.store.check import check


@pytest.fixture
def store_copy(seeded_db: Path, tmp_path: Path) -> Path:
    """A copy of the seeded store to damage (the session's store is never written)."""
    copy = tmp_path / "copy.db"
    with sqlite3.connect(seeded_db) as db:
        db.execute("VACUUM INTO ?", (str(copy),))
    return copy


def _damage(db_path: Path, *statements: str) -> None:
    db = sqlite3.connect(db_path, isolation_level=None)
    db.execute("PRAGMA foreign_keys=OFF")  # as a careless tool or an old bug would
    db.execute("PRAGMA writable_schema=ON")
    for statement in statements:
        db.execute(statement)
    db.close()


def _failed(db_path: Path) -> dict[str, tuple[int, tuple[str, ...]]]:
    with open_store(db_path, create=False) as store:
        report = check(store, examples=3)
    assert report.ok == (not report.failed)
    return {c.check: (c.problems, c.examples) for c in report.failed}


def test_a_sound_store_passes_every_check(store_copy: Path) -> None:
    with open_store(store_copy, create=False) as store:
        report = check(store)
    assert report.ok and report.failed == ()
    assert [c.status for c in report.checks] == ["ok"] * len(report.checks)
    assert len(report.checks) >= 25


FIRST_MENTION = "(SELECT min(id) FROM mentions)"
LONE_DOCUMENT = (  # the only article of its file
    "(SELECT min(id) FROM documents WHERE file_id IN"
    " (SELECT file_id FROM documents GROUP BY file_id HAVING count(*) = 1))"
)

DAMAGE = [
    (
        "a document row deleted",
        [f"DELETE FROM documents WHERE id = {LONE_DOCUMENT}"],
        {
            "sqlite: foreign keys",
            "files: documents",
            "paragraphs: documents",
            "mentions: documents",
            "claims: documents",
            "dates: documents",
            "events: documents",
            "search index: paragraphs",
        },
    ),
    (
        "a file row deleted",
        ["DELETE FROM files WHERE id = 1"],
        {"sqlite: foreign keys", "documents: files"},
    ),
    (
        "a paragraph row deleted",
        [
            "DELETE FROM paragraphs WHERE (document_id << 20 | idx) = (SELECT min(s.rowid)"
            " FROM search_index s JOIN paragraphs p ON p.document_id << 20 | p.idx = s.rowid"
            " WHERE p.idx > 0 AND EXISTS (SELECT 1 FROM paragraphs r WHERE r.document_id ="
            " p.document_id AND r.idx > p.idx) AND NOT EXISTS (SELECT 1 FROM paragraphs r"
            " WHERE r.document_id = p.document_id AND r.duplicate_of = p.idx))"
        ],
        {"documents: paragraphs", "search index: paragraphs"},
    ),
    (
        "a mention ending before it starts",
        [f'UPDATE mentions SET "end" = start - 1 WHERE id = {FIRST_MENTION}'],
        {"mentions: offsets"},
    ),
    (
        "offsets past the end of the text",
        [
            'UPDATE paragraphs SET "end" = 1000000 WHERE document_id = 3 AND idx = 0',
            'UPDATE dates SET "end" = 1000000 WHERE id = (SELECT min(id) FROM dates)',
            "UPDATE claims SET content_end = 1000000 WHERE id = (SELECT min(id) FROM claims)",
            "UPDATE events SET start = -5 WHERE id = (SELECT min(id) FROM events)",
        ],
        {"paragraphs: offsets", "dates: offsets", "claims: offsets", "events: offsets"},
    ),
    (
        "a mention of a paragraph the document lacks",
        [f"UPDATE mentions SET paragraph = 999 WHERE id = {FIRST_MENTION}"],
        {"mentions: paragraphs"},
    ),
    (
        "wrong actor counts",
        ["UPDATE actors SET mentions = mentions + 1 WHERE id = 1"],
        {"actors: counts"},
    ),
    (
        "an actor row deleted",
        [
            "DELETE FROM actors WHERE id = (SELECT speaker_actor_id FROM claims"
            " WHERE speaker_actor_id IN (SELECT actor_id FROM event_actors) LIMIT 1)"
        ],
        {
            "sqlite: foreign keys",
            "mentions: actors",
            "claims: speakers",
            "event actors",
            "co-occurrence: actors",
        },
    ),
    (
        "an actor without mentions",
        ["INSERT INTO actors (name, type) VALUES ('أحد', 'person')"],
        {"actors: mentions"},
    ),
    (
        "orphan search index rows",
        [
            "INSERT INTO search_index (rowid, terms) VALUES ((999 << 20) | 3, 'كلمة')",
            "INSERT INTO search_index (rowid, terms) VALUES ((1 << 20) | 500, 'كلمة')",
        ],
        {"search index: paragraphs"},
    ),
    (
        "kept co-occurrence counts that disagree with the mentions",
        ["UPDATE actor_windows SET windows = windows + 1 WHERE actor = 1"],
        {"co-occurrence: windows"},
    ),
    (
        "an event left out of its story",
        ["DELETE FROM story_events WHERE event = (SELECT min(event) FROM story_events)"],
        {"stories: every event in one", "stories: counts"},
    ),
    (
        "a story's kept count wrong",
        ["UPDATE stories SET documents = documents + 1 WHERE id = (SELECT min(id) FROM stories)"],
        {"stories: counts"},
    ),
    (
        "a broken full-text index",
        ["DELETE FROM search_index_data WHERE id > 10"],
        {"search index: integrity"},
    ),
    (
        "an index that disagrees with its table",
        [
            "UPDATE sqlite_master SET sql = replace(sql, '(actor_id, document_id)',"
            " '(document_id, actor_id)') WHERE name = 'mentions_actor'"
        ],
        {"sqlite: integrity"},
    ),
]


@pytest.mark.parametrize(("damage", "statements", "failed"), DAMAGE, ids=[d[0] for d in DAMAGE])
def test_damage_is_reported(
    store_copy: Path, damage: str, statements: list[str], failed: set[str]
) -> None:
    _damage(store_copy, *statements)
    found = _failed(store_copy)
    assert set(found) == failed
    for problems, examples in found.values():
        assert problems >= 1 and 1 <= len(examples) <= 3


def test_examples_name_the_rows_and_counts_go_past_them(store_copy: Path) -> None:
    _damage(store_copy, "DELETE FROM documents WHERE id = 2")
    found = _failed(store_copy)
    with sqlite3.connect(store_copy) as db:
        mentions = db.execute("SELECT count(*) FROM mentions WHERE document_id = 2").fetchone()[0]
    assert mentions > 3
    problems, examples = found["mentions: documents"]
    assert problems == mentions and len(examples) == 3
    assert all(e.endswith(" in document 2: no such document") for e in examples)


def test_stale_co_occurrence_counts_are_skipped_not_failed(store_copy: Path) -> None:
    _damage(
        store_copy,
        "UPDATE actor_windows SET windows = windows + 1",
        "UPDATE store_meta SET value = value + 1 WHERE key = 'generation'",
    )
    with open_store(store_copy, create=False) as store:
        report = check(store)
    assert report.ok
    skipped = [c for c in report.checks if c.status == "skipped"]
    assert {c.check for c in skipped} == {
        "co-occurrence: windows",
        "co-occurrence: actors",
        "stories: every event in one",
        "stories: counts",
    }
    assert all("not current" in c.note for c in skipped)


def test_a_check_reads_one_snapshot_inside_a_callers_read(store_copy: Path) -> None:
    with open_store(store_copy, create=False) as store:
        store.db.execute("BEGIN")
        report = check(store)
        assert store.db.in_transaction  # the caller's read is left open
        store.db.execute("COMMIT")
    assert report.ok
    assert report.checks[0].status == "skipped"  # FTS5's check would need the write lock
