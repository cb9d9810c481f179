"""Cutting a text into paragraph spans, without changing the text.

Owns where paragraphs start and end: one paragraph per line for blank-line and
one-per-line layouts alike, whole blocks for hard-wrapped text, and short question
subheadings run into a body line ("... بشأن بيونغ يانغ. هل يقبل كيم غصن الزيتون؟ مع ...")
split off on their own. Works on ``clean(text)``, so CR, NBSP, bidi and zero-width
characters count as spaces while every offset still points into the original.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from newscorpus.arabic import clean as arabic_clean
from newscorpus.models import ParagraphKind


class Span(NamedTuple):
    start: int
    end: int
    hint: ParagraphKind | None = (
        None  # "heading" when the span was split off as a run-in subheading
    )


_SENTENCE_END = ".!؟?»\"”'):"
# A short question after a sentence end: "... يانغ. هل يقبل كيم غصن الزيتون؟ مع ..."
_RUN_IN_QUESTION = re.compile(r"(?<=[.!]) +([^.!؟?،,\n]{4,70}[؟?])(?= |$)")
_MIN_WORDS_BEFORE_RUN_IN = 15


def clean(text: str) -> str:
    """The same-length cleaned text the splitters work on (``newscorpus.arabic.clean``)."""
    return arabic_clean(text)


def paragraph_spans(text: str, cleaned: str | None = None) -> list[Span]:
    """Paragraph spans of ``text`` (offsets into it), in order, blank lines skipped."""
    cleaned = clean(text) if cleaned is None else cleaned
    lines = _line_spans(cleaned)
    if _looks_hard_wrapped(cleaned, lines):
        lines = _block_spans(cleaned, lines)
    spans: list[Span] = []
    for start, end in lines:
        spans.extend(_split_run_in(cleaned, start, end))
    return spans


def _line_spans(cleaned: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    position = 0
    for line in cleaned.split("\n"):
        stripped = line.strip()
        if stripped:
            start = position + (len(line) - len(line.lstrip()))
            spans.append((start, start + len(stripped)))
        position += len(line) + 1
    return spans


def _looks_hard_wrapped(cleaned: str, lines: list[tuple[int, int]]) -> bool:
    """Text wrapped at a fixed width: most lines run on into the next without a blank line."""
    if len(lines) < 6:
        return False
    joined = 0
    unfinished = 0
    lengths = []
    for (start, end), (next_start, _) in zip(lines, lines[1:], strict=False):
        if "\n" not in cleaned[end:next_start].replace("\n", "", 1):
            joined += 1
            lengths.append(end - start)
            if cleaned[end - 1] not in _SENTENCE_END:
                unfinished += 1
    if joined < 0.6 * len(lines) or unfinished < 0.6 * joined:
        return False
    lengths.sort()
    return lengths[len(lengths) // 2] <= 100


def _block_spans(cleaned: str, lines: list[tuple[int, int]]) -> list[tuple[int, int]]:
    blocks: list[tuple[int, int]] = []
    for start, end in lines:
        if blocks and "\n" not in cleaned[blocks[-1][1] : start].replace("\n", "", 1):
            blocks[-1] = (blocks[-1][0], end)
        else:
            blocks.append((start, end))
    return blocks


def _split_run_in(cleaned: str, start: int, end: int) -> list[Span]:
    """Split question subheadings run into a long body line, when the cut is unambiguous."""
    if end - start < 200 or ("؟" not in cleaned[start:end] and "?" not in cleaned[start:end]):
        return [Span(start, end)]
    spans: list[Span] = []
    cursor = start
    for match in _RUN_IN_QUESTION.finditer(cleaned, start, end):
        question = match.group(1)
        words = question.split()
        if not 2 <= len(words) <= 7 or words[0][0] in "وف":
            continue
        if len(cleaned[cursor : match.start(1)].split()) < _MIN_WORDS_BEFORE_RUN_IN:
            continue
        spans.append(Span(cursor, match.start(0)))
        spans.append(Span(match.start(1), match.end(1), "heading"))
        cursor = match.end(1)
        while cursor < end and cleaned[cursor].isspace():
            cursor += 1
    if cursor < end:
        spans.append(Span(cursor, end))
    return spans
