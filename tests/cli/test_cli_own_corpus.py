"""Bringing your own corpus: a JSON array export, a spreadsheet, and newscorpus.toml."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from newscorpus.cli import app

runner = CliRunner()

TEXT = "قال وزير الخارجية إن المملكة تدعم الحل السياسي في اليمن."
DAY = [
    {"title": "عنوان", "content": TEXT, "date_extracted": "2015-08-11 13:44:43",
     "source": "aawsat", "category": "سياسة"},
    {"title": "عنوان ثان", "content": TEXT, "date_extracted": "2015-08-12 09:01:02",
     "source": "okaz"},
    {"title": "بلا نص", "content": "", "date_extracted": "2015-08-12", "source": "sabq"},
]  # fmt: skip


def _corpus(folder: Path) -> Path:
    folder.mkdir()
    (folder / "2015-08-11.json").write_text(json.dumps(DAY, ensure_ascii=False), "utf-8")
    return folder


def _stats(db: Path) -> dict:
    result = runner.invoke(app, ["stats", "--db", str(db), "--json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_json_array_gets_its_dates_with_one_field_option(tmp_path: Path) -> None:
    corpus, db = _corpus(tmp_path / "dataset"), tmp_path / "a.db"
    result = runner.invoke(app, ["ingest", str(corpus), "--db", str(db)])
    assert result.exit_code == 1  # the article without text
    assert "failed: " in result.stderr and ":item 3: no article text" in result.stderr
    assert "use --field date=date_extracted" in result.stderr
    assert _stats(db)["publication_dates"] == {"unknown": 2}

    db = tmp_path / "b.db"
    result = runner.invoke(
        app, ["ingest", str(corpus), "--db", str(db), "--field", "date=date_extracted", "--json"]
    )
    assert result.exit_code == 1
    assert "warning:" not in result.stderr
    summary = json.loads(result.stdout)
    assert (summary["articles"], summary["files_failed"]) == (2, 1)
    assert _stats(db)["publication_dates"] == {"metadata": 2}
    listed = runner.invoke(app, ["documents", "--db", str(db), "--json"])
    rows = json.loads(listed.stdout)
    assert [(r["published"], r["outlet"]) for r in rows] == [
        ("2015-08-11T13:44:43", "الشرق الأوسط"),
        ("2015-08-12T09:01:02", "عكاظ"),
    ]
    shown = runner.invoke(app, ["show", "1", "--db", str(db)])
    assert shown.exit_code == 0
    assert "metadata" in shown.stdout and "category" in shown.stdout and "سياسة" in shown.stdout


def test_newscorpus_toml_beside_the_corpus_is_used(tmp_path: Path) -> None:
    corpus, db = _corpus(tmp_path / "dataset"), tmp_path / "c.db"
    (corpus / "newscorpus.toml").write_text(
        '[fields]\ndate = "date_extracted"\n\n[outlets]\nokaz = "صحيفة عكاظ"\n', "utf-8"
    )
    result = runner.invoke(app, ["ingest", str(corpus), "--db", str(db), "--json"])
    summary = json.loads(result.stdout)
    assert summary["config"] == str(corpus / "newscorpus.toml")
    assert summary["articles"] == 2  # the config file itself is not an article
    assert _stats(db)["publication_dates"] == {"metadata": 2}
    rows = json.loads(runner.invoke(app, ["documents", "--db", str(db), "--json"]).stdout)
    assert [r["outlet"] for r in rows] == ["الشرق الأوسط", "صحيفة عكاظ"]


def test_a_bad_config_is_one_line_and_stores_nothing(tmp_path: Path) -> None:
    corpus, db = _corpus(tmp_path / "dataset"), tmp_path / "d.db"
    (corpus / "newscorpus.toml").write_text("[fields]\npublished = 'date'\n", "utf-8")
    result = runner.invoke(app, ["ingest", str(corpus), "--db", str(db)])
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr.strip().count("\n") == 0
    assert result.stderr.startswith(f"Error: {corpus / 'newscorpus.toml'}: unknown field role")


def test_bad_field_option_is_a_usage_error(tmp_path: Path) -> None:
    result = runner.invoke(app, ["ingest", str(tmp_path), "--field", "published=date"])
    assert result.exit_code == 2
    assert "ROLE=FIELD" in result.stderr


def test_spreadsheet_with_a_bom(tmp_path: Path) -> None:
    sheet, db = tmp_path / "export.csv", tmp_path / "e.db"
    sheet.write_bytes(
        "\ufeffheadline,body,published,site\r\n"
        f'عنوان,"{TEXT}",12/08/2015,alarabiya.net\r\n'
        "بلا نص,,12/08/2015,okaz\r\n".encode()
    )
    result = runner.invoke(app, ["ingest", str(sheet), "--db", str(db), "--json"])
    assert result.exit_code == 1
    assert result.stderr.strip() == (
        f"failed: {sheet}:row 3: no article text (field 'body' is empty)"
    )
    assert json.loads(result.stdout)["articles"] == 1
    rows = json.loads(runner.invoke(app, ["documents", "--db", str(db), "--json"]).stdout)
    assert [(r["title"], r["published"], r["outlet"]) for r in rows] == [
        ("عنوان", "2015-08-12", "العربية")
    ]
