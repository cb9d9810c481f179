"""build_documents: an 'article' of megabytes with no article break is stored in parts."""

from __future__ import annotations

import pytest

from newscorpus.load import Source, read_source
from newscorpus.load import documents as docs
from newscorpus.models import Document

SENTENCE = "قال الرئيس إن بلاده لن تتراجع عن موقفها. "


def _read(text: str) -> list[Document]:
    items = list(read_source(Source.from_bytes("export.txt", text.encode("utf-8"))))
    assert all(isinstance(item, Document) for item in items)
    return items  # type: ignore[return-value]


@pytest.mark.parametrize("blank_lines", [False, True])
def test_a_huge_article_is_cut_into_parts_that_slice_the_file(
    monkeypatch: pytest.MonkeyPatch, blank_lines: bool
) -> None:
    monkeypatch.setattr(docs, "MAX_ARTICLE_CHARS", 2_000)
    separator = "\n\n" if blank_lines else ""
    text = "عنوان طويل\n\n" + separator.join(SENTENCE * 3 for _ in range(100))
    parts = _read(text)
    assert len(parts) > 5
    assert all(len(p.text) <= 2_000 for p in parts)
    assert all(text[p.offset_in_file : p.offset_in_file + len(p.text)] == p.text for p in parts)
    assert [p.article_index for p in parts] == list(range(len(parts)))
    covered = sum(len(p.text) for p in parts)
    assert covered >= len(text) - 2 * len(parts) - 20  # only the blank lines between parts
    assert all(p.paragraphs and p.paragraphs[0].index == 0 for p in parts)
    assert all(0 <= q.start <= q.end <= len(p.text) for p in parts for q in p.paragraphs)
    assert parts[0].title == "عنوان طويل" and all(p.title is None for p in parts[1:])
    if not blank_lines:  # one line: cut after a sentence's end
        assert all(p.text.endswith(".") or p.text.endswith(". ") for p in parts[1:-1])


def test_articles_below_the_limit_are_as_they_were() -> None:
    text = "عنوان\n\n" + SENTENCE * 50
    (document,) = _read(text)
    assert document.text == text.rstrip() or document.text == text
