"""newscorpus export: exit codes, what goes to stdout and stderr, and which files appear."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from newscorpus.cli import app

runner = CliRunner()
TABLES = ["documents", "paragraphs", "actors", "mentions", "claims", "dates", "events"]


def _export(db: Path, *args: str) -> object:
    return runner.invoke(app, ["export", *args, "--db", str(db)])


def test_export_writes_every_table_and_prints_a_summary(seeded_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "new" / "folder"
    result = _export(seeded_db, str(out))
    assert result.exit_code == 0, result.stderr
    assert result.stderr == ""
    assert sorted(p.name for p in out.iterdir()) == sorted(f"{t}.parquet" for t in TABLES)
    shown = result.stdout
    assert shown.startswith("parquet files in") and str(out) in "".join(shown.split())
    for table in TABLES:
        assert f"│ {table} " in shown and f"│ {table}.parquet " in shown
    documents = next(line for line in shown.splitlines() if "│ documents " in line)
    assert documents.split("│")[2].strip() == "7" and documents.split("│")[4].strip()[-2:] == "kB"


def test_csv_of_chosen_tables(seeded_db: Path, tmp_path: Path) -> None:
    result = _export(seeded_db, str(tmp_path), "--format", "csv", "--tables", "claims, actors")
    assert result.exit_code == 0, result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["actors.csv", "claims.csv"]


def test_an_earlier_export_needs_force_and_other_files_stay(
    seeded_db: Path, tmp_path: Path
) -> None:
    mine = tmp_path / "actors.xlsx"
    mine.write_bytes(b"not ours")
    assert _export(seeded_db, str(tmp_path), "-t", "actors").exit_code == 0
    again = _export(seeded_db, str(tmp_path), "-t", "actors")
    assert again.exit_code == 1 and again.stdout == ""
    assert again.stderr.startswith("Error: ") and "--force" in again.stderr
    assert again.stderr.count("\n") == 1
    forced = _export(seeded_db, str(tmp_path), "-t", "actors", "--force")
    assert forced.exit_code == 0, forced.stderr
    assert mine.read_bytes() == b"not ours"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["actors.parquet", "actors.xlsx"]


@pytest.mark.parametrize("inside", [False, True], ids=["a file", "inside a file"])
def test_a_bad_folder_is_one_error_line(seeded_db: Path, tmp_path: Path, inside: bool) -> None:
    target = tmp_path / "report.csv"
    target.write_text("x", encoding="utf-8")
    result = _export(seeded_db, str(target / "out" if inside else target))
    assert result.exit_code == 1 and result.stdout == ""
    assert result.stderr.startswith("Error: ") and str(target) in result.stderr
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr


@pytest.mark.parametrize(
    "options", [["--tables", "people"], ["--format", "xlsx"], ["--tables", ","]]
)
def test_misuse_exits_2(seeded_db: Path, tmp_path: Path, options: list[str]) -> None:
    result = _export(seeded_db, str(tmp_path / "out"), *options)
    assert result.exit_code == 2 and result.stdout == ""
    assert not (tmp_path / "out").exists()


def test_without_a_database_nothing_is_created(db_path: Path, tmp_path: Path) -> None:
    result = runner.invoke(app, ["export", str(tmp_path / "out")])
    assert result.exit_code == 1 and "newscorpus ingest" in result.stderr
    assert not (tmp_path / "out").exists() and not db_path.exists()
