"""``newscorpus network``: who appears with whom, as a listing or a graph for Gephi."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

import typer

from newscorpus.cli.common import OutletOption, ReadDbOption, SinceOption, UntilOption


class Window(StrEnum):
    sentence = "sentence"
    paragraph = "paragraph"


class ActorType(StrEnum):
    person = "person"
    organization = "organization"
    place = "place"


class NetworkFormat(StrEnum):
    table = "table"
    json = "json"
    ndjson = "ndjson"
    csv = "csv"
    graphml = "graphml"
    gexf = "gexf"


def network(
    actor: Annotated[
        str | None, typer.Option("--actor", "-a", help="Its ego network: its pairs and theirs.")
    ] = None,
    actor_type: Annotated[
        list[ActorType] | None,
        typer.Option("--type", "-t", help="Only actors of this type (repeatable)."),
    ] = None,
    window: Annotated[
        Window, typer.Option("--window", "-w", help="Co-occurrence within a sentence or paragraph.")
    ] = Window.sentence,
    min_weight: Annotated[
        int, typer.Option("--min-weight", min=1, help="Pairs sharing at least this many windows.")
    ] = 2,
    top: Annotated[
        int, typer.Option("--top", "-n", min=0, help="The heaviest pairs (0: all).")
    ] = 100,
    since: SinceOption = None,
    until: UntilOption = None,
    outlet: OutletOption = None,
    db: ReadDbOption = None,
    fmt: Annotated[
        NetworkFormat,
        typer.Option("--format", "-f", help="A listing of pairs, or a graph file (to stdout)."),
    ] = NetworkFormat.table,
    as_json: Annotated[bool, typer.Option("--json", help="Same as --format json.")] = False,
) -> None:
    """Actor co-occurrence: pairs with their shared windows, Dice and PMI."""
    from newscorpus.query.network import network as query
    from newscorpus.render import emit_network
    from newscorpus.store import open_reader

    with open_reader(db) as store:
        result = query(
            store, actor=actor, types=tuple(t.value for t in actor_type or ()),
            window=window.value, min_weight=min_weight, top=top or None,
            since=since, until=until, outlet=outlet,
        )  # fmt: skip
    emit_network(result, "json" if as_json else fmt.value)


def register(app: typer.Typer) -> None:
    app.command()(network)
