"""Tokenization with character offsets, match forms and clitic analysis.

One compiled regex finds every token: URLs and @handles whole (not words); a hashtag's #
is a mark of its own and its words are words (``clean`` made its underscores spaces);
words (Arabic letters with diacritics and tatweel, Latin letters, digits of any script;
internal hyphens as in دايز-بيرغون, and number separators as in ١.٣, 21.11.2024 or
2024/11/21 kept inside); and every other non-space character as a token of its own.
The analysis of a token depends only on its surface, so it is cached per surface string:
most tokens of a corpus hit the cache and cost one dict lookup.
"""

from __future__ import annotations

import re

from newscorpus.arabic.clitics import split_clitics
from newscorpus.arabic.letters import ON_LETTER
from newscorpus.arabic.normalize import normalize, word_match_form
from newscorpus.models import Token

# Letters, digits and the combining marks Arabic words carry (\w has no Mn marks), as one
# character class: an alternation per character would make the regex twice as slow. The
# underscore comes with \w; it is rare in news text outside hashtags.
_MARKS = r"\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06dc\u06df-\u06e8\u06ea-\u06ed"
_WORD_CHAR = rf"[\w{_MARKS}]"
_WORD = rf"{_WORD_CHAR}+(?:(?:-|(?<=\d)[.,/\u066b\u066c](?=\d)){_WORD_CHAR}+)*"
_URL = r"(?:https?://|www\.|pic\.twitter\.com/)[^\s«»\"“”<>()]*[^\s«»\"“”<>().,;:!?،؛؟'’]"
_HANDLE = r"@[A-Za-z0-9_]+"
TOKEN_RE = re.compile(rf"{_URL}|{_HANDLE}|{_WORD}|\S")
_SPECIAL_RE = re.compile(rf"{_URL}|{_HANDLE}")

# surface -> (match, stem, prefix, is_word)
_CACHE: dict[str, tuple[str, str, str, bool]] = {}
_CACHE_LIMIT = 500_000
_new_token = tuple.__new__


def analyze_surface(surface: str) -> tuple[str, str, str, bool]:
    """Return ``(match, stem, prefix, is_word)`` for one token's surface text."""
    if _SPECIAL_RE.fullmatch(surface):
        return surface, surface, "", False
    first = surface[0]
    if first.isalnum() or first == "\u0640" or len(surface) > 1:
        # this module caches the whole analysis per surface: the word caches of match_form
        # and strip_clitics would only hold a second copy of it
        match = word_match_form(surface)
        if match == surface:
            match = surface  # one string, not two equal ones, in the cache
        if not match:  # a lone tatweel or diacritic
            return match, match, "", False
        prefix, stem = split_clitics(match)
        return match, stem, prefix, True
    punct = normalize(surface)
    return punct, punct, "", False


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """Tokens of ``text[start:end]`` with absolute offsets into ``text``.

    ``text`` is expected to be cleaned already (``clean``); ``text[t.start:t.end]`` is the
    surface of token ``t``.
    """
    if end is None:
        end = len(text)
    cache = _CACHE
    if len(cache) > _CACHE_LIMIT:
        cache.clear()
    tokens: list[Token] = []
    append = tokens.append
    for found in TOKEN_RE.finditer(text, start, end):
        surface = found[0]
        analysis = cache.get(surface)
        if analysis is None:
            analysis = cache[surface] = analyze_surface(surface)
        append(_new_token(Token, found.span() + analysis))
    return tokens


def proclitic_width(text: str, start: int, end: int, letters: int) -> int:
    """How many characters of the token ``text[start:end]`` its first ``letters``
    proclitic letters take, with the marks on them (so a span can start after و or لل).
    0 when the proclitics would take the whole token."""
    position = start
    while letters and position < end:
        if text[position] not in ON_LETTER:
            letters -= 1
        position += 1
    while position < end and text[position] in ON_LETTER:
        position += 1
    return position - start if position < end else 0
