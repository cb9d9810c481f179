"""Ingest speed of two versions of the code, alternated in one run (by hand, not in CI).

    python benchmarks/bench_versions.py --old 133264e --files 4000 --rounds 3

The first ``--files`` ANT dev files (sorted by member name) are unpacked once; then each
round ingests them into a fresh database with the old code and with the new one (the order
alternates between rounds), each in its own process (``PYTHONPATH`` set to that side's
``src``), with ``--workers`` processes. It prints each run's wall time and words/s, and the
new/old ratio of the median times: on a machine whose speed swings by 2x between minutes,
alternation is what makes the two comparable.
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ARCHIVE = ROOT.parent / "shared" / "corpora" / "ant-v2.1-dev.tar.gz"
TEXT = re.compile(r"<TEXT>(.*?)</TEXT>", re.S)
WORD = re.compile(r"\w+")


def unpack(target: Path, limit: int) -> int:
    """Unpack the first ``limit`` files; return their word count (TEXT elements)."""
    with tarfile.open(ARCHIVE) as archive:
        members = sorted(
            (m for m in archive.getmembers() if m.isfile() and not m.name.endswith(".md")),
            key=lambda m: m.name,
        )[:limit]
        archive.extractall(target, members=members, filter="data")
    words = 0
    for path in target.rglob("*"):
        if path.is_file():
            for text in TEXT.findall(path.read_text(encoding="utf-8", errors="replace")):
                words += len(WORD.findall(text))
    return words


def ingest_seconds(src: Path, corpus: Path, db: Path, workers: int) -> float:
    env = dict(os.environ, PYTHONPATH=str(src))
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "newscorpus", "ingest", str(corpus), "--db", str(db),
         "--workers", str(workers), "--format", "json"],
        env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--old", required=True, help="git ref of the old code")
    parser.add_argument("--new", help="git ref of the new code [default: the working tree]")
    parser.add_argument("--files", type=int, default=4000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    if not ARCHIVE.exists():
        sys.exit(f"{ARCHIVE} not found: this benchmark needs ../shared beside the project")
    with tempfile.TemporaryDirectory(prefix="bench-versions-") as tmp:
        work = Path(tmp)
        trees = {"old": work / "old-tree", "new": work / "new-tree"}
        refs = {"old": args.old, "new": args.new}
        for side, ref in refs.items():
            if ref:
                subprocess.run(
                    ["git", "-C", str(ROOT), "worktree", "add", "--detach", str(trees[side]), ref],
                    check=True, capture_output=True,
                )  # fmt: skip
        try:
            words = unpack(work / "ant", args.files)
            sides = {s: (trees[s] if refs[s] else ROOT) / "src" for s in refs}
            times: dict[str, list[float]] = {"old": [], "new": []}
            print(f"{args.files} ANT files, {words:,} words, workers={args.workers}")
            for number in range(args.rounds):
                order = ["old", "new"] if number % 2 == 0 else ["new", "old"]
                for side in order:
                    db = work / f"{side}-{number}.db"
                    seconds = ingest_seconds(sides[side], work / "ant", db, args.workers)
                    times[side].append(seconds)
                    print(
                        f"round {number + 1} {side}: {seconds:6.1f} s, {words / seconds:,.0f} words/s"
                    )
        finally:
            for side, ref in refs.items():
                if ref:
                    subprocess.run(
                        ["git", "-C", str(ROOT), "worktree", "remove", "--force", str(trees[side])],
                        capture_output=True,
                    )
    old, new = statistics.median(times["old"]), statistics.median(times["new"])
    print(f"median old {old:.1f} s, new {new:.1f} s: new/old time ratio {new / old:.3f}")


if __name__ == "__main__":
    main()
