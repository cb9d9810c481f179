"""The claims audit: drawn reproducibly, re-scored against the store's current claims."""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newscorpus.cli import app
from newscorpus.evaluate.claims_sample import draw_sample, wilson, write_sample
from newscorpus.store import open_store

runner = CliRunner()


def _judged(db: Path, path: Path, count: int = 6) -> list[dict[str, object]]:
    with open_store(db, create=False) as store:
        entries = draw_sample(store, count, seed=3)
    for entry in entries:  # a made-up judgement: everything right
        entry.update(
            is_claim=True,
            speaker_right=True,
            true_speaker=entry["speaker"],
            actor_right=True,
            true_actor=entry["actor"],
            content_right=True,
            true_content=None,
            cue_right=True,
            note="",
        )
    write_sample(entries, path)
    return entries


def _score(db: Path, path: Path) -> dict[str, dict[str, object]]:
    result = runner.invoke(app, ["eval", "claims-sample", str(path), "--db", str(db), "--json"])
    assert result.exit_code == 0, result.stderr
    return {row["measure"]: row for row in json.loads(result.stdout)}


def test_a_sample_is_drawn_the_same_way_twice(seeded_db: Path) -> None:
    with open_store(seeded_db, create=False) as store:
        first, second = draw_sample(store, 5, seed=3), draw_sample(store, 5, seed=3)
        other = draw_sample(store, 5, seed=4)
    assert first == second and first != other
    for entry in first:
        assert entry["file"].endswith(".txt") and entry["context"] and entry["content"]


def test_judged_right_scores_right_and_a_changed_speaker_does_not(
    seeded_db: Path, tmp_path: Path
) -> None:
    sample = tmp_path / "sample.jsonl"
    entries = _judged(seeded_db, sample)
    rows = _score(seeded_db, sample)
    assert rows["fully right"]["value"] == 1.0 and rows["fully right"]["of"] == len(entries)
    assert rows["speaker right"]["value"] == 1.0

    db = tmp_path / "changed.db"
    shutil.copy(seeded_db, db)
    first = entries[0]
    with sqlite3.connect(db) as connection:  # the store now says another speaker
        connection.execute(
            "UPDATE claims SET speaker = 'فيه' WHERE content_start = ? AND content_end = ?",
            first["content_span"],
        )
    rows = _score(db, sample)
    assert rows["speaker right"]["count"] == len(entries) - 1
    assert rows["fully right"]["count"] == len(entries) - 1
    assert rows["corpus: pronoun or cue-word speakers"]["count"] >= 1


def test_a_judged_non_claim_is_right_only_once_gone(seeded_db: Path, tmp_path: Path) -> None:
    sample = tmp_path / "sample.jsonl"
    entries = _judged(seeded_db, sample, count=3)
    entries[0].update(is_claim=False, true_speaker=None, true_actor=None)
    write_sample(entries, sample)
    rows = _score(seeded_db, sample)
    assert rows["judged claims that are claims"]["count"] == 2
    assert rows["fully right"]["count"] == 2  # the non-claim is still stored

    db = tmp_path / "gone.db"
    shutil.copy(seeded_db, db)
    with sqlite3.connect(db) as connection:
        connection.execute(
            "DELETE FROM claims WHERE content_start = ? AND content_end = ?",
            entries[0]["content_span"],
        )
    assert _score(db, sample)["fully right"]["count"] == 3


def test_an_unjudged_line_is_refused(seeded_db: Path, tmp_path: Path) -> None:
    sample = tmp_path / "sample.jsonl"
    with open_store(seeded_db, create=False) as store:
        write_sample(draw_sample(store, 2, seed=3), sample)
    result = runner.invoke(app, ["eval", "claims-sample", str(sample), "--db", str(seeded_db)])
    assert result.exit_code != 0
    assert "not judged" in result.stderr and "Traceback" not in result.stderr


@pytest.mark.parametrize(
    ("part", "whole", "low", "high"),
    [(0, 0, 0.0, 0.0), (50, 100, 0.4038, 0.5962), (150, 150, 0.9750, 1.0)],
)
def test_wilson_interval(part: int, whole: int, low: float, high: float) -> None:
    assert wilson(part, whole) == pytest.approx((low, high), abs=1e-4)


def test_the_claim_scored_is_the_one_saying_the_judges_true_content(
    seeded_db: Path, tmp_path: Path
) -> None:
    """The judge may cut a content that ran into the next claim: the claim to score is the
    one that says the true words, not the one that overlaps the old span most."""
    sample = tmp_path / "sample.jsonl"
    entries = _judged(seeded_db, sample, count=1)
    with sqlite3.connect(seeded_db) as connection:
        content, start, end, document = connection.execute(
            "SELECT a.content, b.content_start, b.content_end, a.document_id FROM claims a"
            " JOIN claims b ON b.document_id = a.document_id AND b.content_start > a.content_end"
            " AND b.content_start - a.content_end < 200 ORDER BY a.id LIMIT 1"
        ).fetchone()
        path, article = connection.execute(
            "SELECT f.path, d.article_index FROM documents d JOIN files f ON f.id = d.file_id"
            " WHERE d.id = ?",
            (document,),
        ).fetchone()
    entry = entries[0]
    entry.update(
        file=path,
        article=article,
        content_span=[start, end],  # the next claim's words: the sampled span ran into it
        content_right=False,
        true_content=content,
    )
    write_sample([entry], sample)
    rows = _score(seeded_db, sample)
    assert rows["content right"]["count"] == 1


@pytest.mark.parametrize(
    ("names", "accepted", "same"),
    [
        ({"جون نيكولسن"}, {"جون نيكولسون"}, True),  # a spelling of one name
        ({"مارك زوكربيرغ", "زوكربيرغ"}, {"زوكربيرغ"}, True),  # a form the actor holds
        ({"مارك زوكربيرغ"}, {"زوكربيرغ"}, True),  # the surname the judge wrote
        ({"مونشي نعم"}, {"مونشي"}, False),  # a garbled name is no surname's full name
        ({"محمد صلاح"}, {"محمد صالح"}, False),  # another man
        ({""}, {"ترامب"}, False),  # no actor where the judge named one
        ({""}, {""}, True),  # no actor for an unnamed speaker
    ],
)
def test_an_actor_is_right_under_any_spelling_of_its_name(
    names: set[str], accepted: set[str], same: bool
) -> None:
    from newscorpus.evaluate.claims_sample import _same_actor

    assert _same_actor(names, accepted) is same
