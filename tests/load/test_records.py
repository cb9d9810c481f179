"""Records with the user's own field names: field mapping, outlets, dates, warnings."""

from __future__ import annotations

import json
from datetime import datetime

import pytest

from newscorpus.errors import InputError
from newscorpus.load import Source, read_source
from newscorpus.load.documents import iso_date
from newscorpus.load.options import LoadOptions
from newscorpus.load.records import outlet_name
from newscorpus.models import Document

TEXT = "قال وزير الخارجية إن المملكة تدعم الحل السياسي في اليمن."

# The shape of a public corpus of Saudi newspapers: a JSON array per day.
SAUDI_DAY = [
    {"title": "عنوان", "content": TEXT, "date_extracted": "2015-08-11 13:44:43",
     "source": "aawsat", "category": "سياسة"},
    {"title": "عنوان ثان", "content": TEXT, "date_extracted": "2015-08-11 09:01:02",
     "source": "okaz", "tags": ["صحة", "جدة"]},
]  # fmt: skip


def _read(records: object, name: str = "day.json", **kwargs: object) -> list:
    data = json.dumps(records, ensure_ascii=False).encode()
    warnings: list[tuple[str, str]] = []
    items = list(
        read_source(
            Source.from_bytes(name, data),
            on_warning=lambda path, message: warnings.append((path, message)),
            **kwargs,  # type: ignore[arg-type]
        )
    )
    return [*items, *warnings]


def test_a_date_field_of_another_name_is_mapped_with_one_option() -> None:
    *documents, warning = _read(SAUDI_DAY)
    assert [d.published for d in documents] == [None, None]
    assert warning == (
        "day.json",
        "2 articles without a publication date, but field 'date_extracted' holds dates: "
        "use --field date=date_extracted",
    )
    options = LoadOptions().with_fields([("date", "date_extracted")])
    documents = _read(SAUDI_DAY, options=options)
    assert [(d.published, d.date_source) for d in documents] == [
        ("2015-08-11T13:44:43", "metadata"),
        ("2015-08-11T09:01:02", "metadata"),
    ]
    assert [d.outlet for d in documents] == ["الشرق الأوسط", "عكاظ"]
    assert documents[0].metadata == (("category", "سياسة"),)
    assert documents[1].metadata == (("tags", '["صحة", "جدة"]'),)


def test_every_role_can_be_renamed() -> None:
    record = {
        "headline": "عنوان", "story": TEXT, "when": "11/08/2015", "paper": "sabq",
        "link": "https://sabq.org/x", "article_id": "A-17", "text": "not the text",
    }  # fmt: skip
    options = LoadOptions().with_fields(
        [
            ("text", "story"),
            ("date", "when"),
            ("outlet", "paper"),
            ("title", "headline"),
            ("url", "link"),
            ("id", "article_id"),
        ]  # fmt: skip
    )
    (document,) = _read([record], options=options)
    assert isinstance(document, Document)
    assert (document.text, document.title, document.published, document.outlet) == (
        TEXT, "عنوان", "2015-08-11", "سبق",
    )  # fmt: skip
    assert (document.url, document.external_id) == ("https://sabq.org/x", "A-17")
    assert document.metadata == (("text", "not the text"),)


def test_a_mapped_field_that_is_missing_is_a_clear_failure() -> None:
    options = LoadOptions().with_fields([("text", "story")])
    (failure,) = _read([{"content": TEXT}], options=options)
    assert isinstance(failure, InputError)
    assert (failure.path, failure.reason) == (
        "day.json:item 1",
        "no article text (expected a field story; name yours with --field text=NAME)",
    )


def test_unreadable_dates_are_reported_once_per_file_with_an_example() -> None:
    records = [{"text": TEXT, "date": value} for value in ("منذ ساعتين", "2015-08-11", "غدا")]
    *documents, warning = _read(records, date="2020-01-01")
    assert [(d.published, d.date_source) for d in documents] == [
        ("2020-01-01", "cli"),
        ("2015-08-11", "metadata"),
        ("2020-01-01", "cli"),
    ]
    assert warning == (
        "day.json",
        "2 publication dates could not be read, e.g. 'منذ ساعتين'; give the layout with "
        '--date-format (e.g. "%d.%m.%Y")',
    )


def test_date_format_reads_what_no_built_in_layout_does() -> None:
    records = [{"text": TEXT, "date": "11.08.2015 / 13h44"}, {"text": TEXT, "date": "قريبا"}]
    options = LoadOptions(date_format="%d.%m.%Y / %Hh%M")
    document, undated, warning = _read(records, options=options)
    assert (document.published, undated.published) == ("2015-08-11T13:44:00", None)
    assert warning[1] == (
        "1 publication date could not be read, e.g. 'قريبا'; neither '%d.%m.%Y / %Hh%M' "
        "nor a built-in layout reads it"
    )


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2015-08-11", "2015-08-11"),
        ("2015-08-11 13:44:43", "2015-08-11T13:44:43"),
        ("2015-08-11T13:44:43Z", "2015-08-11T13:44:43+00:00"),
        ("2015-08-11T13:44:43+03:00", "2015-08-11T13:44:43+03:00"),
        ("11/08/2015", "2015-08-11"),
        ("Tue, 11 Aug 2015 13:44:43 +0300", "2015-08-11T13:44:43+03:00"),
        ("1439300683", "2015-08-11T13:44:43+00:00"),  # epoch seconds
        (1439300683000, "2015-08-11T13:44:43+00:00"),  # epoch milliseconds
        ("الثلاثاء 11 أغسطس 2015", "2015-08-11"),
        ("١١ أغسطس ٢٠١٥", "2015-08-11"),
        ("11 آب 2015", "2015-08-11"),
        ("٢٠١٥-٠٨-١١", "2015-08-11"),
        (datetime(2015, 8, 11, 13, 44, 43), "2015-08-11T13:44:43"),  # an Excel cell
        ("منذ ساعتين", None),
        ("", None),
        (True, None),
    ],
)
def test_dates_in_the_layouts_exports_use(value: object, expected: str | None) -> None:
    assert iso_date(value) == expected


@pytest.mark.parametrize(
    ("raw", "url", "overrides", "expected"),
    [
        ("aawsat", None, {}, "الشرق الأوسط"),
        ("OKAZ", None, {}, "عكاظ"),
        ("alarabiya.net", None, {}, "العربية"),
        ("https://www.alarabiya.net/", None, {}, "العربية"),
        ("bbc.com/arabic", None, {}, "بي بي سي عربي"),
        (None, "https://www.bbc.com/arabic/middleeast-123", {}, "بي بي سي عربي"),
        ("okaz", None, {"okaz": "صحيفة عكاظ"}, "صحيفة عكاظ"),  # newscorpus.toml [outlets]
        ("الإمارات اليوم", None, {}, "الإمارات اليوم"),  # a name stays as it is
        ("unknown-blog", None, {}, "unknown-blog"),
        (None, None, {}, None),
    ],
)
def test_outlet_codes_and_domains_become_names(
    raw: str | None, url: str | None, overrides: dict[str, str], expected: str | None
) -> None:
    assert outlet_name(raw, url, overrides) == expected
