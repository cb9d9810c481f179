import io
import json

import pytest

from newscorpus.render import emit, emit_record, safe_text, trim


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("قال بوتين\x1b[31m إن", "قال بوتين[31m إن"),  # ESC removed: no colours from articles
        ("كيم\u202eجونغ", "كيمجونغ"),  # bidi override removed
        ("سطر\nآخر", "سطر آخر"),
        ("\x9bCSI", "CSI"),
    ],
)
def test_safe_text_strips_terminal_controls(text: str, expected: str) -> None:
    assert safe_text(text) == expected


def test_trim_keeps_short_text_and_marks_cut_text() -> None:
    assert trim("بيونغ يانغ", 20) == "بيونغ يانغ"
    assert trim("الرئيس الروسي فلاديمير بوتين", 10).endswith("…")
    assert len(trim("الرئيس الروسي فلاديمير بوتين", 10)) <= 10


ROWS = [
    {"name": "كيم جونغ أون", "mentions": 3, "aliases": ["كيم", "كيم جونغ أون"]},
    {"name": "موسكو", "mentions": 1, "aliases": []},
]


def test_json_is_one_array_with_arabic_unescaped() -> None:
    out = io.StringIO()
    assert emit(ROWS, "json", out=out) == 2
    assert json.loads(out.getvalue()) == ROWS
    assert "كيم جونغ أون" in out.getvalue() and "\\u" not in out.getvalue()


def test_json_of_nothing_is_an_empty_array() -> None:
    out = io.StringIO()
    emit([], "json", out=out)
    assert json.loads(out.getvalue()) == []


def test_ndjson_is_one_object_a_line() -> None:
    out = io.StringIO()
    emit(iter(ROWS), "ndjson", out=out)
    assert [json.loads(line) for line in out.getvalue().splitlines()] == ROWS


def test_json_escapes_c1_controls_but_keeps_them_as_data() -> None:
    out = io.StringIO()
    emit([{"text": "a\x9bb"}], "json", out=out)
    assert "\x9b" not in out.getvalue()
    assert json.loads(out.getvalue()) == [{"text": "a\x9bb"}]


def test_csv_has_a_header_and_joins_lists() -> None:
    out = io.StringIO()
    emit(ROWS, "csv", columns=["name", "aliases"], out=out)
    lines = out.getvalue().splitlines()
    assert lines[0] == "name,aliases"
    assert lines[1] == "كيم جونغ أون,كيم، كيم جونغ أون"


def test_table_shows_columns_and_trims_cells() -> None:
    out = io.StringIO()
    emit([{"content": "ك" * 300, "kind": "direct"}], "table", widths={"content": 40}, out=out)
    shown = out.getvalue()
    assert "kind" in shown and "direct" in shown
    assert "ك" * 60 not in shown


def test_record_in_json_is_one_object() -> None:
    out = io.StringIO()
    emit_record({"id": 1, "paragraphs": [{"index": 0, "kind": "body"}]}, "json", out=out)
    assert json.loads(out.getvalue()) == {"id": 1, "paragraphs": [{"index": 0, "kind": "body"}]}


@pytest.mark.parametrize(
    ("values", "width", "expected"),
    [
        ([0, 1, 4, 8], 60, " ▁▄█"),
        ([0, 0], 60, "  "),
        ([], 60, ""),
        ([1, 9, 0, 0, 2, 2], 3, "█ ▂"),  # squeezed: each cell the largest it covers
    ],
)
def test_sparkline(values: list[int], width: int, expected: str) -> None:
    from newscorpus.render import sparkline

    assert sparkline(values, width) == expected
