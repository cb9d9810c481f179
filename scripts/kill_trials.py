"""Kill trials: an ingest SIGKILLed at any moment leaves a sound store, and running it again
gives the store an uninterrupted ingest gives (by hand; needs ../shared).

    python scripts/kill_trials.py --trials 50 --files 2000 --seed 1

The first ``--files`` ANT dev files (sorted by member name, as ``compare_outputs.py`` and
the benchmarks pick them) are unpacked once and ingested once without interruption: that
store is the reference, and its wall time the longest a trial waits. Each trial starts the
same ingest in a child process (``newscorpus ingest --workers N``), sends it SIGKILL at a
random moment (seeded) between 0.5 s and that time, and then asks of the store it left:

- ``newscorpus.store.check`` passes (integrity, foreign keys, no orphan row, no document
  without its paragraphs, actor counts that agree);
- the files stored are the first ones of the input, and each holds what the reference
  holds for it (the same documents, paragraphs, mentions, claims, dates, events and search
  index rows): a file is stored whole or not at all.

Then the ingest runs again to completion, and every table, dumped without ids
(``compare_outputs.dump`` and the tables it leaves out), must equal the reference's. One
line per trial, a summary, exit status 1 when any trial fails. ``tests/test_kill_trials.py``
runs three trials of this on a small generated corpus.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from compare_outputs import ant_files, dump

# The tables compare_outputs.dump leaves out, without ids (actors by name and type,
# documents by path and article).
MORE_DUMPS = {
    "files": "SELECT path, size, mtime_ns, digest FROM files",
    "actor flags": ("SELECT name, type, match_name, ambiguous, dropped, pinned_name FROM actors"),
    "actor_names": """
        SELECT a.name, a.type, n.name, n.evidence, f.path, d.article_index
        FROM actor_names n JOIN actors a ON a.id = n.actor_id
        LEFT JOIN documents d ON d.id = n.document_id LEFT JOIN files f ON f.id = d.file_id""",
    "actor_keys": """
        SELECT k.key, k.type, k.name, a.name, a.type
        FROM actor_keys k JOIN actors a ON a.id = k.actor_id""",
    "search_index": """
        SELECT f.path, d.article_index, s.rowid & 1048575, s.terms
        FROM search_index s JOIN documents d ON d.id = s.rowid >> 20
        JOIN files f ON f.id = d.file_id""",
    "cooccurrence": """
        SELECT c.window, x.name, x.type, y.name, y.type, c.weight FROM cooccurrence c
        JOIN actors x ON x.id = c.a JOIN actors y ON y.id = c.b""",
    "actor_windows": """
        SELECT w.window, a.name, a.type, w.windows
        FROM actor_windows w JOIN actors a ON a.id = w.actor""",
    "windows": "SELECT key, value FROM store_meta WHERE key LIKE 'windows:%'",
    # the timeline's stories: date, counts, the sentence shown and every member, by place
    "stories": """
        SELECT s.date, s.precision, s.documents, s.events,
            (SELECT f.path || '#' || d.article_index || '@' || e.start FROM events e
             JOIN documents d ON d.id = e.document_id JOIN files f ON f.id = d.file_id
             WHERE e.id = s.shown),
            (SELECT group_concat(x, '|') FROM (SELECT f.path || '#' || d.article_index
                || '@' || e.start AS x FROM story_events se JOIN events e ON e.id = se.event
                JOIN documents d ON d.id = e.document_id JOIN files f ON f.id = d.file_id
                WHERE se.story = s.id ORDER BY x))
        FROM stories s""",
    "story dates": "SELECT date FROM story_dates",
}
# What each stored document holds, by path and article: a file stored in part differs.
PER_DOCUMENT = """
    SELECT f.path, d.article_index, d.content_hash,
        (SELECT count(*) FROM paragraphs p WHERE p.document_id = d.id),
        (SELECT count(*) FROM mentions m WHERE m.document_id = d.id),
        (SELECT count(*) FROM claims c WHERE c.document_id = d.id),
        (SELECT count(*) FROM dates t WHERE t.document_id = d.id),
        (SELECT count(*) FROM events e WHERE e.document_id = d.id),
        (SELECT count(*) FROM search_index s WHERE s.rowid >= d.id << 20
            AND s.rowid < (d.id + 1) << 20)
    FROM documents d JOIN files f ON f.id = d.file_id"""


@dataclass
class Trial:
    number: int
    kill_at: float
    killed: bool = False  # the ingest was still running when the signal came
    stored_files: int = 0  # in the store it left
    stored_documents: int = 0
    problems: list[str] = field(default_factory=list)  # of the store left by the kill
    differences: list[str] = field(default_factory=list)  # after finishing, vs the reference

    @property
    def passed(self) -> bool:
        return not self.problems and not self.differences

    def line(self, total_files: int) -> str:
        when = f"killed at {self.kill_at:5.1f} s" if self.killed else "finished before the kill"
        stored = f"stored {self.stored_files}/{total_files} files"
        sound = "check ok" if not self.problems else "check FAIL: " + "; ".join(self.problems)
        equal = "equal" if not self.differences else "DIFFERENT: " + "; ".join(self.differences)
        return f"trial {self.number:3}: {when}, {stored}; {sound}; after finishing: {equal}"


def ingest_command(corpus: Path, db: Path, workers: int) -> list[str]:
    return [sys.executable, "-m", "newscorpus", "ingest", str(corpus), "--db", str(db),
            "--workers", str(workers), "--format", "json"]  # fmt: skip


def ingest(corpus: Path, db: Path, workers: int) -> float:
    """Ingest to completion; return the wall time."""
    started = time.perf_counter()
    done = subprocess.run(ingest_command(corpus, db, workers), capture_output=True, text=True)
    if done.returncode != 0:
        raise RuntimeError(f"ingest of {corpus} failed ({done.returncode}): {done.stderr[-2000:]}")
    return time.perf_counter() - started


def full_dump(db_path: Path) -> dict[str, list[str]]:
    """Every table without ids (``compare_outputs.dump`` and ``MORE_DUMPS``)."""
    tables = dump(db_path)
    db = sqlite3.connect(db_path)
    for name, sql in MORE_DUMPS.items():
        tables[name] = sorted(json.dumps(row, ensure_ascii=False) for row in db.execute(sql))
    db.close()
    return tables


def differences(reference: dict[str, list[str]], tables: dict[str, list[str]]) -> list[str]:
    found = []
    for name, rows in reference.items():
        other = tables.get(name, [])
        if rows != other:
            missing, extra = len(set(rows) - set(other)), len(set(other) - set(rows))
            found.append(f"{name}: {missing} rows missing, {extra} extra")
    return found


def store_problems(db_path: Path, reference_db: Path) -> list[str]:
    """What is wrong with a store an ingest left when it was killed (module docstring)."""
    from newscorpus.store import open_store
    from newscorpus.store.check import check

    with open_store(db_path, create=False) as store:
        report = check(store, examples=2)
    problems = [f"{c.check} ({c.problems}: {', '.join(c.examples)})" for c in report.failed]
    db, reference = sqlite3.connect(db_path), sqlite3.connect(reference_db)
    stored = [path for (path,) in db.execute("SELECT path FROM files ORDER BY id")]
    first = [path for (path,) in reference.execute("SELECT path FROM files ORDER BY id")]
    if sorted(stored) != sorted(first[: len(stored)]):
        problems.append(f"the {len(stored)} files stored are not the first of the input")
    whole = {row[:2]: row for row in reference.execute(PER_DOCUMENT)}
    kept = {row[:2]: row for row in db.execute(PER_DOCUMENT)}
    paths = set(stored)
    expected = {key: row for key, row in whole.items() if key[0] in paths}
    partial = sorted({key[0] for key in expected.keys() | kept.keys()
                      if expected.get(key) != kept.get(key)})  # fmt: skip
    if partial:
        problems.append(f"{len(partial)} files stored in part, e.g. {partial[0]}")
    db.close()
    reference.close()
    return problems


def kill_trial(
    number: int,
    corpus: Path,
    work: Path,
    kill_at: float,
    workers: int,
    reference_db: Path,
    reference: dict[str, list[str]],
) -> Trial:
    """One trial (module docstring) in ``work``, with a store of its own."""
    trial = Trial(number, kill_at)
    db = work / f"trial-{number}.db"
    with open(work / f"trial-{number}.stderr", "wb") as stderr:
        process = subprocess.Popen(
            ingest_command(corpus, db, workers),
            stdout=subprocess.DEVNULL,
            stderr=stderr,
            start_new_session=True,  # its own process group: the pool's workers go with it
        )
        try:
            process.wait(timeout=kill_at)
        except subprocess.TimeoutExpired:
            trial.killed = True
            process.send_signal(signal.SIGKILL)  # the writer, as the OOM killer would
            process.wait()
        try:
            os.killpg(process.pid, signal.SIGKILL)  # workers left without their parent
        except ProcessLookupError:
            pass
    if db.exists():
        with sqlite3.connect(db) as conn:
            tables = {n for (n,) in conn.execute("SELECT name FROM sqlite_master")}
            if {"files", "documents"} <= tables:
                trial.stored_files, trial.stored_documents = conn.execute(
                    "SELECT (SELECT count(*) FROM files), (SELECT count(*) FROM documents)"
                ).fetchone()
        trial.problems = store_problems(db, reference_db)
    ingest(corpus, db, workers)
    after = store_problems(db, reference_db)
    trial.differences = [f"after finishing: {p}" for p in after] + differences(
        reference, full_dump(db)
    )
    for leftover in work.glob(f"trial-{number}.db*"):
        leftover.unlink()
    return trial


def run_trials(
    corpus: Path,
    work: Path,
    trials: int,
    seed: int,
    workers: int,
    out: Callable[[str], object] = print,
) -> list[Trial]:
    """The reference ingest, then ``trials`` kill trials; each trial's line to ``out``."""
    reference_db = work / "reference.db"
    seconds = ingest(corpus, reference_db, workers)
    reference = full_dump(reference_db)
    total = len(reference["files"])
    out(f"reference: {total} files ingested in {seconds:.1f} s (workers={workers})")
    rng = random.Random(seed)
    done = []
    for number in range(1, trials + 1):
        kill_at = round(rng.uniform(0.5, max(seconds, 0.5)), 2)
        trial = kill_trial(number, corpus, work, kill_at, workers, reference_db, reference)
        out(trial.line(total))
        done.append(trial)
    return done


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--trials", type=int, default=50)
    parser.add_argument("--files", type=int, default=2000, help="the first N ANT dev files")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="kill-trials-") as tmp:
        work = Path(tmp)
        corpus = Path(ant_files(args.files, work / "ant")[0])
        print(f"{args.files} ANT dev files, {args.trials} trials, seed {args.seed}", flush=True)
        trials = run_trials(corpus, work, args.trials, args.seed, args.workers,
                            out=lambda line: print(line, flush=True))  # fmt: skip
    passed = sum(t.passed for t in trials)
    killed = sum(t.killed for t in trials)
    midway = sum(t.killed and t.stored_files > 0 for t in trials)
    print(f"{passed}/{len(trials)} passed ({killed} killed while running, {midway} of them"
          " with files stored)")  # fmt: skip
    sys.exit(0 if passed == len(trials) else 1)


if __name__ == "__main__":
    main()
