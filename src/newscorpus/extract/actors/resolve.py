"""Which mentions of one document name the same actor.

A name the lexicon knows takes its canonical name (ترمب, لترامب, Donald Trump -> دونالد
ترامب); a short form takes the full name it is part of in the same document (دايز-بيرغون ->
باسكال دايز-بيرغون, دومولين -> ماري دومولين); other names take their most common full form
(``identity.canonical_name``).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import replace

from newscorpus.extract.actors.gazetteer import gazetteer
from newscorpus.extract.identity import (
    LINEAGE_CONNECTORS,
    canonical_name,
    display_name,
    fold,
    is_inside,
    name_words,
)
from newscorpus.models import Mention


def resolve_mentions(mentions: Sequence[Mention]) -> list[Mention]:
    """The same mentions with ``actor`` set to the actor's name within the document."""
    table = gazetteer()
    actors: list[str | None] = []
    for mention in mentions:
        entry = table.entries.get(mention.key)
        if entry is None or entry.type != mention.type:
            entry = table.quoted.get(mention.key)  # «الشرق الأوسط», the newspaper
        known = entry is not None and entry.type == mention.type
        actors.append(entry.canonical if known and entry else None)
    _resolve_unknown(mentions, actors)
    _resolve_short_persons(mentions, actors)
    return [replace(m, actor=a) for m, a in zip(mentions, actors, strict=True)]


def _resolve_unknown(mentions: Sequence[Mention], actors: list[str | None]) -> None:
    """Names nobody knows: group by type and folded key, and by containment for people."""
    groups: dict[tuple[str, str], Counter[str]] = {}
    for mention, actor in zip(mentions, actors, strict=True):
        if actor is None:
            groups.setdefault((mention.type, fold(mention.key)), Counter())[
                display_name(mention.text)
            ] += 1
    names = {group: canonical_name(counts) for group, counts in groups.items()}
    people = {g: name_words(n) for g, n in names.items() if g[0] == "person"}
    for group, words in people.items():  # دراودت فيخاريس -> دارسي دراودت فيخاريس
        longer = [g for g, w in people.items() if len(words) > 1 and is_inside(words, w)]
        if longer:
            names[group] = names[max(longer, key=lambda g: sum(groups[g].values()))]
    for index, mention in enumerate(mentions):
        if actors[index] is None:
            actors[index] = names[(mention.type, fold(mention.key))]


def _resolve_short_persons(mentions: Sequence[Mention], actors: list[str | None]) -> None:
    """A one-word person name takes the full name it belongs to in this document."""
    full_by_word: dict[str, Counter[str]] = {}
    for mention, actor in zip(mentions, actors, strict=True):
        words = mention.key.split()
        if mention.type == "person" and len(words) > 1 and actor:
            # كيم (جونغ أون), (باسكال) دايز-بيرغون; but حمد بن خليفة is not "خليفة".
            lineage = LINEAGE_CONNECTORS.intersection(words)
            ends = words[:1] if lineage else [words[0], words[-1]]
            for word in _distinct(ends):
                full_by_word.setdefault(word, Counter())[actor] += 1
    for index, mention in enumerate(mentions):
        if mention.type == "person" and " " not in mention.key:
            candidates = full_by_word.get(mention.key)
            if candidates:
                actors[index] = candidates.most_common(1)[0][0]


def _distinct(words: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(words))
