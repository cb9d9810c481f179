"""JSON Lines: one article per line, read as a stream.

Owns the field names an article line may use (``text``/``content``/``body``, ``title``,
``date``/``published``, ``url``, ``source``, ``id``) and per-line errors: a broken line
yields an InputError naming "file:line N" and the other lines still load. A file holding
one JSON array of articles is accepted too (read whole; it is size-limited upstream).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import Any

from newscorpus.errors import InputError
from newscorpus.load.documents import Meta, build_documents, iso_date
from newscorpus.models import Document

TEXT_KEYS = ("text", "content", "body", "article", "maintext")
TITLE_KEYS = ("title", "headline")
DATE_KEYS = (
    "date",
    "published",
    "published_at",
    "publish_date",
    "date_publish",
    "datetime",
    "time",
)
URL_KEYS = ("url", "link", "canonical_url")
OUTLET_KEYS = ("source", "outlet", "site", "site_name", "publisher", "source_domain")
ID_KEYS = ("id", "docno", "doc_id", "article_id", "uuid")


def read_jsonl(
    chunks: Iterable[str], *, path: str, encoding: str, cli_date: str | None
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
            yield from _read_array(line + "\n" + rest, number, path, encoding, cli_date)
            return
        seen_any = True
        where = f"{path}:line {number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as error:
            yield InputError(where, f"invalid JSON ({error.msg} at column {error.colno})")
            continue
        result = _record_documents(record, where, path, encoding, cli_date, index, offset)
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
    text: str, first_line: int, path: str, encoding: str, cli_date: str | None
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
        result = _record_documents(record, where, path, encoding, cli_date, index, 0)
        if isinstance(result, InputError):
            yield result
            continue
        yield from result
        index += len(result)


def _first(record: dict[str, Any], keys: tuple[str, ...]) -> Any:
    for key in keys:
        value = record.get(key)
        if value not in (None, ""):
            return value
    return None


def _record_documents(
    record: Any, where: str, path: str, encoding: str, cli_date: str | None, index: int, offset: int
) -> list[Document] | InputError:
    if not isinstance(record, dict):
        return InputError(where, "expected a JSON object per line")
    text = _first(record, TEXT_KEYS)
    if not isinstance(text, str) or not text.strip():
        return InputError(where, f"no article text (expected one of: {', '.join(TEXT_KEYS)})")
    raw_date = _first(record, DATE_KEYS)
    meta = Meta(
        title=_as_text(_first(record, TITLE_KEYS)),
        published=iso_date(raw_date),
        outlet=_as_text(_first(record, OUTLET_KEYS)),
        url=_as_text(_first(record, URL_KEYS)),
        external_id=_as_text(_first(record, ID_KEYS)),
    )
    documents = build_documents(
        text,
        path=path,
        encoding=encoding,
        split=False,
        meta=meta,
        cli_date=cli_date,
        article_index=index,
        offset=offset,
    )
    return documents or InputError(where, "article text is blank")


def _as_text(value: Any) -> str | None:
    if value is None or isinstance(value, dict | list):
        return None
    text = " ".join(str(value).split())
    return text or None
