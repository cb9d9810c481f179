"""One part of a dataset's analysis: the files a Dask task read, their documents and all
``analyze`` found in them, as Parquet tables a worker writes and the corpus-wide pass reads.

A part is a folder of tables, one row per object, each object's dataclass fields as columns
(``store.dataset`` lays the parts out). Rows carry the position of their file in the part
(``file``), of their document in the part (``doc``), and their own position (``seq``), so
the pass rebuilds the same ``Document`` and ``Analysis`` objects, in the same order, the
worker had: what is stored from a dataset is what the SQLite path stores from the files.
"""

from __future__ import annotations

import json
import types
import typing
from collections.abc import Sequence
from dataclasses import dataclass, fields, replace
from functools import cache
from typing import Any, Literal, get_args, get_origin

from newscorpus.models import (
    Analysis,
    Claim,
    DateMention,
    Document,
    Event,
    Mention,
    Paragraph,
    Sentence,
)
from newscorpus.store.writer import FileRecord


@dataclass(frozen=True, slots=True)
class PartFile:
    """A file of a part: its record, and its documents with their analyses."""

    record: FileRecord
    documents: tuple[tuple[Document, Analysis], ...]


# what each table holds: the dataclass, and the Analysis (or Document) field it comes from
_ITEMS: dict[str, tuple[type, str]] = {
    "paragraphs": (Paragraph, "paragraphs"),
    "sentences": (Sentence, "sentences"),
    "mentions": (Mention, "mentions"),
    "claims": (Claim, "claims"),
    "dates": (DateMention, "dates"),
    "events": (Event, "events"),
}
TABLES = ("files", "documents", *_ITEMS)
# Document and Analysis fields kept as JSON text (small nested values)
_JSON_FIELDS = {"metadata", "terms", "extra"}
# fields that are tables of their own; tokens are never stored (``analyze`` keeps none)
_NESTED = {*(attribute for _, attribute in _ITEMS.values()), "tokens"}


@cache
def _columns(cls: type) -> tuple[tuple[str, str], ...]:
    """(field, kind) for a dataclass: kind is int, str, bool, strs (a tuple of str) or json."""
    hints = typing.get_type_hints(cls)
    found = []
    for item in fields(cls):
        if item.name in _NESTED:
            continue  # a table of its own
        if item.name in _JSON_FIELDS:
            found.append((item.name, "json"))
            continue
        kind = hints[item.name]
        if get_origin(kind) in (types.UnionType, typing.Union):
            kind = next(a for a in get_args(kind) if a is not type(None))
        if get_origin(kind) is Literal:
            kind = str
        if get_origin(kind) is tuple:
            found.append((item.name, "strs"))
        elif kind in (int, str, bool):
            found.append((item.name, kind.__name__))
        else:
            raise TypeError(f"{cls.__name__}.{item.name}: no Parquet column for {kind}")
    return tuple(found)


def _arrow_type(kind: str) -> Any:
    import pyarrow as pa

    return {
        "int": pa.int64(),
        "str": pa.string(),
        "bool": pa.bool_(),
        "strs": pa.list_(pa.string()),
        "json": pa.string(),
    }[kind]


def _schema(cls: type, keys: Sequence[str]) -> Any:
    import pyarrow as pa

    return pa.schema(
        [pa.field(k, pa.int64()) for k in keys]
        + [pa.field(name, _arrow_type(kind)) for name, kind in _columns(cls)]
    )


def _value(kind: str, value: Any) -> Any:
    if kind == "json":
        return json.dumps(value, ensure_ascii=False)
    if kind == "strs":
        return list(value)
    return value


def _back(kind: str, value: Any) -> Any:
    if kind == "json":
        loaded = json.loads(value)
        return (
            {str(k): str(v) for k, v in loaded.items()}
            if isinstance(loaded, dict)
            else (tuple(tuple(pair) for pair in loaded))
        )
    if kind == "strs":
        return tuple(value)
    return value


