"""``newscorpus extract``: analyze text without a store, for pipes and scripts."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from newscorpus.cli.ingest import DateFormatOption, DateOption, FieldOption
from newscorpus.errors import InputError
from newscorpus.load.formats import InputFormat


class ExtractFormat(StrEnum):
    json = "json"
    ndjson = "ndjson"


def extract(
    source: Annotated[str, typer.Argument(help="A file, or - for standard input.")] = "-",
    lines: Annotated[
        bool, typer.Option("--lines", help="Each input line is its own document (NDJSON out).")
    ] = False,
    date: DateOption = None,
    field: FieldOption = None,
    date_format: DateFormatOption = None,
    input_format: Annotated[
        InputFormat, typer.Option("--input-format", help="Input format; auto sniffs.")
    ] = InputFormat.auto,
    fmt: Annotated[
        ExtractFormat | None,
        typer.Option(
            "--format", "-f", help="json (an array) or ndjson (default: json, ndjson with --lines)."
        ),
    ] = None,
) -> None:
    """Paragraphs, sentences, tokens, entities, claims and dates of raw text, as JSON."""
    from newscorpus.pipeline import extract as run
    from newscorpus.render import emit, extract_record

    if source == "-":
        data, path = sys.stdin.buffer.read(), "<stdin>"
    else:
        try:
            data, path = Path(source).read_bytes(), source
        except OSError as error:
            raise InputError(source, error.strerror or str(error)) from None
    fmt_name = (fmt.value if fmt else None) or ("ndjson" if lines else "json")
    analyses = run(
        data, path=path, lines=lines, date=date, input_format=input_format.value,
        fields=field or (), date_format=date_format,
    )  # fmt: skip
    records = (
        extract_record(document, analysis, line=document.article_index if lines else None)
        for document, analysis in analyses
    )
    emit(records, fmt_name)


def register(app: typer.Typer) -> None:
    app.command()(extract)
