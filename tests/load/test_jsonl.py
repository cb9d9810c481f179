"""JSON Lines: field names, per-line errors, dates, and JSON arrays."""

from __future__ import annotations

import json

import pytest

from newscorpus.errors import InputError
from newscorpus.load import Source, read_source
from newscorpus.models import Document

# Seed 001, lines 5-6.
TEXT = (
    "تغييرات\n"
    "تاريخياً، تقلبت العلاقات بين روسيا وكوريا الشمالية بشكل كبير اعتماداً على المشهد الدولي."
)


def _read(lines: list[str], **options: str) -> list[Document | InputError]:
    data = ("\n".join(lines) + "\n").encode("utf-8")
    return list(read_source(Source.from_bytes("articles.jsonl", data), **options))


def _line(**fields: object) -> str:
    return json.dumps(fields, ensure_ascii=False)


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        (
            {
                "text": TEXT,
                "title": "مستقبل العلاقات",
                "date": "2024-10-20",
                "url": "https://x/1",
                "source": "الإمارات اليوم",
                "id": 7,
            },
            ("مستقبل العلاقات", "2024-10-20", "metadata", "https://x/1", "الإمارات اليوم", "7"),
        ),
        (
            {"content": TEXT, "published": "2024-10-20T08:30:00Z"},
            ("تغييرات", "2024-10-20T08:30:00+00:00", "metadata", None, None, None),
        ),
        (
            {"text": TEXT, "published": "Sun, 18 Feb 2018 20:50:44 GMT"},
            ("تغييرات", "2018-02-18T20:50:44+00:00", "metadata", None, None, None),
        ),
        ({"text": TEXT, "date": "not a date"}, ("تغييرات", "2023-05-01", "cli", None, None, None)),
        ({"text": TEXT}, ("تغييرات", "2023-05-01", "cli", None, None, None)),
    ],
)
def test_fields_become_metadata(fields: dict[str, object], expected: tuple) -> None:
    (document,) = _read([_line(**fields)], date="2023-05-01")
    assert isinstance(document, Document)
    got = (
        document.title,
        document.published,
        document.date_source,
        document.url,
        document.outlet,
        document.external_id,
    )
    assert got == expected
    assert document.text == TEXT
    assert [p.kind for p in document.paragraphs] == ["heading", "body"]


def test_broken_line_names_its_line_and_the_others_still_load() -> None:
    items = _read(
        [
            _line(text=TEXT, id="a"),
            '{"text": "نص مقطوع',
            "",
            "[1, 2]",
            _line(title="بلا نص"),
            _line(text=TEXT, id="b"),
        ]
    )
    errors = [item for item in items if isinstance(item, InputError)]
    assert [error.path for error in errors] == [
        "articles.jsonl:line 2",
        "articles.jsonl:line 4",
        "articles.jsonl:line 5",
    ]
    assert "invalid JSON" in errors[0].reason
    assert "no article text" in errors[2].reason
    documents = [item for item in items if isinstance(item, Document)]
    assert [d.external_id for d in documents] == ["a", "b"]
    assert [d.article_index for d in documents] == [0, 1]


def test_json_array_of_articles() -> None:
    data = json.dumps([{"text": TEXT, "id": 1}, {"text": TEXT, "id": 2}], ensure_ascii=False)
    items = list(read_source(Source.from_bytes("articles.json", data.encode("utf-8"))))
    assert [item.external_id for item in items if isinstance(item, Document)] == ["1", "2"]


def test_bad_cli_date_is_refused() -> None:
    with pytest.raises(InputError, match="YYYY-MM-DD"):
        _read([_line(text=TEXT)], date="20/10/2024")
