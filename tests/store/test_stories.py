"""Stories kept at ingest: the same as clustered live, and kept up to date incrementally."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from newscorpus.ingest import ingest
from newscorpus.query.timeline import timeline
from newscorpus.store import open_store, stories


def _entries(db: Path, **filters: object) -> list[tuple[object, ...]]:
    with open_store(db, create=False) as store:
        return [
            (e.date, e.text, e.actors, sorted(e.documents), e.events)
            for e in timeline(store, **filters)  # type: ignore[arg-type]
        ]


def _stories(db: Path) -> set[tuple[str, tuple[tuple[str, int], ...]]]:
    """Each story as its date and members (file name and article, offset): ids aside."""
    connection = sqlite3.connect(db)
    members: dict[tuple[int, str], list[tuple[str, int]]] = {}
    for story, date, path, article, start in connection.execute(
        "SELECT s.id, s.date, f.path, d.article_index, e.start FROM stories s"
        " JOIN story_events se ON se.story = s.id JOIN events e ON e.id = se.event"
        " JOIN documents d ON d.id = e.document_id JOIN files f ON f.id = d.file_id"
    ):
        members.setdefault((story, date), []).append((f"{Path(path).name}#{article}", start))
    connection.close()
    return {(date, tuple(sorted(m))) for (_story, date), m in members.items()}


def test_kept_stories_answer_as_live_clustering_does(seeded_db: Path, tmp_path: Path) -> None:
    db = tmp_path / "copy.db"
    shutil.copy(seeded_db, db)
    with open_store(db, create=False) as store:
        assert stories.is_fresh(store.db)
    # every filter the kept path puts in SQL and the live path applies to stories
    asked: dict[str, dict[str, object]] = {
        "all": {},
        "top": {"top": 3},
        "events": {"top": 3, "rank": "mentions"},
        "actor": {"actor": "كيم", "since": "2018"},
        "outlet": {"outlet": "الشرق الأوسط"},
        "until, precision": {"until": "2019", "precision": "month"},
    }
    kept = {name: _entries(db, **filters) for name, filters in asked.items()}
    with open_store(db, create=False) as store:  # an ingest killed before it clustered
        store.db.execute("DELETE FROM store_meta WHERE key = 'stories'")
        assert not stories.is_fresh(store.db)
    live = {name: _entries(db, **filters) for name, filters in asked.items()}
    assert kept == live
    assert len(kept["top"]) == 3 and len(kept["all"]) > 10
    assert kept["actor"] and all(e[0] >= "2018" for e in kept["actor"])
    assert kept["outlet"] and len(kept["outlet"]) < len(kept["all"])
    assert kept["until, precision"] and all(
        e[0] <= "2019-99" and len(e[0]) >= 7 for e in kept["until, precision"]
    )


def test_stories_after_adding_files_equal_those_of_one_ingest(tmp_path: Path, seeds: Path) -> None:
    files = sorted(seeds.glob("*.txt"))
    first, later = tmp_path / "first", tmp_path / "later"
    first.mkdir()
    for path in files[:3]:
        shutil.copy(path, first / path.name)
    ingest([str(first)], db=tmp_path / "growing.db", workers=1)
    for path in files[3:]:
        shutil.copy(path, first / path.name)
    ingest([str(first)], db=tmp_path / "growing.db", workers=1)
    later.mkdir()
    for path in files:
        shutil.copy(path, later / path.name)
    ingest([str(later)], db=tmp_path / "once.db", workers=1)
    assert _stories(tmp_path / "growing.db") == _stories(tmp_path / "once.db")
    with open_store(tmp_path / "growing.db", create=False) as store:
        assert stories.rebuild(store.db) == 0  # nothing changed: no date clustered again


def test_clustering_shared_among_processes_gives_the_same_stories(
    seeded_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    found = []
    for threshold in (10**9, 1):  # one process; then the dates shared among two
        db = tmp_path / f"copy-{threshold}.db"
        shutil.copy(seeded_db, db)
        monkeypatch.setattr(stories, "PARALLEL_EVENTS", threshold)
        with open_store(db, create=False) as store:
            store.db.execute("DELETE FROM story_dates")
            assert stories.rebuild(store.db) > 0
            found.append(
                store.db.execute(
                    "SELECT s.id, s.date, s.shown, s.documents, s.events,"
                    " (SELECT group_concat(event) FROM (SELECT event FROM story_events"
                    "  WHERE story = s.id ORDER BY event)) FROM stories s ORDER BY s.id"
                ).fetchall()
            )
    assert found[0] == found[1] and len(found[0]) > 10


def test_a_changed_file_ingested_again_keeps_every_event_in_a_story(
    tmp_path: Path, seeds: Path
) -> None:
    # the last file ingested gets its event ids back when it is replaced: its events must
    # still be clustered (they were once left in no story, the date's ids summing the same)
    folder = tmp_path / "corpus"
    shutil.copytree(seeds, folder)
    db = tmp_path / "store.db"
    ingest([str(folder)], db=db, workers=1)
    last = sorted(folder.glob("*.txt"))[-1]
    text = last.read_text(encoding="utf-8")
    last.write_text(text + "\n\nوقال الوزير الاثنين إن الاتفاق تأجل.\n", encoding="utf-8")
    ingest([str(folder)], db=db, workers=1)
    connection = sqlite3.connect(db)
    orphans = connection.execute(
        "SELECT count(*) FROM events e WHERE NOT EXISTS"
        " (SELECT 1 FROM story_events se WHERE se.event = e.id)"
    ).fetchone()[0]
    connection.close()
    assert orphans == 0
    assert _stories(db) == _stories_of_one_ingest(folder, tmp_path / "once.db")


def _stories_of_one_ingest(folder: Path, db: Path) -> set[tuple[str, tuple[tuple[str, int], ...]]]:
    ingest([str(folder)], db=db, workers=1)
    return _stories(db)
