"""export: the store's tables as Parquet and CSV files that pandas and DuckDB read back whole."""

from __future__ import annotations

import csv
import io
import sqlite3
from pathlib import Path

import duckdb
import pandas as pd
import pytest

from newscorpus.errors import NewsCorpusError
from newscorpus.export import export
from newscorpus.query.export import TABLES, columns
from newscorpus.render import csv_safe, emit
from newscorpus.store import open_store

FORMATS = ("parquet", "csv")


@pytest.fixture(scope="module")
def exported(seeded_db: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folders = {}
    with open_store(seeded_db, create=False) as store:
        for fmt in FORMATS:
            folders[fmt] = tmp_path_factory.mktemp(fmt)
            export(store, folders[fmt], fmt=fmt)
    return folders


def _stored(db: Path, table: str) -> int:
    with sqlite3.connect(db) as connection:
        return int(connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0])


def _pandas(path: Path) -> pd.DataFrame:
    return pd.read_parquet(path) if path.suffix == ".parquet" else pd.read_csv(path)


def _duckdb(path: Path) -> object:
    return duckdb.read_parquet(str(path)) if path.suffix == ".parquet" else duckdb.read_csv(path)


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("table", list(TABLES))
def test_every_row_reads_back_in_pandas_and_duckdb(
    exported: dict[str, Path], seeded_db: Path, table: str, fmt: str
) -> None:
    path = exported[fmt] / f"{table}.{fmt}"
    expected = _stored(seeded_db, table)
    assert expected > 0
    names = [column.name for column in columns(TABLES[table][0])]
    frame = _pandas(path)
    assert len(frame) == expected
    assert list(frame.columns) == names  # no BOM in the first name, same order everywhere
    relation = _duckdb(path)
    assert relation.columns == names
    assert len(relation.fetchall()) == expected


def test_parquet_columns_are_typed(exported: dict[str, Path]) -> None:
    actors = duckdb.read_parquet(str(exported["parquet"] / "actors.parquet"))
    types = dict(zip(actors.columns, map(str, actors.types), strict=True))
    assert types["id"] == types["mentions"] == "BIGINT"
    assert types["aliases"] == types["roles"] == "VARCHAR[]"
    assert types["ambiguous"] == "BOOLEAN"
    events = pd.read_parquet(exported["parquet"] / "events.parquet")
    assert events["start"].dtype == "int64"
    assert all(isinstance(name, str) for names in events["actors"] for name in names)


@pytest.mark.parametrize("fmt", FORMATS)
def test_offsets_slice_the_exported_text(exported: dict[str, Path], fmt: str) -> None:
    folder = exported[fmt]
    texts = _pandas(folder / f"documents.{fmt}").set_index("id")["text"]
    for table in ("paragraphs", "mentions"):
        rows = _pandas(folder / f"{table}.{fmt}")
        sliced = [texts[r.document][r.start : r.end] for r in rows.itertuples()]
        assert sliced == list(rows["text"].fillna(""))


@pytest.mark.parametrize("fmt", FORMATS)
def test_aliases_are_lists_and_joined_cells(exported: dict[str, Path], fmt: str) -> None:
    actors = _pandas(exported[fmt] / f"actors.{fmt}").set_index("name")
    aliases = actors.loc["دونالد ترامب", "aliases"]
    forms = set(aliases) if fmt == "parquet" else set(aliases.split(" | "))
    assert {"ترمب", "ترامب", "دونالد ترامب"} <= forms


