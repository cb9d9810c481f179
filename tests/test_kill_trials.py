"""Kill trials (scripts/kill_trials.py) on a small generated corpus: an ingest SIGKILLed at
three moments leaves a sound store each time, and finishing it gives the reference store."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path
from types import ModuleType

import pytest
from tests.test_ingest import _big_corpus

ROOT = Path(__file__).resolve().parents[1]
FILES = 250


@pytest.fixture(scope="module")
def kill_trials() -> ModuleType:
    import importlib
    import sys

    sys.path.insert(0, str(ROOT / "scripts"))  # the script imports compare_outputs beside it
    try:
        return importlib.import_module("kill_trials")
    finally:
        sys.path.remove(str(ROOT / "scripts"))


@pytest.fixture(scope="module")
def reference(
    kill_trials: ModuleType, tmp_path_factory: pytest.TempPathFactory
) -> tuple[Path, Path, float, dict[str, list[str]]]:
    """The corpus, its uninterrupted ingest, that ingest's time and its id-free dump."""
    work = tmp_path_factory.mktemp("kill-trials")
    corpus = work / "corpus"
    _big_corpus(corpus, ROOT / "seeds", FILES)
    db = work / "reference.db"
    seconds = kill_trials.ingest(corpus, db, 1)
    return corpus, db, seconds, kill_trials.full_dump(db)


@pytest.mark.slow
def test_three_kills_leave_sound_stores_that_finish_as_the_reference(
    kill_trials: ModuleType, reference: tuple[Path, Path, float, dict], tmp_path: Path
) -> None:
    corpus, reference_db, seconds, tables = reference
    trials = [
        kill_trials.kill_trial(n, corpus, tmp_path, seconds * f, 1, reference_db, tables)
        for n, f in enumerate((0.35, 0.6, 0.85), start=1)
    ]

    def in_the_middle() -> bool:
        return any(t.killed and 0 < t.stored_files < FILES for t in trials)

    # On a loaded machine the three moments can all miss the stretch in which files are
    # being stored (start-up took longer than in the reference run, or the rest went
    # faster): look for it between the last kill that stored nothing and the first that
    # stored everything, as the script's user would.
    while not in_the_middle() and len(trials) < 8:
        early = max((t.kill_at for t in trials if t.killed and t.stored_files == 0), default=0.0)
        late = min((t.kill_at for t in trials if t.stored_files == FILES), default=seconds)
        trials.append(
            kill_trials.kill_trial(
                len(trials) + 1, corpus, tmp_path, (early + late) / 2, 1, reference_db, tables
            )
        )
    lines = "\n".join(t.line(FILES) for t in trials)
    assert all(t.passed for t in trials), lines
    assert in_the_middle(), lines


def test_a_file_stored_in_part_and_a_different_result_are_caught(
    kill_trials: ModuleType, reference: tuple[Path, Path, float, dict], tmp_path: Path
) -> None:
    corpus, reference_db, _seconds, tables = reference
    damaged = tmp_path / "damaged.db"
    shutil.copy(reference_db, damaged)
    with sqlite3.connect(damaged) as db:  # as if a file's last paragraph's mentions were lost
        db.execute(
            "DELETE FROM mentions WHERE document_id = 5 AND paragraph ="
            " (SELECT max(paragraph) FROM mentions WHERE document_id = 5)"
        )
        db.execute(
            "UPDATE actors SET mentions = (SELECT count(*) FROM mentions m WHERE m.actor_id ="
            " actors.id), documents = (SELECT count(DISTINCT document_id) FROM mentions m"
            " WHERE m.actor_id = actors.id)"
        )
        db.execute("DELETE FROM actors WHERE mentions = 0")
    problems = kill_trials.store_problems(damaged, reference_db)
    assert problems and problems[-1].startswith("1 files stored in part, e.g. ")
    assert kill_trials.differences(tables, kill_trials.full_dump(damaged))
    assert kill_trials.differences(tables, kill_trials.full_dump(reference_db)) == []
