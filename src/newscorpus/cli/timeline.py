"""``newscorpus timeline``: dated events across all articles, oldest first."""

from __future__ import annotations

from collections.abc import Iterator
from enum import StrEnum
from typing import Annotated, Any

import typer

from newscorpus.cli.common import SinceOption, UntilOption, listing
from newscorpus.store import Store


class Precision(StrEnum):
    day = "day"
    month = "month"
    year = "year"


def _render(entries: Any, fmt: str) -> None:
    from newscorpus.render import emit_timeline

    emit_timeline(entries, fmt)


@listing(_render)
def timeline(
    store: Store,
    actor: Annotated[
        str | None, typer.Option("--actor", "-a", help="Events involving this actor.")
    ] = None,
    since: SinceOption = None,
    until: UntilOption = None,
    precision: Annotated[
        Precision | None,
        typer.Option("--precision", help="Only events dated at least this precisely."),
    ] = None,
) -> Iterator[Any]:
    """A story in dates: each entry with its date, sentence, actors and sources."""
    from newscorpus.query import timeline as query

    return query(
        store,
        actor=actor,
        since=since,
        until=until,
        precision=precision.value if precision else None,
    )


def register(app: typer.Typer) -> None:
    app.command()(timeline)
