"""Publication date of an article, read off its own text when no metadata gives it.

Two kinds of evidence, the first that applies wins:

1. a relative word next to a full date in the heading or body: "يوم أمس، الاثنين 4
   سبتمبر/أيلول" (the day after), "اليوم الخميس 21 نوفمبر 2024" (that day), "غداً ..." (the
   day before). A missing year is taken from the weekday: the most recent year, not after the
   current one, in which that day and month fall on that weekday.
2. the latest full date anywhere in the article (photo captions are usually dated the day of
   the event) combined with the bare weekdays the heading and body mention: the publication
   is the first day on or after that date from which every mentioned weekday looks back to a
   day on or after it ("قال الخميس ... ذكرت الجمعة" after a caption of Thursday 21 November
   -> Friday 22 November).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence

from newscorpus.extract.dates import calendar as cal
from newscorpus.extract.dates.lexicon import (
    MatchText,
    key,
    lexicon,
    master_pattern,
    match_text,
    today_offset,
)
from newscorpus.extract.dates.scan import HANDLERS, Context, day_number, month_expr
from newscorpus.models import ANALYZED_KINDS, Paragraph

_GAP = re.compile(r"[\s،,:\-]*")
_ABSOLUTE = ("month", "numeric", "english")


def _matches(mt: MatchText, paragraphs: Sequence[Paragraph]) -> list[re.Match[str]]:
    pattern = master_pattern()
    found: list[re.Match[str]] = []
    for paragraph in paragraphs:
        lo, hi = mt.from_original(paragraph.start), mt.from_original(paragraph.end)
        found.extend(pattern.finditer(mt.text, lo, hi))
    return found


def _cue_date(today: re.Match[str], date: re.Match[str]) -> dt.date | None:
    """The full date a relative word points at, the year taken from the weekday if needed."""
    lx = lexicon()
    month = lx.months[key(date["m_m1"])]
    day = day_number(date["m_day"])
    if date["m_year"]:
        year: int | None = int(date["m_year"])
    else:
        weekday_word = date["m_wd"] or today["t_wd"]
        if weekday_word is None:
            return None
        weekday = lx.weekdays[key(weekday_word)]
        year = cal.year_from_weekday(month, day, weekday, dt.date.today().year)
    if year is None or not cal.valid_day(year, month, day):
        return None
    return dt.date(year, month, day)


def _from_cues(text: str, mt: MatchText, matches: list[re.Match[str]]) -> tuple[str, str] | None:
    for first, second in zip(matches, matches[1:], strict=False):
        if first.lastgroup != "today" or second.lastgroup != "month" or not second["m_day"]:
            continue
        if not _GAP.fullmatch(mt.text, first.end(), second.start()):
            continue
        date = _cue_date(first, second)
        if date is None:
            continue
        published = date - dt.timedelta(days=today_offset(first["t_word"]))
        start, end = mt.to_original(first.start("t_word"), second.end())
        return published.isoformat(), f"'{text[start:end]}'"
    return None


def _from_latest_date(
    text: str, mt: MatchText, every: list[re.Match[str]], analyzed: list[re.Match[str]]
) -> tuple[str, str] | None:
    ctx = Context(None)
    latest: tuple[dt.date, re.Match[str]] | None = None
    for m in every:
        if m.lastgroup not in _ABSOLUTE or (m.lastgroup == "month" and not m["m_year"]):
            continue
        handler = month_expr if m.lastgroup == "month" else HANDLERS[m.lastgroup]
        for found in handler(m, ctx):
            if found.precision == "day" and found.value and found.reason is None:
                day = dt.date.fromisoformat(found.value)
                if day <= dt.date.today() and (latest is None or day > latest[0]):
                    latest = (day, m)
    weekdays = {
        lexicon().weekdays[key(m["w_wd"])]
        for m in analyzed
        if m.lastgroup == "weekday" and not m["w_dir"]
    }
    if latest is None or not weekdays:
        return None
    anchor, match = latest
    for ahead in range(7):
        candidate = anchor + dt.timedelta(days=ahead)
        if all(cal.weekday_date(w, candidate, None) >= anchor for w in weekdays):
            start, end = mt.to_original(*match.span())
            return candidate.isoformat(), (
                f"latest full date '{text[start:end].strip()}' and the weekdays mentioned after it"
            )
    return None


def infer_publication_date(text: str, paragraphs: Sequence[Paragraph]) -> tuple[str, str] | None:
    """(YYYY-MM-DD, evidence) read off the text, or None. Pass every paragraph: captions
    help the second rule."""
    mt = match_text(text)
    analyzed_paragraphs = [p for p in paragraphs if p.kind in ANALYZED_KINDS] or list(paragraphs)
    analyzed = _matches(mt, analyzed_paragraphs)
    found = _from_cues(text, mt, analyzed)
    if found is not None:
        return found
    return _from_latest_date(text, mt, _matches(mt, paragraphs), analyzed)
