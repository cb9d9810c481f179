"""``prepare`` and ``analyze``: the pure functions a worker pool maps over documents.

No I/O and no shared state beyond read-only resources loaded once per process:
``prepare(document)`` cleans the text and splits the analyzed paragraphs into sentences
and tokens (what every extractor, the evaluations and the tests start from);
``analyze(document)`` runs the extractors on that and returns an ``Analysis`` (picklable),
so the same call serves ``newscorpus extract``, a single-process ingest and a pool of
workers. ``extract`` is the ``newscorpus extract`` driver: bytes in, analyses out.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

from newscorpus.errors import InputError
from newscorpus.models import ANALYZED_KINDS, Analysis, Document, Paragraph, Sentence, Token


def analyzed_paragraphs(document: Document) -> list[Paragraph]:
    """Headings and body paragraphs, each counted once: what the extractors see."""
    return [p for p in document.paragraphs if p.kind in ANALYZED_KINDS and p.duplicate_of is None]


@dataclass(frozen=True, slots=True)
class Prepared:
    """A document ready for the extractors: the cleaned text (same length as the original,
    so offsets are shared), its analyzed paragraphs, their sentences and tokens."""

    text: str
    paragraphs: tuple[Paragraph, ...]
    sentences: tuple[Sentence, ...]
    tokens: tuple[Token, ...]

    def paragraph_lookup(self) -> Callable[[int], int]:
        """A function from an offset to the index of the analyzed paragraph holding it."""
        paragraphs = self.paragraphs
        starts = [p.start for p in paragraphs]

        def paragraph_of(offset: int) -> int:
            return paragraphs[max(bisect.bisect_right(starts, offset) - 1, 0)].index

        return paragraph_of


def prepare(document: Document) -> Prepared:
    """Clean ``document.text`` and split its analyzed paragraphs into sentences and tokens."""
    from newscorpus.arabic import clean, split_sentences, tokenize

    text = clean(document.text)
    paragraphs = analyzed_paragraphs(document)
    sentences: list[Sentence] = []
    tokens: list[Token] = []
    for paragraph in paragraphs:
        sentences.extend(
            Sentence(start, end, paragraph.index)
            for start, end in split_sentences(text, paragraph.start, paragraph.end)
        )
        tokens.extend(tokenize(text, paragraph.start, paragraph.end))
    return Prepared(text, tuple(paragraphs), tuple(sentences), tuple(tokens))


def analyze(document: Document, *, keep_tokens: bool = False) -> Analysis:
    """Sentences, actor mentions, claims, dates and events of one document.

    Offsets in the result point into ``document.text``. Tokens are returned only with
    ``keep_tokens`` (the store does not keep them; ``extract`` shows them).
    """
    from newscorpus.arabic.search import paragraph_terms
    from newscorpus.extract.actors import extract_mentions
    from newscorpus.extract.claims import extract_claims
    from newscorpus.extract.dates import extract_dates, infer_publication_date
    from newscorpus.extract.events import build_events

    prepared = prepare(document)
    text, paragraphs = prepared.text, prepared.paragraphs
    sentences, tokens = prepared.sentences, prepared.tokens
    terms = paragraph_terms(text, document.paragraphs, tokens)
    if not paragraphs:
        return Analysis(sentences=sentences, tokens=tokens if keep_tokens else (), terms=terms)
    mentions = extract_mentions(text, tokens, sentences, prepared.paragraph_lookup())
    claims = extract_claims(text, paragraphs, sentences, tokens, mentions)
    inferred = None
    published = document.published[:10] if document.published else None
    if published is None:
        # Captions count here: a dated photo caption plus a weekday in the body dates the
        # article, though captions are not analyzed otherwise.
        found = infer_publication_date(
            text, [p for p in document.paragraphs if p.duplicate_of is None]
        )
        if found is not None:
            inferred = published = found[0]
    dates = extract_dates(text, paragraphs, published)
    events = build_events(document.text, sentences, mentions, claims, dates)
    return Analysis(
        sentences=sentences,
        tokens=tokens if keep_tokens else (),
        mentions=tuple(mentions),
        claims=tuple(claims),
        dates=tuple(dates),
        events=tuple(events),
        published=inferred,
        terms=terms,
    )


def extract(
    data: bytes,
    *,
    path: str = "<stdin>",
    lines: bool = False,
    date: str | None = None,
    input_format: str = "auto",
    fields: Sequence[str] = (),
    date_format: str | None = None,
) -> Iterator[tuple[Document, Analysis]]:
    """Analyze ``data`` (one file's bytes): each article, or each line with ``lines``.

    ``fields`` and ``date_format`` are as for ``ingest`` (``load.options``); a
    ``newscorpus.toml`` beside ``path`` is used as well.
    """
    from newscorpus.load import Source, read_source
    from newscorpus.load.lines import read_lines
    from newscorpus.load.options import resolve_options

    options = resolve_options([path] if path != "<stdin>" else [], fields, date_format)

    if lines:
        for document in read_lines(data, path, date):
            yield document, analyze(document, keep_tokens=True)
        return
    for item in read_source(Source.from_bytes(path, data), input_format, date, options):
        if isinstance(item, InputError):
            raise item
        yield item, analyze(item, keep_tokens=True)
