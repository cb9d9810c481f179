"""``newscorpus report``: a self-contained HTML page to read and share a corpus."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from newscorpus.cli.common import OutletOption, ReadDbOption, SinceOption, UntilOption


def report(
    output: Annotated[
        Path,
        typer.Option(
            "--output", "-o", help="The HTML file to write (replaced if it exists).", dir_okay=False
        ),
    ] = Path("report.html"),
    actor: Annotated[
        str | None,
        typer.Option(
            "--actor",
            "-a",
            help="A report on one actor: its network, timeline, claims, and what"
            " others said about it.",
        ),
    ] = None,
    since: SinceOption = None,
    until: UntilOption = None,
    outlet: OutletOption = None,
    top: Annotated[
        int,
        typer.Option(
            "--top",
            "-n",
            min=1,
            max=500,
            help="Actors of each type and speakers shown; twice as many events.",
        ),
    ] = 20,
    title: Annotated[str | None, typer.Option("--title", help="The page's title.")] = None,
    db: ReadDbOption = None,
) -> None:
    """Write one HTML file (offline, right-to-left) with the corpus's actors and their
    network, timeline and claims, each linked to its place in the article."""
    from newscorpus.query.report import report as query
    from newscorpus.render import emit_record, human_size
    from newscorpus.report import write_report
    from newscorpus.store import open_reader

    with open_reader(db) as store:
        result = query(
            store, title=title, actor=actor, since=since, until=until, outlet=outlet, top=top
        )
    size = write_report(result, output)
    emit_record(
        {
            "report": str(output),
            "size": human_size(size),
            "articles": result.overview.documents,
            "actors": len(result.profiles),
            "events": len(result.events),
            "speakers": len(result.speakers),
            "articles_linked": len(result.articles),
        },
        "table",
    )


def register(app: typer.Typer) -> None:
    app.command()(report)
