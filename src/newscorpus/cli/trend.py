"""``newscorpus trend``: mentions of actors (or search hits) per day, week, month or year."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated, Any

import typer

from newscorpus.cli.common import SinceOption, UntilOption, listing
from newscorpus.store import Store


class Period(StrEnum):
    day = "day"
    week = "week"
    month = "month"
    year = "year"


def _render(series: Any, fmt: str) -> None:
    from newscorpus.render import emit_trend

    emit_trend(series, fmt)


@listing(_render)
def trend(
    store: Store,
    names: Annotated[
        list[str],
        typer.Argument(help="Actors (any spelling), or search queries for other words."),
    ],
    by: Annotated[Period, typer.Option("--by", help="The period counted.")] = Period.month,
    search: Annotated[
        bool, typer.Option("--search", "-s", help="Treat every NAME as a search query.")
    ] = False,
    since: SinceOption = None,
    until: UntilOption = None,
) -> Any:
    """When each was in the news: counts per period, with a sparkline."""
    from newscorpus.query.trend import trend as query

    return query(store, names, by=by.value, search=search, since=since, until=until)


def register(app: typer.Typer) -> None:
    app.command()(trend)
