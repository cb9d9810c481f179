"""analyze on long documents: windows that keep offsets, and results that add up."""

from __future__ import annotations

from pathlib import Path

from newscorpus.load import Source, read_source
from newscorpus.models import Document, Paragraph
from newscorpus.pipeline import LONG_DOCUMENT, WINDOW_CHARS, analysis_windows, analyze

SEEDS = Path(__file__).resolve().parents[1] / "seeds"
SENTENCE = "قال الرئيس الروسي فلاديمير بوتين إن بلاده لن تتراجع عن موقفها في أوكرانيا. "


def _one_paragraph(copies: int) -> Document:
    """What a careless export gives: one article, one line, no blank lines."""
    data = ("خبر طويل\n\n" + SENTENCE * copies).encode()
    (document,) = read_source(Source.from_bytes("long.txt", data))
    assert isinstance(document, Document)
    return document


def test_a_long_paragraph_is_cut_after_a_sentence_and_keeps_its_index() -> None:
    text = SENTENCE * 400
    windows = analysis_windows(text, [Paragraph(3, 0, len(text), "body")])
    pieces = [p for window in windows for p in window]
    assert len(pieces) > 2
    assert all(p.index == 3 and p.end - p.start <= WINDOW_CHARS for p in pieces)
    assert [p.start for p in pieces[1:]] == [p.end for p in pieces[:-1]]  # nothing lost
    assert pieces[0].start == 0 and pieces[-1].end == len(text)
    assert all(text[p.end - 2 : p.end] == ". " for p in pieces[:-1])


def test_a_word_longer_than_a_window_is_cut_anyway() -> None:
    text = "ب" * (3 * WINDOW_CHARS)
    pieces = [p for w in analysis_windows(text, [Paragraph(0, 0, len(text), "body")]) for p in w]
    assert [p.end - p.start for p in pieces] == [WINDOW_CHARS] * 3


def test_long_documents_are_analyzed_in_windows_with_offsets_into_the_text() -> None:
    short, long = _one_paragraph(20), _one_paragraph(1500)
    assert len(short.text) < LONG_DOCUMENT < len(long.text)
    one, many = analyze(short), analyze(long)
    text = long.text
    assert all(text[m.start : m.end] == m.text for m in many.mentions)
    assert all(0 <= c.start <= c.content_start <= c.content_end <= c.end <= len(text)
               for c in many.claims)  # fmt: skip
    assert all(e.claim is None or e.claim < len(many.claims) for e in many.events)
    assert len({index for index, _terms in many.terms}) == len(many.terms)  # one row each
    # Windows lose only what links them: per copy, about what a short document finds.
    assert abs(len(many.mentions) / 1500 - len(one.mentions) / 20) < 0.1 * len(one.mentions) / 20
    assert abs(len(many.claims) / 1500 - len(one.claims) / 20) < 0.1 * len(one.claims) / 20


def test_documents_below_the_threshold_are_analyzed_whole() -> None:
    seed = next(SEEDS.iterdir())
    for document in read_source(Source.from_bytes(seed.name, seed.read_bytes())):
        assert isinstance(document, Document) and len(document.text) < LONG_DOCUMENT
        assert analyze(document).mentions


def test_many_documents_analyzed_together_give_each_ones_own_analysis() -> None:
    """The CRF tags a batch's documents in one go; nothing of one leaks into another, and a
    long document (windows) or an empty one among them changes nothing."""
    from newscorpus.pipeline import analyze_many

    documents: list[Document] = []
    for path in sorted(SEEDS.glob("*.txt")):
        documents += read_source(Source.from_bytes(path.name, path.read_bytes()))
    long_document = _one_paragraph(LONG_DOCUMENT // len(SENTENCE) + 10)
    empty = Document(text="…", paragraphs=(Paragraph(0, 0, 1, "body"),), path="empty.txt")
    batch = [documents[0], long_document, *documents[1:], empty]
    together = analyze_many(batch)
    assert together == [analyze(document) for document in batch]
    assert sum(len(a.mentions) for a in together) > 100
