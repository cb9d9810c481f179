"""The CLI over the five seeds: contracts of every listing, and what a reader must see."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newscorpus.cli import app

runner = CliRunner()


@pytest.fixture(scope="module")
def seeded(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("seeded") / "seeds.db"
    seeds = Path(__file__).resolve().parents[2] / "seeds"
    result = runner.invoke(app, ["ingest", str(seeds), "--db", str(db), "--workers", "1"])
    assert result.exit_code == 0, result.stderr
    return db


def _json(db: Path, *args: str) -> object:
    result = runner.invoke(app, [*args, "--db", str(db), "--format", "json"])
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


def test_ingest_summary_is_json_on_request(seeded: Path) -> None:
    result = runner.invoke(
        app, ["ingest", str(seeded.parent / "nothing-here"), "--db", str(seeded), "--json"]
    )
    assert result.exit_code == 1
    assert "no such file" in result.stderr


def test_reingest_reports_everything_unchanged(seeded: Path) -> None:
    seeds = Path(__file__).resolve().parents[2] / "seeds"
    summary = _json(seeded, "ingest", str(seeds))
    assert summary["files_unchanged"] == 5 and summary["articles"] == 0


def test_stats_counts_articles_and_kinds(seeded: Path) -> None:
    stats = _json(seeded, "stats")
    assert stats["files"] == 5 and stats["documents"] == 7
    assert {"heading", "body", "boilerplate", "caption", "embed"} <= set(stats["paragraphs"])
    assert stats["repeated_paragraphs"] > 0


def test_show_lets_a_reader_see_split_articles_and_flagged_teasers(seeded: Path) -> None:
    second = _json(seeded, "show", "000_4e8ecdeaf3eb5859.txt#1")
    assert second["title"].startswith("كيم: التواصل الدبلوماسي")
    first = _json(seeded, "show", "000_4e8ecdeaf3eb5859.txt#0")
    kinds = [p["kind"] for p in first["paragraphs"]]
    teaser = next(p for p in first["paragraphs"] if p["text"] == "مقالات ذات صلة")
    assert teaser["kind"] == "boilerplate"
    assert sum(k.startswith("caption (repeat") for k in kinds) >= 2  # captions counted once


def test_show_of_a_file_with_two_articles_asks_which(seeded: Path) -> None:
    result = runner.invoke(app, ["show", "000_4e8ecdeaf3eb5859.txt", "--db", str(seeded)])
    assert result.exit_code == 1
    assert "#0" in result.stderr and "#1" in result.stderr


def test_actors_contract_and_merged_spellings(seeded: Path) -> None:
    rows = _json(seeded, "actors", "--top", "20")
    assert len(rows) == 20
    for row in rows:
        assert {"name", "type", "mentions", "documents", "aliases"} <= row.keys()
        assert row["type"] in {"person", "organization", "place"}
    names = [row["name"] for row in rows]
    assert len(names) == len(set(names))
    trump = next(row for row in rows if "ترامب" in row["name"])
    assert {"ترمب", "ترامب"} <= set(trump["aliases"])
    assert sum("كيم" in name for name in names) == 1


@pytest.mark.parametrize("spelling", ["ترمب", "لترامب", "دونالد ترامب"])
def test_actor_by_any_spelling(seeded: Path, spelling: str) -> None:
    actor = _json(seeded, "actor", spelling)
    assert actor["name"] == "دونالد ترامب" and actor["type"] == "person"
    assert actor["by_document"] and actor["appears_with"]


def test_unknown_actor_is_a_clear_error(seeded: Path) -> None:
    result = runner.invoke(app, ["actor", "نابليون", "--db", str(seeded)])
    assert result.exit_code == 1 and result.stderr.startswith("Error: no actor called")


def test_claims_contract_and_speaker_filter(seeded: Path) -> None:
    rows = _json(seeded, "claims", "--speaker", "كيم")
    assert rows
    for row in rows:
        assert {
            "speaker",
            "speaker_actor",
            "cue",
            "content",
            "kind",
            "via",
            "document",
            "paragraph",
            "start",
            "end",
        } <= row.keys()
        assert row["speaker_actor"] == "كيم جونغ أون"
    assert any(row["via"] == "وكالة الأنباء المركزية الكورية" for row in rows)


def test_claims_as_ndjson_and_csv(seeded: Path) -> None:
    ndjson = runner.invoke(app, ["claims", "--kind", "direct", "--db", str(seeded), "-f", "ndjson"])
    lines = [json.loads(line) for line in ndjson.stdout.splitlines()]
    assert lines and all(line["kind"] == "direct" for line in lines)
    csv_out = runner.invoke(app, ["claims", "--db", str(seeded), "-f", "csv"])
    assert csv_out.stdout.splitlines()[0] == "speaker,cue,content,kind,document,date"


def test_timeline_from_1994_to_november_2024_with_merged_sources(seeded: Path) -> None:
    entries = _json(seeded, "timeline")
    dates = [entry["date"] for entry in entries]
    assert "1994" in dates and dates[-1].startswith("2024-11")
    for entry in entries:
        assert {"date", "precision", "text", "actors", "documents"} <= entry.keys()
    hanoi = [e for e in entries if e["date"] == "2019" and "هانوي" in " ".join(e["actors"])]
    assert len(hanoi) == 1 and len(hanoi[0]["documents"]) >= 3


def test_timeline_shows_the_most_told_events_and_says_how_to_see_all(seeded: Path) -> None:
    every = _json(seeded, "timeline", "--all")
    result = runner.invoke(app, ["timeline", "--top", "3", "--db", str(seeded), "-f", "json"])
    assert result.exit_code == 0
    top = json.loads(result.stdout)
    assert len(top) == 3 and [e["date"] for e in top] == sorted(e["date"] for e in top)
    most = sorted(len(e["documents"]) for e in every)[-3:]
    assert sorted(len(e["documents"]) for e in top) == most
    assert result.stderr.strip() == (
        f"3 of {len(every)} events, the most told (by sources), in date order; --all for every"
        " one, --top N, --since/--until, --actor, --outlet, --precision to narrow"
    )
    quiet = runner.invoke(app, ["timeline", "--all", "--db", str(seeded), "-f", "json"])
    assert quiet.stderr == "" and len(json.loads(quiet.stdout)) == len(every)
    by_events = _json(seeded, "timeline", "--top", "2", "--rank", "mentions")
    assert sorted(e["events"] for e in by_events) == sorted(e["events"] for e in every)[-2:]
    for entry in every:  # the sentence shown is where the entry says, in its document
        shown = _json(seeded, "show", str(entry["document"]))
        inside = [p for p in shown["paragraphs"] if p["start"] <= entry["start"] < p["end"]]
        (paragraph,) = inside
        offset = entry["start"] - paragraph["start"]
        words = paragraph["text"][offset : offset + entry["end"] - entry["start"]]
        assert " ".join(words.split()) == entry["text"]
    bad = runner.invoke(app, ["timeline", "--top", "0", "--db", str(seeded)])
    assert bad.exit_code == 2 and "--top" in bad.stderr


def test_a_timeline_from_stale_stories_says_so(seeded: Path, tmp_path: Path) -> None:
    import shutil
    import sqlite3

    db = tmp_path / "stale.db"
    shutil.copy(seeded, db)
    kept = runner.invoke(app, ["timeline", "--db", str(db), "-f", "json"])
    with sqlite3.connect(db) as connection:
        connection.execute("DELETE FROM store_meta WHERE key = 'stories'")
    live = runner.invoke(app, ["timeline", "--db", str(db), "-f", "json"])
    assert live.exit_code == 0 and live.stdout == kept.stdout
    assert "stories are not current" in live.stderr and "not current" not in kept.stderr


def test_timeline_filters(seeded: Path) -> None:
    entries = _json(seeded, "timeline", "--actor", "ترمب", "--since", "2019", "--precision", "year")
    assert entries and all(e["date"] >= "2019" for e in entries)
    assert all("دونالد ترامب" in e["actors"] for e in entries)
    bad = runner.invoke(app, ["timeline", "--since", "yesterday", "--db", str(seeded)])
    assert bad.exit_code == 2 and "YYYY" in bad.stderr  # a usage error, like a bad --date
