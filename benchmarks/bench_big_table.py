"""Memory on a big spreadsheet export: one CSV of ~500 MB ingested, peak RSS measured.

    python benchmarks/bench_big_table.py                    # 500 MB, loader and store only
    python benchmarks/bench_big_table.py --analysis -w 2    # with the full analysis
    python benchmarks/bench_big_table.py --mb 100 --xlsx    # also a .xlsx of that size

The CSV is written once (UTF-8 with a BOM, as Excel saves it) under /tmp from the ANT dev
corpus's article texts, repeated until it reaches ``--mb``, one article per row with a
title, a date and an outlet code. The ingest runs in a child process; peak RSS is read from
/proc every 0.1 s for the ingest process and its workers (see bench_ingest.py), and from
getrusage. Run by hand; the corpus is not part of the repository.
"""

from __future__ import annotations

import argparse
import csv
import sys
import tempfile
from pathlib import Path

from ant import ant_texts
from bench_ingest import TREE_PEAK, run_ingest

WORK = Path(tempfile.gettempdir()) / "newscorpus-bench"
OUTLETS = ("aawsat", "okaz", "alarabiya.net", "bbc.com/arabic", "sabq")


def write_csv(target: Path, megabytes: int) -> tuple[int, int]:
    """Rows and bytes of a CSV of about ``megabytes`` MB (kept between runs)."""
    if target.exists() and target.stat().st_size >= megabytes << 20:
        with target.open(encoding="utf-8-sig", newline="") as handle:
            return sum(1 for _ in csv.reader(handle)) - 1, target.stat().st_size
    texts = ant_texts(WORK / "ant")
    rows = 0
    with target.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["headline", "body", "date", "source", "category"])
        while handle.tell() < megabytes << 20:
            for text in texts:
                title, _, body = text.strip().partition("\n")
                day = 1 + rows % 28
                writer.writerow(
                    [title, body or title, f"2018-{1 + rows % 12:02d}-{day:02d} 10:{rows % 60:02d}:00",
                     OUTLETS[rows % len(OUTLETS)], "أخبار"]
                )  # fmt: skip
                rows += 1
                if handle.tell() >= megabytes << 20:
                    break
    return rows, target.stat().st_size


def write_xlsx(source: Path, target: Path) -> None:
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet()
    with source.open(encoding="utf-8-sig", newline="") as handle:
        for row in csv.reader(handle):
            sheet.append(row)
    workbook.save(target)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--mb", type=int, default=500)
    parser.add_argument("--analysis", action="store_true", help="run the full analysis too")
    parser.add_argument("-w", "--workers", type=int, default=1)
    parser.add_argument("--xlsx", action="store_true", help="also ingest it as .xlsx")
    args = parser.parse_args()
    WORK.mkdir(parents=True, exist_ok=True)
    table = WORK / f"big-{args.mb}.csv"
    rows, size = write_csv(table, args.mb)
    inputs = [table]
    if args.xlsx:
        workbook = table.with_suffix(".xlsx")
        if not workbook.exists():
            write_xlsx(table, workbook)
        inputs.append(workbook)
    for path in inputs:
        with tempfile.TemporaryDirectory(dir=WORK) as folder:
            db = str(Path(folder) / "big.db")
            summary, seconds, self_kb, child_kb = run_ingest(
                [str(path)], db, args.workers, args.analysis
            )
            db_mb = sum(p.stat().st_size for p in Path(folder).iterdir()) / 2**20
        print(f"{path.name}: {path.stat().st_size / 2**20:.0f} MB, {rows} rows written")
        print(
            f"  analysis={'on' if args.analysis else 'off'} workers={args.workers}: "
            f"{summary['articles']} articles, {len(summary['failures'])} failures, "
            f"{seconds:.0f} s, database {db_mb:.0f} MB"
        )
        print(
            f"  peak RSS: ingest process {self_kb / 1024:.0f} MB, largest worker "
            f"{child_kb / 1024:.0f} MB, all processes together {TREE_PEAK[0] / 1024:.0f} MB"
        )
        sys.stdout.flush()


if __name__ == "__main__":
    main()
