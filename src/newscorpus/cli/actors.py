"""``newscorpus actors`` and ``newscorpus actor``: who appears in the corpus."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

import typer

from newscorpus.cli.common import DbOption, Format, FormatOption, JsonOption, output_format


class ActorType(StrEnum):
    person = "person"
    organization = "organization"
    place = "place"


def actors(
    top: Annotated[int, typer.Option("--top", "-n", min=0, help="How many (0 for all).")] = 20,
    actor_type: Annotated[ActorType | None, typer.Option("--type", help="Only this type.")] = None,
    document: Annotated[
        str | None, typer.Option("--document", "-d", help="Only actors of this document.")
    ] = None,
    db: DbOption = None,
    fmt: FormatOption = Format.table,
    as_json: JsonOption = False,
) -> None:
    """People, organizations and places, merged across spellings, most mentioned first."""
    from newscorpus.render import emit
    from newscorpus.store import open_store
    from newscorpus.store.queries import actors as query

    with open_store(db, create=False) as store:
        rows = query(
            store, top=top, actor_type=actor_type.value if actor_type else None, document=document
        )
        emit(
            rows,
            output_format(fmt, as_json),
            columns=["name", "type", "mentions", "documents", "aliases", "roles"],
            widths={"aliases": 50, "roles": 40},
        )


def actor(
    name: Annotated[str, typer.Argument(help="Any name or spelling of the actor.")],
    db: DbOption = None,
    fmt: FormatOption = Format.table,
    as_json: JsonOption = False,
) -> None:
    """One actor: aliases, roles, mentions per document, who it appears with, its claims."""
    from newscorpus.render import emit_record
    from newscorpus.store import open_store
    from newscorpus.store.queries import actor as query

    with open_store(db, create=False) as store:
        emit_record(
            query(store, name),
            output_format(fmt, as_json),
            columns={"claims": ["speaker", "cue", "content", "kind", "document", "date"]},
        )


def register(app: typer.Typer) -> None:
    app.command()(actors)
    app.command()(actor)
