"""Readers during writes: while an ingest runs in another process, every query answers,
none is told the database is locked, and what each answers is consistent."""

from __future__ import annotations

import importlib
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from tests.test_ingest import _big_corpus, _ingest_process

from newscorpus import query
from newscorpus.ingest import ingest
from newscorpus.query.export import snapshot
from newscorpus.query.network import network
from newscorpus.query.search import search
from newscorpus.query.trend import trend
from newscorpus.store import Store, open_store

GROWING = ("files", "documents", "mentions", "claims", "dates", "events")


def _ask_everything(store: Store) -> dict[str, int]:
    """Every query once, each checked for consistency; the counts of ``stats``."""
    stats = query.stats(store)
    with snapshot(store):  # one read: the listing and the counts agree
        counted = query.stats(store)
        listed = list(query.documents(store))
        assert counted.documents == len(listed)
        assert counted.files == len({d.path for d in listed})
        assert all(d.paragraphs > 0 for d in listed)
    for row in query.actors(store, top=20):
        assert row.mentions >= row.documents >= 1
    hits = list(search(store, "روسيا", limit=30))
    assert hits and all(h.match for h in hits)
    for options in ({"top": 20}, {"top": 20, "window": "paragraph", "min_weight": 1}):
        graph = network(store, **options)  # kept counts, and counted from the mentions
        names = {n.name for n in graph.nodes}
        assert graph.edges and all({e.source, e.target} <= names for e in graph.edges)
    for series in trend(store, ["روسيا", "كوريا الشمالية"], by="year"):
        assert series.total == sum(p.count for p in series.points) + series.undated > 0
    return {name: getattr(stats, name) for name in GROWING}


@pytest.mark.slow
def test_queries_during_an_ingest_answer_consistently_and_are_never_locked(
    tmp_path: Path, seeds: Path, db_path: Path
) -> None:
    ingest([str(seeds)], db=db_path, workers=1)  # something to find from the first query on
    corpus = tmp_path / "corpus"
    _big_corpus(corpus, seeds, 400)
    process = _ingest_process(corpus, db_path)
    seen: list[dict[str, int]] = []
    try:
        with open_store(db_path, create=False) as kept:  # a notebook's long-lived connection
            while process.poll() is None:
                seen.append(_ask_everything(kept))
                with open_store(db_path, create=False) as fresh:  # a command's own connection
                    seen.append(_ask_everything(fresh))
            _, stderr = process.communicate()
            assert process.returncode == 0, stderr.decode()
            seen.append(_ask_everything(kept))
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    for before, after in zip(seen, seen[1:], strict=False):
        assert all(after[n] >= before[n] for n in GROWING), (before, after)
    assert seen[-1]["files"] == 5 + 400
    during = {s["files"] for s in seen[:-1]}
    assert len(during) >= 3, during  # the queries saw the ingest at work, not only its end


# A commit can land between any two statements of a query. The one that hurts removes an
# actor the query has already found: an ingest or a curation merging two actors into one.
# Each query below is made to find its actor, then another connection merges that actor
# away and commits, then the query goes on; it must answer from the state it started in.
def _merged_away(store_path: Path) -> Callable[[int], None]:
    from newscorpus.store.curation import Decision, record

    def merge(actor_id: int) -> None:
        with open_store(store_path, create=False) as other:
            name, kind = other.db.execute(
                "SELECT name, type FROM actors WHERE id = ?", (actor_id,)
            ).fetchone()
            into = other.db.execute(
                "SELECT name FROM actors WHERE type = ? AND id != ? ORDER BY mentions DESC",
                (kind, actor_id),
            ).fetchone()[0]
            with other.writing() as writer:
                writer.begin()
                record(other.db, writer.identity, Decision("merge", into, name, kind))
                writer.commit()
            assert (
                other.db.execute("SELECT 1 FROM actors WHERE id = ?", (actor_id,)).fetchone()
                is None
            )

    return merge


def _find_then_merge(
    module: Any, monkeypatch: pytest.MonkeyPatch, merge: Callable[[int], None]
) -> None:
    found = module.find_actor

    def find_actor(store: Store, name: str) -> int:
        actor_id = found(store, name)
        merge(actor_id)
        return actor_id

    monkeypatch.setattr(module, "find_actor", find_actor)


@pytest.fixture
def store_copy(seeded_db: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "copy.db"
    with sqlite3.connect(seeded_db) as db:
        db.execute("VACUUM INTO ?", (str(copy),))
    return copy


@pytest.mark.parametrize("name", ["actor", "why", "trend"])
def test_a_query_answers_from_one_state_when_its_actor_is_merged_away_meanwhile(
    store_copy: Path, monkeypatch: pytest.MonkeyPatch, name: str
) -> None:
    actors_module = importlib.import_module("newscorpus.query.actors")  # not query.actors()
    trend_module = importlib.import_module("newscorpus.query.trend")

    with open_store(store_copy, create=False) as store:
        before = {
            "actor": lambda: query.actor(store, "بوتين"),
            "why": lambda: actors_module.why(store, "بوتين"),
            "trend": lambda: trend(store, ["بوتين"], by="year"),
        }[name]
        expected = before()
        _find_then_merge(trend_module if name == "trend" else actors_module, monkeypatch,
                         _merged_away(store_copy))  # fmt: skip
        assert before() == expected


@pytest.mark.parametrize("options", [{}, {"min_weight": 1}])
def test_network_answers_from_one_state_when_an_actor_is_merged_away_meanwhile(
    store_copy: Path, monkeypatch: pytest.MonkeyPatch, options: dict[str, int]
) -> None:
    network_module = importlib.import_module("newscorpus.query.network")

    merge = _merged_away(store_copy)
    pairs = network_module._pairs

    def pairs_then_merge(*args: Any) -> list[tuple[int, int, int]]:
        found = pairs(*args)
        merge(found[0][1])  # the second actor of the heaviest pair
        return found

    with open_store(store_copy, create=False) as store:
        expected = network(store, top=10, **options)
        monkeypatch.setattr(network_module, "_pairs", pairs_then_merge)
        assert network(store, top=10, **options) == expected
