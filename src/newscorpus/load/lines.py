"""``--lines``: each line of the input is its own one-paragraph document."""

from __future__ import annotations

from collections.abc import Iterator

from newscorpus.errors import InputError
from newscorpus.load.decode import DecodeError, decode_bytes
from newscorpus.models import Document, Paragraph


def read_lines(data: bytes, path: str, date: str | None = None) -> Iterator[Document]:
    """One document per non-blank line; ``article_index`` is the line number (from 1) and
    offsets are into that line."""
    try:
        text = decode_bytes(data)
    except DecodeError as error:
        raise InputError(path, str(error)) from None
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        yield Document(
            text=line,
            paragraphs=(Paragraph(0, 0, len(line), "body"),),
            path=f"{path}:{number}",
            published=date,
            date_source="cli" if date else "unknown",
            article_index=number,
        )
