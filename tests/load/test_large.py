"""A 200 MB JSON Lines file is streamed with bounded memory; huge text files are refused."""

from __future__ import annotations

import json
import tracemalloc
from pathlib import Path

from newscorpus.errors import InputError
from newscorpus.load import iter_sources, read_source
from newscorpus.models import Document

SENTENCE = "وقال الرئيس الأوكراني فولوديمير زيلينسكي إن جيشاً من 10 آلاف كوري شمالي يستعد للانضمام. "
TARGET_BYTES = 200 << 20


def _write_big_file(path: Path, line: bytes) -> int:
    block = line * 64
    count = TARGET_BYTES // len(block) + 1
    with path.open("wb") as handle:
        for _ in range(count):
            handle.write(block)
    return count * 64


def test_200_mb_jsonl_is_streamed_in_bounded_memory(tmp_path: Path) -> None:
    text = "\n".join([SENTENCE * 200] * 5)  # ~100 KB per article, 5 paragraphs
    line = (json.dumps({"text": text, "source": "test"}, ensure_ascii=False) + "\n").encode()
    path = tmp_path / "big.jsonl"
    lines = _write_big_file(path, line)
    (source,) = iter_sources([str(path)])
    assert not isinstance(source, InputError) and source.size >= TARGET_BYTES
    tracemalloc.start()
    try:
        documents = paragraphs = 0
        for item in read_source(source):
            assert isinstance(item, Document)
            documents += 1
            paragraphs += len(item.paragraphs)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert documents == lines
    assert paragraphs == lines * 5
    assert peak < 50 << 20, f"peak traced memory {peak >> 20} MB"


def test_huge_text_file_is_refused_without_reading_it(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    with path.open("wb") as handle:
        handle.write(SENTENCE.encode() * 20000)
        handle.truncate(200 << 20)  # the rest is sparse: fast to make, never read
    (source,) = iter_sources([str(path)])
    assert not isinstance(source, InputError)
    items = list(read_source(source, input_format="text"))
    assert len(items) == 1 and isinstance(items[0], InputError)
    assert items[0].reason == (
        "file too large for one article (200 MB > 50 MB); split it or convert it to JSON Lines"
    )
