"""A corpus as a Parquet dataset, read with DuckDB: the store for corpora beyond one machine.

A dataset is a folder (or any fsspec URL) laid out as::

    DATASET/newscorpus-dataset.json          what it is, and the ingest runs it holds
    DATASET/analysis/run-NNNNN/part-NNNNN/   what the workers found, one folder per task:
        files, documents, paragraphs, mentions, claims, dates, events, problems (.parquet)
    DATASET/tables-N/TABLE.parquet           the corpus-wide pass: every table of the store
                                             (N-th pass; the manifest names the current one)

Workers write ``analysis/`` in parallel (``newscorpus.scale``); the corpus-wide pass then
rebuilds the tables from it. They hold the same tables, columns and rows as the
SQLite store made from the same input, so the query functions read them unchanged:
``DatasetStore.db`` answers their SQL through DuckDB over the Parquet files (``DuckReader``
translates the few places where SQLite's dialect differs). pyarrow, duckdb and fsspec are
imported only by the functions that need them.
"""

from __future__ import annotations

import json
import os
import re
import sqlite3
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from newscorpus.errors import StoreError

MANIFEST = "newscorpus-dataset.json"
FORMAT = 1
ROW_GROUP = 128 * 1024
# tables of the SQLite store left out of the dataset: the full-text index (its own format)
# and the migration log (a dataset has no migrations: the pass rebuilds it whole)
NOT_EXPORTED = ("search_index", "schema_migrations")


def is_dataset(path: str | Path) -> bool:
    """A dataset folder or URL (anything with a manifest), not a SQLite file."""
    text = str(path)
    if "://" in text:
        return True
    folder = Path(text)
    return folder.is_dir() and (folder / MANIFEST).exists()


# -- locations ------------------------------------------------------------------------------
class Location:
    """A dataset's root: an fsspec filesystem and the path on it (a local folder is read
    without fsspec, which costs a query command a tenth of its start-up)."""

    def __init__(self, url: str, root: str, fs: Any = None) -> None:
        self.url = url
        self.root = root
        self._fs = fs
        self.local = fs is None

    @classmethod
    def of(cls, url: str | Path) -> Location:
        text = str(url)
        if "://" not in text:
            return cls(text, os.path.abspath(text).rstrip("/") or "/")
        from fsspec.core import url_to_fs

        fs, root = url_to_fs(text)
        return cls(text, root.rstrip("/"), fs)

    @property
    def fs(self) -> Any:
        if self._fs is None:
            from fsspec.implementations.local import LocalFileSystem

            self._fs = LocalFileSystem()
        return self._fs

    def path(self, *parts: str) -> str:
        return "/".join((self.root, *parts))

    def exists(self, *parts: str) -> bool:
        return bool(self.fs.exists(self.path(*parts)))

    def read_manifest(self) -> dict[str, Any]:
        try:
            with (open if self.local else self.fs.open)(self.path(MANIFEST), "rb") as handle:
                manifest: dict[str, Any] = json.loads(handle.read().decode("utf-8"))
        except FileNotFoundError:
            raise StoreError(
                f"{self.url}: no newscorpus dataset here; run"
                " `newscorpus ingest PATH --engine dask --out DATASET` first"
            ) from None
        except (OSError, ValueError) as error:
            raise StoreError(f"{self.url}: cannot read {MANIFEST} ({error})") from None
        if manifest.get("format") != FORMAT:
            raise StoreError(f"{self.url}: dataset format {manifest.get('format')!r}, not {FORMAT}")
        return manifest

    def write_manifest(self, manifest: dict[str, Any]) -> None:
        """Written to a side file and moved into place: a reader never sees half of it."""
        self.fs.makedirs(self.root, exist_ok=True)
        staged = self.path(MANIFEST + ".new")
        with self.fs.open(staged, "wb") as handle:
            handle.write(json.dumps(manifest, ensure_ascii=False, indent=1).encode("utf-8"))
        self.fs.mv(staged, self.path(MANIFEST))


