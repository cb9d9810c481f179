"""CSV, TSV and Excel input: one article per row, encodings, bad rows, blank rows."""

from __future__ import annotations

import csv
import io
from datetime import datetime

import pytest

from newscorpus.errors import InputError
from newscorpus.load import Source, read_source
from newscorpus.load.options import LoadOptions
from newscorpus.models import Document

TEXT_1 = "قال الرئيس المصري عبد الفتاح السيسي إن مصر تدعم الاستقرار في المنطقة."
TEXT_2 = "أعلنت وزارة الصحة اليوم عن تسجيل حالات جديدة في جدة."
HEADER = ["headline", "body", "published", "site"]
ROWS = [
    ["خبر أول", TEXT_1, "2015-08-12 13:44:43", "alarabiya.net"],
    ["خبر ثان", TEXT_2, "12/08/2015", "okaz"],
]


def _csv_bytes(rows: list[list[str]], encoding: str, delimiter: str = ",") -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter)
    writer.writerow(HEADER)
    writer.writerows(rows)
    return out.getvalue().encode(encoding)


def _read(name: str, data: bytes, **kwargs: object) -> list[Document | InputError]:
    return list(read_source(Source.from_bytes(name, data), **kwargs))  # type: ignore[arg-type]


def _summary(items: list[Document | InputError]) -> list[tuple[str | None, ...]]:
    return [
        (d.title, d.published, d.outlet, d.text[:12]) if isinstance(d, Document) else (d.path,)
        for d in items
    ]


EXPECTED = [
    ("خبر أول", "2015-08-12T13:44:43", "العربية", TEXT_1[:12]),
    ("خبر ثان", "2015-08-12", "عكاظ", TEXT_2[:12]),
]


@pytest.mark.parametrize(
    ("name", "encoding", "delimiter"),
    [
        ("export.csv", "utf-8-sig", ","),  # what Excel writes: UTF-8 with a BOM
        ("export.csv", "utf-8", ","),
        ("export.csv", "cp1256", ","),  # Windows Arabic
        ("export.csv", "utf-16", ","),
        ("export.csv", "utf-8", ";"),  # European spreadsheet settings
        ("export.tsv", "utf-8", "\t"),
    ],
)
def test_csv_in_the_encodings_exports_use(name: str, encoding: str, delimiter: str) -> None:
    items = _read(name, _csv_bytes(ROWS, encoding, delimiter))
    assert _summary(items) == EXPECTED
    first = items[0]
    assert isinstance(first, Document)
    assert first.encoding == encoding  # detected, and stored with the document


def test_header_names_are_the_columns_not_a_body_of_text() -> None:
    (document, _) = _read("export.csv", _csv_bytes(ROWS, "utf-8"))
    assert isinstance(document, Document)
    assert "headline" not in document.text and document.text == TEXT_1
    assert [p.kind for p in document.paragraphs] == ["body"]


def test_bad_rows_are_reported_by_number_and_the_rest_loads() -> None:
    rows = [
        ROWS[0],
        ["بلا نص", "", "2015-08-12", "okaz"],  # row 3: empty text
        ["x", TEXT_2, "2015-08-12", "okaz", "one field too many"],  # row 4
        [],  # a blank line: skipped quietly
        ["خبر ثالث", "نص \nعلى سطرين في خلية واحدة.", "2015-08-13", ""],  # row 5, quoted newline
        ROWS[1],  # row 6
    ]
    items = _read("export.csv", _csv_bytes(rows, "utf-8"))
    failures = [(i.path, i.reason) for i in items if isinstance(i, InputError)]
    assert failures == [
        ("export.csv:row 3", "no article text (field 'body' is empty)"),
        ("export.csv:row 4", "expected 4 fields, saw 5; row skipped"),
    ]
    titles = [d.title for d in items if isinstance(d, Document)]
    assert titles == ["خبر أول", "خبر ثالث", "خبر ثان"]
    assert [d.article_index for d in items if isinstance(d, Document)] == [0, 1, 2]


def test_a_table_without_a_text_column_says_how_to_name_it() -> None:
    data = "headline,story\nعنوان,نص الخبر\n".encode()
    (failure, last) = _read("export.csv", data)
    assert isinstance(failure, InputError)
    assert failure.path == "export.csv:row 2"
    assert "--field text=NAME" in failure.reason
    assert isinstance(last, InputError) and last.reason == "no article rows found"
    (document,) = _read("export.csv", data, options=LoadOptions().with_fields([("text", "story")]))
    assert isinstance(document, Document) and document.text == "نص الخبر"
    assert document.metadata == ()  # headline is the title


