"""Every stored table as flat records, for writing to files (``newscorpus.export``).

One frozen dataclass per table: its fields are the exported columns, in order, and their
annotations are the column types (``int``, ``str``, ``bool``, tuples for lists; ``| None``
where a value can be missing). ``columns(record)`` reads them, so the Parquet schema and
the pandas dtypes come from one place.

Ids join the tables: ``document`` is a ``documents.id``, ``actor_id`` an ``actors.id``, and
``paragraph`` is a paragraph's index inside its document in every table. Offsets are
character offsets into the document's ``text``, so ``text[start:end]`` is what was found.
Dates are ISO 8601 strings exactly as stored: ``published`` is a day (``2024-11-22``) or a
datetime, a date's ``value`` and an event's ``date`` may be a year, a month or a decade
(``199X``), which no timestamp type can hold without inventing a day.
"""

from __future__ import annotations

import functools
import types
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, fields
from itertools import groupby
from operator import attrgetter
from typing import (
    Any,
    Concatenate,
    Literal,
    ParamSpec,
    TypeVar,
    get_args,
    get_origin,
    get_type_hints,
)

from newscorpus.errors import NewsCorpusError
from newscorpus.store import Store


@dataclass(frozen=True, slots=True)
class ExportDocument:
    id: int
    path: str
    article: int  # position of the article inside its file
    external_id: str | None
    title: str | None
    published: str | None
    date_source: str
    outlet: str | None
    url: str | None
    encoding: str
    content_hash: str
    offset_in_file: int
    metadata: str | None  # the record's other fields, a JSON object
    text: str


@dataclass(frozen=True, slots=True)
class ExportParagraph:
    document: int
    paragraph: int
    kind: str
    duplicate_of: int | None  # index of an earlier paragraph with the same text
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class ExportActor:
    id: int
    name: str
    type: str
    mentions: int
    documents: int
    aliases: tuple[str, ...]
    roles: tuple[str, ...]
    ambiguous: bool
    dropped: bool  # curation took it out of the listings; its mentions stay


@dataclass(frozen=True, slots=True)
class ExportMention:
    id: int
    document: int
    paragraph: int
    sentence: int | None  # its sentence's position in the document (None: stored before m006)
    start: int
    end: int
    text: str
    actor_id: int
    actor: str
    type: str
    role: str | None
    source: str
    resolution: str | None
    name_in_document: str  # the name it resolved to in its document (كيم -> كيم جونغ أون)


@dataclass(frozen=True, slots=True)
class ExportClaim:
    id: int
    speaker: str
    speaker_actor: str | None
    speaker_actor_id: int | None
    cue: str
    content: str
    kind: str
    via: str | None
    document: int
    paragraph: int
    start: int
    end: int
    content_start: int
    content_end: int
    date: str | None  # the document's publication date, as in `newscorpus claims`
    title: str | None


@dataclass(frozen=True, slots=True)
class ExportDate:
    id: int
    document: int
    paragraph: int
    start: int
    end: int
    text: str
    value: str | None
    precision: str | None
    reason: str | None
    hijri: str | None


@dataclass(frozen=True, slots=True)
class ExportEvent:
    id: int
    document: int
    paragraph: int
    start: int
    end: int
    date: str
    precision: str
    text: str
    claim_id: int | None
    actor_ids: tuple[int, ...]
    actors: tuple[str, ...]


ColumnKind = Literal["int", "float", "str", "bool", "list[int]", "list[str]"]


@dataclass(frozen=True, slots=True)
class Column:
    name: str
    kind: ColumnKind
    nullable: bool


_KINDS: dict[Any, ColumnKind] = {int: "int", float: "float", str: "str", bool: "bool"}


def columns(record: type) -> tuple[Column, ...]:
    """The columns of a record type, from its field annotations."""
    hints = get_type_hints(record)
    found = []
    for field in fields(record):
        hint = hints[field.name]
        args = get_args(hint)
        nullable = isinstance(hint, types.UnionType) and type(None) in args
        if nullable:
            (hint,) = (arg for arg in args if arg is not type(None))
        if get_origin(hint) is tuple:
            kind: ColumnKind = "list[int]" if get_args(hint)[0] is int else "list[str]"
        else:
            kind = _KINDS[hint]
        found.append(Column(field.name, kind, nullable))
    return tuple(found)


@contextmanager
def snapshot(store: Store) -> Iterator[None]:
    """Read every table from one state of the store, even while an ingest writes to it
    (SQLite in WAL mode keeps a read transaction's view); inside one already, that one."""
    if store.db.in_transaction:
        yield
        return
    store.db.execute("BEGIN")
    try:
        yield
    finally:
        store.db.execute("COMMIT")  # nothing was written: this only ends the read


P = ParamSpec("P")
R = TypeVar("R")


def one_read(query: Callable[Concatenate[Store, P], R]) -> Callable[Concatenate[Store, P], R]:
    """Run a query of several statements in one ``snapshot``: a commit between two of them
    (an ingest or a curation merging away an actor the query has found) cannot leave it
    reading half the old state and half the new."""

    @functools.wraps(query)
    def read(store: Store, *args: P.args, **kwargs: P.kwargs) -> R:
        with snapshot(store):
            return query(store, *args, **kwargs)

    return read


