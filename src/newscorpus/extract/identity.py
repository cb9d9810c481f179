"""Actor identity policy: which names are one actor's, as pure functions.

Owns the alias keys, the spelling fold, the choice of a canonical name and the words that
join the parts of Arabic names. Within a document ``extract.actors.resolve`` uses them;
across the corpus the store keeps a table alias key -> actor id (``store.identity``) and
``name_keys`` gives a document-level actor's keys, by strength:

- ``lex:<canonical>`` when the lexicon or CLDR knows the name (or knows it once a head word
  that only says what kind of body it is is set aside: شركة أبل, حركة حماس);
  two names the lexicon knows as different entries never share an actor;
- ``<type>=<light form>``: the spelling up to trivial variation (hamza seats, ة/ه, ى/ي,
  Persian letters, ج/غ, doubled letters, spaces and hyphens: عبدالفتاح = عبد الفتاح); for a
  word of four letters or fewer only diacritics and tatweel vary (وام is not وأم);
- ``<type>:<fold>``, a consonant skeleton, only for names the lexicon does not know and only
  long enough to carry it; the store joins through it only spellings that differ by a few
  long vowels (زوكربرغ/زوكربيرغ, ``close_spelling``), and never a place into a known one:
  near-homonym places are many (المنيا is not ألمانيا, نيوارك not نيويورك).

A bare person name the lexicon does not know (محمد, المالكي), an unresolved homograph (عمان)
and a title with no country (وزارة الداخلية) are *ambiguous*: their only key is
``<type>?<light form>``, so they never join a full name's actor; the store flags their rows.
A multi-word name never yields a key for its surname alone.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache

from newscorpus.arabic import ON_LETTER, normalize
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
_MARKS = re.compile("[" + "".join(sorted(ON_LETTER)) + "]")


@cache
def _fold_table() -> dict[int, str | None]:
    return str.maketrans(letter_folds() | _SPELLING_VARIANTS)


def fold(key: str) -> str:
    """A spelling-blind form of a name's key, used only as an alias key."""
    if key.isascii():
        return _NOT_ALNUM.sub("", key.lower())
    words: list[str] = []
    for word in _NOT_ALNUM.sub(" ", key.translate(_fold_table())).split():
        if word.startswith("ال") and len(word) > 3:
            word = word[2:]
        if not words and len(word) > 3 and word[0] == "و" and word[1] in "اوي":
            # a W sound (ويست هام، واتفورد) a clitic split may have cut: يست هام
            word = word[1:]
        if len(word) > 2 and word.endswith("ه"):  # سورية/سوريا
            word = word[:-1] + "ا"
        # ترامب/ترمب, فلاديفوستوك/فلاديفوستك, كييف/كيف: the long vowels inside a
        # transcribed name and doubled letters vary freely; the first and last letters stay.
        if len(word) > 2:
            word = word[0] + _LONG_VOWELS.sub("", word[1:-1]) + word[-1]
        words.append(_REPEATS.sub(r"\1", word))
    return "".join(words)


SHORT_NAME = 4  # letters: a one-word name this short keys on its exact spelling
_MIN_FOLD = 6  # letters: shorter names are not folded (ترامب is, جده is not)


@dataclass(frozen=True, slots=True)
class NameKeys:
    """The alias keys of one document-level actor (see the module docstring)."""

    strong: str | None
    light: str
    fold: str | None
    ambiguous: bool

    def all(self) -> list[str]:
        return [k for k in (self.strong, self.light, self.fold) if k]


def light_form(key: str, name: str) -> str:
    """The spelling of a name's key up to trivial variation (module docstring)."""
    from newscorpus.extract.actors.gazetteer import spelling_of

    if key.isascii():
        return _NOT_ALNUM.sub("", key.lower())
    if " " not in key and len(key) <= SHORT_NAME:
        return spelling_of(_QUOTES.sub("", name)).strip()
    return _REPEATS.sub(r"\1", _NOT_ALNUM.sub("", key.translate(_fold_table())))


def name_keys(name: str, type: str) -> NameKeys:
    """Lookup keys of a document-level actor, strongest first (see the module docstring)."""
    # The gazetteer lives with the actor rules, which import this module's word lists.
    from newscorpus.extract.actors.gazetteer import key_of

    key = key_of(name)
    light = light_form(key, name)
    if is_ambiguous(name, type, key):
        return NameKeys(None, f"{type}?{light}", None, True)
    entry = _known_entry(key, type, " ".join(name.split()))
    strong = f"lex:{entry.canonical}" if entry is not None else None
    folded = None
    if entry is None and sum(len(w) for w in key.split()) >= _MIN_FOLD and not key.isascii():
        folded = f"{type}:{fold(key)}"
    return NameKeys(strong, f"{type}={light}", folded, False)


def alias_keys(name: str, type: str) -> list[str]:
    return name_keys(name, type).all()


def _known_entry(key: str, type: str, name: str):  # type: ignore[no-untyped-def]
    """The lexicon entry of a key: itself, or what remains without a head word that only
    says what kind of body it is (شركة أبل). A nisba after a known name can name another
    actor (ليفربول المصري, حزب الله العراقي), so the lexicon lists the ones that do not."""
    from newscorpus.extract.actors.gazetteer import cues, gazetteer, spelled_as_listed

    table = gazetteer()
    entry = table.entries.get(key)
    if entry is not None and not spelled_as_listed(table, key, name):
        return None  # جده is not جدة
    if entry is not None and key in table.homographs:
        # a homograph's key is no one's; its readings' canonical spellings are theirs
        entry = next((e for e in table.homographs[key] if e.canonical == name), None)
    if entry is not None:
        return entry if entry.type == type else None
    words = key.split()
    if len(words) > 1 and type == "organization" and words[0] in cues().org_forms:
        rest = table.entries.get(" ".join(words[1:]))
        if rest is not None and rest.type == type:
            return rest
    return None