def test_csv_opens_in_excel_as_utf8(exported: dict[str, Path]) -> None:
    raw = (exported["csv"] / "claims.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbfid,speaker,")  # the BOM tells Excel it is UTF-8
    assert "كيم جونغ أون".encode() in raw


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('=HYPERLINK("http://x","اضغط")', '\'=HYPERLINK("http://x","اضغط")'),
        ("+971 4 000", "'+971 4 000"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1:A9)", "'@SUM(A1:A9)"),
        ("\t=1", "'\t=1"),
        ("\r=1", "'\r=1"),
        ("قال الرئيس = كذا", "قال الرئيس = كذا"),  # only the first character counts
        ("a-b", "a-b"),
        ("", ""),
    ],
)
def test_formula_cells_are_neutralized(
    text: str, expected: str, seeded_db: Path, tmp_path: Path
) -> None:
    assert csv_safe(text) == expected
    db = tmp_path / "copy.db"
    with sqlite3.connect(seeded_db) as source, sqlite3.connect(db) as copy:
        source.backup(copy)
        copy.execute("UPDATE documents SET title = ? WHERE id = 1", (text,))
    with open_store(db, create=False) as store:
        export(store, tmp_path / "csv", fmt="csv", tables="documents")
        export(store, tmp_path / "parquet", fmt="parquet", tables="documents")
    with open(tmp_path / "csv" / "documents.csv", encoding="utf-8-sig", newline="") as handle:
        first = next(csv.DictReader(handle))
    assert first["title"] == expected and first["id"] == "1"
    parquet = pd.read_parquet(tmp_path / "parquet" / "documents.parquet")
    assert parquet["title"][0] == text  # Parquet keeps the value as it is
    listing = io.StringIO()  # listings (--format csv) go through the same rule
    emit([{"title": text, "offset": -3}], "csv", out=listing)
    (_header, (title, offset)) = csv.reader(io.StringIO(listing.getvalue()))
    assert not title.startswith(("=", "+", "-", "@", "\t", "\r")) and offset == "-3"


def test_an_earlier_export_is_replaced_only_when_asked(seeded_db: Path, tmp_path: Path) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text("ملاحظاتي", encoding="utf-8")
    with open_store(seeded_db, create=False) as store:
        first = export(store, tmp_path, fmt="csv", tables=["actors", "claims"])
        assert [t.table for t in first.tables] == ["actors", "claims"]
        with pytest.raises(NewsCorpusError, match=r"holds claims\.csv, actors\.csv .*--force"):
            export(store, tmp_path, fmt="csv", tables="claims,actors")
        export(store, tmp_path, fmt="parquet", tables="actors")  # another format: no clash
        export(store, tmp_path, fmt="csv", tables="actors", force=True)
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "actors.csv",
        "actors.parquet",
        "claims.csv",
        "notes.txt",
    ]
    assert notes.read_text(encoding="utf-8") == "ملاحظاتي"


@pytest.mark.parametrize(
    ("tables", "message"),
    [("actors,people", "no table 'people'"), ("", "no table named"), (["events", "x"], "'x'")],
)
def test_unknown_tables_are_named(
    tables: object, message: str, seeded_db: Path, tmp_path: Path
) -> None:
    with open_store(seeded_db, create=False) as store, pytest.raises(NewsCorpusError) as error:
        export(store, tmp_path / "never", tables=tables)  # type: ignore[arg-type]
    assert message in str(error.value) and "documents, paragraphs" in str(error.value)
    assert not (tmp_path / "never").exists()


def test_a_file_is_not_a_folder(seeded_db: Path, tmp_path: Path) -> None:
    target = tmp_path / "out.parquet"
    target.write_bytes(b"")
    with open_store(seeded_db, create=False) as store:
        with pytest.raises(NewsCorpusError, match="is a file, not a folder"):
            export(store, target)
        with pytest.raises(NewsCorpusError, match="cannot create the folder"):
            export(store, target / "inside")


@pytest.mark.parametrize("fmt", FORMATS)
def test_an_empty_store_gives_empty_tables_with_their_columns(tmp_path: Path, fmt: str) -> None:
    with open_store(tmp_path / "empty.db") as store:
        summary = export(store, tmp_path / "out", fmt=fmt)
    assert [t.rows for t in summary.tables] == [0] * len(TABLES)
    events = _pandas(tmp_path / "out" / f"events.{fmt}")
    assert events.empty and list(events.columns)[-2:] == ["actor_ids", "actors"]
    assert _duckdb(tmp_path / "out" / f"claims.{fmt}").fetchall() == []


def test_readme_documents_every_exported_column() -> None:
    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    block = readme.split("| table | columns (Parquet types", 1)[1].split("\n\n", 1)[0]
    for name, (record, _rows) in TABLES.items():
        (line,) = [row for row in block.splitlines() if row.startswith(f"| `{name}` | `")]
        documented = [cell.split("`")[1] for cell in line.split("|")[2].split(",")]
        assert documented == [c.name for c in columns(record)], name
