"""Big files: JSON Lines and plain text are streamed with bounded memory; huge HTML is refused."""

from __future__ import annotations

import json
import tracemalloc
from collections.abc import Iterator
from pathlib import Path

import pytest

from newscorpus.errors import InputError
from newscorpus.load import iter_sources, read_source
from newscorpus.load.documents import MAX_ARTICLE_CHARS
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


def _one_paragraph(path: Path, megabytes: int) -> None:
    """A careless export: ``megabytes`` MB of sentences with no line break at all."""
    block = SENTENCE.encode() * 1000
    with path.open("wb") as handle:
        for _ in range((megabytes << 20) // len(block) + 1):
            handle.write(block)


@pytest.mark.slow
def test_huge_one_paragraph_text_is_streamed_in_parts_in_bounded_memory(tmp_path: Path) -> None:
    path = tmp_path / "export.txt"
    _one_paragraph(path, 24)
    text = path.read_text("utf-8")
    (source,) = iter_sources([str(path)])
    assert not isinstance(source, InputError)
    warnings: list[tuple[str, str]] = []
    tracemalloc.start()
    try:
        documents = []
        for item in read_source(source, on_warning=lambda *w: warnings.append(w)):
            assert isinstance(item, Document)
            # offsets slice back into the file's text; the text is not kept here
            assert text[item.offset_in_file : item.offset_in_file + len(item.text)] == item.text
            documents.append((item.article_index, item.offset_in_file, len(item.text)))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    # the file's 24 MB are held once by this test (its text); reading holds a few parts
    assert peak < len(text) * 4 + (40 << 20), f"peak traced memory {peak >> 20} MB"
    assert [index for index, _, _ in documents] == list(range(len(documents)))
    assert all(size <= MAX_ARTICLE_CHARS for _, _, size in documents)
    ends = [offset + size for _, offset, size in documents]
    starts = [offset for _, offset, _ in documents]
    assert all(end <= start for end, start in zip(ends, starts[1:], strict=False))  # in order
    covered = sum(size for _, _, size in documents)
    assert covered >= len(text.strip()) - len(documents)  # only the spaces at the cuts lost
    assert len(documents) == len(text) // MAX_ARTICLE_CHARS + 1
    assert warnings == [(str(path), (
        f"{covered:,} characters with no article break (no blank line) were stored as"
        f" {len(documents)} parts of at most 250,000 characters, each analyzed as an article"
    ))]  # fmt: skip


@pytest.mark.parametrize(
    ("name", "content", "parts"),
    [
        # read whole (under 8 MB): one paragraph of 600,000 characters
        ("one.txt", SENTENCE * 6_500, 3),
        # one JSON record whose text has no article break
        ("one.jsonl", json.dumps({"text": SENTENCE * 3_200}, ensure_ascii=False), 2),
        # articles of a normal size are not parts, and no warning is given
        ("many.txt", "\n\n".join([SENTENCE * 10] * 50), 0),
    ],
)
def test_a_text_cut_into_parts_is_said_once(
    tmp_path: Path, name: str, content: str, parts: int
) -> None:
    path = tmp_path / name
    path.write_text(content, "utf-8")
    (source,) = iter_sources([str(path)])
    warnings: list[tuple[str, str]] = []
    documents = [d for d in read_source(source, on_warning=lambda *w: warnings.append(w))
                 if isinstance(d, Document)]  # fmt: skip
    assert sum(d.cut for d in documents) == parts
    assert len(warnings) == (1 if parts else 0)
    if parts:
        assert warnings[0][0] == str(path)
        assert f"were stored as {parts} parts of at most 250,000 characters" in warnings[0][1]


@pytest.mark.parametrize(
    ("text", "pieces"),
    [
        # a blank line in the last fifth of a part ends it there
        ("أ" * 900 + "\n\n" + "ب" * 1200, ["أ" * 900, "ب" * 1000, "ب" * 200]),
        # else a sentence's end; the last piece, over a part's size, is cut as any article
        ("أ" * 850 + ". " + "ب" * 1500, ["أ" * 850 + ".", "ب" * 1000, "ب" * 500]),
    ],
)  # fmt: skip
def test_a_streamed_text_is_cut_at_paragraph_ends_first(
    text: str, pieces: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from newscorpus.load import documents as module

    monkeypatch.setattr(module, "MAX_ARTICLE_CHARS", 1000)
    chunks = iter([text[i : i + 64] for i in range(0, len(text), 64)])
    found = list(module.stream_documents(chunks, path="x.txt", encoding="utf-8"))
    assert [d.text for d in found] == pieces
    assert [d.article_index for d in found] == list(range(len(pieces)))
    for document in found:
        assert text[document.offset_in_file :].startswith(document.text)


def test_a_stream_is_read_no_further_than_two_parts_ahead(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # chunks longer than a part (as decode's megabyte is against 250,000 characters): the
    # reader once took one per part and so ran through the whole file, holding it all
    from newscorpus.load import documents as module

    monkeypatch.setattr(module, "MAX_ARTICLE_CHARS", 1000)
    text = "كلمة " * 20_000  # 100,000 characters, no paragraph break
    read = 0

    def chunks() -> Iterator[str]:
        nonlocal read
        for i in range(0, len(text), 2_500):
            read = i + 2_500
            yield text[i : i + 2_500]

    ahead = []
    found = []
    for document in module.stream_documents(chunks(), path="x.txt", encoding="utf-8"):
        ahead.append(read - document.offset_in_file)
        found.append(document)
    assert all(text[d.offset_in_file :].startswith(d.text) for d in found)
    assert len(found) >= 100 and found[-1].offset_in_file + len(found[-1].text) >= len(text) - 1
    assert max(ahead) <= 2 * 1000 + 2_500 + 1000


def test_huge_html_is_refused_without_reading_it(tmp_path: Path) -> None:
    path = tmp_path / "big.html"
    with path.open("wb") as handle:
        handle.write(b"<!DOCTYPE html><html><body><p>" + SENTENCE.encode() * 20000)
        handle.truncate(200 << 20)  # the rest is sparse: fast to make, never read
    (source,) = iter_sources([str(path)])
    assert not isinstance(source, InputError)
    items = list(read_source(source))
    assert len(items) == 1 and isinstance(items[0], InputError)
    assert items[0].reason == (
        "file too large for one HTML page (200 MB > 50 MB); split it or convert it to JSON Lines"
    )


def test_an_article_with_no_letter_is_said(tmp_path: Path) -> None:
    path = tmp_path / "noise.txt"
    path.write_text("!?.،؛:«»()…- 123 " * 1000, "utf-8")
    (source,) = iter_sources([str(path)])
    warnings: list[tuple[str, str]] = []
    items = list(read_source(source, on_warning=lambda *w: warnings.append(w)))
    assert len(items) == 1 and isinstance(items[0], Document)
    assert warnings == [(str(path), (
        f"1 article(s) with no letter at all ({len(items[0].text):,} characters of punctuation,"
        " digits or symbols): stored, with nothing to find in them"
    ))]  # fmt: skip
