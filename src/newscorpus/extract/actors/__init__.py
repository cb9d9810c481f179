"""Actor recognition: who (person, organization, place) a document names, and where.

Three sources, in order of trust, each filling what the ones before left free:

1. the gazetteer (``gazetteer``: CLDR places + the curated lexicon) and
2. the context rules (``rules``), both reading the tokens through one ``reader.Reader``;
3. a statistical tagger (``newscorpus.extract.ner``: the CRF, or camel-tools' BERT when
   asked), whose spans are added or reconciled with the rules' (``reconcile``).

Mentions are then resolved to actors within the document (``resolve``); corpus-wide
identity is the store's (``newscorpus.store.identity``), by the policy of
``newscorpus.extract.identity``.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Sequence

from newscorpus.extract.actors import rules
from newscorpus.extract.actors.gazetteer import cues
from newscorpus.extract.actors.reader import Reader
from newscorpus.extract.actors.reconcile import statistical_pass
from newscorpus.extract.actors.resolve import resolve_mentions
from newscorpus.models import ActorType, Mention, Sentence, Token

__all__ = ["extract_mentions"]


def extract_mentions(
    text: str,
    tokens: Sequence[Token],
    sentences: Sequence[Sentence],
    paragraph_of: Callable[[int], int] | None = None,
    ner: str = "auto",
    spans: Sequence[tuple[int, int, ActorType]] | None = None,
) -> list[Mention]:
    """Actor mentions of a document, sorted by start, resolved to in-document actors.

    ``text`` is the cleaned document text; ``tokens`` and ``sentences`` cover the analyzed
    paragraphs. ``ner`` picks the statistical source: "auto" (the CRF when its model is
    installed), "crf", "camel" (camel-tools' BERT NER; raises ResourceMissing when its data
    is not installed) or "none". ``spans`` are that source's spans when the caller has
    them already (``pipeline.analyze_many`` tags several documents at once).
    """
    reader = Reader(text, tokens, cues())
    rules.gazetteer_pass(reader)
    rules.title_pass(reader)
    rules.speech_pass(reader)
    rules.apposition_pass(reader)
    rules.org_pass(reader)
    if ner != "none":
        statistical_pass(reader, text, sentences, ner, spans)
    rules.competition_pass(reader)  # before a country beside a match becomes its team
    rules.prefix_pass(reader)
    rules.first_name_pass(reader)
    rules.team_pass(reader, sentences)
    rules.institution_pass(reader)
    rules.boundary_pass(reader)
    rules.document_pass(reader)
    rules.surname_pass(reader)
    rules.competition_pass(reader)  # again: the document pass finds names in all places
    rules.common_phrase_pass(reader)
    rules.hashtag_pass(reader)
    rules.platform_pass(reader)  # last: a name spread through the article is no medium
    paragraph = paragraph_of or _paragraph_lookup(sentences)
    mentions = [
        Mention(c.start, c.end, text[c.start : c.end], c.type, paragraph(c.start), c.key,
                None, c.role, c.source)
        for c in sorted(reader.candidates(), key=lambda c: c.start)
    ]  # fmt: skip
    words = {t.match for t in tokens if t.is_word} | {t.stem for t in tokens if t.is_word}
    return resolve_mentions(mentions, words)


def _paragraph_lookup(sentences: Sequence[Sentence]) -> Callable[[int], int]:
    starts = [s.start for s in sentences]

    def paragraph(offset: int) -> int:
        at = bisect.bisect_right(starts, offset) - 1
        return sentences[at].paragraph if at >= 0 else 0

    return paragraph
