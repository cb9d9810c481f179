"""JSON Lines: one article per line, read as a stream.

Owns per-line errors: a broken line yields an InputError naming "file:line N" and the other
lines still load. A file holding one JSON array of articles is accepted too (read whole;
it is size-limited upstream). Which field holds what is ``load.records``' business.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator

from newscorpus.errors import InputError
from newscorpus.load.options import LoadOptions
from newscorpus.load.records import DateProblems, WarnCallback, record_documents
from newscorpus.models import Document


def read_jsonl(
    chunks: Iterable[str],
    *,
    path: str,
    encoding: str,
    cli_date: str | None,
    options: LoadOptions | None = None,
    on_warning: WarnCallback | None = None,
) -> Iterator[Document | InputError]:
    options = options or LoadOptions()
    dates = DateProblems(path, options.date_format)
    try:
        yield from _read(chunks, path, encoding, cli_date, options, dates)
    finally:
        dates.report(on_warning)


def _read(
    chunks: Iterable[str],
    path: str,
    encoding: str,
    cli_date: str | None,
    options: LoadOptions,
    dates: DateProblems,
) -> Iterator[Document | InputError]:
    index = 0
    seen_any = False
    lines = _lines(chunks)
    for number, offset, line in lines:
        stripped = line.strip()
        if not stripped:
            continue
        if not seen_any and stripped.startswith("["):
            rest = "\n".join(piece for _, _, piece in lines)
            yield from _read_array(
                line + "\n" + rest, number, path, encoding, cli_date, options, dates
            )
            return
        seen_any = True
        where = f"{path}:line {number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as error:
            yield InputError(where, f"invalid JSON ({error.msg} at column {error.colno})")
            continue
        result = record_documents(
            record, where=where, path=path, encoding=encoding, options=options,
            cli_date=cli_date, index=index, offset=offset, dates=dates,
        )  # fmt: skip
        if isinstance(result, InputError):
            yield result
            continue
        yield from result
        index += len(result)
    if not seen_any:
        yield InputError(path, "no JSON lines found")


def _lines(chunks: Iterable[str]) -> Iterator[tuple[int, int, str]]:
    """(line number, character offset, line) from decoded chunks, one line at a time."""
    pending = ""
    number = 0
    offset = 0
    for chunk in chunks:
        pieces = (pending + chunk).split("\n")
        pending = pieces.pop()
        for piece in pieces:
            number += 1
            yield number, offset, piece
            offset += len(piece) + 1
    if pending:
        yield number + 1, offset, pending


def _read_array(
    text: str,
    first_line: int,
    path: str,
    encoding: str,
    cli_date: str | None,
    options: LoadOptions,
    dates: DateProblems,
) -> Iterator[Document | InputError]:
    try:
        records = json.loads(text)
    except json.JSONDecodeError as error:
        line = first_line + error.lineno - 1
        yield InputError(f"{path}:line {line}", f"invalid JSON ({error.msg})")
        return
    if not isinstance(records, list):
        yield InputError(path, "expected a JSON array of articles or one article per line")
        return
    index = 0
    for number, record in enumerate(records, start=1):
        where = f"{path}:item {number}"
        result = record_documents(
            record, where=where, path=path, encoding=encoding, options=options,
            cli_date=cli_date, index=index, offset=0, dates=dates,
        )  # fmt: skip
        if isinstance(result, InputError):
            yield result
            continue
        yield from result
        index += len(result)
