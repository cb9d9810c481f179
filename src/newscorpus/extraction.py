"""``newscorpus extract``: analysis of raw text with no store, as JSON objects.

The objects' field names are a contract for scripts that pipe into newscorpus (see the
README); offsets are into the input text (with ``lines``, into that line).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from newscorpus.errors import InputError
from newscorpus.models import Analysis, Document, Paragraph


def _decode(data: bytes, path: str) -> str:
    from newscorpus.load.decode import DecodeError, decode_chunks, detect_encoding

    try:
        encoding = detect_encoding(data, complete=True)
        return "".join(decode_chunks(data, None, encoding))
    except DecodeError as error:
        raise InputError(path, str(error)) from None


def _line_documents(data: bytes, path: str, date: str | None) -> Iterator[Document]:
    for number, line in enumerate(_decode(data, path).splitlines(), start=1):
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


def extract(
    data: bytes,
    *,
    path: str = "<stdin>",
    lines: bool = False,
    date: str | None = None,
    input_format: str = "auto",
) -> Iterator[dict[str, Any]]:
    """Analyze ``data`` (one file's bytes): one object per article, or per line."""
    from newscorpus.load import Source, read_source
    from newscorpus.pipeline import analyze

    if lines:
        for document in _line_documents(data, path, date):
            yield as_json(
                document, analyze(document, keep_tokens=True), line=document.article_index
            )
        return
    for item in read_source(Source.from_bytes(path, data), input_format, date):
        if isinstance(item, InputError):
            raise item
        yield as_json(item, analyze(item, keep_tokens=True))


def as_json(document: Document, analysis: Analysis, line: int | None = None) -> dict[str, Any]:
    """The extract contract; offsets shifted from the article into the input text."""
    shift = document.offset_in_file
    text = document.text
    published = document.published or analysis.published
    head: dict[str, Any] = (
        {"line": line} if line is not None else {"article": document.article_index}
    )
    return head | {
        "title": document.title,
        "published": published,
        "date_source": document.date_source
        if document.published
        else ("inferred" if analysis.published else "unknown"),
        "paragraphs": [
            {
                "index": p.index,
                "start": p.start + shift,
                "end": p.end + shift,
                "kind": p.kind,
                "duplicate_of": p.duplicate_of,
            }
            for p in document.paragraphs
        ],
        "sentences": [
            {"start": s.start + shift, "end": s.end + shift, "paragraph": s.paragraph}
            for s in analysis.sentences
        ],
        "tokens": [
            {
                "text": text[t.start : t.end],
                "start": t.start + shift,
                "end": t.end + shift,
                "match": t.match,
                "stem": t.stem,
                "prefix": t.prefix,
                "word": t.is_word,
            }
            for t in analysis.tokens
        ],
        "entities": [
            {
                "text": m.text,
                "type": m.type,
                "start": m.start + shift,
                "end": m.end + shift,
                "actor": m.actor or m.text,
                "role": m.role,
                "source": m.source,
            }
            for m in analysis.mentions
        ],
        "claims": [
            {
                "speaker": c.speaker,
                "speaker_actor": c.speaker_actor,
                "cue": c.cue,
                "content": c.content,
                "kind": c.kind,
                "via": c.via,
                "paragraph": c.paragraph,
                "start": c.start + shift,
                "end": c.end + shift,
                "content_start": c.content_start + shift,
                "content_end": c.content_end + shift,
            }
            for c in analysis.claims
        ],
        "dates": [
            {
                "text": d.text,
                "value": d.value,
                "precision": d.precision,
                "start": d.start + shift,
                "end": d.end + shift,
                "reason": d.reason,
                "hijri": d.hijri,
            }
            for d in analysis.dates
        ],
    }
