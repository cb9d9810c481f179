"""End-to-end ingest benchmark on the ANT dev corpus (run by hand, not in CI).

    python benchmarks/bench_ingest.py                       # full pipeline, 1k / 5k / all
    python benchmarks/bench_ingest.py --no-analysis         # loading + storing only
    python benchmarks/bench_ingest.py --sizes all --workers 2

Unpacks ../shared/corpora/ant-v2.1-dev.tar.gz into a temporary folder, then for each size
runs a fresh ingest in a child process and prints wall time, articles/s, words/s, MB/s and
peak RSS (the ingest process, its largest worker, and the largest sum over the
ingest process and all its workers, sampled from /proc every 0.1 s); then a no-change re-ingest, the
latency of the main queries, and the bare camel-tools chain on the same text as a
reference (words/s and the ratio), measured before the ingests and after them.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import re
import resource
import shutil
import subprocess
import sys
import tarfile
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ARCHIVE = ROOT.parent / "shared" / "corpora" / "ant-v2.1-dev.tar.gz"
WORD = re.compile(r"\w+")
TEXT = re.compile(r"<TEXT>(.*?)</TEXT>", re.S)


def unpack(target: Path) -> list[Path]:
    with tarfile.open(ARCHIVE) as archive:
        archive.extractall(target, filter="data")
    return sorted(p for p in target.rglob("*.txt"))


def corpus_text(files: list[Path]) -> str:
    parts = []
    for path in files:
        parts.extend(TEXT.findall(path.read_text(encoding="utf-8", errors="replace")))
    return "\n".join(parts)


def _child(
    args: list[str], db: str, workers: int, analysis: bool, queue: multiprocessing.Queue
) -> None:
    from newscorpus.ingest import ingest

    summary = ingest(args, db=db, workers=workers, analysis=analysis)
    # VmHWM, not ru_maxrss: ru_maxrss survives the exec of a spawned process and holds
    # the forked copy of the benchmark from before it
    status = Path("/proc/self/status").read_text()
    self_rss = int(next(ln for ln in status.splitlines() if ln.startswith("VmHWM:")).split()[1])
    child_rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    queue.put((summary.as_dict(), self_rss, child_rss))


def run_ingest(
    paths: list[str], db: str, workers: int, analysis: bool
) -> tuple[dict, float, int, int]:
    # A fresh interpreter, as `newscorpus ingest` is: a forked child (and the workers it
    # forks) would carry this benchmark's own memory, the whole corpus text among it, and
    # count it in every process's RSS (#20: 999 MB "all processes" was mostly that).
    context = multiprocessing.get_context("spawn")
    queue: multiprocessing.Queue = context.Queue()
    started = time.perf_counter()
    process = context.Process(target=_child, args=(paths, db, workers, analysis, queue))
    process.start()
    peak = [0, 0]
    sampler = threading.Thread(target=_sample_tree_rss, args=(process.pid, peak), daemon=True)
    sampler.start()
    result = queue.get()
    process.join()
    sampler.join()
    TREE_PEAK[0], TREE_PEAK[1] = peak[0], peak[1]
    return result[0], time.perf_counter() - started, result[1], result[2]


# KB: the largest summed RSS of the ingest process and its workers seen, and the largest
# summed PSS (proportional set size: a page shared by n processes counts 1/n in each, so
# pages a forked worker shares with its parent are not counted twice)
TREE_PEAK = [0, 0]


def _tree_rss(pid: int) -> tuple[int, int]:
    """Summed RSS and PSS (KB) of ``pid`` and all its descendants, from /proc."""
    rss = pss = 0
    pending = [pid]
    while pending:
        current = pending.pop()
        try:
            rollup = Path(f"/proc/{current}/smaps_rollup").read_text()
            children = Path(f"/proc/{current}/task/{current}/children").read_text().split()
        except OSError:
            continue
        for line in rollup.splitlines():
            if line.startswith("Rss:"):
                rss += int(line.split()[1])
            elif line.startswith("Pss:"):
                pss += int(line.split()[1])
        pending.extend(int(child) for child in children)
    return rss, pss


def _sample_tree_rss(pid: int, peak: list[int]) -> None:
    while Path(f"/proc/{pid}").exists():
        try:
            if "zombie" in Path(f"/proc/{pid}/status").read_text():
                break
        except OSError:
            break
        rss, pss = _tree_rss(pid)
        peak[0], peak[1] = max(peak[0], rss), max(peak[1], pss)
        time.sleep(0.1)


def snapshot(db: str) -> dict[str, list[tuple]]:
    """What the extractors stored, without ids, to compare two ingests."""
    import sqlite3

    with sqlite3.connect(db) as conn:
        return {
            "actors": sorted(conn.execute("SELECT name, type, mentions, documents FROM actors")),
            "mentions": sorted(
                conn.execute(
                    'SELECT f.path, m.start, m."end", a.name FROM mentions m JOIN documents d'
                    " ON d.id = m.document_id JOIN files f ON f.id = d.file_id"
                    " JOIN actors a ON a.id = m.actor_id"
                )
            ),
            "claims": sorted(
                conn.execute(
                    'SELECT f.path, c.start, c."end", c.speaker, c.content FROM claims c JOIN documents d'
                    " ON d.id = c.document_id JOIN files f ON f.id = d.file_id"
                )
            ),
            "dates": sorted(
                conn.execute(
                    "SELECT f.path, t.start, t.value FROM dates t JOIN documents d"
                    " ON d.id = t.document_id JOIN files f ON f.id = d.file_id"
                )
            ),
        }


def query_latencies(db: str) -> list[tuple[str, float]]:
    commands = [
        ["actors", "--top", "20"],
        ["actor", "ترامب"],
        ["claims", "--speaker", "ترامب"],
        ["timeline", "--actor", "ترامب"],
    ]
    exe = shutil.which("newscorpus") or str(Path(sys.executable).with_name("newscorpus"))
    timings = []
    for command in commands:
        started = time.perf_counter()
        subprocess.run(
            [exe, *command, "--db", db, "--format", "json"],
            check=True,
            stdout=subprocess.DEVNULL,
        )
        timings.append((" ".join(command), time.perf_counter() - started))
    return timings


def bare_camel_chain(text: str) -> tuple[int, float]:
    from camel_tools.tokenizers.word import simple_word_tokenize
    from camel_tools.utils.dediac import dediac_ar
    from camel_tools.utils.normalize import (
        normalize_alef_ar,
        normalize_alef_maksura_ar,
        normalize_teh_marbuta_ar,
        normalize_unicode,
    )

    started = time.perf_counter()
    words = 0
    for paragraph in text.split("\n"):
        normalized = dediac_ar(
            normalize_teh_marbuta_ar(
                normalize_alef_maksura_ar(normalize_alef_ar(normalize_unicode(paragraph)))
            )
        )
        words += sum(1 for t in simple_word_tokenize(normalized) if t[0].isalnum())
    return words, time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--sizes", default="1000,5000,all")
    parser.add_argument("--no-analysis", action="store_true", help="load and store only")
    options = parser.parse_args()
    if not ARCHIVE.exists():
        sys.exit(f"{ARCHIVE} not found: this benchmark needs ../shared beside the project")
    analysis = not options.no_analysis
    with tempfile.TemporaryDirectory() as tmp:
        files = unpack(Path(tmp) / "ant")
        total_mb = sum(p.stat().st_size for p in files) / 1e6
        print(
            f"corpus: {len(files)} files, {total_mb:.1f} MB, workers={options.workers},"
            f" analysis={'on' if analysis else 'off'}"
        )
        text = corpus_text(files)
        all_words = len(WORD.findall(text))
        sizes = [len(files) if s == "all" else int(s) for s in options.sizes.split(",")]
        # the yardstick before the ingests and again after them: on a shared machine its
        # speed drifts by a third within minutes (#20), and the ratio is shown to both
        words, seconds = bare_camel_chain(text)
        bare_before = words / seconds
        last_db = ""
        per_article = {}
        for size in sizes:
            chosen = files[:size]
            words = len(WORD.findall(corpus_text(chosen))) if size != len(files) else all_words
            mb = sum(p.stat().st_size for p in chosen) / 1e6
            last_db = str(Path(tmp) / f"bench-{size}.db")
            last_input = (
                [str(p) for p in chosen] if size != len(files) else [str(Path(tmp) / "ant")]
            )
            summary, wall, self_rss, child_rss = run_ingest(
                last_input, last_db, options.workers, analysis
            )
            per_article[size] = wall / max(summary["articles"], 1)
            last_size, last_rate = size, words / wall
            print(
                f"ingest {size:>6} files: {wall:7.1f} s wall, {summary['articles'] / wall:8.0f} articles/s,"
                f" {words / wall:9.0f} words/s, {mb / wall:5.2f} MB/s, peak RSS {self_rss / 1024:.0f} MB"
                f" (largest worker {child_rss / 1024:.0f} MB, all processes together"
                f" {TREE_PEAK[0] / 1024:.0f} MB RSS, {TREE_PEAK[1] / 1024:.0f} MB PSS);"
                f" articles {summary['articles']},"
                f" failed {summary['files_failed']}"
            )
        if len(sizes) > 1:
            first, last = sizes[0], sizes[-1]
            print(
                f"cost growth: {last} files took {per_article[last] * last / (per_article[first] * first):.1f}x"
                f" what {first} took (linear would be {last / first:.1f}x)"
            )
        if analysis and options.workers > 1:
            sample = [str(p) for p in files[: sizes[0]]]
            one, other = str(Path(tmp) / "one.db"), str(Path(tmp) / "other.db")
            run_ingest(sample, one, 1, analysis)
            run_ingest(sample, other, options.workers, analysis)
            same = snapshot(one) == snapshot(other)
            print(
                f"workers 1 vs {options.workers} on {len(sample)} files: "
                f"{'identical' if same else 'DIFFERENT'} actors, mentions, claims and dates"
            )
        # the same input again, into the store it made: every file is unchanged (#20: this
        # once re-ingested the whole folder into a smaller store, a first ingest of the rest)
        summary, wall, _self_rss, _child = run_ingest(
            last_input, last_db, options.workers, analysis
        )
        print(
            f"re-ingest of the last {last_size} files, nothing changed: {wall:.2f} s"
            f" (unchanged {summary['files_unchanged']}, read again {summary['files_read']})"
        )
        if analysis:
            for command, seconds in query_latencies(last_db):
                print(f"query {command!r}: {seconds:.2f} s")
        words, seconds = bare_camel_chain(text)
        bare_after = words / seconds
        bare = (bare_before + bare_after) / 2
        print(
            f"bare camel-tools chain on the same text: {bare_before:,.0f} words/s on one core"
            f" before the ingests, {bare_after:,.0f} after; the ingest of {last_size} files"
            f" ran at {last_rate:,.0f} words/s ({last_rate / bare:.2f}x the bare chain's mean,"
            f" {last_rate / bare_before:.2f}x before, {last_rate / bare_after:.2f}x after)"
        )
        print(json.dumps({"words": all_words}))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONHASHSEED", "0")
    main()
