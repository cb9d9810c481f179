"""Reading one Source: detect its encoding and format, then hand it to the right reader.

Owns the format sniffing (content first, extension second), the size limit for formats
that must be read whole (text, HTML), and turning decoding and I/O failures into one
InputError for the file. JSON Lines and TREC files are decoded and parsed as a stream.
"""

from __future__ import annotations

import io
import re
import zlib
from collections.abc import Iterator
from typing import BinaryIO

from newscorpus.errors import InputError
from newscorpus.load.decode import DecodeError, decode_chunks, detect_encoding
from newscorpus.load.documents import (
    MAX_ARTICLE_CHARS,
    build_documents,
    check_cli_date,
    stream_documents,
)
from newscorpus.load.formats import FORMATS
from newscorpus.load.html import read_html
from newscorpus.load.jsonl import read_jsonl
from newscorpus.load.options import LoadOptions
from newscorpus.load.records import WarnCallback
from newscorpus.load.sources import Source
from newscorpus.load.tables import TABLE_FORMATS, read_table
from newscorpus.load.trec import read_trec
from newscorpus.models import Document

HEAD_BYTES = 1 << 20
MAX_WHOLE_FILE_BYTES = 50 << 20  # HTML is read whole: no bigger one is read
# Plain text bigger than this is read as a stream of parts (load.documents.stream_documents),
# so memory does not grow with the file; smaller files are read whole, as one text.
STREAM_TEXT_BYTES = 8 << 20

_LETTER = re.compile(r"[^\W\d_]")
_TREC_START = re.compile(r"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<DOC[\s>]", re.I | re.S)
_HTML_START = re.compile(
    r"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype html|html)", re.I | re.S
)
_HTML_TAGS = re.compile(r"<(?:body|head|article|div|p|meta|title)\b[^>]*>", re.I)
_EXTENSIONS = {
    "html": "html",
    "htm": "html",
    "xhtml": "html",
    "jsonl": "jsonl",
    "ndjson": "jsonl",
    "json": "jsonl",
    "xml": "trec",
    "trec": "trec",
    "sgml": "trec",
}


def read_source(
    source: Source,
    input_format: str = "auto",
    date: str | None = None,
    options: LoadOptions | None = None,
    on_warning: WarnCallback | None = None,
) -> Iterator[Document | InputError]:
    """Documents in ``source``; failures come as InputError items, never as exceptions.

    ``date`` (the CLI's --date, YYYY-MM-DD) is used, with date_source "cli", only for
    articles without a metadata date. ``options`` say which fields hold what (JSON and
    tables); ``on_warning(path, message)`` hears what was read but not understood (dates
    no layout reads), once per file.
    """
    if input_format not in FORMATS:
        raise InputError(
            source.path, f"unknown input format {input_format!r} (use {', '.join(FORMATS)})"
        )
    cli_date = check_cli_date(date)
    try:
        stream = source.open_stream()
    except InputError as error:
        yield error
        return
    cut = [0, 0]  # parts cut from texts with no article break, and their characters
    letterless = [0, 0]  # articles with no letter at all, and their characters
    try:
        for item in _read_stream(source, stream, input_format, cli_date, options, on_warning):
            if isinstance(item, Document):
                if item.cut:
                    cut[0] += 1
                    cut[1] += len(item.text)
                if not _LETTER.search(item.text):
                    letterless[0] += 1
                    letterless[1] += len(item.text)
            yield item
    except DecodeError as error:
        yield InputError(source.path, str(error))
    except (OSError, EOFError, zlib.error) as error:
        yield InputError(source.path, f"read failed ({error})")
    finally:
        stream.close()
    if letterless[0] and on_warning is not None:
        on_warning(
            source.path,
            f"{letterless[0]} article(s) with no letter at all ({letterless[1]:,} characters of"
            " punctuation, digits or symbols): stored, with nothing to find in them",
        )
    if cut[0] and on_warning is not None:
        on_warning(
            source.path,
            f"{cut[1]:,} characters with no article break (no blank line) were stored as"
            f" {cut[0]} parts of at most {MAX_ARTICLE_CHARS:,} characters, each analyzed as"
            " an article",
        )


