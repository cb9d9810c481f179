"""Strategies and invariant checks shared by the property tests (issue #19).

Text strategies mix words and lines of the seed articles with what real corpora also hold:
diacritics, tatweel, Arabic-Indic digits, Arabic punctuation and quotes, Latin, control
characters, bidi marks, zero-width joiners, emoji and line breaks of every kind. ``files``
wraps generated articles in every input format the loader reads, and ``mutated`` damages
the bytes the way transfers and exports do. The ``check_*`` functions state what every
Document and Analysis must satisfy, whatever the input.
"""

from __future__ import annotations

import gzip
import importlib.util
import os
import re
import sys
from datetime import date, datetime
from pathlib import Path
from types import ModuleType

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

from newscorpus.arabic import clean
from newscorpus.errors import InputError
from newscorpus.models import PARAGRAPH_KINDS, Analysis, Document

ROOT = Path(__file__).resolve().parents[2]
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))
SEED_LINES: tuple[str, ...] = tuple(
    line for path in SEEDS for line in path.read_text(encoding="utf-8").splitlines() if line.strip()
)
SEED_WORDS: tuple[str, ...] = tuple(sorted({word for line in SEED_LINES for word in line.split()}))

# NEWSCORPUS_FUZZ_SCALE=20 runs twenty times the examples, on fresh random inputs.
_SCALE = float(os.environ.get("NEWSCORPUS_FUZZ_SCALE", "1"))


def fuzz_settings(examples: int) -> settings:
    """Deterministic (same inputs every run) and bounded, unless scaled up to explore."""
    return settings(
        max_examples=max(1, int(examples * _SCALE)),
        deadline=None,
        derandomize=_SCALE == 1,
        database=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )


# --- characters -------------------------------------------------------------------------
ARABIC_LETTERS = "".join(chr(c) for c in range(0x0621, 0x064B)) + "پچژگکی"
DIACRITICS = "".join(chr(c) for c in range(0x064B, 0x0656)) + "\u0670"
TATWEEL = "\u0640"
DIGITS = "٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹0123456789"
PUNCTUATION = "،؛؟«»“”„\"'.!?:;()[]-–—/…,*#@%٪٫٬"
CONTROLS = "".join(chr(c) for c in range(0x20)) + "\x7f\x85"
BIDI = "\u200e\u200f\u061c\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
INVISIBLE = "\u200b\u200c\u200d\u00ad\ufeff\u00a0\u202f\u2007\u2028\u2029"
SPECIALS: tuple[str, ...] = (
    *CONTROLS,
    *BIDI,
    *INVISIBLE,
    *PUNCTUATION,
    "\r\n",
    "\n\n",
    "..",
    "...",
    "😀",
    "👍🏽",
    "🇸🇦",
    "❤️",
    "👨\u200d👩\u200d👧",
    "ﺳﻮﺭﻳﺎ",  # presentation forms
    "ﻻ",
    "\ufdfa",
    "\ufdfc",
    "\ufdfd",
    "https://t.co/WYktXv4xZy",
    "pic.twitter.com/2ypUZ27OsU",
    "@CNN",
    "#رؤية_2030",
    "U.S.",
    "Mr.",
    "د.",
    "أ.ف.ب",
    "21.11.2024",
    "2024/11/21",
    "١.٣",
    "&amp;",
    "<p>",
    "</TEXT>",
)
ALPHABET = ARABIC_LETTERS + DIACRITICS + TATWEEL + DIGITS + PUNCTUATION + "abcXYZ " + BIDI

_piece = st.one_of(
    st.sampled_from(SEED_WORDS),
    st.sampled_from(SEED_WORDS),
    st.sampled_from(SPECIALS),
    st.text(st.sampled_from(ALPHABET), min_size=1, max_size=6),
    st.text(min_size=1, max_size=3),
)
_separator = st.sampled_from([" "] * 6 + ["", "\n", "\n\n", "\r\n", "\t", "  ", "\u00a0"])
generated_text = st.lists(st.tuples(_piece, _separator), max_size=40).map(
    lambda pairs: "".join(piece + separator for piece, separator in pairs)
)
seed_excerpt = st.tuples(
    st.integers(0, len(SEED_LINES) - 1), st.integers(1, 6), st.sampled_from(["\n", "\n\n"])
).map(lambda drawn: drawn[2].join(SEED_LINES[drawn[0] : drawn[0] + drawn[1]]))


