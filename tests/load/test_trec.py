"""TREC-style XML as in the ANT corpus: fields, several DOCs, sloppy markup, truncation."""

from __future__ import annotations

import pytest

from newscorpus.errors import InputError
from newscorpus.load import Source, read_source
from newscorpus.models import Document

# Shaped like ant-v2.1 SkyNews files; the text has an unescaped "&" and "<" as real files do.
TWO_DOCS = """<DOC>
<DOCNO>SK-economy-1-20180218</DOCNO>
<URL>https://www.skynewsarabia.com/web/article/1022914</URL>
<SRC>skynews</SRC>
<CAT>economy</CAT>
<TITLE>أدنوك تبرم اتفاقية امتياز جديدة مع "سيبسا" الإسبانية</TITLE>
<TIME>Sun, 18 Feb 2018 12:26:59 GMT</TIME>
<AUTHOR>أبوظبي - سكاي نيوز عربية</AUTHOR>
<ABSTRACT>
وقعت شركة بترول أبوظبي الوطنية "أدنوك" اتفاقية مع شركة "سيبسا" الإسبانية.
</ABSTRACT>
<TEXT>
وقعت شركة بترول أبوظبي الوطنية "أدنوك" اتفاقية مع شركة "سيبسا" الإسبانية للنفط والغاز.
وتسري الاتفاقية لمدة 40 عاما، ويبدأ العمل بها في التاسع من مارس المقبل.
امتياز جديد
< وقالت شركة AT&T إن الاتفاقية تمثل نسبة 20 بالمئة من الامتياز الثاني.
</TEXT>
</DOC>
<DOC>
<DOCNO>AL-culture-1-20180218</DOCNO>
<TITLE>هكذا تحالفت أحلام وإليسا</TITLE>
<TIME>Sun, 18 Feb 2018 21:35:43 +0400</TIME>
<TEXT>
يبدو أن الصراع بين المدربين الأربعة في برنامج &quot;ذا فويس&quot; سيشهد تحدياً من نوع خاص.
</TEXT>
</DOC>
"""


def _read(text: str, name: str = "corpus.txt", **options: str) -> list[Document | InputError]:
    return list(read_source(Source.from_bytes(name, text.encode("utf-8")), **options))


def test_fields_become_metadata_and_text_is_the_text_element() -> None:
    first, second = _read(TWO_DOCS)
    assert isinstance(first, Document) and isinstance(second, Document)
    assert first.external_id == "SK-economy-1-20180218"
    assert first.url == "https://www.skynewsarabia.com/web/article/1022914"
    assert first.outlet == "skynews"
    assert first.title == 'أدنوك تبرم اتفاقية امتياز جديدة مع "سيبسا" الإسبانية'
    assert (first.published, first.date_source) == ("2018-02-18T12:26:59+00:00", "metadata")
    assert second.published == "2018-02-18T21:35:43+04:00"
    assert [first.article_index, second.article_index] == [0, 1]
    assert [first.paragraph_text(p) for p in first.paragraphs][2:] == [
        "امتياز جديد",
        "< وقالت شركة AT&T إن الاتفاقية تمثل نسبة 20 بالمئة من الامتياز الثاني.",
    ]
    assert [p.kind for p in first.paragraphs] == ["body", "body", "heading", "body"]
    assert TWO_DOCS[first.offset_in_file :].startswith(first.text)


def test_real_entities_are_decoded() -> None:
    second = _read(TWO_DOCS)[1]
    assert isinstance(second, Document)
    assert '"ذا فويس"' in second.text


def test_cli_date_does_not_override_metadata_date() -> None:
    first, _ = _read(TWO_DOCS, date="2020-01-01")
    assert isinstance(first, Document)
    assert (first.published, first.date_source) == ("2018-02-18T12:26:59+00:00", "metadata")


@pytest.mark.parametrize(
    ("text", "documents", "reason"),
    [
        ("<DOC>\n<DOCNO>X-1</DOCNO>\n<TITLE>عنوان", 0, "no text to recover"),
        (
            "<DOC>\n<DOCNO>X-1</DOCNO>\n<TEXT>\nوقعت شركة بترول أبوظبي الوطنية اتفاقية",
            1,
            "kept the text up to the cut",
        ),
        (TWO_DOCS + "<DOC>\n<DOCNO>X-3</DOCNO>\n<TEXT>\n", 2, "no text to recover"),
        ("<DOC>\n<DOCNO>X-1</DOCNO>\n<TEXT>\n\n</TEXT>\n</DOC>\n", 0, "no text in <TEXT>"),
    ],
)
def test_truncated_or_empty_docs(text: str, documents: int, reason: str) -> None:
    items = _read(text)
    assert sum(isinstance(item, Document) for item in items) == documents
    assert isinstance(items[-1], InputError)
    assert reason in items[-1].reason
    assert items[-1].path.startswith("corpus.txt")


def test_forcing_trec_on_a_plain_text_file_says_so() -> None:
    (error,) = _read("مجرد نص عادي.\n", input_format="trec")
    assert isinstance(error, InputError)
    assert "no <DOC> element" in error.reason


def test_a_doc_split_across_stream_chunks_is_found(monkeypatch: pytest.MonkeyPatch) -> None:
    from newscorpus.load import reader

    monkeypatch.setattr(reader, "HEAD_BYTES", 64)
    monkeypatch.setattr("newscorpus.load.decode.CHUNK_SIZE", 64)
    items = _read(TWO_DOCS * 3)
    assert [item.external_id for item in items if isinstance(item, Document)] == [
        "SK-economy-1-20180218",
        "AL-culture-1-20180218",
    ] * 3
    skynews = [item for item in items if isinstance(item, Document) and item.outlet]
    assert len(skynews) == 3
    assert all((TWO_DOCS * 3)[item.offset_in_file :].startswith(item.text) for item in skynews)