# -- SQLite store -> Parquet tables ---------------------------------------------------------
_ARROW_TYPES = {"INTEGER": "int64", "REAL": "float64", "TEXT": "string", "BLOB": "binary"}


def exported_tables(db: sqlite3.Connection) -> list[str]:
    rows = db.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
    return [
        name
        for (name,) in rows
        if not name.startswith("sqlite_") and not name.startswith(NOT_EXPORTED)
    ]


def _schema(db: sqlite3.Connection, table: str) -> Any:
    """The table's columns in their declared order (``SELECT *`` reads them so)."""
    import pyarrow as pa

    fields = []
    for _, name, declared, *_ in db.execute(f'PRAGMA table_info("{table}")'):
        kind = _ARROW_TYPES.get(str(declared).upper().split("(")[0], "string")
        fields.append(pa.field(name, getattr(pa, kind)()))
    return pa.schema(fields)


# the full-text index's rows (paragraph id, its search terms split and folded as FTS5 splits
# and folds them, between spaces: ``full_text``), for ``search`` and ``trend``
SEARCH_TERMS = "search_terms"
# Rows of a table are in primary-key order, except where the queries look rows up by
# another column: in that order, each row group's statistics let DuckDB skip the others.
CLUSTERED = {
    "mentions": "actor_id, document_id, id",
    "claims": "speaker_actor_id, document_id, id",
    "event_actors": "actor_id, event_id",
}
_TOKEN = re.compile(r"[^\W_]+")


def search_tokens(text: str) -> str:
    """Text as FTS5's unicode61 tokenizer reads it (letters and digits, case folded), each
    token between spaces."""
    return f" {' '.join(_TOKEN.findall(text.lower()))} "


