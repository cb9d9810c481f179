"""``newscorpus curate`` and ``actor --why`` on the seeds: exit codes, stdout, stderr."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newscorpus.cli import app

runner = CliRunner()
SEEDS = Path(__file__).resolve().parents[2] / "seeds"


@pytest.fixture
def seeded(tmp_path: Path) -> Path:
    db = tmp_path / "seeds.db"
    result = runner.invoke(app, ["ingest", str(SEEDS), "--db", str(db), "--workers", "1"])
    assert result.exit_code == 0, result.stderr
    return db


def _actors(db: Path) -> dict[str, dict[str, object]]:
    result = runner.invoke(app, ["actors", "--top", "0", "--db", str(db), "--json"])
    assert result.exit_code == 0, result.stderr
    return {row["name"]: row for row in json.loads(result.stdout)}


def test_curation_commands_change_every_listing_at_once(seeded: Path, tmp_path: Path) -> None:
    db = ["--db", str(seeded)]
    done = runner.invoke(app, ["curate", "merge", "كوريا الشمالية", "بيونغ يانغ", *db])
    assert done.exit_code == 0 and done.stdout == ""
    assert "merge كوريا الشمالية بيونغ يانغ (decision #1)" in done.stderr
    assert runner.invoke(app, ["curate", "rename", "ترمب", "الرئيس ترامب", *db]).exit_code == 0
    assert runner.invoke(app, ["curate", "drop", "شبه الجزيرة الكورية", *db]).exit_code == 0
    names = _actors(seeded)
    assert "بيونغ يانغ" not in names and "شبه الجزيرة الكورية" not in names
    assert "الرئيس ترامب" in names and "دونالد ترامب" not in names
    listed = runner.invoke(app, ["curate", "list", *db, "--format", "csv"])
    assert listed.stdout.splitlines()[0] == "id,action,name,value,type,created_at"
    assert len(listed.stdout.splitlines()) == 4
    tsv = tmp_path / "team.tsv"
    exported = runner.invoke(app, ["curate", "export", str(tsv), *db])
    assert exported.exit_code == 0 and "3 decisions written" in exported.stderr
    assert tsv.read_text(encoding="utf-8").startswith("action\ttype\tname\tvalue\tcreated_at\n")


def test_curating_an_unknown_actor_is_one_clear_line(seeded: Path) -> None:
    result = runner.invoke(app, ["curate", "drop", "لا أحد", "--db", str(seeded)])
    assert result.exit_code == 1
    assert (
        result.stderr.strip() == "Error: no actor called 'لا أحد'; `newscorpus actors` lists them"
    )
    split = runner.invoke(app, ["curate", "split", "دونالد ترامب", "--alias", "بوتين",
                                "--db", str(seeded)])  # fmt: skip
    assert split.exit_code == 1 and "has no mention written 'بوتين'" in split.stderr


def test_why_lists_each_alias_with_its_evidence(seeded: Path) -> None:
    result = runner.invoke(app, ["actor", "ترمب", "--why", "--db", str(seeded), "--json"])
    assert result.exit_code == 0, result.stderr
    record = json.loads(result.stdout)
    assert record["name"] == "دونالد ترامب"
    evidence = {row["alias"]: row for row in record["why"]}
    assert {"ترمب", "ترامب", "دونالد ترامب"} <= set(evidence)
    assert any("lexicon: دونالد ترامب" in e for e in evidence["ترمب"]["across_corpus"])
    assert all(row["documents"] for row in record["why"])


def test_import_refuses_a_file_that_is_not_a_curation_file(seeded: Path, tmp_path: Path) -> None:
    bad = tmp_path / "bad.tsv"
    shutil.copy(SEEDS / "000_4e8ecdeaf3eb5859.txt", bad)
    result = runner.invoke(app, ["curate", "import", str(bad), "--db", str(seeded)])
    assert result.exit_code == 1
    assert result.stderr.startswith(f"Error: {bad}: not a curation file")
