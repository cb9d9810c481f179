"""``newscorpus stats``, ``documents`` and ``show``: what went into the store."""

from __future__ import annotations

from typing import Annotated

import typer

from newscorpus.cli.common import DbOption, Format, FormatOption, JsonOption, output_format


def stats(
    db: DbOption = None, fmt: FormatOption = Format.table, as_json: JsonOption = False
) -> None:
    """Counts of files, articles, paragraphs by kind, actors, claims, dates and events."""
    from newscorpus.render import emit_record
    from newscorpus.store import open_store
    from newscorpus.store.queries import stats as query

    with open_store(db, create=False) as store:
        emit_record(query(store), output_format(fmt, as_json))


def documents(
    db: DbOption = None, fmt: FormatOption = Format.table, as_json: JsonOption = False
) -> None:
    """List stored articles with their ids, titles and publication dates."""
    from newscorpus.render import emit
    from newscorpus.store import open_store
    from newscorpus.store.queries import documents as query

    with open_store(db, create=False) as store:
        emit(
            query(store),
            output_format(fmt, as_json),
            columns=["id", "path", "article", "title", "published", "outlet"],
            widths={"title": 50},
        )


def show(
    doc: Annotated[
        str, typer.Argument(help="Document id, path (path#N for the N-th article) or DOCNO.")
    ],
    db: DbOption = None,
    fmt: FormatOption = Format.table,
    as_json: JsonOption = False,
) -> None:
    """Show one article: metadata, and its paragraphs with their kinds."""
    from newscorpus.render import emit, emit_record
    from newscorpus.store import open_store
    from newscorpus.store.queries import show as query

    fmt_name = output_format(fmt, as_json)
    with open_store(db, create=False) as store:
        record = query(store, doc)
    if fmt_name in ("ndjson", "csv"):
        emit(record["paragraphs"], fmt_name)
    else:
        emit_record(record, fmt_name)


def register(app: typer.Typer) -> None:
    app.command()(stats)
    app.command()(documents)
    app.command()(show)
