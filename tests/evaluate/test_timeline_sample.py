"""The timeline audit: drawn reproducibly, scored only where the entry is still as judged."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newscorpus.cli import app
from newscorpus.evaluate.timeline import draw_sample, write_sample
from newscorpus.store import open_store

runner = CliRunner()


def _sample(db: Path, path: Path, count: int = 6) -> list[dict[str, object]]:
    with open_store(db, create=False) as store:
        entries = draw_sample(store, count, seed=3)
    for n, entry in enumerate(entries):  # a made-up judgement: the first two wrong
        entry.update(date_right=n != 0, real_event=True, actors_right=n != 1, sources_same=True)
    write_sample(entries, path)
    return entries


def _score(db: Path, path: Path) -> dict[str, object]:
    result = runner.invoke(app, ["eval", "timeline-sample", str(path), "--db", str(db), "--json"])
    assert result.exit_code == 0, result.stderr
    return {row["measure"]: row["value"] for row in json.loads(result.stdout)}


def test_a_sample_is_drawn_the_same_way_twice(seeded_db: Path) -> None:
    with open_store(seeded_db, create=False) as store:
        first, second = draw_sample(store, 5, seed=3), draw_sample(store, 5, seed=3)
        other = draw_sample(store, 5, seed=4)
    assert first == second and first != other
    for entry in first:
        assert entry["shown"][0].endswith(".txt") and entry["events"]
        assert any(e["text"] == entry["text"] for e in entry["events"])


def test_judged_entries_are_scored_and_changed_ones_set_apart(
    seeded_db: Path, tmp_path: Path
) -> None:
    db = tmp_path / "copy.db"
    shutil.copy(seeded_db, db)
    path = tmp_path / "sample.jsonl"
    entries = _sample(db, path, count=1000)  # every entry: some sentences carry two dates
    scores = _score(db, path)
    assert scores["judged entries"] == scores["unchanged in this store"] == len(entries)
    assert scores["fully right"] == round((len(entries) - 2) / len(entries), 4)
    assert scores["entries in the store"] == len(entries)
    assert scores["entries listing an outlet as an actor"] == 0
    # an entry that no longer is what was judged is not scored with the old judgement
    entries[0]["date"] = "1999"
    entries[1]["actors"] = [*entries[1]["actors"], "روسيا"]  # an actor more than was judged
    write_sample(entries, path)
    scores = _score(db, path)
    assert scores["changed (judge again)"] == 2
    assert scores["fully right"] == 1.0  # the two wrong ones are the changed ones


def test_an_unjudged_line_is_a_clear_error(seeded_db: Path, tmp_path: Path) -> None:
    path = tmp_path / "sample.jsonl"
    with open_store(seeded_db, create=False) as store:
        write_sample(draw_sample(store, 2, seed=3), path)
    result = runner.invoke(app, ["eval", "timeline-sample", str(path), "--db", str(seeded_db)])
    assert result.exit_code == 1
    assert "line 1: not judged (date_right, real_event, actors_right, sources_same)" in (
        result.stderr
    )
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("count", [1, 3])
def test_the_sample_has_the_size_asked(seeded_db: Path, count: int) -> None:
    with open_store(seeded_db, create=False) as store:
        assert len(draw_sample(store, count, seed=1)) == count
