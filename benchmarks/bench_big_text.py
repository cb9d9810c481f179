"""Memory and time on one huge paragraph: a careless export with no blank lines.

    python benchmarks/bench_big_text.py --mb 25 -w 2      # the #19 case
    python benchmarks/bench_big_text.py --mb 5,25,50 -w 1 # time should grow with size

Writes (once, under /tmp/newscorpus-bench) a plain-text file of about ``--mb`` MB: the ANT
dev corpus's article texts joined by single spaces, so the whole file is one paragraph
with no line break. Each size is ingested with the full analysis in a child process
(bench_ingest.run_ingest), and the time, peak RSS of the ingest process, of the largest
worker and of all processes together are printed, with seconds per MB to judge linearity.
"""

from __future__ import annotations

import argparse
import multiprocessing
import sys
import tempfile
from pathlib import Path

from ant import ant_texts
from bench_ingest import TREE_PEAK, run_ingest

WORK = Path(tempfile.gettempdir()) / "newscorpus-bench"


def write_text(target: Path, megabytes: int) -> int:
    """Bytes of a one-paragraph file of about ``megabytes`` MB (kept between runs)."""
    if target.exists() and target.stat().st_size >= megabytes << 20:
        return target.stat().st_size
    texts = [" ".join(t.split()) for t in ant_texts(WORK / "ant")]
    with target.open("w", encoding="utf-8") as handle:
        while handle.tell() < megabytes << 20:
            for text in texts:
                handle.write(text + " ")
                if handle.tell() >= megabytes << 20:
                    break
    return target.stat().st_size


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--mb", default="25", help="sizes in MB, comma-separated")
    parser.add_argument("-w", "--workers", type=int, default=2)
    args = parser.parse_args()
    WORK.mkdir(parents=True, exist_ok=True)
    for megabytes in (int(m) for m in args.mb.split(",")):
        path = WORK / f"one-paragraph-{megabytes}.txt"
        # written by a child, so the ingest (forked from this process) inherits no corpus
        writer = multiprocessing.get_context("fork").Process(
            target=write_text, args=(path, megabytes)
        )
        writer.start()
        writer.join()
        size = path.stat().st_size
        with tempfile.TemporaryDirectory(dir=WORK) as folder:
            summary, seconds, self_kb, child_kb = run_ingest(
                [str(path)], str(Path(folder) / "big.db"), args.workers, True
            )
        print(
            f"{path.name}: {size / 2**20:.1f} MB, workers={args.workers}: {summary['articles']}"
            f" articles, {len(summary['failures'])} failures, {seconds:.0f} s"
            f" ({seconds / (size / 2**20):.1f} s/MB); peak RSS: ingest process"
            f" {self_kb / 1024:.0f} MB, largest worker {child_kb / 1024:.0f} MB, all together"
            f" {TREE_PEAK[0] / 1024:.0f} MB (PSS, shared pages once: {TREE_PEAK[1] / 1024:.0f} MB)"
        )
        for failure in summary["failures"][:3]:
            print(f"  failed: {failure}")
        sys.stdout.flush()


if __name__ == "__main__":
    main()