class _Rows:
    """Columns of one table, filled row by row."""

    def __init__(self, cls: type, keys: Sequence[str]) -> None:
        self.cls = cls
        self.keys = tuple(keys)
        self.columns: dict[str, list[Any]] = {k: [] for k in keys}
        for name, _ in _columns(cls):
            self.columns[name] = []

    def add(self, item: Any, *keys: int) -> None:
        for name, key in zip(self.keys, keys, strict=True):
            self.columns[name].append(key)
        for name, kind in _columns(self.cls):
            self.columns[name].append(_value(kind, getattr(item, name)))

    def table(self) -> Any:
        import pyarrow as pa

        return pa.table(self.columns, schema=_schema(self.cls, self.keys))


def part_tables(files: Sequence[PartFile]) -> dict[str, Any]:
    """The part's tables (pyarrow), keyed by name."""
    file_rows = _Rows(FileRecord, ("file",))
    documents = _Rows(Document, ("file", "doc"))
    analyses = _Rows(Analysis, ("doc",))
    items = {name: _Rows(cls, ("doc", "seq")) for name, (cls, _) in _ITEMS.items()}
    doc = 0
    for position, part_file in enumerate(files):
        file_rows.add(part_file.record, position)
        for document, analysis in part_file.documents:
            documents.add(document, position, doc)
            analyses.add(analysis, doc)
            for name, (_, attribute) in _ITEMS.items():
                owner = document if attribute == "paragraphs" else analysis
                for seq, item in enumerate(getattr(owner, attribute)):
                    items[name].add(item, doc, seq)
            doc += 1
    tables = {"files": file_rows.table(), "documents": documents.table()}
    tables["analyses"] = analyses.table()
    tables.update({name: rows.table() for name, rows in items.items()})
    return tables


def _objects(
    table: Any, cls: type, keys: Sequence[str], **fixed: Any
) -> list[tuple[tuple[int, ...], Any]]:
    columns = table.to_pydict()
    kinds = _columns(cls)
    names = [name for name, _ in kinds] + list(fixed)
    values = [  # column by column: only JSON and list columns need converting
        columns[name] if kind in ("int", "str", "bool") else [_back(kind, v) for v in columns[name]]
        for name, kind in kinds
    ] + [[value] * table.num_rows for value in fixed.values()]
    return [
        (key, cls(**dict(zip(names, row, strict=True))))
        for key, row in zip(
            zip(*(columns[k] for k in keys), strict=True), zip(*values, strict=True), strict=True
        )
    ]


def part_files(tables: dict[str, Any]) -> list[PartFile]:
    """The files of a part, rebuilt from its tables (the inverse of ``part_tables``)."""
    grouped: dict[str, dict[int, list[Any]]] = {}
    for name, (cls, _) in _ITEMS.items():
        by_doc: dict[int, list[Any]] = {}
        for (doc, _seq), item in sorted(
            _objects(tables[name], cls, ("doc", "seq")), key=lambda pair: pair[0]
        ):
            by_doc.setdefault(doc, []).append(item)
        grouped[name] = by_doc
    analyses = {
        keys[0]: analysis for keys, analysis in _objects(tables["analyses"], Analysis, ("doc",))
    }
    documents: dict[int, list[tuple[Document, Analysis]]] = {}
    for (position, doc), bare in sorted(
        _objects(tables["documents"], Document, ("file", "doc"), paragraphs=()),
        key=lambda pair: pair[0],
    ):
        document = replace(bare, paragraphs=tuple(grouped["paragraphs"].get(doc, ())))
        analysis = replace(
            analyses[doc],
            **{
                f: tuple(grouped[n].get(doc, ()))
                for n, (_, f) in _ITEMS.items()
                if n != "paragraphs"
            },
        )
        documents.setdefault(position, []).append((document, analysis))
    return [
        PartFile(record, tuple(documents.get(position, ())))
        for (position,), record in sorted(
            _objects(tables["files"], FileRecord, ("file",)), key=lambda pair: pair[0]
        )
    ]


def touched_table(records: Sequence[FileRecord]) -> Any:
    """Files a part found unchanged in content under a new size or mtime."""
    rows = _Rows(FileRecord, ("file",))
    for position, record in enumerate(records):
        rows.add(record, position)
    return rows.table()
