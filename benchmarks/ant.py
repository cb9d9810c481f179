"""The ANT dev corpus as plain article texts, for the per-stage benchmarks (by hand only).

The TEXT element of each TREC file, read with a regex: crude on purpose, so a benchmark
times its own stage and not the loader. The archive in ../shared is unpacked into the
given folder the first time.
"""

from __future__ import annotations

import re
import tarfile
from pathlib import Path

ARCHIVE = Path(__file__).resolve().parents[1].parent / "shared/corpora/ant-v2.1-dev.tar.gz"
_TEXT = re.compile(r"<TEXT>(.*?)</TEXT>", re.S)


def ant_texts(corpus: Path, limit: int | None = None) -> list[str]:
    """Article texts under ``corpus`` in path order, at most ``limit`` of them."""
    if not corpus.exists():
        corpus.mkdir(parents=True)
        with tarfile.open(ARCHIVE) as archive:
            archive.extractall(corpus, filter="data")
    texts: list[str] = []
    for path in sorted(p for p in corpus.rglob("*") if p.is_file() and p.suffix != ".md"):
        raw = path.read_text(encoding="utf-8", errors="replace")
        texts.extend(match.group(1) for match in _TEXT.finditer(raw))
        if limit and len(texts) >= limit:
            break
    return texts[:limit] if limit else texts
