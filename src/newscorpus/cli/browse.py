"""``newscorpus stats``, ``documents`` and ``show``: what went into the store."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated, Any

import typer

from newscorpus.cli.common import listing, record, rows
from newscorpus.store import Store


@listing(record())
def stats(store: Store) -> Any:
    """Counts of files, articles, paragraphs by kind, actors, claims, dates and events."""
    from newscorpus.query import stats as query

    return query(store)


@listing(
    rows(columns=["id", "path", "article", "title", "published", "outlet"], widths={"title": 50})
)
def documents(store: Store) -> Iterator[Any]:
    """List stored articles with their ids, titles and publication dates."""
    from newscorpus.query import documents as query

    return query(store)


def _show(result: Any, fmt: str) -> None:
    from newscorpus.render import emit, emit_record

    if fmt in ("ndjson", "csv"):
        emit(result.paragraphs, fmt)  # one row per paragraph
    else:
        emit_record(result, fmt)


@listing(_show)
def show(
    store: Store,
    doc: Annotated[
        str, typer.Argument(help="Document id, path (path#N for the N-th article) or DOCNO.")
    ],
) -> Any:
    """Show one article: metadata, and its paragraphs with their kinds."""
    from newscorpus.query import show as query

    return query(store, doc)


def register(app: typer.Typer) -> None:
    app.command()(stats)
    app.command()(documents)
    app.command()(show)
