"""Cue phrases for boilerplate, related-article blocks and captions.

Owns reading ``resources/boilerplate.tsv`` (once, lazily) and comparing paragraph text with
it in match form, so "إقرأ أيضاً" and "اقرأ ايضا" are the same cue.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from importlib import resources

from newscorpus.arabic import normalize

_BULLETS = "•·▪►▸◦●-–—*"
TRAILING = " :;.,!|-–—"
_CREDIT_NOISE = re.compile(r"[\s.]+")
_CREDIT_SPLIT = re.compile(r"\s*[-–—/,|]\s*")


@dataclass(frozen=True, slots=True)
class Cues:
    related: frozenset[str]
    end_prefixes: tuple[str, ...]
    boilerplate_lines: frozenset[str]
    boilerplate_prefixes: tuple[str, ...]
    caption_prefixes: tuple[str, ...]
    caption_contains: tuple[str, ...]
    credits: frozenset[str]


def cue_key(text: str, whole_line: bool = True) -> str:
    """Match form of a line for cue lookups: normalized, lower-cased, bullets trimmed.

    ``whole_line`` also trims trailing punctuation ("أخبار متعلقة :" is the cue
    "أخبار متعلقة"); prefix cues keep theirs ("المصدر:" must not match "المصدر الرئيسي").
    """
    key = " ".join(normalize(text).lower().split()).lstrip(_BULLETS + " ")
    return key.rstrip(TRAILING) if whole_line else key


def credit_key(text: str) -> str:
    return _CREDIT_NOISE.sub("", normalize(text).lower())


def is_credit(parenthesis: str) -> bool:
    """True for "(أرشيفية - رويترز)", "(أ.ف.ب)", "(AFP)"... given the text inside the parens."""
    credits = load_cues().credits
    if credit_key(parenthesis) in credits:
        return True
    return any(credit_key(part) in credits for part in _CREDIT_SPLIT.split(parenthesis))


@functools.cache
def load_cues() -> Cues:
    table: dict[tuple[str, str], list[str]] = {}
    text = resources.files("newscorpus.resources").joinpath("boilerplate.tsv").read_text("utf-8")
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        category, match, cue = line.split("\t")[:3]
        if category == "credit":
            key = credit_key(cue)
        else:
            key = cue_key(cue, whole_line=match == "line")
        table.setdefault((category, match), []).append(key)
    return Cues(
        related=frozenset(table.get(("related", "line"), ())),
        end_prefixes=tuple(table.get(("end", "prefix"), ())),
        boilerplate_lines=frozenset(table.get(("boilerplate", "line"), ())),
        boilerplate_prefixes=tuple(table.get(("boilerplate", "prefix"), ())),
        caption_prefixes=tuple(table.get(("caption", "prefix"), ())),
        caption_contains=tuple(table.get(("caption", "contains"), ())),
        credits=frozenset(table.get(("credit", "-"), ())),
    )
