"""The ``newscorpus`` command: a Typer app, one module per command group.

Commands parse options, call one library function, and hand the rows to
``newscorpus.render``. Library errors (``NewsCorpusError``) become ``Error: ...`` on stderr
and exit status 1; misuse of options exits 2 (Typer/Click). Nothing heavy is imported
here, so ``newscorpus --help`` starts fast.
"""

from __future__ import annotations

from typing import Any

import typer
from typer.core import TyperGroup

from newscorpus.errors import NewsCorpusError


class _Group(TyperGroup):
    """Turns library errors into one clear line instead of a traceback."""

    def invoke(self, ctx: Any) -> Any:  # typer's vendored click Context
        try:
            return super().invoke(ctx)
        except NewsCorpusError as error:
            from newscorpus.render import message

            message(f"Error: {error}")
            raise typer.Exit(1) from None


app = typer.Typer(
    cls=_Group,
    name="newscorpus",
    help="Analyze corpora of Arabic news: who appears, who said what, and when.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_show_locals=False,  # locals hold article text
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _register() -> None:
    from newscorpus.cli import (
        actors,
        browse,
        check,
        claims,
        curate,
        evaluate,
        export,
        extract,
        ingest,
        network,
        report,
        search,
        timeline,
        trend,
    )

    commands = (
        ingest,
        browse,
        extract,
        actors,
        claims,
        timeline,
        search,
        network,
        trend,
        export,
        report,
        check,
    )
    for module in commands:
        module.register(app)
    app.add_typer(curate.app, name="curate")
    app.add_typer(evaluate.app, name="eval")


_register()


def main() -> None:
    app()
