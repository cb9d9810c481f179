"""The store's tables as files that pandas, DuckDB and spreadsheets open: store -> folder.

``export(store, folder)`` writes ``<table>.parquet`` (pyarrow, zstd) or ``<table>.csv``
(UTF-8 with a byte-order mark, so Excel reads Arabic) for each table of
``newscorpus.query.export``; the columns, their order and their types come from its
records. Column types: ids, counts and offsets are int64 (nullable where a value can be
missing), flags are booleans, aliases, roles and an event's actors are lists (in CSV, one
cell joined by `` | ``), and dates stay ISO 8601 strings as stored (partial dates such as
``2019``, ``2018-06`` or ``199X`` are valid values). CSV text cells that a spreadsheet
would run as a formula are neutralized (``render.csv_safe``).

All tables are read from one snapshot of the store. Each file is written beside its final
name and renamed into place, so a failed export never leaves a half-written file under a
table's name. Files a previous export wrote are replaced only when asked (``force``); no
other file in the folder is touched.
"""

from __future__ import annotations

import csv
import os
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from itertools import islice
from pathlib import Path
from typing import Any

from newscorpus.errors import NewsCorpusError, ResourceMissing
from newscorpus.query.export import TABLES, Column, columns, snapshot, table_names, table_rows
from newscorpus.render import csv_safe
from newscorpus.store import Store

FORMATS = ("parquet", "csv")
LIST_SEPARATOR = " | "  # list cells in CSV
_BATCH = 10_000  # rows per Parquet row group write, so a large table never sits in memory


@dataclass(frozen=True, slots=True)
class TableFile:
    table: str
    rows: int
    file: str
    bytes: int


@dataclass(frozen=True, slots=True)
class ExportSummary:
    directory: str
    format: str
    tables: tuple[TableFile, ...]


def export(
    store: Store,
    directory: str | Path,
    *,
    fmt: str = "parquet",
    tables: str | Sequence[str] | None = None,
    force: bool = False,
) -> ExportSummary:
    """Write the chosen tables (all by default) into ``directory``, created if missing."""
    if fmt not in FORMATS:
        raise NewsCorpusError(f"cannot export as {fmt!r}; use one of {', '.join(FORMATS)}")
    names = table_names(tables)
    if fmt == "parquet":
        _require_pyarrow()
    folder = _folder(Path(directory))
    targets = {name: folder / f"{name}.{fmt}" for name in names}
    existing = [path.name for path in targets.values() if path.exists()]
    if existing and not force:
        raise NewsCorpusError(
            f"{folder} already holds {', '.join(existing)} from an earlier export; --force"
            " replaces them (and touches no other file), or choose another folder"
        )
    written = []
    with snapshot(store):
        for name, target in targets.items():
            record, _read = TABLES[name]
            count = _write(target, fmt, columns(record), table_rows(store, name))
            written.append(TableFile(name, count, str(target), target.stat().st_size))
    return ExportSummary(str(folder), fmt, tuple(written))


def _folder(folder: Path) -> Path:
    if folder.exists() and not folder.is_dir():
        raise NewsCorpusError(f"{folder}: is a file, not a folder to export into")
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise NewsCorpusError(f"{folder}: cannot create the folder ({error.strerror})") from None
    if not os.access(folder, os.W_OK | os.X_OK):
        raise NewsCorpusError(f"{folder}: the folder is not writable")
    return folder


def _require_pyarrow() -> None:
    try:
        import pyarrow  # noqa: F401
    except ImportError:
        raise ResourceMissing(
            "Parquet export needs pyarrow (pip install pyarrow); or export as CSV"
        ) from None


def _write(target: Path, fmt: str, table: Sequence[Column], rows: Iterable[Any]) -> int:
    partial = target.with_name(f".{target.name}.partial")
    try:
        if fmt == "parquet":
            count = _write_parquet(partial, table, rows)
        else:
            count = _write_csv(partial, table, rows)
        os.replace(partial, target)
    except OSError as error:
        raise NewsCorpusError(f"{target}: cannot write ({error.strerror or error})") from None
    finally:
        partial.unlink(missing_ok=True)
    return count


def _write_csv(path: Path, table: Sequence[Column], rows: Iterable[Any]) -> int:
    names = [column.name for column in table]
    count = 0
    with open(path, "w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(names)
        for row in rows:
            writer.writerow([_csv_value(value) for value in row])
            count += 1
    return count


def _csv_value(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, tuple):
        value = LIST_SEPARATOR.join(str(item) for item in value)
    return csv_safe(str(value))


def _write_parquet(path: Path, table: Sequence[Column], rows: Iterable[Any]) -> int:
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = arrow_schema(table)
    names = [column.name for column in table]
    count = 0
    with pq.ParquetWriter(path, schema, compression="zstd") as writer:
        for batch in _batches(rows, _BATCH):
            data = dict(zip(names, zip(*batch, strict=True), strict=True))  # rows to columns
            writer.write_table(pa.table(data, schema=schema))  # pyarrow takes tuples as lists
            count += len(batch)
    return count


def arrow_schema(table: Sequence[Column]) -> Any:
    """The pyarrow schema of a table's columns."""
    import pyarrow as pa

    types = {
        "int": pa.int64(),
        "str": pa.string(),
        "bool": pa.bool_(),
        "float": pa.float64(),
        "list[int]": pa.list_(pa.int64()),
        "list[str]": pa.list_(pa.string()),
    }
    return pa.schema(
        [pa.field(column.name, types[column.kind], nullable=column.nullable) for column in table]
    )


def _batches(rows: Iterable[Any], size: int) -> Iterator[list[Any]]:
    iterator = iter(rows)
    while batch := list(islice(iterator, size)):
        yield batch
