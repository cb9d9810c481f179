"""The Dask path on the ANT dev corpus, and DuckDB query latency at 10x its size (by hand).

    python benchmarks/bench_dask.py                      # workers 1 and 2, then 10x queries
    python benchmarks/bench_dask.py --workers 2 --copies 10 --sqlite

1. ``ingest --engine dask`` of all of ANT dev into a fresh dataset on a local cluster of 1,
   then 2 worker processes: wall time, words/s, the ratio to the bare camel-tools chain on
   one core (measured in the same run); when the last part was written (the map) and how
   long the pass, which overlaps the map, went on after it; then the pass run again on its
   own. With --sqlite, the SQLite ingest of the same files for reference.
2. The last dataset's tables replicated ``--copies`` times (documents, paragraphs, mentions,
   claims, dates, events and stories copied with their ids shifted; actors, their counts
   and co-occurrence weights multiplied; paths made distinct), then each query command run
   three times against it through the CLI (a fresh process each time, start-up included):
   the median, and the tables' sizes.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_ingest import bare_camel_chain, corpus_text, unpack  # noqa: E402

QUERIES = [
    ["actors", "--top", "20"],
    ["claims", "--speaker", "ترامب"],
    ["timeline", "--actor", "ترامب"],
    ["actor", "ترامب"],
    ["network", "--top", "50"],
    ["trend", "ترامب"],
    ["search", "القدس"],
]
# id columns shifted in each copy: column -> the table whose ids it holds
SHIFTED = {
    "files": {"id": "files"},
    "documents": {"id": "documents", "file_id": "files"},
    "paragraphs": {"document_id": "documents"},
    "mentions": {"id": "mentions", "document_id": "documents"},
    "claims": {"id": "claims", "document_id": "documents"},
    "dates": {"id": "dates", "document_id": "documents"},
    "events": {"id": "events", "document_id": "documents", "claim_id": "claims"},
    "event_actors": {"event_id": "events"},
    "stories": {"id": "stories", "shown": "events"},
    "story_events": {"story": "stories", "event": "events"},
}
MULTIPLIED = {
    "actors": ("mentions", "documents"),
    "cooccurrence": ("weight",),
    "actor_windows": ("windows",),
}
PARAGRAPH_BITS = 20


def ingest_dask(files: Path, out: Path, workers: int) -> tuple[float, float, dict]:
    """The whole ingest (the pass overlapping the map), then the pass again on its own."""
    from newscorpus.scale import DaskOptions, ingest_dataset
    from newscorpus.store.dataset import Location
    from newscorpus.store.dataset_pass import rebuild

    if out.exists():
        shutil.rmtree(out)
    started = time.perf_counter()
    summary = ingest_dataset([str(files)], str(out), dask=DaskOptions(workers=workers))
    total = time.perf_counter() - started
    again = rebuild(Location.of(out))
    return total, again.seconds, summary.as_dict()


def _shifted(table: str, column: str, shifted: dict[str, str], top: dict[str, int]) -> str:
    """A column of copy ``k``: ids moved past the ids of the copies before it."""
    if table == "search_terms" and column == "id":
        return f"id + (k * {top['documents']} << {PARAGRAPH_BITS}) AS id"
    if table == "files" and column == "path":
        return "path || '#copy' || k AS path"
    if column in shifted:
        return f'"{column}" + k * {top[shifted[column]]} AS "{column}"'
    return f'"{column}"'


def replicate(source: Path, target: Path, copies: int) -> dict[str, int]:
    import duckdb

    from newscorpus.store.dataset import CLUSTERED, Location

    if target.exists():
        shutil.rmtree(target)
    (target / "tables").mkdir(parents=True)
    db = duckdb.connect()
    tables = sorted(p.stem for p in (source / "tables").glob("*.parquet"))
    top = {
        t: db.execute(f"SELECT coalesce(max(id), 0) FROM '{source}/tables/{t}.parquet'").fetchone()[
            0
        ]
        for t in ("files", "documents", "mentions", "claims", "dates", "events", "stories")
    }
    rows = {}
    for table in tables:
        path = f"{source}/tables/{table}.parquet"
        columns = [r[0] for r in db.execute(f"DESCRIBE SELECT * FROM '{path}'").fetchall()]
        if table in SHIFTED or table == "search_terms":
            shifted = SHIFTED.get(table, {})

            select = ", ".join(_shifted(table, c, shifted, top) for c in columns)
            order = CLUSTERED.get(table, "1, 2")  # as the pass writes them
            query = f"SELECT {select} FROM '{path}', range({copies}) r(k) ORDER BY {order}"
        elif table in MULTIPLIED:
            select = ", ".join(
                f'"{c}" * {copies} AS "{c}"' if c in MULTIPLIED[table] else f'"{c}"'
                for c in columns
            )
            query = f"SELECT {select} FROM '{path}'"
        else:
            query = f"SELECT * FROM '{path}'"
        db.execute(
            f"COPY ({query}) TO '{target}/tables/{table}.parquet' (FORMAT parquet, COMPRESSION zstd)"
        )
        rows[table] = db.execute(
            f"SELECT count(*) FROM '{target}/tables/{table}.parquet'"
        ).fetchone()[0]
    Location.of(target).write_manifest({"format": 1, "runs": [], "tables": tables})
    return rows


def latencies(dataset: Path, rounds: int = 3) -> list[tuple[str, float, float]]:
    exe = shutil.which("newscorpus") or str(Path(sys.executable).with_name("newscorpus"))
    found = []
    for command in QUERIES:
        times = []
        for _ in range(rounds):
            started = time.perf_counter()
            subprocess.run([exe, *command, "--db", str(dataset), "--format", "json"], check=True,
                           stdout=subprocess.DEVNULL)  # fmt: skip
            times.append(time.perf_counter() - started)
        found.append((" ".join(command), statistics.median(times), max(times)))
    help_started = time.perf_counter()
    subprocess.run([exe, "--help"], check=True, stdout=subprocess.DEVNULL)
    found.append(("--help (start-up alone)", time.perf_counter() - help_started, 0.0))
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--workers", default="1,2", help="local cluster sizes, in order")
    parser.add_argument("--copies", type=int, default=10)
    parser.add_argument("--sqlite", action="store_true", help="also the SQLite ingest, 2 workers")
    parser.add_argument("--keep", type=Path, help="keep the datasets in this folder")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="bench-dask-"))
    keep = args.keep or work
    try:
        corpus = work / "ant"
        files = unpack(corpus)
        text = corpus_text(files)
        words, bare = bare_camel_chain(text)
        print(f"ANT dev: {len(files)} files, {words:,} words; bare camel-tools chain, one core:"
              f" {bare:.1f} s ({words / bare:,.0f} words/s)")  # fmt: skip
        seconds: dict[int, float] = {}
        dataset = keep / "ant-dataset"
        for workers in [int(w) for w in args.workers.split(",")]:
            total, pass_seconds, summary = ingest_dask(corpus, dataset, workers)
            seconds[workers] = total
            stages = summary["stages"]
            print(
                f"dask, {workers} worker(s): {total:.1f} s ({words / total:,.0f} words/s,"
                f" {bare / total:.2f}x the bare chain); every part written after"
                f" {stages['map']:.1f} s, the pass done {stages['pass_after_map']:.1f} s later;"
                f" the pass run again alone {pass_seconds:.1f} s; {summary['articles']} articles,"
                f" {summary['mentions']} mentions, {summary['claims']} claims,"
                f" {summary['files_failed']} files failed"
            )
        if len(seconds) > 1:
            first, last = min(seconds), max(seconds)
            print(f"speed-up {first} -> {last} workers: {seconds[first] / seconds[last]:.2f}x")
        if args.sqlite:
            started = time.perf_counter()
            exe = shutil.which("newscorpus") or str(Path(sys.executable).with_name("newscorpus"))
            subprocess.run([exe, "ingest", str(corpus), "--db", str(work / "ant.db"),
                            "--workers", "2"], stdout=subprocess.DEVNULL, check=False)  # fmt: skip
            took = time.perf_counter() - started
            print(f"sqlite, 2 workers: {took:.1f} s ({bare / took:.2f}x the bare chain)")
        replicated = keep / f"ant-x{args.copies}"
        rows = replicate(dataset, replicated, args.copies)
        print(f"replicated x{args.copies}: " + ", ".join(f"{t} {n:,}" for t, n in sorted(rows.items())
                                                       if t in ("documents", "mentions", "claims", "events", "search_terms")))  # fmt: skip
        for command, median, worst in latencies(replicated):
            print(f"  {command:28s} median {median:.2f} s   worst {worst:.2f} s")
    finally:
        if args.keep is None:
            shutil.rmtree(work, ignore_errors=True)
        else:
            shutil.rmtree(work / "ant", ignore_errors=True)


if __name__ == "__main__":
    main()
