"""BIO tags and spans: the one decoder and the one tag map every NER part uses.

The tagger, the camel-tools backend, the evaluation and the training script all read tags
through ``bio_spans`` (conlleval's reading: an I- tag that does not continue an entity of
its own type starts a new one) and map tag types to actor types with ``TAG_TYPES``.
"""

from __future__ import annotations

from collections.abc import Sequence

from newscorpus.arabic import proclitic_width
from newscorpus.models import ActorType, Token

# Coarse tag suffix -> actor type (the names used everywhere else in newscorpus).
TAG_TYPES: dict[str, ActorType] = {"PERS": "person", "ORG": "organization", "LOC": "place"}
TYPE_TAGS: dict[str, str] = {actor: tag for tag, actor in TAG_TYPES.items()}


def bio_spans(tags: Sequence[str]) -> list[tuple[int, int, str]]:
    """``(first, last + 1, TYPE)`` token spans of a tag sequence, TYPE as written."""
    spans: list[tuple[int, int, str]] = []
    start, kind = -1, ""
    for index, tag in enumerate(tags):
        if tag == "O":  # most tags: it ends an entity, if one is open
            if start >= 0:
                spans.append((start, index, kind))
                start = -1
            continue
        prefix, _, tag_type = tag.partition("-")
        if start >= 0 and (prefix != "I" or tag_type != kind):
            spans.append((start, index, kind))
            start = -1
        if prefix in ("B", "I") and start < 0:
            start, kind = index, tag_type
    if start >= 0:
        spans.append((start, len(tags), kind))
    return spans


def span_tags(length: int, spans: Sequence[tuple[int, int, str]]) -> list[str]:
    """The BIO tags of ``length`` words given ``(first, last, actor_type)`` spans."""
    tags = ["O"] * length
    for first, last, actor_type in spans:
        code = TYPE_TAGS[actor_type]
        tags[first] = f"B-{code}"
        for index in range(first + 1, last):
            tags[index] = f"I-{code}"
    return tags


def token_spans(
    text: str, window: Sequence[Token], tags: Sequence[str], *, after_proclitics: bool = True
) -> list[tuple[int, int, ActorType]]:
    """``(start, end, actor_type)`` character spans of tagged tokens; types not in
    ``TAG_TYPES`` (MISC) are dropped. With ``after_proclitics`` a span starts after the
    proclitics of its first token (وزيلينسكي -> زيلينسكي)."""
    spans: list[tuple[int, int, ActorType]] = []
    for first, last, tag_type in bio_spans(tags):
        actor_type = TAG_TYPES.get(tag_type)
        if actor_type is None:
            continue
        token = window[first]
        start = token.start
        if after_proclitics and token.prefix:
            letters = len(token.prefix.replace("+", ""))
            start += proclitic_width(text, token.start, token.end, letters)
        spans.append((start, window[last - 1].end, actor_type))
    return spans
