"""newscorpus check: exit 0 and every check ok on a sound store; exit 1 naming the damage."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newscorpus.cli import app

runner = CliRunner()


@pytest.fixture
def store_copy(seeded_db: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "copy.db"
    with sqlite3.connect(seeded_db) as db:
        db.execute("VACUUM INTO ?", (str(copy),))
    return copy


def _run(db: Path, *args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, ["check", "--db", str(db), *args])
    return result.exit_code, result.stdout, result.stderr


def test_a_sound_store_passes(store_copy: Path) -> None:
    code, out, err = _run(store_copy)
    assert code == 0, err
    lines = [line for line in out.splitlines() if "│" in line]
    assert len(lines) >= 25 and all(" ok " in line for line in lines[1:])
    assert "FAIL" not in out
    assert err.startswith("ok: ") and "checks passed" in err


def test_json_is_one_report(store_copy: Path) -> None:
    code, out, _ = _run(store_copy, "--json")
    assert code == 0
    report = json.loads(out)
    assert report["ok"] is True and report["database"] == str(store_copy)
    assert {c["status"] for c in report["checks"]} == {"ok"}
    assert set(report["checks"][0]) == {
        "check", "status", "problems", "examples", "description", "note"
    }  # fmt: skip


def test_damage_exits_1_with_the_failed_checks_and_examples(store_copy: Path) -> None:
    db = sqlite3.connect(store_copy, isolation_level=None)
    db.execute("PRAGMA foreign_keys=OFF")
    indexed = db.execute("SELECT count(*) FROM search_index WHERE rowid >> 20 = 2").fetchone()[0]
    db.execute("DELETE FROM documents WHERE id = 2")
    db.execute("UPDATE actors SET documents = documents + 1 WHERE id = 1")
    db.execute("INSERT INTO search_index (rowid, terms) VALUES ((999 << 20) | 3, 'كلمة')")
    db.close()
    code, out, err = _run(store_copy, "--format", "ndjson", "--examples", "2")
    assert code == 1
    failed = {r["check"]: r for r in map(json.loads, out.splitlines()) if r["status"] == "FAIL"}
    assert {"mentions: documents", "actors: counts", "search index: paragraphs"} <= set(failed)
    assert failed["search index: paragraphs"]["problems"] == indexed + 1
    assert failed["search index: paragraphs"]["examples"] == [
        f"search index row {2 << 20 | 0} (document 2, paragraph 0): no such document",
        f"search index row {2 << 20 | 1} (document 2, paragraph 1): no such document",
    ]
    assert len(failed["mentions: documents"]["examples"]) == 2
    assert err.startswith(f"FAIL: {len(failed)} of ")
    assert "actors: counts" in err

    code, out, _ = _run(store_copy)  # the table says so too
    assert code == 1
    assert any("FAIL" in line and "actors: counts" in line for line in out.splitlines())


def test_a_file_that_is_not_a_database_is_an_error(tmp_path: Path) -> None:
    bogus = tmp_path / "notes.db"
    bogus.write_text("not sqlite\n" * 100, encoding="utf-8")
    code, out, err = _run(bogus)
    assert code == 1 and out == ""
    assert err.startswith("Error: ") and "not a newscorpus database" in err