def test_unmapped_columns_are_metadata() -> None:
    data = "title,text,category,author\nعنوان,نص الخبر,سياسة,\n".encode()
    (document,) = _read("export.csv", data)
    assert isinstance(document, Document)
    assert document.metadata == (("category", "سياسة"),)  # empty cells are not kept


def test_input_format_csv_reads_a_file_with_another_name() -> None:
    items = _read("export.txt", _csv_bytes(ROWS, "utf-8"), input_format="csv")
    assert _summary(items) == EXPECTED


def _xlsx(rows: list[list[object]], sheets: int = 1) -> bytes:
    from openpyxl import Workbook

    workbook = Workbook()
    for number in range(sheets):
        sheet = workbook.active if number == 0 else workbook.create_sheet(f"day{number + 1}")
        if number == 0:
            sheet.title = "day1"
        sheet.append(HEADER)
        for row in rows:
            sheet.append(row)
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def test_xlsx_rows_with_typed_cells() -> None:
    rows: list[list[object]] = [
        ["خبر أول", TEXT_1, datetime(2015, 8, 12, 13, 44, 43), "alarabiya.net"],
        [None, None, None, None],  # blank row
        ["خبر ثان", TEXT_2, "12/08/2015", "okaz"],
        ["بلا نص", None, 42, "okaz"],
    ]
    items = _read("export.xlsx", _xlsx(rows))
    assert _summary(items) == [*EXPECTED, ("export.xlsx:row 5",)]
    assert items[0].encoding == "xlsx"  # type: ignore[union-attr]


def test_xlsx_sheets_all_load_and_rows_name_their_sheet() -> None:
    rows: list[list[object]] = [["خبر", None, "2015-08-12", "okaz"]]
    items = _read("export.xlsx", _xlsx(rows, sheets=2))
    assert [i.path for i in items if isinstance(i, InputError)] == [
        "export.xlsx:sheet day1 row 2",
        "export.xlsx:sheet day2 row 2",
        "export.xlsx",
    ]


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("old.xls", b"\xd0\xcf\x11\xe0 an old .xls", "not an .xlsx workbook"),
        ("broken.xlsx", b"PK\x03\x04 not really a zip", "not a readable .xlsx workbook"),
        ("empty.csv", b"", "empty file"),
    ],
)
def test_unreadable_tables_fail_with_one_clear_reason(name: str, data: bytes, reason: str) -> None:
    (failure,) = _read(name, data)
    assert isinstance(failure, InputError)
    assert failure.path == name and failure.reason.startswith(reason), failure.reason


def _damaged(workbook: bytes, member: bytes, *, method: int = 8, flags: int = 0) -> bytes:
    """The workbook with ``member``'s compression method and flags changed in the central
    directory (what a damaged or exotic zip writer leaves)."""
    data = bytearray(workbook)
    at = data.find(b"PK\x01\x02")
    while at >= 0:
        name_length = int.from_bytes(data[at + 28 : at + 30], "little")
        if data[at + 46 : at + 46 + name_length] == member:
            data[at + 10 : at + 12] = method.to_bytes(2, "little")
            data[at + 8] |= flags
        at = data.find(b"PK\x01\x02", at + 4)
    return bytes(data)


@pytest.mark.parametrize("damage", ["surrogate", "compression", "encrypted"])
def test_damaged_workbooks_fail_with_one_line_and_keep_the_rows_before(damage: str) -> None:
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.append(HEADER)
    sheet.append(ROWS[0])
    if damage == "surrogate":
        sheet.append(["خبر", "قال \ud800", "2015-08-12", "okaz"])  # a lone surrogate
    out = io.BytesIO()
    workbook.save(out)
    data = out.getvalue()
    if damage == "compression":
        data = _damaged(data, b"xl/workbook.xml", method=99)
    elif damage == "encrypted":
        data = _damaged(data, b"xl/workbook.xml", flags=1)
    items = _read("export.xlsx", data)
    errors = [i for i in items if isinstance(i, InputError)]
    assert len(errors) == 1 and errors[0].path == "export.xlsx"
    assert "workbook" in errors[0].reason
    if damage == "surrogate":
        assert [d.title for d in items if isinstance(d, Document)] == ["خبر أول"]
