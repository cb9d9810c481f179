"""Spreadsheet exports: CSV, TSV and Excel (.xlsx) files, one article per row.

CSV and TSV are read with pandas in chunks of rows, from the decoded stream (re-encoded
as UTF-8, whatever the file's encoding), so memory stays bounded however large the file;
Excel is read row by row with openpyxl's read-only mode. The first row names the columns;
``load.records`` decides which column holds what. A bad row (no text, too many fields) is
reported with its row number (as a spreadsheet counts them: the header is row 1) and the
other rows still load; blank rows are skipped.
"""

from __future__ import annotations

import csv
import io
import re
import warnings
from collections.abc import Iterable, Iterator
from typing import Any, BinaryIO

from newscorpus.errors import InputError
from newscorpus.load.options import LoadOptions
from newscorpus.load.records import DateProblems, WarnCallback, record_documents
from newscorpus.models import Document

CHUNK_ROWS = 2000
TABLE_FORMATS = ("csv", "tsv", "xlsx")
_XLSX_MAGIC = b"PK\x03\x04"
_BAD_ROW = re.compile(r"Skipping line (\d+): (expected \d+ fields?, saw \d+)")


def read_table(
    source: Iterable[str] | BinaryIO,
    fmt: str,
    *,
    path: str,
    encoding: str,
    cli_date: str | None,
    options: LoadOptions | None = None,
    on_warning: WarnCallback | None = None,
) -> Iterator[Document | InputError]:
    """The articles of a table file: decoded text chunks for CSV/TSV, the raw byte stream
    for .xlsx."""
    options = options or LoadOptions()
    dates = DateProblems(path, options.date_format)
    if fmt == "xlsx":
        rows = _xlsx_rows(source, path)  # type: ignore[arg-type]
    else:
        rows = _text_rows(iter(source), fmt, path)  # type: ignore[arg-type]
    index = 0
    try:
        for label, record in rows:
            if isinstance(record, InputError):
                yield record
                if not label:  # the file itself cannot be read
                    return
                continue
            if not any(value not in (None, "") for value in record.values()):
                continue  # a blank row
            result = record_documents(
                record, where=f"{path}:{label}", path=path, encoding=encoding,
                options=options, cli_date=cli_date, index=index, offset=0, dates=dates,
            )  # fmt: skip
            if isinstance(result, InputError):
                yield result
                continue
            yield from result
            index += len(result)
    finally:
        dates.report(on_warning)
    if index == 0:
        yield InputError(path, "no article rows found")


class _ChunkBytes(io.RawIOBase):
    """A readable binary file of the decoded chunks re-encoded as UTF-8, for pandas.

    Bytes, not text: given a text file, pandas encodes what it reads into a buffer that
    keeps every byte beyond the size asked for (``pandas.io.common._IOWrapper``), so with
    Arabic (two bytes a letter) that buffer grows with the file and each read copies it.
    """

    def __init__(self, first: str, rest: Iterator[str]) -> None:
        self._buffer = first.encode("utf-8")
        self._rest = rest

    def readable(self) -> bool:
        return True

    def readinto(self, target: Any) -> int:
        while len(self._buffer) < len(target):
            piece = next(self._rest, None)
            if piece is None:
                break
            self._buffer += piece.encode("utf-8")
        size = min(len(target), len(self._buffer))
        target[:size] = self._buffer[:size]
        self._buffer = self._buffer[size:]
        return size


def _text_rows(
    chunks: Iterator[str], fmt: str, path: str
) -> Iterator[tuple[str, dict[str, Any] | InputError]]:
    import pandas as pd  # for spreadsheet exports only: heavy, and needed nowhere else

    first = next(chunks, "")
    header = first.split("\n", 1)[0]
    separator = "\t" if fmt == "tsv" else _separator(header)
    data = io.BufferedReader(_ChunkBytes(first, chunks), buffer_size=1 << 20)
    try:
        reader = pd.read_csv(
            data, encoding="utf-8", sep=separator, dtype=str, keep_default_na=False,
            chunksize=CHUNK_ROWS, on_bad_lines="warn",
        )  # fmt: skip
        number = 1  # the header
        skipped: dict[int, str] = {}
        while True:
            # pandas reports a row with too many fields as a warning naming its row; caught
            # here, per chunk, so each becomes a failure and the row numbers stay right.
            with warnings.catch_warnings(record=True) as caught:
                warnings.simplefilter("always", pd.errors.ParserWarning)
                chunk = next(reader, None)
            for warning in caught:
                for row, reason in _BAD_ROW.findall(str(warning.message)):
                    skipped[int(row)] = reason
            if chunk is None:
                break
            chunk.columns = [str(c).strip() for c in chunk.columns]
            for record in chunk.to_dict("records"):
                number += 1
                while number in skipped:
                    yield _bad_row(path, number, skipped.pop(number))
                    number += 1
                yield f"row {number}", record
        for row, reason in sorted(skipped.items()):
            yield _bad_row(path, row, reason)
    except (pd.errors.ParserError, pd.errors.EmptyDataError) as error:
        reason = " ".join(str(error).split())[:120]
        yield "", InputError(path, f"not a readable {fmt.upper()} table ({reason})")


def _bad_row(path: str, row: int, reason: str) -> tuple[str, InputError]:
    return f"row {row}", InputError(f"{path}:row {row}", f"{reason}; row skipped")


def _separator(header: str) -> str:
    """Comma unless the header line says semicolon (European exports) or tab."""
    try:
        return csv.Sniffer().sniff(header, delimiters=",;\t").delimiter
    except csv.Error:
        return ","


def _xlsx_rows(stream: BinaryIO, path: str) -> Iterator[tuple[str, dict[str, Any] | InputError]]:
    import zlib
    from xml.etree.ElementTree import ParseError
    from zipfile import BadZipFile

    from openpyxl import load_workbook

    data = stream.read()  # a workbook is a zip file: openpyxl needs it whole and seekable
    if not data.startswith(_XLSX_MAGIC):
        yield "", InputError(path, "not an .xlsx workbook (old .xls files: save as .xlsx or CSV)")
        return
    # What a damaged workbook raises, from the zip layer and from the XML inside it.
    broken = (BadZipFile, KeyError, OSError, ValueError, NotImplementedError, RuntimeError,
              ParseError, EOFError, zlib.error)  # fmt: skip
    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except broken as error:
        yield "", InputError(path, f"not a readable .xlsx workbook ({_short(error)})")
        return
    number = 1
    try:
        sheets = workbook.worksheets
        for sheet in sheets:
            rows = sheet.iter_rows(values_only=True)
            header = next(rows, None)
            if header is None:
                continue
            names = [
                str(h).strip() if h not in (None, "") else f"column {n + 1}"
                for n, h in enumerate(header)
            ]
            sheet_name = f"sheet {sheet.title} " if len(sheets) > 1 else ""
            for number, row in enumerate(rows, start=2):
                yield f"{sheet_name}row {number}", dict(zip(names, row, strict=False))
    except broken as error:  # the rows read so far stand; the rest of the file cannot be read
        yield (
            "",
            InputError(
                path,
                f"the workbook is damaged after row {number} ({_short(error)});"
                " rows after it not read",
            ),
        )
    finally:
        workbook.close()


def _short(error: BaseException) -> str:
    return " ".join(str(error).split())[:120] or type(error).__name__
