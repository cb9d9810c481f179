"""Corpus: the listings as DataFrames with the CLI's rows and columns, and typed columns."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pandas as pd
import pytest
from typer.testing import CliRunner

from newscorpus import Corpus
from newscorpus.cli import app
from newscorpus.corpus import _datetimes
from newscorpus.errors import NewsCorpusError, StoreError
from newscorpus.query.export import TABLES

runner = CliRunner()


@pytest.fixture(scope="module")
def corpus(seeded_db: Path) -> Iterator[Corpus]:
    with Corpus(seeded_db) as opened:
        yield opened


def _cli_json(db: Path, *args: str) -> list[dict[str, object]]:
    result = runner.invoke(app, [*args, "--db", str(db), "--format", "json"])
    assert result.exit_code == 0, result.stderr
    rows: list[dict[str, object]] = json.loads(result.stdout)
    return rows


@pytest.mark.parametrize(
    ("method", "options", "command", "key"),
    [
        ("documents", {}, ["documents"], "path"),
        ("actors", {"top": 0}, ["actors", "--top", "0"], "name"),
        ("actors", {"type": "person", "top": 5}, ["actors", "--type", "person", "-n", "5"], "name"),
        ("claims", {"speaker": "كيم"}, ["claims", "--speaker", "كيم"], "content"),
        ("claims", {"kind": "direct", "about": "أوكرانيا"},
         ["claims", "--kind", "direct", "--about", "أوكرانيا"], "content"),
        ("timeline", {"actor": "ترمب", "since": "2019"},
         ["timeline", "-a", "ترمب", "--since", "2019"], "text"),
    ],
)  # fmt: skip
def test_same_rows_and_columns_as_the_cli(
    corpus: Corpus,
    seeded_db: Path,
    method: str,
    options: dict[str, object],
    command: list[str],
    key: str,
) -> None:
    frame = getattr(corpus, method)(**options)
    expected = _cli_json(seeded_db, *command)
    assert expected and len(frame) == len(expected)
    assert list(frame.columns) == list(expected[0])
    assert list(frame[key]) == [row[key] for row in expected]


def test_counts_and_ids_are_int64_and_flags_bool(corpus: Corpus) -> None:
    actors = corpus.actors(top=0)
    assert {str(actors[c].dtype) for c in ("mentions", "documents", "id")} == {"int64"}
    assert actors["ambiguous"].dtype == bool
    assert isinstance(actors["aliases"][0], list) and isinstance(actors["roles"][0], list)
    assert pd.api.types.is_string_dtype(actors["name"])
    claims = corpus.claims()
    assert {str(claims[c].dtype) for c in ("document", "paragraph", "start", "end")} == {"int64"}


def test_full_dates_are_datetimes_and_partial_ones_strings(corpus: Corpus) -> None:
    documents = corpus.documents()
    assert pd.api.types.is_datetime64_any_dtype(documents["published"])
    assert pd.Timestamp("2024-11-22") in set(documents["published"])
    assert documents["published"].isna().sum() == 5  # the seeds without a date: NaT
    assert pd.api.types.is_datetime64_any_dtype(corpus.claims()["date"])
    timeline = corpus.timeline()
    assert pd.api.types.is_string_dtype(timeline["date"])
    assert {"1994", "2000-07", "2018-06"} <= set(timeline["date"])  # partial: strings
    assert all(isinstance(ids, list) and ids for ids in timeline["documents"])


@pytest.mark.parametrize(
    ("published", "expected"),
    [
        ("2024-11-22", "2024-11-22 00:00"),
        ("2015-08-11T13:44:43", "2015-08-11 13:44:43"),
        ("2024-11-22T01:30:00+03:00", "2024-11-22 01:30"),  # the outlet's clock, not UTC
        ("2018-02-18T20:50:44+00:00", "2018-02-18 20:50:44"),
        ("2018-02-18T20:50:44Z", "2018-02-18 20:50:44"),
        (None, None),
    ],
)
def test_publication_times_keep_the_outlets_clock(
    published: str | None, expected: str | None
) -> None:
    (value,) = _datetimes(pd.Series([published], dtype=str))
    assert (value is pd.NaT) if expected is None else value == pd.Timestamp(expected)


@pytest.mark.parametrize("name", list(TABLES))
def test_table_has_every_stored_row(corpus: Corpus, seeded_db: Path, name: str) -> None:
    with sqlite3.connect(seeded_db) as db:
        stored = db.execute(f"SELECT count(*) FROM {name}").fetchone()[0]
    frame = corpus.table(name)
    assert len(frame) == stored > 0


def test_table_columns_missing_values_are_nullable_ints(corpus: Corpus) -> None:
    paragraphs = corpus.table("paragraphs")
    assert str(paragraphs["duplicate_of"].dtype) == "Int64"
    assert paragraphs["duplicate_of"].notna().sum() == 11  # the repeated paragraphs
    assert str(corpus.table("claims")["speaker_actor_id"].dtype) == "Int64"
    sentences = corpus.table("mentions")["sentence"]
    assert str(sentences.dtype) == "Int64" and sentences.notna().all()  # ingested with m006


def test_export_returns_what_it_wrote(corpus: Corpus, tmp_path: Path) -> None:
    summary = corpus.export(tmp_path, format="parquet", tables=["claims"])
    assert list(summary.columns) == ["table", "rows", "file", "bytes"]
    assert summary["rows"].tolist() == [len(corpus.claims())]
    assert len(pd.read_parquet(summary["file"][0])) == len(corpus.claims())


@pytest.mark.parametrize(
    ("method", "options"),
    [("actors", {"type": "animal"}), ("claims", {"kind": "rumour"}),
     ("timeline", {"precision": "week"}), ("timeline", {"since": "yesterday"}),
     ("table", {"name": "people"})],
)  # fmt: skip
def test_bad_arguments_are_clear_errors(
    corpus: Corpus, method: str, options: dict[str, object]
) -> None:
    with pytest.raises(NewsCorpusError, match="not|no table"):
        getattr(corpus, method)(**options)


def test_a_missing_database_is_not_created(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="newscorpus ingest"):
        Corpus(tmp_path / "none.db")
    assert not (tmp_path / "none.db").exists()


def test_closing_the_corpus_closes_its_store(seeded_db: Path) -> None:
    with Corpus(seeded_db) as corpus:
        assert len(corpus.documents()) == 7
    with pytest.raises(sqlite3.ProgrammingError):
        corpus.documents()


def test_importing_newscorpus_stays_light() -> None:
    code = (
        "import sys, newscorpus\n"
        "light = 'pandas' not in sys.modules and 'newscorpus.corpus' not in sys.modules\n"
        "from newscorpus import Corpus\n"
        "print(light, Corpus.__module__)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["True", "newscorpus.corpus"]


def test_search_network_and_trend_frames(corpus: Corpus) -> None:
    hits = corpus.search('"كوريا الشمالية"', limit=3, context=3)
    assert hits["match"].tolist() == ["وكوريا الشمالية", "كوريا الشمالية", "كوريا الشمالية"]
    assert str(hits["document"].dtype) == "int64" and str(hits["start"].dtype) == "int64"
    edges = corpus.network(top=3)
    assert edges[["source", "target", "weight"]].values.tolist() == [
        ["روسيا", "كوريا الشمالية", 32],
        ["كوريا الشمالية", "دونالد ترامب", 17],
        ["كوريا الشمالية", "كيم جونغ أون", 15],
    ]
    assert str(edges["dice"].dtype) == "float64"
    trend = corpus.trend("روسيا", by="year")
    assert trend.index.tolist() == ["2023", "2024"]
    assert trend["روسيا"].tolist() == [14, 1]