def export_tables(db: sqlite3.Connection, target: Location, folder: str = "tables") -> list[str]:
    """Every table of the store as ``folder/TABLE.parquet``, in primary-key order, and the
    full-text index's rows as ``search_terms``."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    target.fs.makedirs(target.path(folder), exist_ok=True)
    written = []
    queries = {
        table: (
            _schema(db, table),
            f'SELECT * FROM "{table}" ORDER BY {CLUSTERED.get(table, "1, 2")}',
        )
        for table in exported_tables(db)
    }
    queries[SEARCH_TERMS] = (
        pa.schema([pa.field("id", pa.int64()), pa.field("terms", pa.string())]),
        "SELECT rowid, terms FROM search_index ORDER BY rowid",
    )
    for table, (schema, query) in queries.items():
        cursor = db.execute(query)
        with target.fs.open(target.path(folder, f"{table}.parquet"), "wb") as handle:
            with pq.ParquetWriter(handle, schema, compression="zstd") as out:
                while rows := cursor.fetchmany(ROW_GROUP):
                    if table == SEARCH_TERMS:
                        rows = [(rowid, search_tokens(terms)) for rowid, terms in rows]
                    data = list(zip(*rows, strict=True))
                    out.write_table(
                        pa.table(
                            [pa.array(c, f.type) for c, f in zip(data, schema, strict=True)],
                            schema=schema,
                        ),
                        row_group_size=ROW_GROUP,
                    )
        written.append(table)
    return written


# -- DuckDB over the tables -----------------------------------------------------------------
class DuckCursor:
    """What the query functions use of a sqlite3 cursor: iteration and fetches."""

    def __init__(self, cursor: Any) -> None:
        self._cursor = cursor

    @property
    def description(self) -> Any:
        return self._cursor.description

    def fetchone(self) -> tuple[Any, ...] | None:
        row: tuple[Any, ...] | None = self._cursor.fetchone()
        return row

    def fetchall(self) -> list[tuple[Any, ...]]:
        rows: list[tuple[Any, ...]] = self._cursor.fetchall()
        return rows

    def fetchmany(self, size: int = 1000) -> list[tuple[Any, ...]]:
        rows: list[tuple[Any, ...]] = self._cursor.fetchmany(size)
        return rows

    def __iter__(self) -> Iterator[tuple[Any, ...]]:
        while rows := self._cursor.fetchmany(1000):
            yield from rows


# SQLite idioms the queries use, in DuckDB's words
_NUMBERED = re.compile(r"\?(\d+)")
_LIKE = re.compile(r"\bLIKE\b")
_WEEK = re.compile(r"strftime\('([^']*)', (substr\([^()]*\))\)")
_ACTOR_PAIRS = re.compile(r"group_concat\((ea\.actor_id \|\| [^,]*), ('[^']*')\)")
_TEMP = re.compile(r"\bTEMP TABLE\b|\btemp\.|\s+WITHOUT ROWID\b")


def duck_sql(sql: str) -> str:
    """A query written for SQLite, for DuckDB.

    - ``?1`` numbered parameters are ``$1``;
    - ``LIKE`` ignores ASCII case in SQLite (``ILIKE``; Arabic has no case either way);
    - ``strftime(format, text)`` takes its arguments the other way round, and a date;
    - ``group_concat`` of an event's actors follows event_actors' key in SQLite, which
      reads them in that order; DuckDB is asked for the order;
    - temporary tables are tables of the reader's own in-memory database (a TEMP one would
      be seen by one DuckDB cursor only), and none is WITHOUT ROWID.
    """
    sql = _ACTOR_PAIRS.sub(r"string_agg(\1, \2 ORDER BY ea.actor_id)", sql)
    sql = _TEMP.sub(lambda m: "TABLE" if m.group(0).startswith("TEMP") else "", sql)
    sql = _NUMBERED.sub(r"$\1", sql)
    sql = _LIKE.sub("ILIKE", sql)
    return _WEEK.sub(r"strftime(TRY_CAST(\2 AS DATE), '\1')", sql)


_MATCH = re.compile(r"\bsearch_index MATCH \?")
_ALIAS = re.compile(r"\bFROM search_index (\w+)")
# an FTS5 expression as ``query.search.parse_query`` writes it: phrases, prefixes, operators
_FTS_PIECE = re.compile(r'"([^"]*)"(\*?)|(\()|(\))|(AND|OR|NOT)')


def full_text(sql: str, params: Sequence[object]) -> tuple[str, list[object]]:
    """``search_index MATCH ?`` as a condition on the paragraph's search terms.

    FTS5's unicode61 tokenizer (as the store uses it) splits the terms at anything but
    letters and digits and folds case; the exported terms are so split and folded
    (``search_tokens``), and the condition finds a phrase as consecutive tokens, a prefix
    phrase's last token by its beginning. ``x NOT y`` is ``x AND NOT y``: FTS5 binds NOT
    tighter than AND, and AND tighter than OR, as SQL does.
    """
    found = _MATCH.search(sql)
    assert found is not None
    index = sql[: found.start()].count("?")
    expression = str(params[index])
    alias = _ALIAS.search(sql)
    column = f"{alias.group(1)}.terms" if alias else "terms"
    parts = []
    for piece in _FTS_PIECE.finditer(expression):
        phrase, star, opening, closing, operator = piece.groups()
        if phrase is not None:
            needle = search_tokens(phrase)
            if not needle.strip():
                parts.append("false")  # nothing to find (FTS5 finds nothing either)
            else:
                parts.append(f"contains({column}, '{_quoted(needle[:-1] if star else needle)}')")
        elif operator == "NOT":
            parts.append("AND NOT")
        else:
            parts.append(opening or closing or operator)
    condition = "(" + " ".join(parts) + ")"
    rest = [p for i, p in enumerate(params) if i != index]
    return sql[: found.start()] + condition + sql[found.end() :], rest


class DuckReader:
    """A read-only stand-in for the store's sqlite3 connection, over a dataset's tables.

    Each statement runs on its own DuckDB cursor, so a query may iterate over one result
    while it runs others, as it does with SQLite. NULLs sort as SQLite sorts them (first
    ascending, last descending).
    """

    in_transaction = False

    def __init__(self, location: Location, tables: Sequence[str], folder: str = "tables") -> None:
        import duckdb

        self.url = location.url

        self._db = duckdb.connect(":memory:")
        self._db.execute("SET default_null_order = 'nulls_first_on_asc_last_on_desc'")
        self._db.execute("SET enable_progress_bar = false")
        if not location.local and not isinstance(location.fs, _local_fs_type()):
            self._db.register_filesystem(location.fs)
        # views are made when a statement first names them (reading a file's footer
        # costs milliseconds, and a command reads a few of the tables)
        self._views: dict[str, str] = {}
        for table in tables:
            path = location.path(folder, f"{table}.parquet")
            if not location.local and not path.startswith(location.fs.protocol):
                path = f"{_protocol(location.fs)}://{path}"
            source = f"read_parquet('{_quoted(path)}')"
            if table == SEARCH_TERMS:  # read as the SQLite store's full-text index
                self._views["search_index"] = f"SELECT id AS rowid, terms FROM {source}"
            else:
                self._views[table] = f"SELECT * FROM {source}"
        self._named = re.compile(r"\b(" + "|".join(map(re.escape, self._views)) + r")\b")

    def _make_views(self, sql: str) -> None:
        for name in set(self._named.findall(sql)):
            if (view := self._views.pop(name, None)) is not None:
                self._db.execute(f'CREATE VIEW "{name}" AS {view}')

    def execute(self, sql: str, params: Sequence[object] = ()) -> DuckCursor:
        statement = sql.strip().upper()
        if statement in ("BEGIN", "COMMIT", "ROLLBACK"):
            return DuckCursor(self._db.cursor())  # reads only: every view is one state already
        cursor = self._db.cursor()
        if _MATCH.search(sql):
            sql, params = full_text(sql, params)
        try:
            self._make_views(sql)
            cursor.execute(duck_sql(sql), list(params))
        except Exception as error:  # duckdb's errors share no base class with sqlite3's
            raise self._failed(error) from error
        return DuckCursor(cursor)

    def _failed(self, error: Exception) -> StoreError:
        return StoreError(f"{self.url}: the dataset cannot answer this query ({first_line(error)})")

    def executemany(self, sql: str, rows: Sequence[Sequence[object]]) -> None:
        try:
            self._make_views(sql)
            self._db.cursor().executemany(duck_sql(sql), [list(row) for row in rows])
        except Exception as error:
            raise self._failed(error) from error

    def close(self) -> None:
        self._db.close()


def first_line(error: Exception) -> str:
    """An error of DuckDB or pyarrow in one line (theirs span several: the SQL, a caret)."""
    return (str(error).strip().splitlines() or [type(error).__name__])[0]


def _local_fs_type() -> type:
    from fsspec.implementations.local import LocalFileSystem

    return LocalFileSystem


def _protocol(fs: Any) -> str:
    protocol = fs.protocol
    return str(protocol[0] if isinstance(protocol, (tuple, list)) else protocol)


def _quoted(text: str) -> str:
    return text.replace("'", "''")


class DatasetStore:
    """A dataset opened for queries: ``db`` answers the SQL the query functions send."""

    def __init__(self, location: Location, tables: Sequence[str], folder: str = "tables") -> None:
        self.path = location.url
        self.location = location
        self.db: Any = DuckReader(location, tables, folder)

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> DatasetStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def open_dataset(url: str | Path) -> DatasetStore:
    location = Location.of(url)
    manifest = location.read_manifest()
    tables = manifest.get("tables") or []
    if not tables:
        raise StoreError(f"{url}: the dataset has no tables yet (its corpus-wide pass never ran)")
    return DatasetStore(location, tables, str(manifest.get("tables_folder") or "tables"))
