"""Properties of ``analyze`` (actors, claims, dates, events) on generated documents.

Documents are built the way the loader builds them (``build_documents`` on generated text,
``read_source`` on generated pages); ``analyze`` must never raise, every span it returns
lies in the text and in its paragraph, and the result survives pickling (workers send it).
"""

from __future__ import annotations

import pickle

from fuzz_support import (
    arabic_text,
    articles,
    check_analysis,
    check_document,
    fuzz_settings,
    seed_excerpt,
)
from fuzz_support import render as render_file
from hypothesis import given
from hypothesis import strategies as st

from newscorpus.arabic import clean
from newscorpus.load import Source, read_source
from newscorpus.load.documents import build_documents
from newscorpus.models import Document
from newscorpus.pipeline import analyze

_CUES = (
    "وقال الرئيس الروسي فلاديمير بوتين إن ",
    "وأضاف: «",
    "» ",
    "بحسب وكالة الأنباء الروسية، ",
    "نقلت وكالة رويترز عن مسؤول قوله إن ",
    "كيم: ",
    "يوم الجمعة الماضي ",
    "في 21 نوفمبر 2024 ",
    "عام ١٤٤٥ هـ ",
    "في التسعينيات ",
    "أمس ",
    "وأكدت وزارة الخارجية الأمريكية أن ",
)


def _check(document: Document) -> None:
    check_document(document)
    analysis = analyze(document, keep_tokens=True)
    check_analysis(document, analysis)
    cleaned = clean(document.text)
    for claim in analysis.claims:
        assert claim.content == cleaned[claim.content_start : claim.content_end], claim
    for mention in analysis.mentions:
        # The surface as written, or as cleaned (a bidi mark inside a name is a space there).
        assert mention.text in (
            document.text[mention.start : mention.end],
            cleaned[mention.start : mention.end],
        ), mention
    assert pickle.loads(pickle.dumps(analysis)) == analysis


@st.composite
def _cued_text(draw: st.DrawFn) -> str:
    """Generated text with claim cues, quotes and date expressions sprinkled in."""
    pieces = draw(st.lists(st.one_of(arabic_text, st.sampled_from(_CUES)), min_size=1, max_size=8))
    return "".join(pieces)


@given(st.one_of(arabic_text, _cued_text()), st.sampled_from([None, "2024-11-22"]))
@fuzz_settings(400)
def test_analyze_text_documents(text: str, cli_date: str | None) -> None:
    for document in build_documents(
        text, path="article.txt", encoding="utf-8", split=True, cli_date=cli_date
    ):
        _check(document)


@given(articles, st.sampled_from(["html", "trec", "jsonl"]))
@fuzz_settings(100)
def test_analyze_loaded_documents(items: list, fmt: str) -> None:
    content = render_file(fmt, items)
    assert isinstance(content, str)
    name = {"html": "page.html", "trec": "docs.xml", "jsonl": "articles.jsonl"}[fmt]
    for item in read_source(Source.from_bytes(name, content.encode("utf-8"))):
        if isinstance(item, Document):
            _check(item)


@given(st.lists(st.one_of(seed_excerpt, _cued_text()), min_size=4, max_size=8), st.data())
@fuzz_settings(4)
def test_analyze_long_documents_in_windows(pieces: list[str], data: st.DataObject) -> None:
    """Past 50,000 characters ``analyze`` works in windows: offsets stay whole-text ones."""
    text = "\n\n".join(pieces)
    text = (text + "\n\n") * (60_000 // len(text) + 1)
    if data.draw(st.booleans()):
        text = text.replace("\n\n", " ")  # one paragraph, cut after a sentence's end
    (document,) = build_documents(text, path="long.txt", encoding="utf-8", split=False)
    assert len(document.text) > 50_000
    _check(document)
