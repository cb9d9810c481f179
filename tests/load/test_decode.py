"""Encodings and undecodable input, through read_source as a user would hit them."""

from __future__ import annotations

import codecs
import json
import random

import pytest

from newscorpus.errors import InputError
from newscorpus.load import Source, read_source
from newscorpus.models import Document

# Seed 004, line 11.
ARABIC = (
    "فيما صرح الناطق باسم البنتاجون الميجور جنرال بات رايدر، أن هناك مؤشرات على مقتل أو "
    "إصابة عدد من الجنود الكوريين الشماليين الذين يقاتلون فى هذه المنطقة."
)
TEXT = "مكاسب تكتيكية لكوريا الشمالية\n\n" + ARABIC + "\n"


def _read(data: bytes, name: str = "article.txt") -> list[Document | InputError]:
    return list(read_source(Source.from_bytes(name, data)))


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (TEXT.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + TEXT.encode("utf-8"), "utf-8-sig"),
        (TEXT.encode("utf-16"), "utf-16"),
        (codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"), "utf-16"),
        (TEXT.encode("utf-16-le"), "utf-16-le"),
        (TEXT.encode("utf-16-be"), "utf-16-be"),
        (TEXT.encode("cp1256"), "cp1256"),
        (TEXT.encode("iso-8859-6"), "iso-8859-6"),
        (TEXT.replace("\n", "\r\n").encode("cp1256"), "cp1256"),
    ],
)
def test_encodings_are_detected_and_text_is_kept_exactly(data: bytes, encoding: str) -> None:
    (document,) = _read(data)
    assert isinstance(document, Document)
    assert document.encoding == encoding
    decoded = data.decode(encoding)
    assert document.text == decoded[document.offset_in_file :].rstrip()
    assert [document.paragraph_text(p) for p in document.paragraphs] == [
        "مكاسب تكتيكية لكوريا الشمالية",
        ARABIC,
    ]
    assert [p.kind for p in document.paragraphs] == ["heading", "body"]


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty file"),
        (b" \n\r\n\t\n", "empty file"),
        (codecs.BOM_UTF8 + b"\n\n", "empty file"),
        (random.Random(0).randbytes(4096), "binary file, not text"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00" * 20, "binary file, not text"),
        (b"abc\x00\x00\x00\x01\x00\x00def\x00\x00\x00" * 50, "binary file, not text"),
        ("Le président a déclaré à l'Élysée".encode("latin-1"), "cannot decode"),
    ],
)
def test_unreadable_files_fail_with_one_clear_error(data: bytes, reason: str) -> None:
    (error,) = _read(data, "bad.txt")
    assert isinstance(error, InputError)
    assert error.path == "bad.txt"
    assert reason in error.reason


def test_bytes_that_stop_being_utf8_late_in_a_stream_name_the_offset() -> None:
    line = json.dumps({"text": ARABIC}, ensure_ascii=False) + "\n"
    data = (line * 20000).encode("utf-8") + b'{"text": "\xff\xfe"}\n'
    items = _read(data, "late.jsonl")
    assert sum(isinstance(item, Document) for item in items) == 20000
    assert isinstance(items[-1], InputError)
    assert "undecodable bytes at byte" in items[-1].reason
