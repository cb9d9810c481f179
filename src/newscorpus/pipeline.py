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
from dataclasses import dataclass, replace

from newscorpus.errors import InputError
from newscorpus.models import (
    ANALYZED_KINDS,
    ActorType,
    Analysis,
    Document,
    Event,
    Paragraph,
    Sentence,
    Token,
)


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


LONG_DOCUMENT = 50_000  # longer documents are analyzed in windows (see analyze)
WINDOW_CHARS = 10_000  # the most text one pass of the extractors sees in them


def prepare(
    document: Document,
    *,
    text: str | None = None,
    paragraphs: Sequence[Paragraph] | None = None,
) -> Prepared:
    """Clean ``document.text`` and split its analyzed paragraphs into sentences and tokens.

    ``text`` (the cleaned text, when the caller has it) and ``paragraphs`` (a window of
    them) let ``analyze`` prepare a long document piece by piece.
    """
    from newscorpus.arabic import clean, split_sentences, tokenize

    text = clean(document.text) if text is None else text
    if paragraphs is None:
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


def analysis_windows(text: str, paragraphs: Sequence[Paragraph]) -> list[list[Paragraph]]:
    """The paragraphs in groups of at most ``WINDOW_CHARS``; a longer paragraph (a careless
    export with no blank lines) is cut into pieces that keep its index, each ending after a
    sentence's end, or a space, where there is one near the limit."""
    windows: list[list[Paragraph]] = [[]]
    size = 0
    for paragraph in paragraphs:
        for piece in _pieces(text, paragraph):
            length = piece.end - piece.start
            if windows[-1] and size + length > WINDOW_CHARS:
                windows.append([])
                size = 0
            windows[-1].append(piece)
            size += length
    return [window for window in windows if window]


def _pieces(text: str, paragraph: Paragraph) -> Iterator[Paragraph]:
    from newscorpus.arabic.sentences import cut_points

    bounds = [paragraph.start, *cut_points(text, paragraph.start, paragraph.end, WINDOW_CHARS)]
    for start, end in zip(bounds, [*bounds[1:], paragraph.end], strict=True):
        yield Paragraph(paragraph.index, start, end, paragraph.kind, paragraph.duplicate_of)


def analyze(document: Document, *, keep_tokens: bool = False) -> Analysis:
    """Sentences, actor mentions, claims, dates and events of one document.

    Offsets in the result point into ``document.text``. Tokens are returned only with
    ``keep_tokens`` (the store does not keep them; ``extract`` shows them). A document
    longer than ``LONG_DOCUMENT`` is analyzed window by window (``analysis_windows``), so
    time grows with its length and memory with the window, not with the document; what
    links two windows (a claim continued, one story's events) is then not seen, and its
    publication date is looked for in its first window only.
    """
    return analyze_many([document], keep_tokens=keep_tokens)[0]


def analyze_many(documents: Sequence[Document], *, keep_tokens: bool = False) -> list[Analysis]:
    """``analyze`` of each document, the same results; the statistical tagger reads the
    documents of normal length together (one batch of sentences), which is what makes a
    worker's task of a few articles cheaper than one ``analyze`` per article."""
    from newscorpus.arabic import clean
    from newscorpus.extract import ner

    plans: list[tuple[str, str | None, str | None, Prepared | None]] = []
    for document in documents:
        text = clean(document.text)
        published, inferred = _publication(document, text)
        prepared = prepare(document, text=text) if len(text) <= LONG_DOCUMENT else None
        plans.append((text, published, inferred, prepared))
    tagged = [(p.text, p.tokens, p.sentences) for *_, p in plans if p is not None]
    spans = iter(ner.statistical_spans_many(tagged))
    analyses: list[Analysis] = []
    for document, (text, published, inferred, prepared) in zip(documents, plans, strict=True):
        if prepared is not None:
            analyses.append(
                _analyze_window(
                    document, text, None, published, inferred, keep_tokens, prepared, next(spans)
                )
            )
            continue
        parts = [
            _analyze_window(document, text, window, published, inferred, keep_tokens)
            for window in analysis_windows(text, document.paragraphs)
        ]
        analyses.append(_joined(parts, inferred))
    return analyses


def _publication(document: Document, text: str) -> tuple[str | None, str | None]:
    """The date relative dates resolve against, and the one read off the text (if it was)."""
    from newscorpus.extract.dates import infer_publication_date

    published = document.published[:10] if document.published else None
    if published is not None:
        return published, None
    # Captions count here: a dated photo caption plus a weekday in the body dates the
    # article, though captions are not analyzed otherwise.
    candidates = [p for p in document.paragraphs if p.duplicate_of is None]
    if len(text) > LONG_DOCUMENT:
        candidates = analysis_windows(text, candidates)[0]
    found = infer_publication_date(text, candidates)
    if found is None:
        return None, None
    return found[0], found[0]


def _analyze_window(
    document: Document,
    text: str,
    window: Sequence[Paragraph] | None,
    published: str | None,
    inferred: str | None,
    keep_tokens: bool,
    prepared: Prepared | None = None,
    spans: Sequence[tuple[int, int, ActorType]] | None = None,
) -> Analysis:
    from newscorpus.arabic.search import paragraph_terms
    from newscorpus.extract.actors import extract_mentions
    from newscorpus.extract.claims import extract_claims
    from newscorpus.extract.dates import extract_dates
    from newscorpus.extract.events import build_events

    chosen = None
    if window is not None:
        chosen = [p for p in window if p.kind in ANALYZED_KINDS and p.duplicate_of is None]
    if prepared is None:
        prepared = prepare(document, text=text, paragraphs=chosen)
    paragraphs = prepared.paragraphs
    sentences, tokens = prepared.sentences, prepared.tokens
    terms = paragraph_terms(text, window or document.paragraphs, tokens)
    if not paragraphs:
        return Analysis(
            sentences=sentences, tokens=tokens if keep_tokens else (), terms=terms,
            published=inferred,
        )  # fmt: skip
    mentions = extract_mentions(text, tokens, sentences, prepared.paragraph_lookup(), spans=spans)
    claims = extract_claims(text, paragraphs, sentences, tokens, mentions)
    within = (paragraphs[0].start, paragraphs[-1].end) if window is not None else None
    dates = extract_dates(text, paragraphs, published, within=within)
    # a dateline opens the first paragraph read
    events = build_events(
        document.text, sentences, mentions, claims, dates, [paragraphs[0].start], published
    )
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


def _joined(parts: Sequence[Analysis], inferred: str | None) -> Analysis:
    """The analyses of a document's windows as one: events point to claims by position,
    so each window's are shifted; a paragraph cut into pieces gets its terms back whole."""
    events: list[Event] = []
    claims_before = 0
    for part in parts:
        events.extend(
            replace(e, claim=e.claim + claims_before) if e.claim is not None else e
            for e in part.events
        )
        claims_before += len(part.claims)
    terms: dict[int, list[str]] = {}
    for part in parts:
        for index, words in part.terms:
            terms.setdefault(index, []).append(words)
    return Analysis(
        sentences=tuple(s for part in parts for s in part.sentences),
        tokens=tuple(t for part in parts for t in part.tokens),
        mentions=tuple(m for part in parts for m in part.mentions),
        claims=tuple(c for part in parts for c in part.claims),
        dates=tuple(d for part in parts for d in part.dates),
        events=tuple(events),
        published=inferred,
        terms=tuple((index, " ".join(words)) for index, words in terms.items()),
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