def is_ambiguous(name: str, type: str, key: str | None = None) -> bool:
    """A name that may stand for several actors: a bare person name the lexicon does not
    know, a homograph not resolved to one of its entries, a title with no country."""
    from newscorpus.extract.actors.gazetteer import cues, gazetteer, key_of
    from newscorpus.extract.actors.resolve import homographs

    key = key if key is not None else key_of(name)
    table = gazetteer()
    readings = [r for r in homographs().get(key, ()) if r.type == type]
    if readings:
        canonical = " ".join(name.split())
        return not any(canonical == r.canonical for r in readings)
    words = key.split()
    # a given name (عبد الرحمن) or a family name (آل الشيخ) alone
    given = len(words) == 1 or (len(words) == 2 and words[0] in ("عبد", "ال"))
    if type == "person" and given and not key.isascii():
        entry = table.entries.get(key)
        return entry is None or entry.type != "person"
    return key in cues().generic


def close_spelling(a: str, b: str) -> bool:
    """Two spellings of one transliterated name: their light forms differ only by long
    vowels (ا و ي) put in or left out, at most one per six letters (زوكربرغ/زوكربيرغ,
    لوبيتيغي/لوبتيغي, not محمد صلاح/محمد صالح, whose vowel moved), and by the article before
    a name of five letters or more."""
    x = _REPEATS.sub(r"\1", _NOT_ALNUM.sub("", normalize(a).translate(_fold_table())))
    y = _REPEATS.sub(r"\1", _NOT_ALNUM.sub("", normalize(b).translate(_fold_table())))
    # the article on a long transliterated name comes and goes (الأوروغواي/أوروغواي)
    if x.startswith("ال") != y.startswith("ال"):
        x, y = (x[2:], y) if x.startswith("ال") else (x, y[2:])
        if min(len(x), len(y)) < 5:
            return False
    if x == y:
        return True
    allowed = max(1, min(len(x), len(y)) // 6)
    if abs(len(x) - len(y)) > allowed:
        return False
    return _vowel_distance(x, y, allowed) <= allowed


def _vowel_distance(x: str, y: str, limit: int) -> int:
    """Fewest long-vowel insertions and deletions turning x into y (limit + 1 if none)."""
    far = limit + 1
    previous = [j if all(c in "اوي" for c in y[:j]) else far for j in range(len(y) + 1)]
    for cx in x:
        current = [previous[0] + 1 if cx in "اوي" else far] + [far] * len(y)
        for j, cy in enumerate(y, 1):
            best = previous[j - 1] if cx == cy else far
            if cx in "اوي":
                best = min(best, previous[j] + 1)
            if cy in "اوي":
                best = min(best, current[j - 1] + 1)
            current[j] = min(best, far)
        previous = current
    return previous[-1]


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
    if len(names_with_counts) == 1:
        return next(iter(names_with_counts))  # most names are written one way
    words = {name: name_words(name) for name in names_with_counts}
    full = [n for n in words if not any(is_inside(words[n], w) for w in words.values())]
    return min(full or list(words), key=lambda n: (-names_with_counts[n], -len(n), n))


def written_name(surface: str) -> str:
    """A mention's text as written, without quotes or tatweel, in single spaces (its
    diacritics kept: عمّان is Amman)."""
    return " ".join(_QUOTES.sub(" ", surface.replace("\u0640", "")).split())


def display_name(surface: str) -> str:
    """A name as shown to people: NFKC (no presentation forms: ﺳﻮﺭﻳﺎ is سوريا), no quotes,
    tatweel or diacritics, single spaces. Stored text and offsets keep the original."""
    return _MARKS.sub("", written_name(unicodedata.normalize("NFKC", surface)))


ACTOR_TYPES_LOOKED_UP = ("person", "organization", "place")


def name_form(name: str) -> str:
    """The match form of a whole name, as the store keeps it for lookups."""
    return normalize(name)


def query_keys(name: str) -> list[list[tuple[str, str]]]:
    """The ``(key, type)`` pairs to look up a name a user typed, in groups from strongest
    (lexicon keys of every type) to weakest (light forms, then ambiguous forms); the name
    is also tried without the proclitics of its first word (لترامب). Folded keys are not
    used: a different name that merely folds alike is not the actor asked for."""
    from newscorpus.arabic import match_form, strip_clitics

    first, _, rest = name.strip().partition(" ")
    prefix, stem = strip_clitics(match_form(first))
    variants = [name.strip()] + ([" ".join(filter(None, (stem, rest)))] if prefix else [])
    groups: list[list[tuple[str, str]]] = [[], [], []]
    for variant in variants:
        for actor_type in ACTOR_TYPES_LOOKED_UP:
            keys = name_keys(variant, actor_type)
            if keys.strong:
                groups[0].append((keys.strong, actor_type))
            groups[2 if keys.ambiguous else 1].append((keys.light, actor_type))
            if not keys.ambiguous:
                groups[2].append((f"{actor_type}?{keys.light.split('=', 1)[1]}", actor_type))
    return groups


def is_clitic_variant(alias: str, others: set[str]) -> bool:
    """True when ``alias`` is another of ``others`` with a proclitic attached (للصين,
    وموسكو): such forms are not shown as separate spellings."""
    if alias.startswith("لل") and "ال" + alias[2:] in others:
        return True
    return alias[:1] in "وفبلك" and alias[1:] in others
