"""Cleaning (same-length) and normalization (match form) of Arabic text.

Two forms of every text exist: the original, which never changes, and the *match form*,
used for lookups, counting and search. The match form is the camel-tools chain
``normalize_unicode`` (NFKC), ``normalize_alef_ar``, ``normalize_alef_maksura_ar``,
``normalize_teh_marbuta_ar``, ``dediac_ar``, followed by tatweel removal, Arabic-Indic and
Persian digits to ASCII and unified punctuation.

The per-character steps are one ``str.translate`` table, built at first use: its letter
folds are what camel-tools' own normalizers (``camel_tools.utils.normalize``, imported
then, 20 ms) do to each character of the Arabic block, so camel-tools decides them. The
diacritics are the tashkeel of ``letters`` rather than ``dediac_ar``'s set, because
``camel_tools.utils.dediac`` imports ``camel_tools.utils.charsets``, which scans all of
Unicode on import (1.5-1.9 s per process here); the test suite checks that both sets are
equal and that the whole table equals camel-tools' chain on the seed articles.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from typing import Any

from newscorpus.arabic.letters import ON_LETTER, TATWEEL

# --- clean(): one-for-one replacements, so offsets survive ------------------------------
_TO_SPACE = (
    "\r\u00a0\u202f\u2007\u200b\ufeff\u200e\u200f\u061c"
    "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
)
# ZWNJ, ZWJ and the soft hyphen sit inside words: tatweel keeps the word in one piece and
# vanishes from the match form.
_TO_TATWEEL = "\u200c\u200d\u00ad"
# C0 controls but tab and newline, DEL and C1 controls: never text, and they must not cut
# a sentence or a claim (escape sequences are blanked whole, below).
_CONTROLS = [c for c in range(0x20) if c not in (0x09, 0x0A)] + list(range(0x7F, 0xA0))
_CLEAN_TABLE: dict[int, str] = {ord(c): " " for c in _TO_SPACE}
_CLEAN_TABLE.update({code: " " for code in _CONTROLS if code != 0x0D})
# Unicode line and paragraph separators are line breaks the splitters should see.
_CLEAN_TABLE.update({0x2028: "\n", 0x2029: "\n"})
_CLEAN_TABLE.update({ord(c): "\u0640" for c in _TO_TATWEEL})


def clean(text: str) -> str:
    """Return ``text`` with CR, NBSP, bidi, zero-width and control characters (and terminal
    escape sequences) replaced one-for-one.

    The result has the same length as ``text``, so every offset found in it is an offset
    into the original. ``"\\r\\n"`` becomes ``" \\n"``: still one line break; U+2028 and
    U+2029 (line and paragraph separators) become ``"\\n"``. The underscores of a
    hashtag become spaces (#تركي_المالكي reads as the words تركي المالكي).
    """
    # A regex skips the (almost always absent) characters in C; str.translate with a dict
    # table walks every character in Python and ran ~13x slower on Arabic text.
    if "\x1b" in text:  # a terminal escape sequence (ESC ]0;title BEL): all of it is blank
        text = _ESCAPE_SEQUENCE.sub(lambda m: " " * len(m.group()), text)
    if "#" in text and "_" in text:
        text = _HASHTAG.sub(_hashtag_words, text)
    return _CLEAN_PATTERN.sub(_clean_char, text)


_HASHTAG = re.compile(r"#\w*_\w*")


def _hashtag_words(match: re.Match[str]) -> str:
    return match.group().replace("_", " ")


# CSI (ESC [ ... final), OSC and the other string sequences (ESC ] ... BEL or ESC \, at
# most 200 characters), and two-character escapes (ESC c, ESC 7...).
_ESCAPE_SEQUENCE = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b[\]PX^_][^\x07\x1b]{0,200}(?:\x07|\x1b\\)?|\x1b[0-~]?"
)


_CLEAN_PATTERN = re.compile("[" + "".join(re.escape(chr(code)) for code in _CLEAN_TABLE) + "]")


def _clean_char(match: re.Match[str]) -> str:
    return _CLEAN_TABLE[ord(match.group())]


# --- match form -------------------------------------------------------------------------
AR_DIACRITICS = "".join(sorted(ON_LETTER - {TATWEEL}))  # = camel-tools' AR_DIAC_CHARSET
# Arabic-Indic and Persian (extended Arabic-Indic) digits.
DIGITS = {chr(base + i): str(i) for base in (0x0660, 0x06F0) for i in range(10)}
# camel-tools' normalize_unicode replaces these two ligatures before NFKC.
_UNICODE_CHAR_FIX = {"\ufdfc": "ريال", "\ufdfd": "بسم الله الرحمن الرحيم"}
_QUOTES = '«»"“”„'
_FORMAT_CHARS = _TO_SPACE.replace("\r", "").replace("\u00a0", "").replace("\u202f", "")
_FORMAT_CHARS = _FORMAT_CHARS.replace("\u2007", "") + _TO_TATWEEL


@cache
def letter_folds() -> dict[str, str]:
    """Each Arabic letter camel-tools' alef, alef maksura and teh marbuta normalizers
    change, and what they change it to (أ إ آ ٱ -> ا, ى -> ي, ة -> ه)."""
    from camel_tools.utils.normalize import (
        normalize_alef_ar,
        normalize_alef_maksura_ar,
        normalize_teh_marbuta_ar,
    )

    folds = {}
    for code in range(0x0600, 0x0700):
        char = chr(code)
        folded = normalize_teh_marbuta_ar(normalize_alef_maksura_ar(normalize_alef_ar(char)))
        if folded != char:
            folds[char] = folded
    return folds


@dataclass(frozen=True, slots=True)
class _MatchTable:
    table: dict[int, str | None]
    # For whole texts, str.translate with a dict looks up every character in Python
    # objects; the frequent mappings done as C-level regex substitutions and str.replace
    # are 3x faster (same result: the tests compare both with camel-tools).
    folds: tuple[tuple[str, re.Pattern[str], str], ...]  # (letters, their pattern, target)
    delete: re.Pattern[str]
    rare: dict[str, str]
    rare_re: re.Pattern[str]


@cache
def _match_table() -> _MatchTable:
    folds = letter_folds()
    table: dict[int, str | None] = {ord(c): f for c, f in folds.items()}
    table.update({ord(c): None for c in AR_DIACRITICS})
    table[ord(TATWEEL)] = None
    table.update({ord(c): d for c, d in DIGITS.items()})
    table.update({ord(c): '"' for c in _QUOTES})
    table[ord("،")] = ","
    table[ord("؛")] = ";"
    table[ord("؟")] = "?"
    # Zero-width and bidi format characters carry no letters: drop them, so a name typed
    # with a stray RLM still matches.
    table.update({ord(c): None for c in _FORMAT_CHARS})
    by_target: dict[str, str] = {}
    for char, target in folds.items():
        by_target[target] = by_target.get(target, "") + char
    fold_res = tuple((cs, re.compile(f"[{re.escape(cs)}]"), t) for t, cs in by_target.items())
    deleted = "".join(chr(k) for k, v in table.items() if v is None)
    rare = {chr(k): v for k, v in table.items() if v is not None and chr(k) not in folds}
    return _MatchTable(
        table,
        fold_res,
        re.compile("[" + re.escape(deleted) + "]"),
        rare,
        re.compile("[" + re.escape("".join(rare)) + "]"),
    )


class CharMap:
    """``str.translate`` for a table that maps characters one for one (each to one other
    character), on whole texts: each character's code looked up in an array, which is
    about 10x faster than ``translate`` with a dict (it looks every character up in
    Python objects). Texts holding lone surrogates (which have no UTF-32) are translated."""

    def __init__(self, table: dict[int, str]) -> None:
        if any(len(target) != 1 or code > 0xFFFF for code, target in table.items()):
            raise ValueError("CharMap maps characters of the BMP one for one")
        self.table = table
        self._codes: Any = None  # built on first use: numpy is imported only then

    def __call__(self, text: str) -> str:
        import numpy as np

        if self._codes is None:
            codes = np.arange(0x10000, dtype=np.uint32)
            for code, target in self.table.items():
                codes[code] = ord(target)
            self._codes = codes
        try:
            written = np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32)
        except UnicodeEncodeError:
            return text.translate(self.table)
        mapped = self._codes[written & 0xFFFF]
        if written.size and written.max() > 0xFFFF:  # past the BMP: kept as written
            mapped = np.where(written > 0xFFFF, written, mapped)
        return mapped.tobytes().decode("utf-32-le")


def _nfkc(text: str) -> str:
    if "\ufdfc" in text or "\ufdfd" in text:
        for char, replacement in _UNICODE_CHAR_FIX.items():
            text = text.replace(char, replacement)
    if text.isascii() or unicodedata.is_normalized("NFKC", text):
        return text
    return unicodedata.normalize("NFKC", text)


def normalize(text: str) -> str:
    """Return the match form of a whole string (its length may differ from ``text``)."""
    form = _normalize_once(text)
    if _COMBINING_HAMZA.search(form):  # as in match_form: marks that meet their letter late
        form = _normalize_once(form)
    return form


def _normalize_once(text: str) -> str:
    match = _match_table()
    if len(text) < 64:
        return _nfkc(text).translate(match.table)
    text = _nfkc(text)
    for letters, pattern, target in match.folds:
        text = text.replace(letters, target) if len(letters) == 1 else pattern.sub(target, text)
    text = match.delete.sub("", text)
    for char in set(match.rare_re.findall(text)):
        text = text.replace(char, match.rare[char])
    return text


_WORD_CACHE: dict[str, str] = {}
_CACHE_LIMIT = 100_000


def match_form(word: str) -> str:
    """Return the match form of one word; results are cached (words follow Zipf's law).

    A caller with its own cache per word (``arabic.tokens``) uses ``word_match_form``.
    """
    form = _WORD_CACHE.get(word)
    if form is None:
        if len(_WORD_CACHE) >= _CACHE_LIMIT:
            _WORD_CACHE.clear()
        form = _WORD_CACHE[word] = word_match_form(word)
    return form


def word_match_form(word: str) -> str:
    """``match_form`` without its cache."""
    form = _nfkc(word).translate(_match_table().table)
    if _COMBINING_HAMZA.search(form):
        # A hamza or madda mark that only meets its letter once what stood between is
        # gone (آٔ, or a ZWJ turned tatweel) composes now: the match form of a match
        # form is itself.
        form = _nfkc(form).translate(_match_table().table)
    return form


_COMBINING_HAMZA = re.compile("[\u0653-\u0655]")
