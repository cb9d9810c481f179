"""Light proclitic analysis: split و ف ب ل ك س (and لل = ل + ال) off a match-form word.

The split is guarded by a lexicon of known whole words (``resources/clitic_lexicon.txt``,
match form, one word a line), so that words whose first letter only looks like a clitic
stay whole (بوتين, لافروف, كوريا, واشنطن, وكالة). Rules, in order:

1. A word in the lexicon is never split (وكالة, بكين, كان), nor one that is a lexicon
   word + an attached pronoun (وقتها = وقت + ها, وكالته = وكالة + ه).
2. Candidate splits: conjunction (و|ف), then a preposition (ب|ل|ك) or the future
   particle س before an imperfect verb.
   ``لل`` is ل + ال, and the stem keeps the article: للصين -> ("ل", "الصين").
3. The shortest split whose stem is known wins: in the lexicon, possibly + an attached
   pronoun; a two-letter stem must be a function word such as ان, ما, في, ها
   (ولكن -> و+لكن, وبكين -> و+بكين, للقاء -> ل+لقاء). Failing that, the longest split
   whose stem starts with the article ال and has 4+ letters (وللصين -> و+ل + الصين).
4. An unknown word starting with و loses it when 3 letters or more remain (a new name
   after "and": وفوستوشني); an unknown stem after ف ب ل ك س is not split, because foreign
   names starting with those letters are common (فوستوشني, فاكون, بيرغون) and a wrong
   split loses the name.

The definite article stays in the stem: extractors look up "الولايات" and "روسيا" alike.
"ولكن" is split into و+لكن, "فإن" into ف+ان, "بأن" into ب+ان (match forms).
"""

from __future__ import annotations

import sys
from functools import cache
from importlib import resources

# After a clitic, a two-letter stem is a function word or a pronoun, never a name: this
# keeps كأس, بات, باب, بلد whole although اس, ات, اب, لد occur as (foreign) words.
_SHORT_STEMS = frozenset(
    "ان ما لا لم لن قد في من عن مع هو هي هم ها نا كم كل لي لك له ذا اي او اذ بل ثم به بي".split()
)
FUNCTION_STEMS = _SHORT_STEMS  # what a clitic leaves of بأن, لما: never a name's first word
# Attached pronouns: وقتها is وقت + ها (a known word), not و + قتها.
_SUFFIXES = ("هما", "هم", "هن", "ها", "كم", "نا", "ه", "ي", "ك")
_CONJUNCTIONS = "وف"
_PREPOSITIONS = "بلك"
_IMPERFECT = "يتنا"
_ARTICLE = "ال"
_MIN_STEM = 2
_MIN_ARTICLE_STEM = 4
_MIN_UNKNOWN_STEM = 3


@cache
def lexicon() -> frozenset[str]:
    """The known whole words (match form), loaded once from the package resources."""
    path = resources.files("newscorpus") / "resources" / "clitic_lexicon.txt"
    words = path.read_text(encoding="utf-8").split("\n")
    return frozenset(w for w in words if w and not w.startswith("#"))


def _candidates(word: str) -> list[tuple[str, str]]:
    """Possible (prefix, stem) splits of ``word``, most preferred first.

    The conjunction alone comes first (ولبنان -> و + لبنان), then conjunction +
    preposition; ``لل`` is read as ل + a word starting with ل when that word is known
    (للقاء -> ل + لقاء), else as ل + ال (للصين -> ل + الصين).
    """
    found: list[tuple[str, str]] = []
    conj = word[0] if word[0] in _CONJUNCTIONS else ""
    rest = word[1:] if conj else word
    if conj:
        found.append((conj, rest))
    if len(rest) >= 3:
        head = rest[0]
        prefix = f"{conj}+{head}" if conj else head
        if head in _PREPOSITIONS:
            found.append((prefix, rest[1:]))
            if rest.startswith("لل"):
                found.append((prefix, _ARTICLE + rest[2:]))
        elif head == "س" and rest[1] in _IMPERFECT:
            found.append((prefix, rest[1:]))
    return found


def readings(match: str) -> list[str]:
    """A match-form word and what it reads as without each possible proclitic, for
    looking a cue word up in a table (لهجمات -> لهجمات, هجمات; بالأمس -> بالامس, الامس;
    لقناة -> لقناه, قناه): no lexicon decides, the table does."""
    return [match, *(stem for _, stem in _candidates(match))] if match else []


def _is_known(word: str, known: frozenset[str]) -> bool:
    """``word`` is in the lexicon, or is a lexicon word + an attached pronoun."""
    if word in known:
        return True
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            base = word[: -len(suffix)]
            # ة is written ت before a suffix: وكالته = وكالة + ه
            if base in known or (base[-1] == "ت" and base[:-1] + "ه" in known):
                return True
    return False


def is_whole_word(match: str) -> bool:
    """Whether a match-form word is listed whole in the lexicon, never clitic + word
    (كواليس "backstage" is not ك + واليس, وليامز not و + ليامز). Only the words listed:
    a listed word + a pronoun (لغزه = لغز + ه) may still be a clitic + a name (لغزة)."""
    return match in lexicon()


def split_with(match: str, known: frozenset[str]) -> tuple[str, str]:
    """``(prefix, stem)`` of a match-form word with another lexicon of whole words (the one
    a statistical model was trained with), uncached."""
    return _split(match, known)


def _split(word: str, known: frozenset[str]) -> tuple[str, str]:
    if len(word) < 3 or word[0] not in "وفبلكس" or _is_known(word, known):
        return "", word
    candidates = _candidates(word)
    # Hyphenated names are judged by their first part (لدايز-بيرغون).
    for prefix, stem in candidates:
        head = stem.split("-", 1)[0]
        if len(head) == _MIN_STEM and head in _SHORT_STEMS:
            return prefix, stem
        if len(head) > _MIN_STEM and _is_known(head, known):
            return prefix, stem
    for prefix, stem in reversed(candidates):
        # the future particle comes before a verb, never before the article: سالزبري
        # (Salisbury) is not س + الزبري
        if prefix.endswith("س"):
            continue
        if stem.startswith(_ARTICLE) and len(stem.split("-", 1)[0]) >= _MIN_ARTICLE_STEM:
            return prefix, stem
    if word[0] == "و" and len(word) - 1 >= _MIN_UNKNOWN_STEM:
        return word[0], word[1:]
    return "", word


_CACHE: dict[str, tuple[str, str]] = {}
_CACHE_LIMIT = 100_000


def strip_clitics(match: str) -> tuple[str, str]:
    """Return ``(prefix, stem)`` for a match-form word, e.g. "وللصين" -> ("و+ل", "الصين").

    ``prefix`` is "" when nothing is removed; then ``stem`` is ``match`` itself. Results
    are cached (names and other words looked up again and again); a caller with its own
    cache per word (``arabic.tokens``) uses ``split_clitics``.
    """
    result = _CACHE.get(match)
    if result is None:
        if len(_CACHE) >= _CACHE_LIMIT:
            _CACHE.clear()
        result = _CACHE[match] = split_clitics(match)
    return result


def split_clitics(match: str) -> tuple[str, str]:
    """``strip_clitics`` without its cache; the few prefixes are shared strings."""
    prefix, stem = _split(match, lexicon())
    return sys.intern(prefix), stem
