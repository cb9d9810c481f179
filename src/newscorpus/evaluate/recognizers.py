"""Taggers for ``evaluate_ner`` built from newscorpus's recognizers, to measure each part.

``crf`` is the statistical tagger alone; ``rules`` the gazetteers and context rules with no
statistical tagger; ``full`` what ``analyze`` uses (rules first, then the CRF for the rest).
Gold sentences come as words; they are joined with spaces, analyzed like any text, and
each mention is mapped back to the words it covers.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Sequence

from newscorpus.extract.ner.bio import span_tags
from newscorpus.models import Mention, Sentence

RECOGNIZERS = ("full", "rules", "crf")

Tagger = Callable[[Sequence[str]], list[str]]


def bio_tagger(recognizer: str = "full") -> Tagger:
    """A words -> BIO tags function for ``recognizer`` (one of RECOGNIZERS)."""
    if recognizer == "crf":
        from newscorpus.extract.ner.crf import tag_tokens

        return tag_tokens
    if recognizer not in RECOGNIZERS:
        raise ValueError(f"unknown recognizer {recognizer!r}")
    ner = "crf" if recognizer == "full" else "none"

    def tag(words: Sequence[str]) -> list[str]:
        spans = [(first, last, m.type) for first, last, m in word_mentions(words, ner)]
        return span_tags(len(words), spans)

    return tag


def word_mentions(words: Sequence[str], ner: str) -> list[tuple[int, int, Mention]]:
    """The actor mentions of a sentence given as words, each with the word range
    ``[first, last)`` it covers (the words are joined with spaces and analyzed)."""
    from newscorpus.arabic import clean, tokenize
    from newscorpus.extract.actors import extract_mentions

    text = " ".join(words)
    starts, position = [], 0
    for word in words:
        starts.append(position)
        position += len(word) + 1
    cleaned = clean(text)
    found = []
    for mention in extract_mentions(
        cleaned, tokenize(cleaned), [Sentence(0, len(text), 0)], lambda _offset: 0, ner=ner
    ):
        first = bisect.bisect_right(starts, mention.start) - 1
        last = bisect.bisect_right(starts, mention.end - 1)
        found.append((first, last, mention))
    return found
