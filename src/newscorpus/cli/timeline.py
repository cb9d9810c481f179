"""``newscorpus timeline``: the events of the corpus, dated, with their sources."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated, Any

import typer

from newscorpus.cli.common import OutletOption, SinceOption, UntilOption, listing
from newscorpus.store import Store


class Precision(StrEnum):
    day = "day"
    month = "month"
    year = "year"


class Rank(StrEnum):
    sources = "sources"
    mentions = "mentions"


def _render(view: Any, fmt: str) -> None:
    from newscorpus.render import emit_timeline, message

    emit_timeline(view.entries, fmt)
    if view.live:
        message(
            "the timeline's stories are not current (an ingest stopped before it kept them):"
            " clustered for this answer; the next `newscorpus ingest` keeps them again"
        )
    if view.top is not None:
        message(
            f"{view.top:,} of {view.total:,} events, the most told (by {view.rank}), in date"
            " order; --all for every one, --top N, --since/--until, --actor, --outlet,"
            " --precision to narrow"
        )


@listing(_render)
def timeline(
    store: Store,
    actor: Annotated[
        str | None, typer.Option("--actor", "-a", help="Events involving this actor.")
    ] = None,
    since: SinceOption = None,
    until: UntilOption = None,
    outlet: OutletOption = None,
    precision: Annotated[
        Precision | None,
        typer.Option("--precision", help="Only events dated at least this precisely."),
    ] = None,
    top: Annotated[
        int, typer.Option("--top", "-n", min=1, help="How many events: the most told.")
    ] = 50,
    rank: Annotated[
        Rank,
        typer.Option("--rank", help="Most told by sources (articles) or mentions (sentences)."),
    ] = Rank.sources,
    everything: Annotated[
        bool, typer.Option("--all", help="Every event that meets the filters.")
    ] = False,
) -> Any:
    """The events of the corpus in date order, each with its sentence, actors and sources:
    the 50 told by the most articles, or --top N, or --all."""
    from newscorpus.query.timeline import timeline_view

    return timeline_view(
        store,
        actor=actor,
        since=since,
        until=until,
        outlet=outlet,
        precision=precision.value if precision else None,
        top=None if everything else top,
        rank=rank.value,
    )


def register(app: typer.Typer) -> None:
    app.command()(timeline)
