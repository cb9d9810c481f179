"""Loading benchmark (no NLP): iter_sources + read_source over the ANT dev corpus.

    python benchmarks/bench_load.py                      # the .tar.gz, read in place
    python benchmarks/bench_load.py /tmp/ant/ant-v2.1    # also an unpacked folder
    python benchmarks/bench_load.py --digest             # also hash every file (as ingest does)

Each input runs in a fresh child process so peak RSS (resource.getrusage) is its own.
Prints articles, paragraphs, errors, input MB (bytes read from the sources), wall time,
articles/s, MB/s and peak RSS. Run by hand; the corpus is not part of the repository.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ARCHIVE = ROOT.parent / "shared" / "corpora" / "ant-v2.1-dev.tar.gz"


def measure(path: str, digest: bool) -> dict[str, float]:
    from newscorpus.errors import InputError
    from newscorpus.load import file_digest, iter_sources, read_source

    articles = paragraphs = errors = input_bytes = 0
    start = time.perf_counter()
    for source in iter_sources([path]):
        if isinstance(source, InputError):
            errors += 1
            continue
        input_bytes += source.size
        if digest:
            file_digest(source.read_bytes())
        for item in read_source(source):
            if isinstance(item, InputError):
                errors += 1
                continue
            articles += 1
            paragraphs += len(item.paragraphs)
    seconds = time.perf_counter() - start
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {
        "articles": articles,
        "paragraphs": paragraphs,
        "errors": errors,
        "input_mb": input_bytes / 2**20,
        "seconds": seconds,
        "peak_rss_mb": peak_mb,
    }


def report(path: str, figures: dict[str, float]) -> None:
    seconds = figures["seconds"]
    print(f"{path}")
    print(
        f"  articles {figures['articles']:,.0f}  paragraphs {figures['paragraphs']:,.0f}"
        f"  errors {figures['errors']:.0f}  input {figures['input_mb']:.1f} MB"
    )
    print(
        f"  wall {seconds:.2f} s  {figures['articles'] / seconds:,.0f} articles/s"
        f"  {figures['input_mb'] / seconds:.1f} MB/s  peak RSS {figures['peak_rss_mb']:.0f} MB"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*", help="extra inputs (e.g. an unpacked folder)")
    parser.add_argument("--digest", action="store_true", help="also sha256 every file")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    options = parser.parse_args()
    if options.child:
        print(json.dumps(measure(options.child, options.digest)))
        return
    inputs = [str(ARCHIVE), *options.paths]
    for path in inputs:
        command = [sys.executable, __file__, "--child", path]
        if options.digest:
            command.append("--digest")
        output = subprocess.run(command, check=True, capture_output=True, text=True).stdout
        report(path, json.loads(output))


if __name__ == "__main__":
    main()
