"""TREC/CLEF-style XML: ``<DOC>`` elements with DOCNO, URL, SRC, TITLE, TIME, TEXT, ...

Owns reading such files as a stream, one ``<DOC>`` at a time, so a 200 MB file never sits
in memory whole. Deliberately not an XML parser: news corpora hold unescaped ``&`` and
``<`` in their text, so fields are found by their (known) closing tags instead.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Iterator

from newscorpus.errors import InputError
from newscorpus.load.documents import Meta, build_documents, iso_date
from newscorpus.models import Document

MAX_DOC_CHARS = 50 << 20

_DOC_START = re.compile(r"<DOC(?:\s[^>]*)?>", re.IGNORECASE)
_DOC_END = re.compile(r"</DOC>", re.IGNORECASE)
_FIELD = re.compile(
    r"<(DOCNO|DOCID|URL|SRC|SOURCE|TITLE|HEADLINE|TIME|DATE|DATETIME|ABSTRACT|TEXT)>(.*?)</\1>",
    re.IGNORECASE | re.DOTALL,
)
_OPEN_TEXT = re.compile(r"<(TEXT|ABSTRACT)>", re.IGNORECASE)
_ENTITY = re.compile(r"&(?:amp|lt|gt|quot|apos|#\d{1,7}|#x[0-9a-fA-F]{1,6});")
_TAG_SEARCH_OVERLAP = 16


def read_trec(
    chunks: Iterable[str], *, path: str, encoding: str, cli_date: str | None
) -> Iterator[Document | InputError]:
    found = False
    index = 0
    for offset, block, status in _doc_blocks(chunks):
        found = True
        if status == "too large":
            yield InputError(
                f"{path}:DOC {index + 1}", f"one <DOC> is larger than {MAX_DOC_CHARS >> 20} MB"
            )
            return
        if status == "truncated":
            yield from _truncated(
                block, offset, index, path=path, encoding=encoding, cli_date=cli_date
            )
            return
        documents = _doc_documents(block, offset, index, path, encoding, cli_date)
        if not documents:
            yield InputError(f"{path}:DOC {index + 1}", "no text in <TEXT> or <ABSTRACT>")
        yield from documents
        index += 1
    if not found:
        yield InputError(path, "no <DOC> element found (is it really TREC-style XML?)")


def _doc_blocks(chunks: Iterable[str]) -> Iterator[tuple[int, str, str]]:
    """Yield (character offset, "<DOC>...</DOC>" text, status) from decoded chunks.

    status is "ok", "truncated" (the input ends inside a DOC) or "too large".
    """
    buffer = ""
    base = 0  # offset of buffer[0] in the decoded file
    searched = 0  # where to resume looking for </DOC> in a long DOC
    for chunk in chunks:
        buffer += chunk
        while True:
            start = _DOC_START.search(buffer)
            if start is None:
                keep = min(len(buffer), _TAG_SEARCH_OVERLAP)
                base += len(buffer) - keep
                buffer = buffer[len(buffer) - keep :]
                searched = 0
                break
            end = _DOC_END.search(buffer, max(start.end(), searched))
            if end is None:
                base += start.start()
                buffer = buffer[start.start() :]
                searched = max(0, len(buffer) - _TAG_SEARCH_OVERLAP)
                if len(buffer) > MAX_DOC_CHARS:
                    yield base, "", "too large"
                    return
                break
            yield base + start.start(), buffer[start.start() : end.end()], "ok"
            base += end.end()
            buffer = buffer[end.end() :]
            searched = 0
    start = _DOC_START.search(buffer)
    if start is not None:
        yield base + start.start(), buffer[start.start() :], "truncated"


def _fields(block: str) -> dict[str, tuple[int, str]]:
    fields: dict[str, tuple[int, str]] = {}
    for match in _FIELD.finditer(block):
        fields.setdefault(match.group(1).upper(), (match.start(2), match.group(2)))
    return fields


def _meta(fields: dict[str, tuple[int, str]]) -> Meta:
    def value(*names: str) -> str | None:
        for name in names:
            if name in fields:
                text = " ".join(_unescape(fields[name][1]).split())
                if text:
                    return text
        return None

    published = value("TIME", "DATE", "DATETIME")
    return Meta(
        title=value("TITLE", "HEADLINE"),
        published=iso_date(published) if published else None,
        outlet=value("SRC", "SOURCE"),
        url=value("URL"),
        external_id=value("DOCNO", "DOCID"),
    )


def _doc_documents(
    block: str, offset: int, index: int, path: str, encoding: str, cli_date: str | None
) -> list[Document]:
    fields = _fields(block)
    for name in ("TEXT", "ABSTRACT"):
        if name in fields and fields[name][1].strip():
            start, body = fields[name]
            return build_documents(
                _unescape(body),
                path=path,
                encoding=encoding,
                split=False,
                meta=_meta(fields),
                cli_date=cli_date,
                article_index=index,
                offset=offset + start,
            )
    return []


def _truncated(
    block: str, offset: int, index: int, *, path: str, encoding: str, cli_date: str | None
) -> Iterator[Document | InputError]:
    """A <DOC> cut off before </DOC>: keep what its TEXT holds, and say so."""
    where = f"{path}:DOC {index + 1}" if index else path
    fields = _fields(block)
    opening = _OPEN_TEXT.search(block)
    documents: list[Document] = []
    if "TEXT" in fields:
        documents = _doc_documents(block, offset, index, path, encoding, cli_date)
    elif opening:
        documents = build_documents(
            _unescape(block[opening.end() :]),
            path=path,
            encoding=encoding,
            split=False,
            meta=_meta(fields),
            cli_date=cli_date,
            article_index=index,
            offset=offset + opening.end(),
        )
    yield from documents
    if documents:
        yield InputError(where, "truncated XML: <DOC> has no </DOC>; kept the text up to the cut")
    else:
        yield InputError(where, "truncated XML: <DOC> has no </DOC> and no text to recover")


def _unescape(text: str) -> str:
    # Only real entities: a bare "&" (common in sloppy corpora) stays as it is.
    if "&" not in text or not _ENTITY.search(text):
        return text
    return _ENTITY.sub(lambda match: html.unescape(match.group(0)), text)
