"""``newscorpus export``: every table of the store as Parquet or CSV files in a folder."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from newscorpus.cli.common import ReadDbOption
from newscorpus.errors import NewsCorpusError


class FileFormat(StrEnum):
    parquet = "parquet"
    csv = "csv"


def check_tables(value: str | None) -> str | None:
    from newscorpus.query.export import table_names

    if value is not None:
        try:
            table_names(value)
        except NewsCorpusError as error:
            raise typer.BadParameter(str(error)) from None
    return value


def export(
    directory: Annotated[
        Path,
        typer.Argument(
            metavar="DIR", help="Folder to write <table>.parquet or <table>.csv into (created)."
        ),
    ],
    fmt: Annotated[
        FileFormat,
        typer.Option(
            "--format",
            "-f",
            case_sensitive=False,
            help="Parquet (typed columns) or CSV (UTF-8 with BOM, opens in Excel).",
        ),
    ] = FileFormat.parquet,
    tables: Annotated[
        str | None,
        typer.Option(
            "--tables",
            "-t",
            metavar="NAMES",
            help="Only these, comma-separated: documents, paragraphs, actors, mentions, claims,"
            " dates, events (default: all).",
            callback=check_tables,
        ),
    ] = None,
    force: Annotated[
        bool,
        typer.Option(
            "--force", help="Replace the files of an earlier export (no other file is touched)."
        ),
    ] = False,
    db: ReadDbOption = None,
) -> None:
    """Write every table (articles with their text, paragraphs, actors, mentions, claims,
    dates, events) as files that pandas, DuckDB and spreadsheets open."""
    from newscorpus.export import export as run_export
    from newscorpus.render import emit, human_size
    from newscorpus.store import open_reader

    with open_reader(db) as store:
        summary = run_export(store, directory, fmt=fmt.value, tables=tables, force=force)
    emit(
        (
            {
                "table": t.table,
                "rows": t.rows,
                "file": Path(t.file).name,
                "size": human_size(t.bytes),
            }
            for t in summary.tables
        ),
        title=f"{summary.format} files in {summary.directory}",
    )


def register(app: typer.Typer) -> None:
    app.command()(export)
