"""network: the counts kept between changes equal the counts made from the mentions."""

from __future__ import annotations

from pathlib import Path

import pytest

from newscorpus.query.network import network
from newscorpus.store import open_store
from newscorpus.store.cooccurrence import is_fresh


@pytest.fixture
def store_copy(seeded_db: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "copy.db"
    with open_store(seeded_db, create=False) as store:
        store.db.execute("VACUUM INTO ?", (str(copy),))
    return copy


@pytest.mark.parametrize(
    "options",
    [
        {},
        {"window": "paragraph", "top": 50},
        {"types": ("person",), "top": 10},
        {"actor": "كيم جونغ أون", "top": 5},
        {"actor": "روسيا", "window": "paragraph", "types": ("place", "person")},
    ],
)
def test_kept_counts_equal_counts_from_the_mentions(store_copy: Path, options: dict) -> None:
    with open_store(store_copy, create=False) as store:
        assert is_fresh(store.db)
        kept = network(store, **options)
        store.db.execute("UPDATE store_meta SET value = -1 WHERE key = 'cooccurrence'")
        assert not is_fresh(store.db)
        counted = network(store, **options)
    assert kept == counted
    assert kept.edges and kept.windows > 100


def test_a_curation_commit_makes_the_kept_counts_stale_then_recounts(store_copy: Path) -> None:
    from newscorpus.store.curation import Decision, record

    with open_store(store_copy, create=False) as store:
        before = network(store, top=3)
        with store.writing() as writer:
            writer.begin()
            record(store.db, writer.identity, Decision("drop", "روسيا"))
            writer.commit()
        assert is_fresh(store.db)  # recounted when the writing ended
        after = network(store, top=3)
    assert "روسيا" in {before.edges[0].source, before.edges[0].target}
    assert all("روسيا" not in (e.source, e.target) for e in after.edges)


def test_min_weight_one_is_counted_from_the_mentions(store_copy: Path) -> None:
    with open_store(store_copy, create=False) as store:
        light = network(store, min_weight=1, top=0)
    assert min(e.weight for e in light.edges) == 1


@pytest.mark.parametrize("cap", [3, 5])
def test_a_window_naming_too_many_actors_is_no_window(
    store_copy: Path, cap: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A paragraph of a text with no breaks names hundreds of actors: its pairs would grow
    with its square, so such a window is left out, kept and live counts alike."""
    from newscorpus.store import cooccurrence

    with open_store(store_copy, create=False) as store:
        before = network(store, window="paragraph", top=None, min_weight=1)
        crowded = {
            (doc, unit)
            for doc, unit, n in store.db.execute(
                "SELECT document_id, paragraph, count(DISTINCT actor_id) FROM mentions"
                " GROUP BY 1, 2"
            )
            if n > cap
        }
        assert crowded  # the seeds have paragraphs naming more than ``cap`` actors
        monkeypatch.setattr(cooccurrence, "MAX_WINDOW_ACTORS", cap)
        live = network(store, window="paragraph", top=None, min_weight=1)
        cooccurrence.rebuild(store.db)
        kept = network(store, window="paragraph", top=None, min_weight=2)
    assert live.windows == before.windows - len(crowded)
    assert sum(e.weight for e in live.edges) < sum(e.weight for e in before.edges)
    assert {(e.source_id, e.target_id, e.weight) for e in kept.edges} == {
        (e.source_id, e.target_id, e.weight) for e in live.edges if e.weight >= 2
    }
