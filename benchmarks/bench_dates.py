"""Throughput of the date extractor over the ANT dev corpus (run by hand, prints figures).

    /work/venv/bin/python benchmarks/bench_dates.py [/tmp/ant] [--limit N]

Reads each article's <TEXT> crudely with a regex, cleans it, splits paragraphs on newlines,
and times ``extract_dates`` alone (the publication date comes from <TIME>). Words are counted
with ``str.split``. Target: >= 100,000 words/s on one core.
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
import time
from email.utils import parsedate_to_datetime
from pathlib import Path

from newscorpus.arabic import clean
from newscorpus.extract.dates import extract_dates
from newscorpus.models import Paragraph

_TEXT = re.compile(r"<TEXT>(.*?)</TEXT>", re.S)
_TIME = re.compile(r"<TIME>(.*?)</TIME>")


def load(root: Path, limit: int | None) -> list[tuple[str, list[Paragraph], str | None]]:
    documents = []
    for path in sorted(root.rglob("*.txt")):
        raw = path.read_text(encoding="utf-8", errors="replace")
        body = _TEXT.search(raw)
        if body is None:
            continue
        text = clean(body.group(1))
        paragraphs, offset = [], 0
        for index, line in enumerate(text.split("\n")):
            if line.strip():
                paragraphs.append(Paragraph(index, offset, offset + len(line), "body"))
            offset += len(line) + 1
        stamp = _TIME.search(raw)
        published: str | None = None
        if stamp:
            try:
                published = parsedate_to_datetime(stamp.group(1)).date().isoformat()
            except (TypeError, ValueError):
                published = None
        documents.append((text, paragraphs, published))
        if limit and len(documents) >= limit:
            break
    return documents


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("root", nargs="?", default="/tmp/ant", type=Path)
    parser.add_argument("--limit", type=int, default=None)
    args = parser.parse_args()
    documents = load(args.root, args.limit)
    words = sum(len(text.split()) for text, _, _ in documents)
    extract_dates("عام 2019", [Paragraph(0, 0, 8, "body")], None)  # build the pattern once
    started, cpu_started = time.perf_counter(), time.process_time()
    mentions = 0
    for text, paragraphs, published in documents:
        mentions += len(extract_dates(text, paragraphs, published))
    elapsed = time.perf_counter() - started
    cpu = time.process_time() - cpu_started
    print(f"documents {len(documents)}  words {words:,}  date mentions {mentions:,}")
    # CPU time is the figure to compare: wall time grows when other jobs share the cores.
    print(
        f"wall {elapsed:.2f} s -> {words / elapsed:,.0f} words/s; "
        f"cpu {cpu:.2f} s -> {words / cpu:,.0f} words/s  ({dt.date.today()})"
    )


if __name__ == "__main__":
    main()
