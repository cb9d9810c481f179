"""``newscorpus claims``: who said what."""

from __future__ import annotations

from collections.abc import Iterator
from enum import StrEnum
from typing import Annotated, Any

import typer

from newscorpus.cli.common import listing, rows
from newscorpus.store import Store


class ClaimKind(StrEnum):
    direct = "direct"
    indirect = "indirect"
    mixed = "mixed"


@listing(
    rows(
        columns=["speaker", "cue", "content", "kind", "document", "date"],
        widths={"content": 90, "speaker": 30},
    )
)
def claims(
    store: Store,
    speaker: Annotated[
        str | None, typer.Option("--speaker", "-s", help="Said by this actor (any spelling).")
    ] = None,
    about: Annotated[
        str | None, typer.Option("--about", help="Mentioning this actor in the claimed words.")
    ] = None,
    document: Annotated[
        str | None, typer.Option("--document", "-d", help="Only in this document.")
    ] = None,
    kind: Annotated[
        ClaimKind | None, typer.Option("--kind", help="Quoted (direct) or reported (indirect).")
    ] = None,
) -> Iterator[Any]:
    """Attributed statements: speaker, cue, the words claimed, where and when."""
    from newscorpus.query import claims as query

    return query(
        store, speaker=speaker, about=about, document=document, kind=kind.value if kind else None
    )


def register(app: typer.Typer) -> None:
    app.command()(claims)
