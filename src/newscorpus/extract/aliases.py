"""Which mentions name the same actor: within a document, and keys to merge across a corpus.

Within a document (``resolve_mentions``): a name the lexicon knows takes its canonical
name (ترمب, لترامب, Donald Trump -> دونالد ترامب); a short form takes the full name it is
part of in the same document (دايز-بيرغون -> باسكال دايز-بيرغون, دومولين -> ماري دومولين);
other names take their most common full form (``canonical_name``).

Across the corpus, the store keeps a table alias key -> actor id; ``alias_keys`` gives a
document-level actor's keys, strongest first: ``lex:<canonical>`` when the lexicon or the
CLDR gazetteer knows the name, then ``<type>:<folded name>``, where spelling variation
(ترمب/ترامب, بيونج/بيونغ, البنتاجون/البنتاغون, hamza, ة/ه, ى/ي) folds away. A multi-word name
never yields a key for its surname alone: two people who share a surname are not merged
without evidence.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace

from newscorpus.arabic import normalize
from newscorpus.extract.gazetteer import gazetteer, key_of
from newscorpus.models import Mention

# Letters that vary between spellings of one foreign name: Egyptian ج for g, Persian and
# Urdu letters, hamza seats.
_FOLD = str.maketrans(
    {
        "ج": "غ", "گ": "غ", "ڤ": "ف", "پ": "ب", "چ": "غ", "ک": "ك", "ی": "ي",
        "ؤ": "و", "ئ": "ي", "ء": None, "ى": "ي", "ة": "ه", "أ": "ا", "إ": "ا", "آ": "ا",
    }
)  # fmt: skip
_ARABIC_CONNECTORS = frozenset({"بن", "ابن", "بنت", "ابو", "ال"})
_NOT_ALNUM = re.compile(r"[^\w]+")
_LONG_VOWELS = re.compile("[اوي]")
_REPEATS = re.compile(r"(.)\1+")
_QUOTES = re.compile(r"[«»\"“”„\u0640]")


def fold(key: str) -> str:
    """A spelling-blind form of a name's key, used only as an alias key."""
    if key.isascii():
        return _NOT_ALNUM.sub("", key.lower())
    words = []
    for word in _NOT_ALNUM.sub(" ", key.translate(_FOLD)).split():
        if word.startswith("ال") and len(word) > 3:
            word = word[2:]
        if len(word) > 2 and word.endswith("ه"):  # سورية/سوريا
            word = word[:-1] + "ا"
        # ترامب/ترمب, فلاديفوستوك/فلاديفوستك, كييف/كيف: the long vowels inside a
        # transcribed name and doubled letters vary freely; the first and last letters stay.
        if len(word) > 2:
            word = word[0] + _LONG_VOWELS.sub("", word[1:-1]) + word[-1]
        words.append(_REPEATS.sub(r"\1", word))
    return "".join(words)


def alias_keys(name: str, type: str) -> list[str]:
    """Lookup keys of a document-level actor, strongest first (see the module docstring)."""
    key = key_of(name)
    keys = []
    entry = gazetteer().entries.get(key)
    if entry is not None and entry.type == type:
        keys.append(f"lex:{entry.canonical}")
    folded = fold(key)
    if folded:
        keys.append(f"{type}:{folded}")
    return keys


def _words(name: str) -> tuple[str, ...]:
    return tuple(normalize(_QUOTES.sub("", name)).replace("-", " ").split())


def _inside(short: tuple[str, ...], long: tuple[str, ...]) -> bool:
    size = len(short)
    return size < len(long) and any(
        long[i : i + size] == short for i in range(len(long) - size + 1)
    )


def canonical_name(names_with_counts: Mapping[str, int]) -> str:
    """The most common full form: names inside a longer one are not candidates.

    Ties go to the longer name, then to the first in alphabetical order, so the result
    does not depend on the mapping's order.
    """
    words = {name: _words(name) for name in names_with_counts}
    full = [n for n in words if not any(_inside(words[n], w) for w in words.values())]
    return min(full or list(words), key=lambda n: (-names_with_counts[n], -len(n), n))


def display_name(surface: str) -> str:
    """A mention's text as an actor's name: no quotes or tatweel, single spaces."""
    return " ".join(_QUOTES.sub(" ", surface).split())


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
    people = {g: _words(n) for g, n in names.items() if g[0] == "person"}
    for group, words in people.items():  # دراودت فيخاريس -> دارسي دراودت فيخاريس
        longer = [g for g, w in people.items() if len(words) > 1 and _inside(words, w)]
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
            ends = words[:1] if _ARABIC_CONNECTORS.intersection(words) else [words[0], words[-1]]
            for word in _distinct(ends):
                full_by_word.setdefault(word, Counter())[actor] += 1
    for index, mention in enumerate(mentions):
        if mention.type == "person" and " " not in mention.key:
            candidates = full_by_word.get(mention.key)
            if candidates:
                actors[index] = candidates.most_common(1)[0][0]


def _distinct(words: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(words))
