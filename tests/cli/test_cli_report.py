"""newscorpus report: the file written, the summary, and clear errors."""

from __future__ import annotations

import re
from pathlib import Path

from typer.testing import CliRunner

from newscorpus.cli import app
from newscorpus.report import read_data

runner = CliRunner()


def _run(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_report_writes_one_page_and_says_what_is_in_it(seeded_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "seeds.html"
    code, stdout, stderr = _run("report", "--db", str(seeded_db), "-o", str(out), "--top", "5")
    assert code == 0, stderr
    assert stderr == ""
    page = out.read_text("utf-8")
    assert page.startswith('<!DOCTYPE html>\n<html lang="ar" dir="rtl">')
    assert "seeds.html" in stdout
    assert re.search(r"articles\s+7\b", stdout) and re.search(r"speakers\s+5\b", stdout)
    data = read_data(page)
    assert data["title"] == "تقرير المدونة"
    assert len(data["actors"]) == 15  # type: ignore[arg-type]
    assert "content=\"default-src 'none';" in page  # the page may fetch nothing


def test_title_and_scope_options(seeded_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "r.html"
    code, _, stderr = _run(
        "report", "--db", str(seeded_db), "-o", str(out), "--title", "كوريا <b>والعالم</b>",
        "--since", "2024", "--actor", "كيم",
    )  # fmt: skip
    assert code == 0, stderr
    page = out.read_text("utf-8")
    assert "<title>كوريا &lt;b&gt;والعالم&lt;/b&gt;</title>" in page
    data = read_data(page)
    assert data["filters"] == [
        {"option": "--actor", "value": "كيم"}, {"option": "--since", "value": "2024"},
    ]  # fmt: skip
    assert data["overview"]["documents"] == 1  # type: ignore[index]


def test_bad_input_is_one_clear_line(seeded_db: Path, tmp_path: Path) -> None:
    code, stdout, stderr = _run("report", "--db", str(seeded_db), "-o", str(tmp_path / "r.html"),
                                "--actor", "لا أحد")  # fmt: skip
    assert (code, stdout) == (1, "")
    assert stderr == "Error: no actor called 'لا أحد'; `newscorpus actors` lists them\n"
    assert not (tmp_path / "r.html").exists()

    code, _, stderr = _run("report", "--db", str(seeded_db), "-o", str(tmp_path / "no" / "r.html"))
    assert code == 1
    assert stderr == f"Error: {tmp_path / 'no' / 'r.html'}: no such folder: {tmp_path / 'no'}\n"

    code, _, stderr = _run("report", "--db", str(tmp_path / "missing.db"))
    assert code == 1 and stderr.startswith("Error: ") and stderr.count("\n") == 1

    code, _, stderr = _run("report", "--db", str(seeded_db), "--since", "2024/01")
    assert code == 2 and "YYYY" in stderr


def test_an_earlier_report_is_replaced_whole(seeded_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "r.html"
    out.write_text("old", "utf-8")
    assert _run("report", "--db", str(seeded_db), "-o", str(out))[0] == 0
    assert out.read_text("utf-8").startswith("<!DOCTYPE html>")
    assert [p.name for p in tmp_path.iterdir()] == ["r.html"]  # no temporary file left