def _read_stream(
    source: Source,
    stream: BinaryIO,
    input_format: str,
    cli_date: str | None,
    options: LoadOptions | None,
    on_warning: WarnCallback | None,
) -> Iterator[Document | InputError]:
    path = source.path
    head = _read_up_to(stream, HEAD_BYTES)
    complete = len(head) < HEAD_BYTES
    table = input_format if input_format in TABLE_FORMATS else _table_extension(path)
    if table == "xlsx" or (input_format == "auto" and head.startswith(b"PK\x03\x04") and table):
        whole = io.BytesIO(head + (b"" if complete else stream.read()))
        yield from read_table(whole, "xlsx", path=path, encoding="xlsx", cli_date=cli_date,
                              options=options, on_warning=on_warning)  # fmt: skip
        return
    encoding = detect_encoding(head, complete)
    fmt = input_format if input_format != "auto" else table or sniff_format(path, head, encoding)
    if fmt in ("trec", "jsonl", "csv", "tsv"):
        chunks = decode_chunks(head, None if complete else stream, encoding)
        if fmt in ("csv", "tsv"):
            yield from read_table(chunks, fmt, path=path, encoding=encoding, cli_date=cli_date,
                                  options=options, on_warning=on_warning)  # fmt: skip
        elif fmt == "jsonl":
            yield from read_jsonl(chunks, path=path, encoding=encoding, cli_date=cli_date,
                                  options=options, on_warning=on_warning)  # fmt: skip
        else:
            yield from read_trec(chunks, path=path, encoding=encoding, cli_date=cli_date)
        return
    if fmt == "text" and not complete and source.size > STREAM_TEXT_BYTES:
        # an export with no article breaks, or many articles in one file: read as a stream
        chunks = decode_chunks(head, stream, encoding)
        found = False
        for document in stream_documents(chunks, path=path, encoding=encoding, cli_date=cli_date):
            found = True
            yield document
        if not found:
            yield InputError(path, "no text found")
        return
    if source.size > MAX_WHOLE_FILE_BYTES:
        yield _too_large(path, source.size)
        return
    data = head if complete else head + _read_up_to(stream, MAX_WHOLE_FILE_BYTES + 1 - len(head))
    if len(data) > MAX_WHOLE_FILE_BYTES:
        yield _too_large(path, max(source.size, len(data)))
        return
    text = "".join(decode_chunks(data, None, encoding))
    if not text.strip():
        yield InputError(path, "empty file")
    elif fmt == "html":
        yield from read_html(
            text, path=path, encoding=encoding, cli_date=cli_date, on_warning=on_warning
        )
    else:
        documents = build_documents(
            text, path=path, encoding=encoding, split=True, cli_date=cli_date
        )
        yield from documents if documents else [InputError(path, "no text found")]


def _table_extension(path: str) -> str | None:
    """csv, tsv or xlsx when the file's name says so (a .gz's inner name counts)."""
    name = path.rsplit("/", 1)[-1].lower().removesuffix(".gz")
    extension = name.rsplit(".", 1)[-1] if "." in name else ""
    return {"csv": "csv", "tsv": "tsv", "tab": "tsv", "xlsx": "xlsx", "xls": "xlsx"}.get(extension)


def sniff_format(path: str, head: bytes, encoding: str) -> str:
    """The format of a file from its first bytes, falling back on its extension."""
    sample = head[:65536].decode(encoding, errors="ignore").lstrip("\ufeff")
    if _TREC_START.match(sample):
        return "trec"
    if _HTML_START.match(sample):
        return "html"
    stripped = sample.lstrip()
    if stripped.startswith("{") or (stripped.startswith("[") and stripped[1:].lstrip()[:1] == "{"):
        return "jsonl"
    name = path.rsplit("/", 1)[-1].lower()
    if name.endswith(".gz"):
        name = name[:-3]
    by_extension = _EXTENSIONS.get(name.rsplit(".", 1)[-1]) if "." in name else None
    if by_extension:
        return by_extension
    if len(_HTML_TAGS.findall(sample[:8192])) >= 3:
        return "html"
    return "text"


def _read_up_to(stream: BinaryIO, limit: int) -> bytes:
    """Read ``limit`` bytes, or less at the end of the stream (pipes return short reads)."""
    pieces = []
    remaining = limit
    while remaining > 0:
        piece = stream.read(remaining)
        if not piece:
            break
        pieces.append(piece)
        remaining -= len(piece)
    return b"".join(pieces)


def _too_large(path: str, size: int) -> InputError:
    return InputError(
        path,
        f"file too large for one HTML page ({size / 2**20:.0f} MB > "
        f"{MAX_WHOLE_FILE_BYTES >> 20} MB); split it or convert it to JSON Lines",
    )
