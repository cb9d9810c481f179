"""What every command shares: the database and output options, declared once.

``listing`` is sqlite-utils' ``output_options`` for Typer: it adds ``--db``, ``--format``
and ``--json`` to a command written as ``fn(store, ...) -> rows``, opens the store (which
must exist), calls the function and hands its result to ``newscorpus.render``. Dates given
on the command line are checked here, so a bad one is a usage error (exit 2) everywhere.
"""

from __future__ import annotations

import functools
import inspect
import re
from collections.abc import Callable, Mapping, Sequence
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any, get_type_hints

import typer


class Format(StrEnum):
    table = "table"
    json = "json"
    ndjson = "ndjson"
    csv = "csv"


DbOption = Annotated[
    Path | None,
    typer.Option(
        "--db",
        help="SQLite database (default: $NEWSCORPUS_DB or ./newscorpus.db)",
        dir_okay=False,
        show_default=False,
    ),
]
# the query commands also read a Parquet dataset (a folder or an fsspec URL: kept a string,
# as a Path would fold "s3://" into "s3:/")
ReadDbOption = Annotated[
    str | None,
    typer.Option(
        "--db",
        help="SQLite database, or a dataset folder/URL made by `ingest --engine dask`"
        " (default: $NEWSCORPUS_DB or ./newscorpus.db)",
        show_default=False,
    ),
]
FormatOption = Annotated[
    Format, typer.Option("--format", "-f", help="Output format.", case_sensitive=False)
]
JsonOption = Annotated[bool, typer.Option("--json", help="Shorthand for --format json.")]


def output_format(fmt: Format, as_json: bool) -> str:
    return "json" if as_json else fmt.value


def check_day(value: str | None) -> str | None:
    """A ``--date`` value: YYYY-MM-DD."""
    if value is not None and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        raise typer.BadParameter("use YYYY-MM-DD, e.g. 2024-11-22")
    return value


def check_period(value: str | None) -> str | None:
    """A ``--since`` / ``--until`` value: YYYY, YYYY-MM or YYYY-MM-DD."""
    if value is not None and not re.fullmatch(r"\d{4}(?:-\d{2}(?:-\d{2})?)?", value):
        raise typer.BadParameter("use YYYY, YYYY-MM or YYYY-MM-DD, e.g. 2024-11")
    return value


SinceOption = Annotated[
    str | None,
    typer.Option("--since", help="From this date (YYYY[-MM[-DD]]).", callback=check_period),
]
UntilOption = Annotated[
    str | None,
    typer.Option("--until", help="Up to this date (YYYY[-MM[-DD]]).", callback=check_period),
]

OutletOption = Annotated[str | None, typer.Option("--outlet", help="Only articles of this outlet.")]

Renderer = Callable[[Any, str], object]


def rows(columns: Sequence[str] | None = None, widths: Mapping[str, int] | None = None) -> Renderer:
    """Render a listing: a table with these columns (and trimmed widths), or JSON/CSV."""

    def render(result: Any, fmt: str) -> object:
        from newscorpus.render import emit

        return emit(result, fmt, columns=columns, widths=widths)

    return render


def record(columns: Mapping[str, Sequence[str]] | None = None) -> Renderer:
    """Render one record (``stats``, ``actor``): labelled sections in a table."""

    def render(result: Any, fmt: str) -> object:
        from newscorpus.render import emit_record

        emit_record(result, fmt, columns=columns)
        return None

    return render


def listing(render: Renderer) -> Callable[[Callable[..., Any]], Callable[..., None]]:
    """Decorate ``fn(store, **options)``: add the shared options, open the store, render."""

    def decorate(fn: Callable[..., Any]) -> Callable[..., None]:
        hints = get_type_hints(fn, include_extras=True)
        own = list(inspect.signature(fn).parameters.values())[1:]  # all but the store
        shared: dict[str, tuple[object, object]] = {
            "db": (ReadDbOption, None),
            "fmt": (FormatOption, Format.table),
            "as_json": (JsonOption, False),
        }
        parameters = [p.replace(annotation=hints[p.name]) for p in own] + [
            inspect.Parameter(name, inspect.Parameter.KEYWORD_ONLY, default=d, annotation=a)
            for name, (a, d) in shared.items()
        ]

        @functools.wraps(fn)
        def command(**options: Any) -> None:
            from newscorpus.store import open_reader

            db, fmt, as_json = options.pop("db"), options.pop("fmt"), options.pop("as_json")
            with open_reader(db) as store:
                render(fn(store, **options), output_format(fmt, as_json))

        command.__signature__ = inspect.Signature(parameters)  # type: ignore[attr-defined]
        command.__annotations__ = {p.name: p.annotation for p in parameters}
        return command

    return decorate
