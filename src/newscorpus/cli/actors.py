"""``newscorpus actors`` and ``newscorpus actor``: who appears in the corpus."""

from __future__ import annotations

from collections.abc import Iterator
from enum import StrEnum
from typing import Annotated, Any

import typer

from newscorpus.cli.common import listing, record, rows
from newscorpus.store import Store


class ActorType(StrEnum):
    person = "person"
    organization = "organization"
    place = "place"


@listing(
    rows(
        columns=["name", "type", "mentions", "documents", "aliases", "roles", "ambiguous"],
        widths={"aliases": 50, "roles": 40},
    )
)
def actors(
    store: Store,
    top: Annotated[int, typer.Option("--top", "-n", min=0, help="How many (0 for all).")] = 20,
    actor_type: Annotated[ActorType | None, typer.Option("--type", help="Only this type.")] = None,
    document: Annotated[
        str | None, typer.Option("--document", "-d", help="Only actors of this document.")
    ] = None,
) -> Iterator[Any]:
    """People, organizations and places, merged across spellings, most mentioned first."""
    from newscorpus.query import actors as query

    return query(
        store, top=top, actor_type=actor_type.value if actor_type else None, document=document
    )


@listing(record(columns={"claims": ["speaker", "cue", "content", "kind", "document", "date"]}))
def actor(
    store: Store,
    name: Annotated[str, typer.Argument(help="Any name or spelling of the actor.")],
    why: Annotated[
        bool, typer.Option("--why", help="Each alias with the evidence that joined it.")
    ] = False,
) -> Any:
    """One actor: aliases, roles, mentions per document, who it appears with, its claims."""
    from newscorpus.query import actor as query
    from newscorpus.query.actors import why as explain

    return explain(store, name) if why else query(store, name)


def register(app: typer.Typer) -> None:
    app.command()(actors)
    app.command()(actor)