# The tables that are one query each, their columns in the order of their record's fields.
SQL = {
    "documents": (
        "SELECT d.id, f.path, d.article_index, d.external_id, d.title, d.published,"
        " d.date_source, d.outlet, d.url, d.encoding, d.content_hash, d.offset_in_file,"
        " d.metadata, d.text FROM documents d JOIN files f ON f.id = d.file_id ORDER BY d.id"
    ),
    # substr counts characters, as Python offsets do: the paragraph's text as stored
    "paragraphs": (
        'SELECT p.document_id, p.idx, p.kind, p.duplicate_of, p.start, p."end",'
        ' substr(d.text, p.start + 1, p."end" - p.start) FROM paragraphs p'
        " JOIN documents d ON d.id = p.document_id ORDER BY p.document_id, p.idx"
    ),
    "mentions": (
        'SELECT m.id, m.document_id, m.paragraph, m.sentence, m.start, m."end", m.text,'
        " m.actor_id, a.name, a.type, m.role, m.source, m.resolution, m.name FROM mentions m"
        " JOIN actors a ON a.id = m.actor_id ORDER BY m.id"
    ),
    "claims": (
        "SELECT c.id, c.speaker, a.name, c.speaker_actor_id, c.cue, c.content, c.kind, c.via,"
        ' c.document_id, c.paragraph, c.start, c."end", c.content_start, c.content_end,'
        " d.published, d.title FROM claims c JOIN documents d ON d.id = c.document_id"
        " LEFT JOIN actors a ON a.id = c.speaker_actor_id ORDER BY c.id"
    ),
    "dates": (
        'SELECT id, document_id, paragraph, start, "end", text, value, precision, reason, hijri'
        " FROM dates ORDER BY id"
    ),
}


def documents(store: Store) -> Iterator[ExportDocument]:
    return (ExportDocument(*row) for row in store.db.execute(SQL["documents"]))


def paragraphs(store: Store) -> Iterator[ExportParagraph]:
    """Paragraphs with their text, sliced from the document's text."""
    return (ExportParagraph(*row) for row in store.db.execute(SQL["paragraphs"]))


def actors(store: Store) -> Iterator[ExportActor]:
    """Every actor, dropped ones too (flagged), with all its aliases and roles."""
    from newscorpus.query.actors import aliases, roles
    from newscorpus.query.lookup import ALL_ROWS

    for actor_id, name, kind, mentions, docs, ambiguous, dropped in store.db.execute(
        "SELECT id, name, type, mentions, documents, ambiguous, dropped FROM actors ORDER BY id"
    ).fetchall():
        yield ExportActor(
            actor_id,
            name,
            kind,
            mentions,
            docs,
            aliases(store, actor_id, limit=None),
            roles(store, actor_id, limit=ALL_ROWS),
            bool(ambiguous),
            bool(dropped),
        )


def mentions(store: Store) -> Iterator[ExportMention]:
    return (ExportMention(*row) for row in store.db.execute(SQL["mentions"]))


def claims(store: Store) -> Iterator[ExportClaim]:
    return (ExportClaim(*row) for row in store.db.execute(SQL["claims"]))


def dates(store: Store) -> Iterator[ExportDate]:
    return (ExportDate(*row) for row in store.db.execute(SQL["dates"]))


def events(store: Store) -> Iterator[ExportEvent]:
    """Events with the ids and names of their actors (in actor id order)."""
    rows = store.db.execute(
        'SELECT e.id, e.document_id, e.paragraph, e.start, e."end", e.date, e.precision, e.text,'
        " e.claim_id, a.id, a.name FROM events e"
        " LEFT JOIN event_actors ea ON ea.event_id = e.id"
        " LEFT JOIN actors a ON a.id = ea.actor_id ORDER BY e.id, a.id"
    )
    for _event_id, group in groupby(rows, key=lambda row: row[0]):
        linked = list(group)
        event_id, doc_id, paragraph, start, end, date, precision, text, claim_id = linked[0][:9]
        named = [row for row in linked if row[-2] is not None]
        yield ExportEvent(
            event_id,
            doc_id,
            paragraph,
            start,
            end,
            date,
            precision,
            text,
            claim_id,
            actor_ids=tuple(row[-2] for row in named),
            actors=tuple(row[-1] for row in named),
        )


Reader = Callable[[Store], Iterator[Any]]

# Table name -> (record type, reader), in the order an export writes them.
TABLES: dict[str, tuple[type, Reader]] = {
    "documents": (ExportDocument, documents),
    "paragraphs": (ExportParagraph, paragraphs),
    "actors": (ExportActor, actors),
    "mentions": (ExportMention, mentions),
    "claims": (ExportClaim, claims),
    "dates": (ExportDate, dates),
    "events": (ExportEvent, events),
}


def table_rows(store: Store, name: str) -> Iterator[tuple[Any, ...]]:
    """A table's rows as tuples in its record's field order (what files are written from):
    straight from SQLite for the one-query tables, without a record per row."""
    if name in SQL:
        return iter(store.db.execute(SQL[name]))
    record, read = TABLES[name]
    return map(attrgetter(*(f.name for f in fields(record))), read(store))


def table_names(names: str | Sequence[str] | None) -> tuple[str, ...]:
    """Tables asked for (a list, or names separated by commas), checked; all when None."""
    if names is None:
        return tuple(TABLES)
    if isinstance(names, str):
        names = names.split(",")
    wanted = [name.strip() for name in names if name.strip()]
    unknown = [name for name in wanted if name not in TABLES]
    if unknown or not wanted:
        raise NewsCorpusError(
            f"no table {', '.join(map(repr, unknown)) or 'named'}; the tables are "
            + ", ".join(TABLES)
        )
    return tuple(dict.fromkeys(wanted))