@st.composite
def with_insertions(draw: st.DrawFn, base: st.SearchStrategy[str]) -> str:
    """``base`` text with a few special characters or strings inserted anywhere."""
    text = draw(base)
    for _ in range(draw(st.integers(0, 6))):
        position = draw(st.integers(0, len(text)))
        text = text[:position] + draw(st.sampled_from(SPECIALS)) + text[position:]
    return text


arabic_text = st.one_of(
    generated_text,
    seed_excerpt,
    with_insertions(seed_excerpt),
    st.lists(st.one_of(seed_excerpt, generated_text), min_size=1, max_size=4).map("\n\n".join),
)
short_text = st.one_of(
    st.sampled_from(SEED_LINES).map(lambda line: line[:80]),
    st.text(st.sampled_from(ALPHABET), max_size=30),
    with_insertions(st.just("عنوان الخبر")),
)


# --- files in every input format --------------------------------------------------------
ENCODINGS = ("utf-8", "utf-8-sig", "utf-16", "cp1256", "iso-8859-6")
DATES = ("2024-11-22", "Sun, 18 Feb 2018 20:50:44 GMT", "22/11/2024", "1700000000", "", "غدا")

Article = tuple[str, str, str]  # title, body (paragraphs split by blank lines), date

articles = st.lists(
    st.tuples(
        short_text,
        st.lists(arabic_text, min_size=1, max_size=4).map("\n\n".join),
        st.sampled_from(DATES),
    ),
    min_size=1,
    max_size=3,
)


def _fuzz_script() -> ModuleType:
    """scripts/fuzz.py, which owns the file wrappers the fuzzer and these tests share."""
    name = "newscorpus_fuzz_script"
    if name not in sys.modules:
        spec = importlib.util.spec_from_file_location(name, ROOT / "scripts" / "fuzz.py")
        assert spec is not None and spec.loader is not None
        sys.modules[name] = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(sys.modules[name])
    return sys.modules[name]


FORMATS: tuple[str, ...] = _fuzz_script().FORMATS
NAMES: dict[str, str] = _fuzz_script().FILE_NAMES


def render(fmt: str, items: list[Article]) -> str | bytes:
    """``items`` as the text (or, for .xlsx, the bytes) of a file in ``fmt``; JSON escaped
    to ASCII for some, as some exporters write it."""
    return _fuzz_script().render(fmt, items, ascii_json=len(items[0][0]) % 2 == 0)


def encode(content: str | bytes, encoding: str) -> bytes:
    if isinstance(content, bytes):
        return content
    return content.encode(encoding, errors="replace")


# --- byte mutations ---------------------------------------------------------------------
_INSERTS = (
    b"\x00",
    b"\xff",
    b"\xfe\xff",
    b"\xef\xbb\xbf",
    b"\xd8",
    b"\xe2\x80\x8f",  # RLM
    b"\xe2\x80\xae",  # RLO
    b"\r",
    b"\n",
    b'"',
    b"'",
    b",",
    b"\t",
    b";",
    b"{",
    b"}",
    b"[",
    b"]",
    b"<",
    b">",
    b"&",
    b"<DOC>",
    b"</DOC>",
    b"<TEXT>",
    b"</TEXT>",
    b"<p>",
    b"</article>",
    b"<!--",
    b"\\",
    b'\\u0000"',
    b"\\ud800",
    b"PK\x03\x04",
    b"\x1f\x8b",
)


