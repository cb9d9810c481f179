"""Cleaning (same-length) and normalization (match form) of Arabic text.

Two forms of every text exist: the original, which never changes, and the *match form*,
used for lookups, counting and search. The match form is the camel-tools chain
``normalize_unicode`` (NFKC), ``normalize_alef_ar``, ``normalize_alef_maksura_ar``,
``normalize_teh_marbuta_ar``, ``dediac_ar``, followed by tatweel removal, Arabic-Indic and
Persian digits to ASCII and unified punctuation. The per-character steps are one
``str.translate`` table built once from the same character sets camel-tools uses (the test
suite checks the equivalence against camel-tools itself on the seed articles); camel-tools
is not imported here because ``camel_tools.utils.charsets`` scans all of Unicode on import.
"""

from __future__ import annotations

import re
import unicodedata

# --- clean(): one-for-one replacements, so offsets survive ------------------------------
_TO_SPACE = (
    "\r\u00a0\u202f\u2007\u200b\ufeff\u200e\u200f\u061c"
    "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
)
# ZWNJ, ZWJ and the soft hyphen sit inside words: tatweel keeps the word in one piece and
# vanishes from the match form.
_TO_TATWEEL = "\u200c\u200d\u00ad"
_CLEAN_TABLE: dict[int, str] = {ord(c): " " for c in _TO_SPACE}
# Unicode line and paragraph separators are line breaks the splitters should see.
_CLEAN_TABLE.update({0x2028: "\n", 0x2029: "\n"})
_CLEAN_TABLE.update({ord(c): "\u0640" for c in _TO_TATWEEL})

# --- match form -------------------------------------------------------------------------
# The same sets as camel_tools.utils.normalize._ALEF_NORMALIZE_AR_RE and
# camel_tools.utils.charsets.AR_DIAC_CHARSET (checked in tests/arabic/test_normalize.py).
ALEF_VARIANTS = "\u0625\u0623\u0671\u0622"
AR_DIACRITICS = "\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652\u0670"
ALEF_MAKSURA, YEH = "\u0649", "\u064a"
TEH_MARBUTA, HEH = "\u0629", "\u0647"
TATWEEL = "\u0640"
# camel-tools' normalize_unicode replaces these two ligatures before NFKC.
_UNICODE_CHAR_FIX = {"\ufdfc": "ريال", "\ufdfd": "بسم الله الرحمن الرحيم"}
_QUOTES = '«»"“”„'
_FORMAT_CHARS = _TO_SPACE.replace("\r", "").replace("\u00a0", "").replace("\u202f", "")
_FORMAT_CHARS = _FORMAT_CHARS.replace("\u2007", "") + _TO_TATWEEL


def _build_match_table() -> dict[int, str | None]:
    table: dict[int, str | None] = {ord(c): "\u0627" for c in ALEF_VARIANTS}
    table[ord(ALEF_MAKSURA)] = YEH
    table[ord(TEH_MARBUTA)] = HEH
    table.update({ord(c): None for c in AR_DIACRITICS})
    table[ord(TATWEEL)] = None
    for i in range(10):
        table[0x0660 + i] = str(i)  # Arabic-Indic digits
        table[0x06F0 + i] = str(i)  # Persian (extended Arabic-Indic) digits
    table.update({ord(c): '"' for c in _QUOTES})
    table[ord("،")] = ","
    table[ord("؛")] = ";"
    table[ord("؟")] = "?"
    # Zero-width and bidi format characters carry no letters: drop them, so a name typed
    # with a stray RLM still matches.
    table.update({ord(c): None for c in _FORMAT_CHARS})
    return table


MATCH_TABLE = _build_match_table()

# For whole texts, str.translate with a dict looks up every character in Python objects;
# the frequent mappings done as C-level regex substitutions and str.replace are 3x faster
# (same result: the tests compare both with camel-tools).
_ALEF_RE = re.compile(f"[{ALEF_VARIANTS}]")
_DELETE_RE = re.compile(
    "[" + re.escape("".join(chr(k) for k, v in MATCH_TABLE.items() if v is None)) + "]"
)
_RARE = {
    chr(k): v
    for k, v in MATCH_TABLE.items()
    if v is not None and chr(k) not in ALEF_VARIANTS + ALEF_MAKSURA + TEH_MARBUTA
}
_RARE_RE = re.compile("[" + re.escape("".join(_RARE)) + "]")


def clean(text: str) -> str:
    """Return ``text`` with CR, NBSP, bidi and zero-width characters replaced one-for-one.

    The result has the same length as ``text``, so every offset found in it is an offset
    into the original. ``"\\r\\n"`` becomes ``" \\n"``: still one line break; U+2028 and
    U+2029 (line and paragraph separators) become ``"\\n"``.
    """
    # A regex skips the (almost always absent) characters in C; str.translate with a dict
    # table walks every character in Python and ran ~13x slower on Arabic text.
    return _CLEAN_PATTERN.sub(_clean_char, text)


_CLEAN_PATTERN = re.compile("[" + "".join(re.escape(chr(code)) for code in _CLEAN_TABLE) + "]")


def _clean_char(match: re.Match[str]) -> str:
    return _CLEAN_TABLE[ord(match.group())]


def _nfkc(text: str) -> str:
    if "\ufdfc" in text or "\ufdfd" in text:
        for char, replacement in _UNICODE_CHAR_FIX.items():
            text = text.replace(char, replacement)
    if text.isascii() or unicodedata.is_normalized("NFKC", text):
        return text
    return unicodedata.normalize("NFKC", text)


def normalize(text: str) -> str:
    """Return the match form of a whole string (its length may differ from ``text``)."""
    if len(text) < 64:
        return _nfkc(text).translate(MATCH_TABLE)
    text = _ALEF_RE.sub("\u0627", _nfkc(text))
    text = text.replace(ALEF_MAKSURA, YEH).replace(TEH_MARBUTA, HEH)
    text = _DELETE_RE.sub("", text)
    for char in set(_RARE_RE.findall(text)):
        text = text.replace(char, _RARE[char])
    return text


_WORD_CACHE: dict[str, str] = {}
_CACHE_LIMIT = 500_000


def match_form(word: str) -> str:
    """Return the match form of one word; results are cached (words follow Zipf's law)."""
    form = _WORD_CACHE.get(word)
    if form is None:
        if len(_WORD_CACHE) >= _CACHE_LIMIT:
            _WORD_CACHE.clear()
        form = _WORD_CACHE[word] = _nfkc(word).translate(MATCH_TABLE)
    return form
