"""``newscorpus ingest``: read articles into the store."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated, Any

import typer

from newscorpus.cli.common import (
    DbOption,
    Format,
    FormatOption,
    JsonOption,
    check_day,
    output_format,
)
from newscorpus.load.formats import InputFormat

DateOption = Annotated[
    str | None,
    typer.Option(
        "--date",
        help="Publication date (YYYY-MM-DD) for articles whose metadata has none.",
        callback=check_day,
    ),
]


def check_fields(values: list[str] | None) -> list[str] | None:
    from newscorpus.load.options import parse_field

    for value in values or ():
        try:
            parse_field(value)
        except ValueError as error:
            raise typer.BadParameter(str(error)) from None
    return values


FieldOption = Annotated[
    list[str] | None,
    typer.Option(
        "--field",
        metavar="ROLE=FIELD",
        help="Which field or column holds what (repeatable): text, title, date, outlet, url, "
        "id; e.g. --field date=date_extracted. Also settable in newscorpus.toml.",
        callback=check_fields,
    ),
]
DateFormatOption = Annotated[
    str | None,
    typer.Option(
        "--date-format",
        help='strptime layout for dates no built-in layout reads, e.g. "%d.%m.%Y".',
    ),
]


class Engine(StrEnum):
    sqlite = "sqlite"
    dask = "dask"


def ingest(
    paths: Annotated[
        list[str],
        typer.Argument(help="Files, folders, archives (.tar.gz, .zip, .gz), or - for stdin."),
    ],
    db: DbOption = None,
    input_format: Annotated[
        InputFormat, typer.Option("--input-format", help="Input format; auto sniffs each file.")
    ] = InputFormat.auto,
    date: DateOption = None,
    field: FieldOption = None,
    date_format: DateFormatOption = None,
    config: Annotated[
        str | None,
        typer.Option(
            "--config", help="A newscorpus.toml (default: the one in the first input folder)."
        ),
    ] = None,
    reanalyze: Annotated[
        bool,
        typer.Option(
            "--reanalyze", help="Analyze every file again, unchanged or not (after an upgrade)."
        ),
    ] = False,
    workers: Annotated[
        int | None,
        typer.Option("--workers", "-w", min=1, help="Analysis processes (default: CPU cores)."),
    ] = None,
    engine: Annotated[
        Engine,
        typer.Option(
            "--engine",
            help="sqlite: into the database (--db); dask: on a Dask cluster into a Parquet"
            " dataset (--out), which the query commands read with --db DATASET.",
        ),
    ] = Engine.sqlite,
    out: Annotated[
        str | None,
        typer.Option("--out", help="With --engine dask: the dataset (a folder or fsspec URL)."),
    ] = None,
    scheduler: Annotated[
        str | None,
        typer.Option(
            "--scheduler",
            help="With --engine dask: a running scheduler's address (default: a local"
            " cluster of --workers processes).",
        ),
    ] = None,
    files_per_part: Annotated[
        int,
        typer.Option("--files-per-part", min=1, help="With --engine dask: files per task."),
    ] = 200,
    fmt: FormatOption = Format.table,
    as_json: JsonOption = False,
) -> None:
    """Read articles, split paragraphs, analyze, and store them (skips unchanged files)."""
    from newscorpus.ingest import count_inputs
    from newscorpus.ingest import ingest as run_ingest
    from newscorpus.render import Progress, emit, emit_record, message, stderr_is_terminal

    if engine is Engine.dask and out is None:
        raise typer.BadParameter("--engine dask writes a dataset: name it", param_hint="--out")
    if engine is Engine.dask and db is not None:
        raise typer.BadParameter(
            "--engine dask writes the dataset --out, not --db", param_hint="--db"
        )
    if engine is Engine.sqlite and (out or scheduler):
        raise typer.BadParameter("--out and --scheduler need --engine dask", param_hint="--engine")
    bar = Progress(count_inputs(paths) if stderr_is_terminal() else None, "ingest")
    loading: dict[str, Any] = {
        "input_format": input_format.value,
        "date": date,
        "fields": field or (),
        "date_format": date_format,
        "config": config,
        "reanalyze": reanalyze,
        "progress": lambda s: bar.update(s.files_done, s.articles / max(s.seconds, 1e-9)),
    }
    try:
        if engine is Engine.dask:
            from newscorpus.scale import DaskOptions, ingest_dataset

            summary = ingest_dataset(
                paths, str(out), dask=DaskOptions(scheduler, workers, files_per_part), **loading
            )
        else:
            summary = run_ingest(
                paths, db=db, workers=workers, **loading,
                on_wait=lambda: message("Waiting for another ingest into this database to finish…"),
            )  # fmt: skip
    finally:
        bar.close()
    for failure in summary.failures:
        message(f"failed: {failure.path}: {failure.reason}")
    for warning in summary.warnings:
        message(f"warning: {warning.path}: {warning.message}")
    fmt_name = output_format(fmt, as_json)
    result = summary.as_dict()
    if fmt_name == "table":
        del result["failures"], result["warnings"]
        emit_record(result, "table")
    elif fmt_name in ("json", "ndjson"):
        emit_record(result, fmt_name)
    else:
        emit(summary.failures, "csv")
    if summary.interrupted:
        message("Interrupted: what is shown above is stored; run the same command again to finish.")
        raise typer.Exit(130)
    if summary.failures:
        raise typer.Exit(1)


def register(app: typer.Typer) -> None:
    app.command()(ingest)
