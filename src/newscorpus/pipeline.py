"""``analyze(document)``: the pure function a worker pool maps over documents.

No I/O and no shared state beyond read-only resources loaded once per process: it takes a
``Document`` and returns an ``Analysis`` (picklable), so the same call serves
``newscorpus extract``, a single-process ingest and a pool of workers.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence

from newscorpus.models import (
    ANALYZED_KINDS,
    Analysis,
    Claim,
    DateMention,
    Document,
    Event,
    Mention,
    Paragraph,
    Sentence,
)

EVENT_PRECISIONS = frozenset({"day", "month", "year", "decade"})


def analyzed_paragraphs(document: Document) -> list[Paragraph]:
    """Headings and body paragraphs, each counted once: what the extractors see."""
    return [p for p in document.paragraphs if p.kind in ANALYZED_KINDS and p.duplicate_of is None]


def analyze(document: Document, *, keep_tokens: bool = False) -> Analysis:
    """Sentences, actor mentions, claims, dates and events of one document.

    Offsets in the result point into ``document.text``. Tokens are returned only with
    ``keep_tokens`` (the store does not keep them; ``extract`` shows them).
    """
    from newscorpus.arabic import clean, split_sentences, tokenize
    from newscorpus.extract.actors import extract_mentions
    from newscorpus.extract.claims import extract_claims
    from newscorpus.extract.dates import extract_dates, infer_publication_date

    text = clean(document.text)
    paragraphs = analyzed_paragraphs(document)
    sentences: list[Sentence] = []
    tokens = []
    for paragraph in paragraphs:
        sentences.extend(
            Sentence(start, end, paragraph.index)
            for start, end in split_sentences(text, paragraph.start, paragraph.end)
        )
        tokens.extend(tokenize(text, paragraph.start, paragraph.end))
    starts = [p.start for p in paragraphs]

    def paragraph_of(offset: int) -> int:
        return paragraphs[max(bisect.bisect_right(starts, offset) - 1, 0)].index

    mentions = extract_mentions(text, tokens, sentences, paragraph_of) if paragraphs else []
    claims = extract_claims(text, paragraphs, sentences, tokens, mentions) if paragraphs else []
    inferred = None
    published = document.published[:10] if document.published else None
    if published is None and paragraphs:
        # Captions count here: a dated photo caption plus a weekday in the body dates the
        # article, though captions are not analyzed otherwise.
        found = infer_publication_date(
            text, [p for p in document.paragraphs if p.duplicate_of is None]
        )
        if found is not None:
            inferred = published = found[0]
    dates = extract_dates(text, paragraphs, published) if paragraphs else []
    events = build_events(document.text, sentences, mentions, claims, dates)
    return Analysis(
        sentences=tuple(sentences),
        tokens=tuple(tokens) if keep_tokens else (),
        mentions=tuple(mentions),
        claims=tuple(claims),
        dates=tuple(dates),
        events=tuple(events),
        published=inferred,
    )


def build_events(
    text: str,
    sentences: Sequence[Sentence],
    mentions: Sequence[Mention],
    claims: Sequence[Claim],
    dates: Sequence[DateMention],
) -> list[Event]:
    """One event per sentence and distinct resolved date in it, with its actors and claim."""
    sentence_starts = [s.start for s in sentences]
    events: list[Event] = []
    seen: set[tuple[int, str]] = set()
    for date in dates:
        if date.value is None or date.precision not in EVENT_PRECISIONS:
            continue
        i = bisect.bisect_right(sentence_starts, date.start) - 1
        if i < 0 or date.start >= sentences[i].end:
            continue
        sentence = sentences[i]
        if (i, date.value) in seen:
            continue
        seen.add((i, date.value))
        actors = tuple(
            dict.fromkeys(
                m.actor or m.text for m in mentions if sentence.start <= m.start < sentence.end
            )
        )
        claim = next(
            (k for k, c in enumerate(claims) if c.start < sentence.end and sentence.start < c.end),
            None,
        )
        events.append(
            Event(
                date=date.value,
                precision=date.precision or "year",
                start=sentence.start,
                end=sentence.end,
                text=text[sentence.start : sentence.end],
                paragraph=sentence.paragraph,
                actors=actors,
                claim=claim,
            )
        )
    return events
