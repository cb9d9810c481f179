"""The input formats the loader reads, as one enum the CLI's --input-format reuses."""

from __future__ import annotations

from enum import StrEnum


class InputFormat(StrEnum):
    auto = "auto"  # sniffed from the content, then the extension
    text = "text"
    html = "html"
    trec = "trec"
    jsonl = "jsonl"
    csv = "csv"  # one article per row; so are tsv and xlsx
    tsv = "tsv"
    xlsx = "xlsx"


FORMATS: tuple[str, ...] = tuple(f.value for f in InputFormat)
