"""``newscorpus timeline``: dated events across all articles, oldest first."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

import typer

from newscorpus.cli.common import DbOption, Format, FormatOption, JsonOption, output_format


class Precision(StrEnum):
    day = "day"
    month = "month"
    year = "year"


def timeline(
    actor: Annotated[
        str | None, typer.Option("--actor", "-a", help="Events involving this actor.")
    ] = None,
    since: Annotated[
        str | None, typer.Option("--since", help="From this date (YYYY[-MM[-DD]]).")
    ] = None,
    until: Annotated[
        str | None, typer.Option("--until", help="Up to this date (YYYY[-MM[-DD]]).")
    ] = None,
    precision: Annotated[
        Precision | None,
        typer.Option("--precision", help="Only events dated at least this precisely."),
    ] = None,
    db: DbOption = None,
    fmt: FormatOption = Format.table,
    as_json: JsonOption = False,
) -> None:
    """A story in dates: each entry with its date, sentence, actors and sources."""
    from newscorpus.render import emit_timeline
    from newscorpus.store import open_store
    from newscorpus.store.timeline import timeline as query

    with open_store(db, create=False) as store:
        rows = query(
            store,
            actor=actor,
            since=since,
            until=until,
            precision=precision.value if precision else None,
        )
        emit_timeline(rows, output_format(fmt, as_json))


def register(app: typer.Typer) -> None:
    app.command()(timeline)
