"""``newscorpus search``: where a word, a phrase or an actor is used, in context."""

from __future__ import annotations

from collections.abc import Iterator
from enum import StrEnum
from typing import Annotated, Any

import typer

from newscorpus.cli.common import OutletOption, SinceOption, UntilOption, listing
from newscorpus.store import Store


class Kind(StrEnum):
    heading = "heading"
    body = "body"
    caption = "caption"
    embed = "embed"
    boilerplate = "boilerplate"
    all = "all"


def _render(hits: Any, fmt: str) -> None:
    from newscorpus.render import emit

    emit(
        hits,
        fmt,
        columns=["document", "date", "before", "match", "after"],
        widths={"date": 10, "before": 60, "after": 60},
        styles={"match": "bold yellow"},
    )


@listing(_render)
def search(
    store: Store,
    query: Annotated[
        str | None,
        typer.Argument(
            help='Words (بالقدس finds القدس), "a phrase", prefix*, OR, NOT, (groups).',
            show_default=False,
        ),
    ] = None,
    actor: Annotated[
        str | None,
        typer.Option("--actor", "-a", help="Every mention of this actor, under all its names."),
    ] = None,
    context: Annotated[
        int, typer.Option("--context", "-c", min=0, max=100, help="Words shown on each side.")
    ] = 8,
    since: SinceOption = None,
    until: UntilOption = None,
    outlet: OutletOption = None,
    document: Annotated[
        str | None, typer.Option("--document", "-d", help="Only this document (id or path).")
    ] = None,
    kind: Annotated[
        list[Kind] | None,
        typer.Option(
            "--kind", help="Paragraph kinds searched (repeatable) (default: all but boilerplate)."
        ),
    ] = None,
    limit: Annotated[
        int, typer.Option("--limit", "-n", min=0, help="At most this many hits (0: all).")
    ] = 100,
) -> Iterator[Any]:
    """A concordance: each hit with its document, date and the words around it."""
    from newscorpus.query.search import DEFAULT_KINDS, KINDS
    from newscorpus.query.search import search as query_search

    chosen = [k.value for k in kind or []]
    kinds = KINDS if "all" in chosen else tuple(chosen) or DEFAULT_KINDS
    return query_search(
        store, query, actor=actor, context=context, since=since, until=until, outlet=outlet,
        document=document, kinds=kinds, limit=limit or None,
    )  # fmt: skip


def register(app: typer.Typer) -> None:
    app.command()(search)
