"""Actor identity policy: which names are one actor's, as pure functions.

Owns the alias keys, the spelling fold, the choice of a canonical name and the words that
join the parts of Arabic names. Within a document ``extract.actors.resolve`` uses them;
across the corpus, the store keeps a table alias key -> actor id; ``alias_keys`` gives a
document-level actor's keys, strongest first: ``lex:<canonical>`` when the lexicon or the
CLDR gazetteer knows the name, then ``<type>:<folded name>``, where spelling variation
(ترمب/ترامب, بيونج/بيونغ, البنتاجون/البنتاغون, hamza, ة/ه, ى/ي) folds away. A multi-word name
never yields a key for its surname alone: two people who share a surname are not merged
without evidence.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import cache

from newscorpus.arabic import normalize
from newscorpus.arabic.normalize import letter_folds

# Letters that vary between spellings of one foreign name: Egyptian ج for g, Persian and
# Urdu letters, hamza seats (on top of the match form's own letter folds).
_SPELLING_VARIANTS: dict[str, str | None] = {
    "ج": "غ", "گ": "غ", "ڤ": "ف", "پ": "ب", "چ": "غ", "ک": "ك", "ی": "ي",
    "ؤ": "و", "ئ": "ي", "ء": None,
}  # fmt: skip
# Words inside Arabic names (بن = son of): the last word of such a name is a father's or a
# family's name, not a surname to look for alone.
NAME_CONNECTORS = frozenset({"بن", "ابن", "بنت", "ابو", "عبد", "ال", "ام"})
# Of those, the ones that link a person to a father or a family; عبد and أم begin a given
# name (عبد الفتاح السيسي, أم كلثوم) whose last word is still the person's surname.
LINEAGE_CONNECTORS = NAME_CONNECTORS - {"عبد", "ام"}
_NOT_ALNUM = re.compile(r"[^\w]+")
_LONG_VOWELS = re.compile("[اوي]")
_REPEATS = re.compile(r"(.)\1+")
_QUOTES = re.compile(r"[«»\"“”„\u0640]")


@cache
def _fold_table() -> dict[int, str | None]:
    return str.maketrans(letter_folds() | _SPELLING_VARIANTS)


def fold(key: str) -> str:
    """A spelling-blind form of a name's key, used only as an alias key."""
    if key.isascii():
        return _NOT_ALNUM.sub("", key.lower())
    words = []
    for word in _NOT_ALNUM.sub(" ", key.translate(_fold_table())).split():
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
    # The gazetteer lives with the actor rules, which import this module's word lists.
    from newscorpus.extract.actors.gazetteer import gazetteer, key_of

    key = key_of(name)
    keys = []
    entry = gazetteer().entries.get(key)
    if entry is not None and entry.type == type:
        keys.append(f"lex:{entry.canonical}")
    folded = fold(key)
    if folded:
        keys.append(f"{type}:{folded}")
    return keys


def name_words(name: str) -> tuple[str, ...]:
    return tuple(normalize(_QUOTES.sub("", name)).replace("-", " ").split())


def is_inside(short: tuple[str, ...], long: tuple[str, ...]) -> bool:
    size = len(short)
    return size < len(long) and any(
        long[i : i + size] == short for i in range(len(long) - size + 1)
    )


def canonical_name(names_with_counts: Mapping[str, int]) -> str:
    """The most common full form: names inside a longer one are not candidates.

    Ties go to the longer name, then to the first in alphabetical order, so the result
    does not depend on the mapping's order.
    """
    words = {name: name_words(name) for name in names_with_counts}
    full = [n for n in words if not any(is_inside(words[n], w) for w in words.values())]
    return min(full or list(words), key=lambda n: (-names_with_counts[n], -len(n), n))


def display_name(surface: str) -> str:
    """A mention's text as an actor's name: no quotes or tatweel, single spaces."""
    return " ".join(_QUOTES.sub(" ", surface).split())


ACTOR_TYPES_LOOKED_UP = ("person", "organization", "place")


def name_form(name: str) -> str:
    """The match form of a whole name, as the store keeps it for lookups."""
    return normalize(name)


def query_keys(name: str) -> list[tuple[str, str]]:
    """``(key, type)`` pairs to look a name a user typed up by, people first: its alias
    keys, and those of the name without the proclitics of its first word (لترامب)."""
    from newscorpus.arabic import match_form, strip_clitics

    first, _, rest = name.strip().partition(" ")
    prefix, stem = strip_clitics(match_form(first))
    variants = [name.strip()] + ([" ".join(filter(None, (stem, rest)))] if prefix else [])
    return [
        (key, actor_type)
        for actor_type in ACTOR_TYPES_LOOKED_UP
        for variant in variants
        for key in alias_keys(variant, actor_type)
    ]


def is_clitic_variant(alias: str, others: set[str]) -> bool:
    """True when ``alias`` is another of ``others`` with a proclitic attached (للصين,
    وموسكو): such forms are not shown as separate spellings."""
    if alias.startswith("لل") and "ال" + alias[2:] in others:
        return True
    return alias[:1] in "وفبلك" and alias[1:] in others
