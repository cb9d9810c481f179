"""Date expressions in Arabic news and the publication date they imply.

``extract_dates`` finds full and partial dates (every regional month series, dual month
forms, numeric and English dates), years with a year cue, decades, Hijri dates, weekdays and
relative expressions, and resolves each against the publication date. The handlers here are
also what ``publication`` reads full dates with.

Matching runs one compiled pattern (``lexicon.master_pattern``) over a one-for-one
match copy of the cleaned text, so offsets need no mapping; the calendar rules live in
``calendar``. Bare numbers are never dates: a year needs a cue (عام، سنة، حملة، في،
منذ ...) or a month next to it, and counts followed by a unit (آلاف، دولار، %) are skipped.
Durations (20 عاماً تقريباً، لمدة شهر) and ages are not dates; "منذ/قبل N unit" is.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from functools import cache

from newscorpus.extract.dates import calendar as cal
from newscorpus.extract.dates.lexicon import (
    MatchText,
    ambiguous_months,
    candidate_pattern,
    key,
    lexicon,
    master_pattern,
    match_text,
    not_year_before,
    today_offset,
)
from newscorpus.models import PRECISION_RANK, DateMention, Paragraph, Precision

NO_PUBLICATION = "no publication date"
_SAME_PRECISION: dict[str, Precision] = {
    "week": "month",
    "day": "day",
    "month": "month",
    "year": "year",
}
_PERIOD_UNITS = {
    "الاسبوع": "week",
    "الشهر": "month",
    "العام": "year",
    "السنه": "year",
    "اليوم": "day",
}


@dataclass(slots=True)
class _Found:
    """A resolved expression before it becomes a DateMention (match-text offsets)."""

    start: int
    end: int
    value: str | None
    precision: Precision | None
    reason: str | None = None
    hijri: str | None = None


# A sentence ends at . ! ? ؟ or a line break (a decimal point: a rare false end).
_TERMINATOR = re.compile(r"[.!?؟\n](?!\d)")


@dataclass(slots=True)
class Context:
    """What resolution needs beyond the match: the anchor and the last dates mentioned."""

    published: dt.date | None
    latest: dict[str, str] = field(default_factory=dict)  # precision -> last value seen
    text: str = ""  # the match text, and the bounds of the paragraph being read
    lo: int = 0
    hi: int = 0

    ends: list[int] = field(default_factory=list)  # the paragraph's sentence ends (lazy)
    years: dict[int, tuple[set[int], int]] = field(default_factory=dict)  # per sentence

    def read(self, text: str, lo: int, hi: int) -> None:
        """Start reading the paragraph ``text[lo:hi]``."""
        self.text, self.lo, self.hi = text, lo, hi
        self.ends = []
        self.years = {}

    def sentence(self, position: int) -> tuple[int, int]:
        """Bounds of the sentence (of the paragraph) holding ``position``."""
        if not self.ends:
            self.ends = [f.start() for f in _TERMINATOR.finditer(self.text, self.lo, self.hi)]
            self.ends.append(self.hi)
        i = bisect.bisect_left(self.ends, position)
        start = self.ends[i - 1] + 1 if i > 0 else self.lo
        return start, self.ends[min(i, len(self.ends) - 1)]

    def words_before(self, position: int, count: int) -> list[str]:
        """Up to ``count`` words of the sentence before ``position``."""
        start, _ = self.sentence(position)
        return self.text[max(start, position - 30 * count) : position].split()[-count:]

    def word_after(self, position: int) -> str:
        words = self.text[position : min(position + 40, self.hi)].split()
        return words[0] if words else ""

    def remember(self, found: _Found) -> None:
        if found.precision is None or found.precision == "decade":
            return
        rank = PRECISION_RANK[found.precision]
        for precision, level in PRECISION_RANK.items():
            if 0 < level <= rank:
                if found.value is None:
                    # "الشهر ذاته" after an unresolved month must not reach further back
                    self.latest.pop(precision, None)
                else:
                    self.latest[precision] = found.value[: {1: 4, 2: 7, 3: 10}[level]]


def _parse_published(published: str | None) -> dt.date | None:
    if not published:
        return None
    try:
        return dt.date.fromisoformat(published[:10])
    except ValueError:
        return None


def _direction(word: str | None) -> int | str | None:
    if word is None:
        return None
    meaning = lexicon().cues["direction"].get(word)
    if meaning == "same":
        return "same"
    return None if meaning is None else int(meaning)


def _future(ctx: Context, position: int) -> bool:
    """Whether the sentence speaks of the future before ``position``: a future verb
    (سيلتقي، وستعقد، ستلتقيان) or a schedule word (المقررة، المرتقب، سوف) within ten words."""
    from newscorpus.arabic import strip_clitics

    cues = lexicon().cues["future"]
    for word in ctx.words_before(position, 10):
        bare = word.lstrip("و")
        if bare in cues:
            return True
        prefix, stem = strip_clitics(word)
        # س + an imperfect verb: its prefix letter, then a consonant (not ستالين = س+تالين)
        # (and an imperfect's prefix letter first: not سالفيني، سانا، ساهم = س+الفيني ...)
        if (
            "س" in prefix.split("+")
            and len(stem) > 2
            and stem[0] in "يتنأ"
            and stem[1] not in "اوي"
        ):
            return True
        # a dual or plural future verb the clitic lexicon does not know: ستلتقيان، سيعقدون
        # (not a name such as ستيفان: a vowel letter after the verb's prefix)
        if (
            len(bare) >= 6
            and bare[0] == "س"
            and bare[1] in "يتن"
            and bare[2] not in "اوي"
            and bare.endswith(("ان", "ون"))
        ):
            return True
    return False


def _sentence_year(ctx: Context, m: re.Match[str]) -> int | None:
    """The year a day or month named without one takes from its sentence: a year shared by
    coordination (مارس وأبريل 2012), or the one year the sentence gives (after a year noun
    or a month) when it has no other four-digit number (في 5 يونيو ... عام 1967)."""
    shared = _SHARED_YEAR().match(ctx.text, m.end(), ctx.hi)
    if shared:
        return int(shared["year"])
    start, end = ctx.sentence(m.start())
    if start not in ctx.years:
        sentence = ctx.text[start:end]
        count = len(set(_FOUR_DIGITS.findall(sentence)))
        told: set[int] = set()
        if count == 1:  # the only case that gives a year: no regex otherwise
            told = {int(y) for y in _YEAR_NOUN_YEAR.findall(sentence)}
            told.update(int(found["year"]) for found in _MONTH_YEAR().finditer(sentence))
        ctx.years[start] = (told, count)
    years, count = ctx.years[start]
    return next(iter(years)) if len(years) == 1 and count == 1 else None


_YEAR_NOUN_YEAR = re.compile(
    r"(?<!\w)(?:[وفبل]?(?:عام|العام|سنه|السنه))\s+((?:1[5-9]|20)\d\d)(?!\d)"
)
_FOUR_DIGITS = re.compile(r"(?<!\d)\d{4}(?!\d)")


@cache
def _MONTH_YEAR() -> re.Pattern[str]:  # noqa: N802 - a compiled constant, built once
    months = "|".join(sorted((re.escape(f) for f in lexicon().months if not f.isascii()),
                             key=len, reverse=True))  # fmt: skip
    return re.compile(rf"(?:{months})(?:\s*[/\\(]\s*(?:{months})\s*\)?)?[\s،,]+"
                      rf"(?P<year>(?:1[5-9]|20)\d\d)(?!\d)")  # fmt: skip


@cache
def _SHARED_YEAR() -> re.Pattern[str]:  # noqa: N802 - a compiled constant, built once
    months = "|".join(sorted((re.escape(f) for f in lexicon().months if not f.isascii()),
                             key=len, reverse=True))  # fmt: skip
    return re.compile(
        rf"\s*(?:[/\\(]\s*(?:{months})\s*\)?)?\s+و\s*(?:في\s+)?(?:[0-3]?\d\s+)?(?:{months})"
        rf"(?:\s*[/\\(]\s*(?:{months})\s*\)?)?\s+(?P<year>(?:1[5-9]|20)\d\d)(?!\d)"
    )


# News tells of what happened: an unmarked day is the last one, unless the next comes
# within this many days of publication and nearer than the last (a date set for a match,
# an election); an unmarked month is the last one (this month included).
AHEAD_DAYS = 92


def _nearest_day(month: int, day: int, published: dt.date) -> int | None:
    """The year of an unmarked day/month: the last one on or before publication, or the
    next if it is within AHEAD_DAYS and nearer (في 24 يونيو on 4 June: this June)."""
    past = cal.anchor_day(month, day, published, None)
    coming = cal.anchor_day(month, day, published, 1)
    if coming is None or past is None:
        return past if coming is None else coming
    ahead = (dt.date(coming, month, day) - published).days
    behind = (published - dt.date(past, month, day)).days
    return coming if ahead <= AHEAD_DAYS and ahead < behind else past


def _nearest_month(month: int, published: dt.date) -> int:
    """The year of an unmarked month: the last one, this month included (a month to come
    needs a future word: ستستمر في نيسان)."""
    return cal.anchor_month(month, published, None)


def day_number(word: str) -> int:
    return int(word) if word.isdigit() else lexicon().ordinals[key(word)]


def month_expr(m: re.Match[str], ctx: Context) -> list[_Found]:
    lx = lexicon()
    month = lx.months[key(m["m_m1"])]
    day = day_number(m["m_day"]) if m["m_day"] else None
    bare = not (day or m["m_year"] or m["m_dir"] or m["m_ydir"] or m["m_m2"] or m["m_shahr"])
    if bare and not m["m_ctx"] and key(m["m_m1"]) in ambiguous_months():
        return []  # مارس the verb, آب/اب ...: a lone ambiguous name needs a cue word
    start = min(m.start(g) for g in ("m_wd", "m_day", "m_shahr", "m_m1") if m[g])
    before = [w for w in ctx.words_before(start, 2) if w != "في"][-1:]
    if not day and before and before[0] in lx.cues["not_month_after"]:
        return []  # تيريزا ماي, تسليم يونيو: a name, a contract's month
    if day and not (m["m_year"] or m["m_ydir"] or m["m_dir"]):
        named = _named_day(ctx, start, m.end(), day, month)
        if named is not None:
            return named
    precision: Precision = "day" if day else "month"
    direction = _direction(m["m_dir"])
    reason = None
    if m["m_year"]:
        year: int | None = int(m["m_year"])
    elif m["m_ydir"]:
        ydir = _direction(m["m_ydir"])
        if ctx.published is None:
            return [_Found(start, m.end(), None, precision, NO_PUBLICATION)]
        base = ctx.published.year
        year = int(ctx.latest.get("year", base)) if ydir == "same" else base + int(ydir or 0)
        reason = "year relative to publication"
    elif ctx.published is None:
        if day and m["m_wd"]:
            weekday = lx.weekdays[key(m["m_wd"])]
            year = cal.year_from_weekday(month, day, weekday, dt.date.today().year)
            reason = "year from the weekday"
        else:
            return [_Found(start, m.end(), None, precision, NO_PUBLICATION)]
    else:
        dirn = None if direction == "same" else direction
        reason = "year from publication date"
        if direction == "same" and "year" in ctx.latest:
            year = int(ctx.latest["year"])
        elif dirn is None and (told := _sentence_year(ctx, m)) is not None:
            year, reason = told, "year from the sentence"
        elif dirn is None and _future(ctx, start):
            # the coming one: ستستمر في نيسان، المقررة في 24 يونيو
            if day:
                year = cal.anchor_day(month, day, ctx.published - dt.timedelta(days=1), 1)
            else:
                year = cal.anchor_month(
                    month, ctx.published, 1 if month != ctx.published.month else 0
                )
            reason = "year from publication date, future"
        elif dirn is None:
            # unmarked: the nearest such day or month, before or after publication
            if day:
                year = _nearest_day(month, day, ctx.published)
            else:
                year = _nearest_month(month, ctx.published)
        elif day:
            year = cal.anchor_day(month, day, ctx.published, dirn)  # type: ignore[arg-type]
        else:
            year = cal.anchor_month(month, ctx.published, dirn)  # type: ignore[arg-type]
    if year is None or (day and not cal.valid_day(year, month, day)):
        return [_Found(start, m.end(), None, precision, "no such date")]
    value = f"{cal.iso_month(year, month)}-{day:02d}" if day else cal.iso_month(year, month)
    return [_Found(start, m.end(), value, precision, reason)]


A_NAMED_DAY = "the year of the happening the name refers to"
A_DAY_IN_A_NAME = "a day in a name"


def _named_day(ctx: Context, start: int, end: int, day: int, month: int) -> list[_Found] | None:
    """A day and month that name something (``day_name`` of date_cues.tsv): هجمات 11 سبتمبر
    is 2001-09-11 and ثورة 25 يناير 2011-01-25 (``named_day``); an unlisted revolution and
    حركة 20 فبراير or قوى 14 آذار have no value; an unlisted attack (هجوم الرابع من مارس) and
    an anniversary (ذكرى ثورة 30 يونيو) are left to the usual rules (None)."""
    cues = lexicon().cues
    words = ctx.words_before(start, 6)
    if not words:
        return None
    kind = _stripped_cue(cues["day_name"], words[-1])
    if kind is None:
        return None
    if any(_stripped_cue(cues["day_anniversary"], word) is not None for word in words[:-1]):
        return None
    year = cues["named_day"].get(f"{kind} {day} {month}")
    if year is not None:
        return [_Found(start, end, f"{int(year):04d}-{month:02d}-{day:02d}", "day", A_NAMED_DAY)]
    if kind == "event":
        return None
    return [_Found(start, end, None, "day", A_DAY_IN_A_NAME)]


def _stripped_cue(table: dict[str, str], word: str) -> str | None:
    """The entry of ``word`` in ``table``, read with or without its proclitics."""
    from newscorpus.arabic import readings

    return next((table[form] for form in readings(key(word)) if form in table), None)


def _hijri(m: re.Match[str], ctx: Context) -> list[_Found]:
    month = lexicon().hijri_months[key(m["h_month"])]
    day = int(m["h_day"]) if m["h_day"] else None
    converted = cal.hijri_to_gregorian(int(m["h_year"]), month, day)
    if converted is None:
        return [_Found(m.start(), m.end(), None, None, "no such Hijri date")]
    value, precision, original = converted
    return [_Found(m.start(), m.end(), value, precision, "hijri", original)]


def _numeric(m: re.Match[str], ctx: Context) -> list[_Found]:
    a, b, c = m["n_a"], m["n_b"], m["n_c"]
    if len(a) == 4:
        year, month, day = int(a), int(b), int(c)
    elif len(c) == 4:
        year, month, day = int(c), int(b), int(a)
        if month > 12 >= day:
            month, day = day, month  # month-first (US) order
    else:
        return []
    if not 1900 <= year <= 2099 or not cal.valid_day(year, month, day):
        return []
    return [_Found(m.start(), m.end(), f"{cal.iso_month(year, month)}-{day:02d}", "day")]


def _english(m: re.Match[str], ctx: Context) -> list[_Found]:
    name = m["e_m1"] or m["e_m2"] or m["e_m3"]
    month = lexicon().months[name]
    year = int(m["e_year"])
    day_text = m["e_d1"] or m["e_d2"]
    if day_text is None:
        return [_Found(m.start(), m.end(), cal.iso_month(year, month), "month")]
    day = int(day_text)
    if not cal.valid_day(year, month, day):
        return []
    return [_Found(m.start(), m.end(), f"{cal.iso_month(year, month)}-{day:02d}", "day")]


def _decade(m: re.Match[str], ctx: Context) -> list[_Found]:
    if m["d_age"]:
        return []  # في الثلاثينات من عمره: an age
    stem = m["d_stem"].removeprefix("ال")
    stem = stem[:-3] if stem.endswith("يات") else stem[:-2]
    digit = lexicon().decades[stem]
    century = "20" if m["d_c"] and m["d_c"] not in ("الماضي", "العشرين") else "19"
    start = m.start("d_q") if m["d_q"] else m.start("d_stem")
    return [_Found(start, m.end(), f"{century}{digit}X", "decade")]


def _years(m: re.Match[str], group: str, pair: str | None, start: int) -> list[_Found]:
    year = int(m[group])
    if not 1000 <= year <= 2100:
        return []
    second = m[pair] if pair is not None else None
    found = [_Found(start, m.end(group) if second else m.end(), f"{year:04d}", "year")]
    if pair is not None and second:
        found.append(_Found(m.start(pair), m.end(pair), second, "year"))
    return found


def _year_cue(m: re.Match[str], ctx: Context) -> list[_Found]:
    if m["y_hijri"]:
        value = cal.hijri_year(int(m["y_year"]))
        return [
            _Found(
                m.start("y_noun"), m.end(), value, "year" if value else None, "hijri", m["y_year"]
            )
        ]
    return _years(m, "y_year", "y_y2", m.start("y_noun"))


YEAR_OF_A_NAME = "year of a name"


def _year_event(m: re.Match[str], ctx: Context) -> list[_Found]:
    found = _years(m, "v_year", None, m.start("v_year"))
    if lexicon().cues["year_event"].get(" ".join(m["v_cue"].split())) == "name":
        for item in found:
            item.reason = YEAR_OF_A_NAME  # كأس العالم 2018: a date, but no event's
    return found


def _year_ctx(m: re.Match[str], ctx: Context) -> list[_Found]:
    if m.group("yctx").lstrip("وفبلك").startswith("بين") and not m["x_y2"]:
        return []  # "بين 1990" needs its pair to be a date context
    return _years(m, "x_year", "x_y2", m.start("x_year"))


def _paren_range(m: re.Match[str], ctx: Context) -> list[_Found]:
    return [
        _Found(m.start("p_a"), m.end("p_a"), m["p_a"], "year"),
        _Found(m.start("p_b"), m.end("p_b"), m["p_b"], "year"),
    ]


def _today(m: re.Match[str], ctx: Context) -> list[_Found]:
    offset = today_offset(m["t_word"])
    start = m.start("t_word")
    if m["t_word"] == "اليوم" and not m["t_wd"]:
        cues = lexicon().cues
        after = ctx.word_after(m.end())
        word = after.strip(_PAUSES + _CLOSING_QUOTES)  # اليوم التالي» : the word itself
        if cues["direction"].get(word) == "same":
            return _day_named_before(ctx, start, m.end())  # اليوم نفسه، في اليوم ذاته
        if word in cues["not_today_after"]:
            return []  # اليوم العالمي، اليوم التالي، اليوم السابع، اليوم الذي، اليوم الأول:
        if after and after[0] in _CLOSING_QUOTES and _quoted_name(ctx.text, start):
            return []  # "الإمارات اليوم"، «روسيا اليوم»: the end of a quoted name
        before = ctx.words_before(start, 1)
        if before and before[0] in cues["per_day_before"] and (not after or after[0] in _PAUSES):
            return []  # يصطادون 5 حبارى في اليوم، وهي: per day
        if before and before[0].lstrip("وف") in cues["not_today_before"]:
            return _day_named_before(ctx, start, m.end())  # ذلك اليوم
    if ctx.published is None:
        return [_Found(start, m.end(), None, "day", NO_PUBLICATION)]
    day = ctx.published + dt.timedelta(days=offset)
    return [_Found(start, m.end(), day.isoformat(), "day", "relative to publication date")]


def _day_named_before(ctx: Context, start: int, end: int) -> list[_Found]:
    """The day the text named last (ذلك اليوم، اليوم نفسه), if there is one; else no date."""
    value = ctx.latest.get("day")
    return [_Found(start, end, value, "day", "the date mentioned before")] if value else []


_PAUSES = ".,،:؛;!?()"  # what may follow a word, and ends "في اليوم" (per day)
_CLOSING_QUOTES = "\"»”'"
# a quotation mark opening one or two words right before: the first words of a quoted
# name ending in اليوم ("الإمارات اليوم"، «روسيا اليوم»، "أخبار اليوم"). In ANT dev 60 of
# the 64 such quotations are names or slogans; quoted speech of so few words is rare
# ("مجزرة اليوم"، "ليس اليوم").
_QUOTED_NAME = re.compile(r"[\"«“'][^\W\d_]+(?:\s+[^\W\d_]+)?\s+$")


def _quoted_name(text: str, start: int) -> bool:
    """Whether اليوم at ``start`` ends a quoted name of one to three words."""
    return _QUOTED_NAME.search(text, max(0, start - 60), start) is not None


def _ago(m: re.Match[str], ctx: Context) -> list[_Found]:
    unit, _, count = lexicon().cues["unit"][key(m["a_unit"])].partition(":")
    if m["a_num"]:
        amount = int(m["a_num"])
    elif m["a_word"]:
        amount = lexicon().cardinals[key(m["a_word"])]
    elif count == "pl":
        return []  # منذ سنوات: vague
    else:
        amount = int(count or 1)
    start = m.start("a_dir")
    reference = _reference_year(ctx, start) if unit == "year" and m["a_dir"] == "منذ" else None
    if _from_reference(reference, amount, ctx.published) and reference is not None:
        # في عام 1967 ... ضمتها الأردن منذ 17 عاما: counted from the year the sentence sets
        return [
            _Found(start, m.end(), f"{reference - amount:04d}", "year", "from the sentence's year")
        ]
    if ctx.published is None:
        vague: Precision = (
            "day" if unit in ("day", "week") else "month" if unit == "month" else "year"
        )
        return [_Found(start, m.end(), None, vague, NO_PUBLICATION)]
    value, precision = cal.shift(ctx.published, unit, -amount)
    return [_Found(start, m.end(), value, precision, "relative to publication date")]


def _reference_year(ctx: Context, position: int) -> int | None:
    """The one year a sentence sets before ``position`` (في عام 1967 ...), unless it is the
    publication year (then publication counts), or None."""
    start, _ = ctx.sentence(position)
    before = ctx.text[start:position]
    years = {int(y) for y in _YEAR_NOUN_YEAR.findall(before)}
    years.update(int(found["year"]) for found in _MONTH_YEAR().finditer(before))
    if len(years) != 1 or len(set(_FOUR_DIGITS.findall(before))) != 1:
        return None
    year = years.pop()
    return None if ctx.published is not None and year >= ctx.published.year else year


def _from_reference(reference: int | None, amount: int, published: dt.date | None) -> bool:
    """Whether منذ N عاما counts from the sentence's year rather than from publication: not
    when publication minus N falls within a year of it (في عام 1967 ... وتحتلها منذ 50
    عاما: since that year)."""
    if reference is None:
        return False
    return published is None or abs(published.year - amount - reference) > 1


def _period(m: re.Match[str], ctx: Context, mt: MatchText) -> list[_Found]:
    word = m["q_p1"] or m["q_p2"]
    unit = _PERIOD_UNITS[word]
    direction = (
        "same" if m["q_this"] in ("نفس", "ذات") else 0 if m["q_this"] else _direction(m["q_dir"])
    )
    start = m.start("q_this") if m["q_this"] else m.start("q_p2")
    if unit == "year" and not m["q_this"]:
        before = mt.text[max(0, start - 20) : start].split()
        if before and before[-1] in not_year_before():
            return []  # الأمين العام الحالي: العام is "general" here
    if direction == "same":
        precision: Precision = _SAME_PRECISION[unit]
        value = ctx.latest.get(precision)
        if value is None:
            return []  # في نفس العام with no year before it: no date at all
        return [_Found(start, m.end(), value, precision, "the date mentioned before")]
    if unit == "day" and direction != 0:
        return []
    if ctx.published is None:
        precision = "day" if unit == "day" else "year" if unit == "year" else "month"
        return [_Found(start, m.end(), None, precision, NO_PUBLICATION)]
    value, precision = cal.period(ctx.published, unit, int(direction or 0))
    return [_Found(start, m.end(), value, precision, "relative to publication date")]


def _weekday(m: re.Match[str], ctx: Context) -> list[_Found]:
    lx = lexicon()
    weekday = lx.weekdays[key(m["w_wd"])]
    direction = _direction(m["w_dir"])
    start = m.start("weekday") + len(m["weekday"]) - len(m["weekday"].lstrip("وفبلك"))
    if weekday == 0 and m.start("weekday") == m.start("w_wd"):
        before = ctx.words_before(start, 1)
        ending = tuple(lx.cues["not_weekday_after"])
        plural = bool(before) and before[0].startswith("ال") and before[0].endswith(ending)
        if before and (
            before[0] in lx.cues["not_weekday_word"]
            or (plural and ctx.word_after(m.end()) in lx.cues["not_weekday_next"])
        ):
            return []  # اللاعبين الاثنين، مع الاثنين: "the two"
    if ctx.published is None:
        return [_Found(start, m.end(), None, "day", NO_PUBLICATION)]
    dirn = direction if direction in (1, -1) else None
    if dirn is None and (_future(ctx, start) or _scheduled(ctx, start)):
        # ستلتقيان الخميس: the coming Thursday (today if it is Thursday)
        ahead = (weekday - ctx.published.weekday()) % 7
        day = ctx.published + dt.timedelta(days=ahead)
        return [_Found(start, m.end(), day.isoformat(), "day", "weekday after publication, future")]
    if dirn is None and (weekday - ctx.published.weekday()) % 7 == 1 and not _past(ctx, start):
        # a bare weekday is this week's: the day after publication, not six days back
        # (يواجه أيسلندا الأرجنتين يوم السبت in Friday's paper), unless كان says it is past
        day = ctx.published + dt.timedelta(days=1)
        return [
            _Found(start, m.end(), day.isoformat(), "day", "weekday after publication, next day")
        ]
    day = cal.weekday_date(weekday, ctx.published, dirn)  # type: ignore[arg-type]
    return [_Found(start, m.end(), day.isoformat(), "day", "weekday relative to publication")]


def _scheduled(ctx: Context, position: int) -> bool:
    """Whether one of the six words before a weekday is an imperfect verb of a fixture or
    a schedule (``schedule`` of date_cues.tsv): يستضيف واتفورد الاثنين، وتواجه مصر، الجمعة،
    المونديال الذي ينطلق الخميس are the coming days (news tells a past one with the
    perfect: استضاف، واجهت، انطلق); not after منذ (وتستضيف روسيا منذ الخميس)."""
    cues = lexicon().cues["schedule"]
    words = ctx.words_before(position, 6)
    if words and words[-1].lstrip("و") == "منذ":
        return False
    return any(word.lstrip("وف") in cues for word in words)


def _past(ctx: Context, position: int) -> bool:
    """Whether the sentence says the past before ``position`` (``past`` of date_cues.tsv:
    وكانت الرياض أعلنت الخميس، وكان نيمار قد تعرض لإصابة الأحد، بالأمس (الجمعة))."""
    cues = lexicon().cues["past"]
    return any(word.lstrip("وف") in cues for word in ctx.words_before(position, 10))


def _season(m: re.Match[str], ctx: Context) -> list[_Found]:
    """الشتاء المقبل، هذا الصيف: the year the season starts in (year precision)."""
    direction = 0 if m["s_this"] else _direction(m["s_dir"])
    if direction not in (-1, 0, 1):
        return []  # في الشتاء: no particular one
    first = int(lexicon().cues["season"][key(m["s_word"])])
    start = m.start("s_this") if m["s_this"] else m.start("s_word")
    if ctx.published is None:
        return [_Found(start, m.end(), None, "year", NO_PUBLICATION)]
    months_in = (ctx.published.month - first) % 12  # since the season last began
    year, month = cal.shift_month(ctx.published.year, ctx.published.month, -months_in)
    current = months_in < 3
    if direction == 1 or (direction == 0 and not current):
        year, month = cal.shift_month(year, month, 12)  # the next one
    elif direction == -1 and current:
        year, month = cal.shift_month(year, month, -12)  # the one before this
    return [_Found(start, m.end(), f"{year:04d}", "year", "season relative to publication")]


def _weekend(m: re.Match[str], ctx: Context) -> list[_Found]:
    """نهاية الأسبوع (المقبل): a week expression, with month precision."""
    direction = _direction(m["k_dir"]) if m["k_dir"] else 0
    start = m.start("weekend") + len(m["weekend"]) - len(m["weekend"].lstrip("وفبلك"))
    if ctx.published is None or direction not in (-1, 0, 1):
        return (
            [_Found(start, m.end(), None, "month", NO_PUBLICATION)] if ctx.published is None else []
        )
    value, precision = cal.period(ctx.published, "week", int(direction or 0))
    return [_Found(start, m.end(), value, precision, "relative to publication date")]


HANDLERS = {
    "month": month_expr,
    "hijri": _hijri,
    "numeric": _numeric,
    "english": _english,
    "decade": _decade,
    "prange": _paren_range,
    "ycue": _year_cue,
    "yevent": _year_event,
    "yctx": _year_ctx,
    "today": _today,
    "ago": _ago,
    "weekday": _weekday,
    "season": _season,
    "weekend": _weekend,
}


def _matches(text: str, start: int, end: int) -> Iterator[re.Match[str]]:
    """``master_pattern().finditer(text, start, end)``, tried only where a date can start."""
    master = master_pattern()
    position = start
    for candidate in candidate_pattern().finditer(text, start, end):
        at = candidate.start()
        if at < position:
            continue
        m = master.match(text, at, end)
        if m is not None:
            yield m
            position = m.end()


def _scan(mt: MatchText, start: int, end: int, ctx: Context) -> Iterator[_Found]:
    ctx.read(mt.text, start, end)
    for m in _matches(mt.text, start, end):
        kind = m.lastgroup
        found = _period(m, ctx, mt) if kind == "period" else HANDLERS[kind](m, ctx)  # type: ignore[index]
        for item in found:
            ctx.remember(item)
            yield item


def extract_dates(
    text: str,
    paragraphs: Sequence[Paragraph],
    published: str | None,
    *,
    within: tuple[int, int] | None = None,
) -> list[DateMention]:
    """Date expressions in ``paragraphs`` of the cleaned ``text``, resolved against ``published``.

    Offsets are into ``text``. Relative expressions get ``value=None`` and reason
    "no publication date" when ``published`` is None. ``within`` (start, end) limits the
    text mapped to the span that holds the paragraphs (one window of a long document).
    """
    shift, stop = within or (0, len(text))
    mt = match_text(text[shift:stop] if within else text)
    ctx = Context(_parse_published(published))
    mentions: list[DateMention] = []
    for paragraph in paragraphs:
        lo = mt.from_original(paragraph.start - shift)
        hi = mt.from_original(paragraph.end - shift)
        for found in _scan(mt, lo, hi, ctx):
            start, end = mt.to_original(found.start, found.end)
            start, end = start + shift, end + shift
            mentions.append(
                DateMention(
                    start,
                    end,
                    text[start:end],
                    found.value,
                    found.precision,
                    paragraph.index,
                    found.reason,
                    found.hijri,
                )
            )
    return mentions
