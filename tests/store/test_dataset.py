"""A store's tables as a Parquet dataset, read with DuckDB: the same answers as SQLite."""

from __future__ import annotations

import io
import json
import sqlite3
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newscorpus.cli import app
from newscorpus.errors import StoreError
from newscorpus.store.dataset import (
    MANIFEST,
    Location,
    duck_sql,
    export_tables,
    full_text,
    open_dataset,
    search_tokens,
)

runner = CliRunner()

# every listing, in the forms a user types them; each is run on both stores and compared
LISTINGS = [
    ["actors", "--top", "300", "--format", "ndjson"],
    ["actors", "--type", "person", "--format", "json"],
    ["actors", "--document", "2", "--format", "json"],
    ["actors", "--top", "10"],
    ["actor", "بوتين", "--format", "json"],
    ["actor", "كوريا الشمالية", "--format", "json"],
    ["claims", "--format", "ndjson"],
    ["claims", "--speaker", "بوتين", "--format", "json"],
    ["claims", "--about", "روسيا", "--kind", "direct", "--format", "json"],
    ["timeline", "--format", "ndjson"],
    ["timeline", "--actor", "بوتين", "--format", "json"],
    ["timeline", "--top", "5", "--since", "2019", "--format", "json"],
    ["documents", "--format", "ndjson"],
    ["show", "2", "--format", "json"],
    ["network", "--format", "json"],
    ["network", "--window", "paragraph", "--since", "2024", "--format", "json"],
    ["network", "--actor", "كيم", "--format", "json"],
    ["trend", "بوتين", "كيم", "--format", "json"],
    ["trend", "بوتين", "--by", "week", "--format", "json"],
    ["search", "روسيا", "--format", "json"],
    ["search", "كوريا OR الصين", "--limit", "0", "--format", "ndjson"],
    ["search", '"كوريا الشمالية" NOT روسيا', "--limit", "0", "--format", "ndjson"],
    ["search", "بيون*", "--format", "json"],
    ["search", "--actor", "بوتين", "--format", "json"],
    ["trend", "--search", "الحرب", "--format", "json"],
    ["search", "nothingatall", "--format", "json"],
    ["actor", "لا أحد", "--format", "json"],
    ["actor", "كيم", "--why", "--format", "json"],
    ["trend", "--search", "__*", "--format", "json"],
]


