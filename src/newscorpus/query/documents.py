"""What went into the store: counts, the list of articles, one article's paragraphs."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass

from newscorpus.query.lookup import document_id
from newscorpus.store import Store


@dataclass(frozen=True, slots=True)
class Stats:
    database: str
    files: int
    documents: int
    paragraphs: dict[str, int]  # kind -> count
    repeated_paragraphs: int
    actors: dict[str, int]  # type -> count
    mentions: int
    claims: int
    dates: int
    events: int
    published_from: str | None
    published_to: str | None
    publication_dates: dict[str, int]  # date source -> documents


@dataclass(frozen=True, slots=True)
class DocumentRow:
    id: int
    path: str
    article: int
    title: str | None
    published: str | None
    date_source: str
    outlet: str | None
    paragraphs: int


@dataclass(frozen=True, slots=True)
class ParagraphRow:
    index: int
    kind: str  # "caption (repeat of 1)" for a repeated paragraph
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class MetadataField:
    field: str
    value: str


@dataclass(frozen=True, slots=True)
class DocumentRecord:
    id: int
    path: str
    article: int
    external_id: str | None
    title: str | None
    published: str | None
    date_source: str
    outlet: str | None
    url: str | None
    encoding: str
    content_hash: str
    offset_in_file: int
    mentions: int
    claims: int
    dates: int
    events: int
    metadata: tuple[MetadataField, ...]
    paragraphs: tuple[ParagraphRow, ...]


def stats(store: Store) -> Stats:
    db = store.db

    def count(sql: str) -> int:
        return int(db.execute(sql).fetchone()[0])

    first, last = db.execute("SELECT min(published), max(published) FROM documents").fetchone()
    return Stats(
        database=str(store.path),
        files=count("SELECT count(*) FROM files"),
        documents=count("SELECT count(*) FROM documents"),
        paragraphs=dict(
            db.execute("SELECT kind, count(*) FROM paragraphs GROUP BY kind ORDER BY kind")
        ),
        repeated_paragraphs=count("SELECT count(*) FROM paragraphs WHERE duplicate_of IS NOT NULL"),
        actors=dict(db.execute("SELECT type, count(*) FROM actors GROUP BY type ORDER BY type")),
        mentions=count("SELECT count(*) FROM mentions"),
        claims=count("SELECT count(*) FROM claims"),
        dates=count("SELECT count(*) FROM dates"),
        events=count("SELECT count(*) FROM events"),
        published_from=first,
        published_to=last,
        publication_dates=dict(
            db.execute("SELECT date_source, count(*) FROM documents GROUP BY 1 ORDER BY 1")
        ),
    )


def documents(store: Store) -> Iterator[DocumentRow]:
    rows = store.db.execute(
        "SELECT d.id, f.path, d.article_index, d.title, d.published, d.date_source, d.outlet,"
        " (SELECT count(*) FROM paragraphs p WHERE p.document_id = d.id)"
        " FROM documents d JOIN files f ON d.file_id = f.id ORDER BY d.id"
    )
    for row in rows:
        yield DocumentRow(*row)


def show(store: Store, ref: str) -> DocumentRecord:
    """One document's metadata, counts of what was found in it, and its paragraphs."""
    db = store.db
    doc_id = document_id(store, ref)
    row = db.execute(
        "SELECT d.id, f.path, d.article_index, d.external_id, d.title, d.published,"
        " d.date_source, d.outlet, d.url, d.encoding, d.content_hash, d.offset_in_file, d.metadata,"
        " d.text FROM documents d JOIN files f ON d.file_id = f.id WHERE d.id = ?",
        (doc_id,),
    ).fetchone()
    text = row[-1]
    metadata = tuple(
        MetadataField(name, value) for name, value in json.loads(row[-2] or "{}").items()
    )
    counts = {
        name: db.execute(
            f"SELECT count(*) FROM {name} WHERE document_id = ?", (doc_id,)
        ).fetchone()[0]
        for name in ("mentions", "claims", "dates", "events")
    }
    paragraphs = tuple(
        ParagraphRow(
            idx,
            kind if duplicate_of is None else f"{kind} (repeat of {duplicate_of})",
            start,
            end,
            text[start:end],
        )
        for idx, start, end, kind, duplicate_of in db.execute(
            'SELECT idx, start, "end", kind, duplicate_of FROM paragraphs'
            " WHERE document_id = ? ORDER BY idx",
            (doc_id,),
        )
    )
    fields = (
        "id path article external_id title published date_source outlet url encoding"
        " content_hash offset_in_file"
    ).split()
    return DocumentRecord(
        **dict(zip(fields, row[:-2], strict=True)),
        **counts,
        metadata=metadata,
        paragraphs=paragraphs,
    )