@st.composite
def mutated(draw: st.DrawFn, data: bytes, max_size: int = 1 << 16) -> bytes:
    """``data`` after a few bit flips, truncations, deletions, duplications and insertions."""
    buffer = bytearray(data)
    for _ in range(draw(st.integers(0, 4))):
        operation = draw(st.sampled_from(["flip", "truncate", "delete", "copy", "insert"]))
        position = draw(st.integers(0, len(buffer)))
        if operation == "flip" and position < len(buffer):
            buffer[position] ^= 1 << draw(st.integers(0, 7))
        elif operation == "truncate":
            del buffer[position:]
        elif operation == "delete":
            del buffer[position : position + draw(st.integers(1, 64))]
        elif operation == "copy":
            piece = buffer[position : position + draw(st.integers(1, 256))]
            times = draw(st.integers(1, 8))
            buffer[position:position] = piece * times
        else:
            inserted = draw(st.one_of(st.sampled_from(_INSERTS), st.binary(min_size=1, max_size=8)))
            buffer[position:position] = inserted
    return bytes(buffer[:max_size])


# --- invariants -------------------------------------------------------------------------
_ISO = re.compile(r"\d{4}-\d{2}-\d{2}")


def check_items(items: list[Document | InputError]) -> list[Document]:
    """Every item is a well-formed Document or an InputError with a message; the Documents."""
    documents = []
    for item in items:
        if isinstance(item, InputError):
            assert item.path and str(item), item
            continue
        assert isinstance(item, Document), type(item)
        check_document(item)
        documents.append(item)
    return documents


def check_document(document: Document) -> None:
    length = len(document.text)
    previous_end = 0
    for number, paragraph in enumerate(document.paragraphs):
        assert paragraph.index == number, document.paragraphs
        assert previous_end <= paragraph.start <= paragraph.end <= length, document.paragraphs
        assert paragraph.kind in PARAGRAPH_KINDS, paragraph
        if paragraph.duplicate_of is not None:
            assert 0 <= paragraph.duplicate_of < number, paragraph
        previous_end = paragraph.end
    assert document.offset_in_file >= 0 and document.article_index >= 0
    assert document.date_source in ("metadata", "cli", "inferred", "unknown")
    if document.published is not None:
        assert _ISO.match(document.published), document.published
        if len(document.published) == 10:
            date.fromisoformat(document.published)
        else:
            datetime.fromisoformat(document.published)


def _inside(start: int, end: int, length: int) -> bool:
    return 0 <= start <= end <= length


def check_analysis(document: Document, analysis: Analysis) -> None:
    """Offsets of everything ``analyze`` found lie in the text and in their paragraph."""
    text, length = document.text, len(document.text)
    cleaned = clean(text)
    paragraphs = document.paragraphs

    def paragraph_holds(index: int, start: int, end: int) -> bool:
        if not 0 <= index < len(paragraphs):
            return False
        return paragraphs[index].start <= start <= end <= paragraphs[index].end

    previous = 0
    for sentence in analysis.sentences:
        assert previous <= sentence.start < sentence.end <= length, sentence
        assert paragraph_holds(sentence.paragraph, sentence.start, sentence.end), sentence
        previous = sentence.end
    for mention in analysis.mentions:
        assert _inside(mention.start, mention.end, length), mention
        assert mention.start < mention.end, mention
        assert paragraph_holds(mention.paragraph, mention.start, mention.end), mention
    previous = 0
    for claim in analysis.claims:
        start, end = claim.start, claim.end
        assert _inside(start, end, length), claim
        assert start <= claim.content_start <= claim.content_end <= end, claim
        assert paragraph_holds(claim.paragraph, start, end), claim
        assert previous <= start, claim  # in text order
        previous = start
        if claim.speaker_start is not None or claim.speaker_end is not None:
            assert claim.speaker_start is not None and claim.speaker_end is not None, claim
            assert _inside(claim.speaker_start, claim.speaker_end, length), claim
    for found in analysis.dates:
        assert _inside(found.start, found.end, length) and found.start < found.end, found
        assert found.text in (text[found.start : found.end], cleaned[found.start : found.end])
        assert paragraph_holds(found.paragraph, found.start, found.end), found
        if found.value is not None:
            assert found.precision is not None, found
    for event in analysis.events:
        assert _inside(event.start, event.end, length), event
        assert event.text == text[event.start : event.end], event
        assert paragraph_holds(event.paragraph, event.start, event.end), event
        assert event.claim is None or 0 <= event.claim < len(analysis.claims), event
    for index, _ in analysis.terms:
        assert 0 <= index < len(paragraphs), analysis.terms


def gzipped(data: bytes) -> bytes:
    return gzip.compress(data, mtime=0)