@pytest.fixture(scope="module")
def dataset(seeded_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("dataset") / "seeds"
    location = Location.of(folder)
    with sqlite3.connect(seeded_db) as db:
        tables = export_tables(db, location)
    location.write_manifest({"format": 1, "runs": [], "tables": tables})
    return folder


def _run(argv: list[str], db: Path) -> tuple[int, str, str]:
    result = runner.invoke(app, [*argv, "--db", str(db)])
    return result.exit_code, result.stdout, result.stderr


@pytest.mark.parametrize("argv", LISTINGS, ids=" ".join)
def test_every_listing_answers_as_sqlite_does(argv: list[str], seeded_db: Path, dataset: Path):
    expected = _run(argv, seeded_db)
    assert _run(argv, dataset) == expected
    assert "Traceback" not in expected[2]


def test_stats_differ_only_in_the_store_named(seeded_db: Path, dataset: Path) -> None:
    sqlite_stats = json.loads(_run(["stats", "--format", "json"], seeded_db)[1])
    dataset_stats = json.loads(_run(["stats", "--format", "json"], dataset)[1])
    assert dataset_stats.pop("database") == str(dataset)
    sqlite_stats.pop("database")
    assert dataset_stats == sqlite_stats


def test_report_and_export_are_the_same_files(
    seeded_db: Path, dataset: Path, tmp_path: Path
) -> None:
    for name, db in (("sqlite", seeded_db), ("dataset", dataset)):
        code, _, err = _run(["report", "-o", str(tmp_path / f"{name}.html")], db)
        assert code == 0, err
        code, _, err = _run(["export", str(tmp_path / name), "--format", "csv"], db)
        assert code == 0, err
    pages = [(tmp_path / f"{n}.html").read_text("utf-8") for n in ("sqlite", "dataset")]
    stamp = '"generated":"'
    pages = [p[: p.index(stamp)] + p[p.index(stamp) + 40 :] for p in pages]
    assert pages[0] == pages[1]
    for table in sorted((tmp_path / "sqlite").iterdir()):
        assert table.read_bytes() == (tmp_path / "dataset" / table.name).read_bytes(), table.name


@pytest.mark.parametrize(
    ("sqlite", "duckdb"),
    [
        ("SELECT 1 WHERE x = ?1 OR y = ?1", "SELECT 1 WHERE x = $1 OR y = $1"),
        ("SELECT 1 WHERE c.speaker LIKE ?", "SELECT 1 WHERE c.speaker ILIKE ?"),
        (
            "SELECT strftime('%Y-W%W', substr(d.published, 1, 10))",
            "SELECT strftime(TRY_CAST(substr(d.published, 1, 10) AS DATE), '%Y-W%W')",
        ),
        (
            "CREATE TEMP TABLE r (id INTEGER PRIMARY KEY) WITHOUT ROWID",
            "CREATE TABLE r (id INTEGER PRIMARY KEY)",
        ),  # fmt: skip
        ("INSERT INTO temp.r SELECT 1", "INSERT INTO r SELECT 1"),
        ("SELECT tempo.x FROM t tempo", "SELECT tempo.x FROM t tempo"),
    ],
)
def test_sqlite_idioms_in_duckdb_words(sqlite: str, duckdb: str) -> None:
    assert duck_sql(sqlite) == duckdb


PARAGRAPHS = [
    "البيت الابيض يعلن",
    "ترامب في البيت الابيض",
    "بوتين والبيت",
    "الابيض البيت ترامب",
    "The White House said",
    "نتنياهو يزور القدس 2018",
    "نتن القدس",
]
EXPRESSIONS = [
    '"البيت الابيض"',
    '"البيت" AND "ترامب"',
    '"ترامب" OR "بوتين"',
    '"البيت" NOT "ترامب"',
    '"البيت" NOT "ترامب" OR "القدس"',
    '("بوتين" OR "ترامب") AND "البيت"',
    '"نتنياه"*',
    '"نتن"*',
    '"white house"',
    '"WHITE"',
    '"2018"',
    '"الابيض البيت"',
    '"القدس" NOT ("نتن" OR "بوتين")',
]


@pytest.mark.parametrize("expression", EXPRESSIONS)
def test_full_text_condition_matches_what_fts5_matches(expression: str) -> None:
    import duckdb

    lite = sqlite3.connect(":memory:")
    lite.execute(
        "CREATE VIRTUAL TABLE search_index USING fts5(terms,"
        " tokenize = 'unicode61 remove_diacritics 0', prefix = '2 4')"
    )
    lite.executemany("INSERT INTO search_index (rowid, terms) VALUES (?, ?)",
                     list(enumerate(PARAGRAPHS)))  # fmt: skip
    sql = "SELECT s.rowid FROM search_index s WHERE search_index MATCH ? ORDER BY s.rowid"
    expected = [r[0] for r in lite.execute(sql, (expression,))]
    duck = duckdb.connect()
    duck.execute("CREATE TABLE search_index AS SELECT * FROM (VALUES "
                 + ", ".join(f"({i}, '{search_tokens(t)}')" for i, t in enumerate(PARAGRAPHS))
                 + ") v(rowid, terms)")  # fmt: skip
    translated, params = full_text(sql, [expression])
    assert [r[0] for r in duck.execute(translated, params).fetchall()] == expected


def test_a_missing_dataset_is_one_line_naming_it(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    code, out, err = _run(["actors"], tmp_path / "empty")
    assert code == 1 and "is a folder" in err and "Traceback" not in err + out
    with pytest.raises(StoreError, match="no newscorpus dataset"):
        open_dataset(f"file://{tmp_path / 'nowhere'}")


def test_a_dataset_of_another_format_is_refused(tmp_path: Path) -> None:
    (tmp_path / MANIFEST).write_text('{"format": 99}', encoding="utf-8")
    code, _, err = _run(["actors"], tmp_path)
    assert code == 1 and "dataset format 99" in err


def test_commands_that_write_refuse_a_dataset(dataset: Path) -> None:
    from newscorpus.store import open_store

    code, _, err = _run(["curate", "list"], dataset)
    assert code == 2 and str(dataset) in err and "Traceback" not in err
    with pytest.raises(StoreError, match="is a dataset"):
        open_store(dataset)


def test_tables_keep_every_row_and_column(seeded_db: Path, dataset: Path) -> None:
    import pyarrow.parquet as pq

    with sqlite3.connect(seeded_db) as db:
        for table in ("actors", "mentions", "claims", "events", "stories"):
            rows = sorted(db.execute(f"SELECT * FROM {table}").fetchall())
            parquet = pq.read_table(io.BytesIO((dataset / "tables" / f"{table}.parquet")
                                               .read_bytes()))  # fmt: skip
            assert sorted(tuple(r.values()) for r in parquet.to_pylist()) == rows, table


def test_a_missing_table_file_is_one_line(dataset: Path, tmp_path: Path) -> None:
    import shutil

    broken = tmp_path / "broken"
    shutil.copytree(dataset, broken)
    (broken / "tables" / "claims.parquet").unlink()
    code, out, err = _run(["claims", "--format", "json"], broken)
    assert code == 1 and err.count("\n") == 1 and str(broken) in err
    assert "Traceback" not in err + out
