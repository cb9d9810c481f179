"""``newscorpus claims``: who said what."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

import typer

from newscorpus.cli.common import DbOption, Format, FormatOption, JsonOption, output_format


class ClaimKind(StrEnum):
    direct = "direct"
    indirect = "indirect"
    mixed = "mixed"


def claims(
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
    db: DbOption = None,
    fmt: FormatOption = Format.table,
    as_json: JsonOption = False,
) -> None:
    """Attributed statements: speaker, cue, the words claimed, where and when."""
    from newscorpus.render import emit
    from newscorpus.store import open_store
    from newscorpus.store.queries import claims as query

    with open_store(db, create=False) as store:
        rows = query(
            store,
            speaker=speaker,
            about=about,
            document=document,
            kind=kind.value if kind else None,
        )
        emit(
            rows,
            output_format(fmt, as_json),
            columns=["speaker", "cue", "content", "kind", "document", "date"],
            widths={"content": 90, "speaker": 30},
        )


def register(app: typer.Typer) -> None:
    app.command()(claims)
