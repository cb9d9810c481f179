"""Instructions the analysis costs, counted by valgrind: a speed figure that noise cannot move (#20).

    python benchmarks/instructions.py                     # 300 ANT articles, this checkout
    python benchmarks/instructions.py --src /tmp/old/src  # another version's src folder

On a shared machine wall and CPU times of the same work swing by a third within minutes,
so a change of 10% cannot be seen in one timing. This counts the instructions (cachegrind,
``apt-get install valgrind``) of analyzing the first N articles of the ANT dev archive in
tasks of eight, as a worker does, once and then twice in one process; the difference is
the warm cost of one pass (models loaded, caches filled), the count that comparisons
between versions use. Each run takes a minute or two (valgrind is ~50x slower).
Run by hand; needs ../shared.
"""

from __future__ import annotations

import argparse
import os
import pickle
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from bench_ingest import unpack

ROOT = Path(__file__).resolve().parents[1]
REFS = re.compile(r"I\s+refs:\s+([\d,]+)")

CHILD = """
import pickle, sys
from newscorpus.pipeline import analyze_many
documents = pickle.load(open(sys.argv[1], "rb"))
tasks = [documents[i : i + 8] for i in range(0, len(documents), 8)]
for _ in range(int(sys.argv[2])):
    [a for task in tasks for a in analyze_many(task)]
"""


def documents(count: int, folder: Path) -> list:
    from newscorpus.ingest import Batch, IngestSummary, _Plan
    from newscorpus.load.options import LoadOptions

    files = [str(path) for path in unpack(folder)[:count]]
    plan = _Plan({}, IngestSummary("-"), "auto", None, LoadOptions())
    found = [d for item in plan.items(files) if isinstance(item, Batch) for d in item.documents]
    return found[:count]


def instructions(src: Path, data: Path, passes: int) -> int:
    env = {**os.environ, "PYTHONPATH": str(src), "PYTHONHASHSEED": "0"}
    done = subprocess.run(
        ["valgrind", "--tool=cachegrind", "--cache-sim=no", "--cachegrind-out-file=/dev/null",
         sys.executable, "-c", CHILD, str(data), str(passes)],
        env=env, capture_output=True, text=True, check=True,
    )  # fmt: skip
    found = REFS.search(done.stderr)
    if found is None:
        sys.exit(f"no instruction count in valgrind's output:\n{done.stderr[-2000:]}")
    return int(found.group(1).replace(",", ""))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--src", type=Path, default=ROOT / "src", help="the code to count")
    options = parser.parse_args()
    if shutil.which("valgrind") is None:
        sys.exit("valgrind is not installed (apt-get install valgrind)")
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "documents.pickle"
        data.write_bytes(pickle.dumps(documents(options.articles, Path(tmp) / "ant")))
        once = instructions(options.src, data, 1)
        twice = instructions(options.src, data, 2)
    print(
        f"{options.src}: {options.articles} ANT articles, warm pass {(twice - once) / 1e6:,.0f} M"
        f" instructions (the first pass with start-up and model loading {once / 1e6:,.0f} M)"
    )


if __name__ == "__main__":
    main()
