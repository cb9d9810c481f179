"""Sentence splitting for Arabic news text, with offsets into the (cleaned) text.

A sentence ends at a line break (paragraph end) or at ``.`` ``!`` ``?`` ``؟`` followed by
optional closing quotes and then whitespace or the end of the line. It does not end:

- at ``،`` ``:`` ``;`` (clauses, not sentences);
- inside a «...» (or "...", “...”, (...)) span that closes on the same line, so a quotation
  of several sentences stays whole: «بالنسبة للصين، فإن الأولوية هي تايوان. هي تدعم ...»;
- at a dot with no space after it: agency credits and initials (أ.ف.ب, د.ب.أ), decimals
  (١.٣, 1.3), dates (21.11.2024), URLs (pic.twitter.com/2ypUZ27OsU);
- after a single letter (initials such as "د. محمد", "J. Smith"), a Latin abbreviation
  ("Mr.") or a number opening the sentence (a numbered list: "1. ");
- at ``..``, ``...`` and ``…``: in Arabic news these mostly join the two halves of a
  headline ("مقامرة دبلوماسية.. تحالف موسكو") or trail off inside a quote "(...)".
"""

from __future__ import annotations

import bisect
import itertools
import re

_LINE_RE = re.compile(r"[^\n]+")
# A run of terminal punctuation, optional closing quotes, then space or end of line.
_BOUNDARY_RE = re.compile(r"(?<![.!?؟…])[.!?؟…]++[»”\"']*+(?=\s|$)")
_HAS_TERMINAL_RE = re.compile(r"[.!?؟]")
_SPAN_OPEN_CLOSE = {"«": "»", "“": "”", "(": ")"}
_SPAN_CHARS_RE = re.compile(r"[«»“”()\"]")
_LATIN_ABBREVIATIONS = frozenset(
    "mr mrs ms dr prof st jr sr vs etc no inc ltd co corp gen col lt sgt rev u.s e.g i.e".split()
)
_SPACE_RE = re.compile(r"\s")


def _last_space(text: str, start: int, end: int) -> int:
    """The offset of the last whitespace in text[start:end], or start - 1."""
    for position in range(end - 1, max(start, end - 64) - 1, -1):  # words are short
        if text[position].isspace():
            return position
    last = start - 1
    for found in _SPACE_RE.finditer(text, start, max(start, end - 64)):
        last = found.start()
    return last


def _protected_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Spans of quotations and parentheses that open and close within text[start:end]."""
    spans: list[tuple[int, int]] = []
    stack: list[tuple[str, int]] = []
    straight_open: int | None = None
    for found in _SPAN_CHARS_RE.finditer(text, start, end):
        char, pos = found.group(), found.start()
        if char == '"':
            # Straight quotes are told apart by their neighbours: an opener has a space
            # (or line start) before it, a closer none. A second opener means the first
            # one was never closed, so it is dropped.
            if pos == start or text[pos - 1].isspace() or text[pos - 1] in "(:«":
                straight_open = pos
            elif straight_open is not None:
                spans.append((straight_open, pos))
                straight_open = None
        elif char in _SPAN_OPEN_CLOSE:
            stack.append((_SPAN_OPEN_CLOSE[char], pos))
        else:
            # Close the innermost matching opener; unmatched closers are ignored.
            for depth in range(len(stack) - 1, -1, -1):
                if stack[depth][0] == char:
                    spans.append((stack[depth][1], pos))
                    del stack[depth:]
                    break
    return spans


def _is_abbreviation(text: str, sentence_start: int, dot: int) -> bool:
    # The word before the dot: from the last space (a regex anchored at the end would be
    # tried from every position of a long run without spaces).
    word_start = max(sentence_start, _last_space(text, sentence_start, dot) + 1)
    if word_start >= dot or text[dot - 1].isspace():
        return False
    found_start = word_start
    word = text[word_start:dot].lstrip('(«"“')
    if len(word) == 1 and word.isalpha():
        return True
    # "1. " opening a sentence numbers a list item.
    if word.isdigit() and not text[sentence_start:found_start].strip():
        return True
    return word.lower() in _LATIN_ABBREVIATIONS


def _split_line(text: str, start: int, end: int, out: list[tuple[int, int]]) -> None:
    if not _HAS_TERMINAL_RE.search(text, start, end):
        out.append((start, end))
        return
    spans = sorted(_protected_spans(text, start, end))
    opens = [open_ for open_, _close in spans]
    reach = list(itertools.accumulate((close for _open, close in spans), max))
    sentence_start = start
    for found in _BOUNDARY_RE.finditer(text, start, end):
        terminal = found.group().rstrip("»”\"'")
        if terminal.startswith("..") or terminal.startswith("…"):
            continue
        pos, after = found.start(), found.end()
        # Inside a span unless the run of punctuation reaches past the span's closer.
        # Inside a span: one that opened before and closes at or after the run's end (the
        # furthest close of the spans opened so far says, in a bisect, not a scan).
        inside = bisect.bisect_left(opens, pos)
        if inside and reach[inside - 1] >= after:
            continue
        if terminal == "." and _is_abbreviation(text, sentence_start, pos):
            continue
        out.append((sentence_start, found.end()))
        sentence_start = found.end()
    out.append((sentence_start, end))


def split_sentences(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Sentences of ``text[start:end]`` as ``(start, end)`` offsets into ``text``.

    Each sentence is trimmed of surrounding whitespace; empty ones are dropped.
    """
    if end is None:
        end = len(text)
    raw: list[tuple[int, int]] = []
    for line in _LINE_RE.finditer(text, start, end):
        _split_line(text, line.start(), line.end(), raw)
    sentences: list[tuple[int, int]] = []
    for s, e in raw:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if s < e:
            sentences.append((s, e))
    return sentences


_CUT_AFTER = ("\n", ". ", "، ", "؟ ", "! ")  # a sentence's (or a clause's) end


def cut_points(text: str, start: int, end: int, size: int) -> list[int]:
    """Where to cut ``text[start:end]`` into pieces of at most ``size`` characters: after
    a sentence's end, else after a space, in the last fifth of each piece, else at
    ``size`` (a word longer than a piece). The offsets end each piece but the last."""
    cuts: list[int] = []
    while end - start > size:
        limit, floor = start + size, start + size * 4 // 5
        cut = max(text.rfind(mark, floor, limit) + len(mark) for mark in _CUT_AFTER)
        if cut <= floor:
            cut = text.rfind(" ", floor, limit) + 1
        cut = cut if cut > start else limit
        cuts.append(cut)
        start = cut
    return cuts
