"""Word lists and compiled patterns of the date extractor.

Owns the *date match text*: a copy of the cleaned text with hamza/alef variants, alef
maksura, teh marbuta and Arabic-Indic digits mapped one for one (so offsets survive) and,
only when the text has any, diacritics and tatweel dropped with an offset map. All word
lists come from ``newscorpus/resources`` (months.tsv and weekdays.tsv generated from CLDR by
``scripts/build_months.py``; number_words.tsv and date_cues.tsv by hand) and are turned
into one master regular expression, built once and cached.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import defaultdict
from dataclasses import dataclass
from functools import cache
from importlib import resources

from newscorpus.arabic.letters import ON_LETTER
from newscorpus.arabic.normalize import DIGITS, CharMap, letter_folds

# Persian yeh and keheh, and the Arabic decimal and thousands separators, also fold here:
# dates written with them read the same.
_DATE_EXTRAS = {"ی": "ي", "ک": "ك", "٫": ".", "٬": ","}


@cache
def _one_for_one() -> dict[int, str]:
    """The match form's letter folds and digits, one character for one."""
    return str.maketrans(letter_folds() | DIGITS | _DATE_EXTRAS)


# Diacritics and tatweel: dropped, with an offset map.
_DROPPED = re.compile("[" + "".join(sorted(ON_LETTER)) + "]")


@dataclass(frozen=True, slots=True)
class MatchText:
    """The match text of a document and, when characters were dropped, where they were."""

    text: str
    # offsets in the original of the dropped characters, ascending, and each one less the
    # number dropped before it (the match text offset it would have had)
    dropped: tuple[int, ...] = ()
    shifted: tuple[int, ...] = ()

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        # the end maps to the next kept character: diacritics after a word stay in its span
        return self._kept(start), self._kept(end)

    def _kept(self, offset: int) -> int:
        """Where in the original the character at match text ``offset`` is."""
        return offset + bisect_right(self.shifted, offset) if self.dropped else offset

    def from_original(self, offset: int) -> int:
        return offset - bisect_left(self.dropped, offset) if self.dropped else offset


@cache
def _char_map() -> CharMap:
    return CharMap(_one_for_one())


def match_text(text: str) -> MatchText:
    """Map ``text`` (already cleaned) to the form the date patterns are written in."""
    mapped = _char_map()(text)
    dropped = [m.start() for m in _DROPPED.finditer(mapped)]
    if not dropped:
        return MatchText(mapped)
    shifted = [position - n for n, position in enumerate(dropped)]
    return MatchText(_DROPPED.sub("", mapped), tuple(dropped), tuple(shifted))


def key(form: str) -> str:
    """Match form of a lexicon entry (same mapping as the text, spaces collapsed)."""
    return " ".join(_DROPPED.sub("", form.translate(_one_for_one())).split())


def _rows(name: str) -> list[list[str]]:
    text = resources.files("newscorpus.resources").joinpath(name).read_text(encoding="utf-8")
    return [line.split("\t") for line in text.splitlines() if line and not line.startswith("#")]


@dataclass(frozen=True, slots=True)
class Lexicon:
    months: dict[str, int]  # match form -> month number (Gregorian, every series, English)
    hijri_months: dict[str, int]
    weekdays: dict[str, int]  # match form -> date.weekday()
    cardinals: dict[str, int]
    ordinals: dict[str, int]
    decades: dict[str, int]  # "تسعين" -> 9
    cues: dict[str, dict[str, str]]  # kind -> match form -> meaning


@cache
def lexicon() -> Lexicon:
    months: dict[str, int] = {}
    hijri: dict[str, int] = {}
    for number, series, form, _source in _rows("months.tsv"):
        target = hijri if series == "hijri" else months
        target[form if series == "english" else key(form)] = int(number)
    weekdays = {key(form): int(number) for number, form, _source in _rows("weekdays.tsv")}
    numbers: dict[str, dict[str, int]] = defaultdict(dict)
    for kind, form, value in _rows("number_words.tsv"):
        numbers[kind][key(form)] = int(value)
    # "التسعينات" -> stem "تسعين", so both -ات and -يات endings are matched by the pattern.
    decades = {k.removeprefix("ال").removesuffix("ات"): v for k, v in numbers["decade"].items()}
    cues: dict[str, dict[str, str]] = defaultdict(dict)
    for kind, form, meaning in _rows("date_cues.tsv"):
        cues[kind][form if form.isascii() else key(form)] = meaning
    return Lexicon(
        months,
        hijri,
        weekdays,
        dict(numbers["cardinal"]),
        dict(numbers["ordinal"]),
        decades,
        dict(cues),
    )


def _alt(forms: object) -> str:
    """Regex alternation of words, longest first, spaces matching any run of spaces.

    Written as a trie (شهر|شهري -> شهر(?:ي)?): the engine reads each letter once instead
    of trying every word in turn, and the longer word is still tried before its prefix,
    so the matches are those of the plain alternation."""
    trie: dict[str, dict] = {}
    for word in set(forms):  # type: ignore[call-overload]
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    return "(?:" + _trie_regex(trie) + ")"


def _trie_regex(node: dict[str, dict]) -> str:
    branches = [
        (r"\s+" if char == " " else re.escape(char)) + _trie_regex(child)
        for char, child in sorted(node.items())
        if char
    ]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if "" in node:  # a word ends here: the longer ones first, then this one
        return (body if len(branches) == 1 and len(body) == 1 else "(?:" + body + ")") + "?"
    return body


B = r"(?<![\w])"  # left word boundary (\w covers Arabic letters and digits)
E = r"(?![\w])"
PRE = r"(?:[وف]?[بلك]?)"  # proclitics a cue word may carry; never part of the span


# Literal words of ``master_pattern``'s alternatives, named once: the pattern is built
# from them, and so are the first words ``candidate_pattern`` looks for.
_DAY_PARTS = ("يوم", "صباح", "مساء", "ليله", "ليل", "ظهر", "فجر", "عصر")  # يوم/مساء الاثنين
_DECADE_PARTS = ("اوائل", "اواخر", "منتصف", "مطلع", "بدايه", "نهايه", "عقد", "سنوات", "حقبه")
_AGO = ("منذ", "قبل")  # منذ ثلاثة أيام
_THIS = ("هذا", "هذه", "نفس", "ذات")  # هذا الأسبوع
_PERIODS = ("الاسبوع", "الشهر", "العام", "السنه", "اليوم")
_TODAY_FIRST = ("اول", "امس", "اليوم", "البارحه", "غدا", "بعد")  # first words of the today group


@cache
def master_pattern() -> re.Pattern[str]:
    """One regex whose named top-level groups say which kind of date expression matched."""
    lx = lexicon()
    c = lx.cues
    arabic_months = _alt(f for f in lx.months if not f.isascii())
    english_months = _alt(f for f in lx.months if f.isascii())
    weekday = _alt(lx.weekdays)
    direction = _alt(c["direction"])
    year4 = r"[12]\d{3}(?!\d|[/.\-]\d)"  # 2024/11/21 is a numeric date, not a year
    day = rf"(?:[0-3]?\d(?!\d)|{_alt(lx.ordinals)}(?=\s+من\s))"
    dual = rf"(?:\s*[/\\]\s*|\s*-\s*|\s*\(\s*)(?P<m_m2>{arabic_months})(?:\s*\))?"
    month_ctx = _alt(c["month_context"])
    year_noun = _alt(c["year_noun"])
    year_tail = (
        rf"(?:[\s،,]*(?:من\s+)?(?:(?:عام|العام|سنه)\s+)?(?P<m_year>{year4})(?:\s*م{E})?"
        rf"|\s+(?P<m_dir>{direction}){E}"
        rf"|\s+من\s+(?:العام|السنه)\s+(?P<m_ydir>{direction}){E})?"
    )
    month_expr = (
        rf"(?P<month>{B}(?:{PRE}(?P<m_ctx>{month_ctx})\s+)?"
        rf"{PRE}(?:(?:(?P<m_wd>{weekday})[\s،,]+(?:الموافق\s+)?)?(?:ال(?=\d))?(?P<m_day>{day})"
        rf"\s+(?:من\s+)?)?"
        rf"(?:(?P<m_shahr>شهر)\s+)?(?P<m_m1>{arabic_months}){E}(?:{dual})?{year_tail})"
    )
    hijri = (
        rf"(?P<hijri>{B}(?:(?P<h_day>[0-3]?\d)\s+)?(?P<h_month>{_alt(lx.hijri_months)})\s+"
        rf"(?P<h_year>1[34]\d\d)(?!\d)(?:\s*(?:ه|للهجره|هجري|هجريه){E})?)"
    )
    numeric = (
        r"(?P<numeric>(?<![\d/.:\-])(?P<n_a>\d{1,4})(?P<n_sep>[/.\-])(?P<n_b>\d{1,2})"
        r"(?P=n_sep)(?P<n_c>\d{1,4})(?![\d/:\-]|\.\d))"
    )
    english = (
        rf"(?P<english>(?<![A-Za-z])(?:(?P<e_m1>{english_months})\.?\s+(?P<e_d1>[0-3]?\d)"
        rf"(?:st|nd|rd|th)?,?\s+|(?P<e_d2>[0-3]?\d)\s+(?P<e_m2>{english_months})\.?,?\s+"
        rf"|(?P<e_m3>{english_months})\.?,?\s+)(?P<e_year>{year4}))"
    )
    decade = (
        rf"(?P<decade>{B}{PRE}(?:(?P<d_q>{'|'.join(_DECADE_PARTS)})\s+)?"
        rf"(?P<d_stem>(?:ال)?{_alt(lx.decades)}(?:يات|ات)){E}"
        rf"(?P<d_age>\s+من\s+(?:ال)?عمر)?(?:\s+(?:من\s+)?القرن\s+(?P<d_c>{_alt(c['direction'])}"
        rf"|العشرين|الواحد\s+والعشرين))?)"
    )
    paren_range = (
        r"(?P<prange>\(\s*(?P<p_a>(?:1[5-9]|20)\d\d)\s*[-–/]\s*(?P<p_b>(?:1[5-9]|20)\d\d)\s*\))"
    )
    not_count = rf"(?!\s*{_alt(c['count_unit'])}(?!\w))"
    pair = rf"(?:\s*،?\s+و\s*(?P<PFX_y2>{year4}){not_count})?"
    year_cue = (
        rf"(?P<ycue>{B}{PRE}(?P<y_noun>{year_noun})\s+(?P<y_year>\d{{3,4}})(?!\d){not_count}"
        rf"(?P<y_hijri>\s*(?:ه|للهجره|هجري|هجريه){E})?(?:\s*م{E})?{pair.replace('PFX', 'y')})"
    )
    # one word may stand between the noun and the year (مونديال روسيا 2018), not a time word
    between = r"(?:\s+(?!(?:عام|العام|سنه|السنه|في|منذ|حتى|قبل|بعد)\s)[^\s\d،,.:؛()]+)?"
    year_event = (
        rf"(?P<yevent>{B}{PRE}(?P<v_cue>{_alt(c['year_event'])}){between}\s+"
        rf"(?P<v_year>(?:19|20)\d\d)(?!\d))"
    )
    year_ctx = (
        rf"(?P<yctx>{B}{PRE}(?:{_alt(c['year_context'])}|بين)\s+(?P<x_year>(?:19|20)\d\d)(?![\d\w]|[/.\-]\d)"
        rf"{not_count}{pair.replace('PFX', 'x')})"
    )
    today = (
        rf"(?P<today>{B}{PRE}(?P<t_word>(?:(?:{'|'.join(_DAY_PARTS)})\s+)?"
        rf"(?:اول\s+(?:من\s+)?امس|امس|اليوم|البارحه|غدا|(?:يوم|بعد)\s+غد)){E}"
        rf"(?:\s+(?P<t_wd>{weekday}){E})?)"
    )
    units = _alt(c["unit"])
    ago = (
        rf"(?P<ago>{B}{PRE}(?P<a_dir>{'|'.join(_AGO)})\s+(?:(?P<a_num>\d{{1,3}})\s*|(?P<a_word>"
        rf"{_alt(lx.cardinals)})\s+)?(?P<a_unit>{units}){E}(?!\s*\d)(?!\s+من\s)"
        rf"(?!\s+{weekday}{E}))"
    )
    periods = "|".join(_PERIODS)
    period = (
        rf"(?P<period>{B}{PRE}(?:(?P<q_this>{'|'.join(_THIS)})\s+(?P<q_p1>{periods})"
        rf"|(?P<q_p2>{periods})\s+(?P<q_dir>{direction})){E})"
    )
    season = (
        rf"(?P<season>{B}{PRE}(?:(?P<s_this>هذا|هذه)\s+)?(?P<s_word>{_alt(c['season'])})"
        rf"(?:\s+(?P<s_dir>{direction}))?{E})"
    )
    weekend = (
        rf"(?P<weekend>{B}{PRE}(?:عطله\s+)?(?P<k_word>نهايه)\s+(?:هذا\s+)?الاسبوع"
        rf"(?:\s+(?P<k_dir>{direction}))?{E})"
    )
    weekday_expr = (
        rf"(?P<weekday>{B}{PRE}(?:(?:{'|'.join(_DAY_PARTS)})\s+)?(?P<w_wd>{weekday})"
        rf"{E}(?:\s+(?P<w_dir>{direction}){E})?)"
    )
    parts = [
        hijri,
        numeric,
        english,
        month_expr,
        decade,
        paren_range,
        year_cue,
        year_event,
        year_ctx,
        today,
        ago,
        period,
        season,
        weekend,
        weekday_expr,
    ]
    # Every alternative starts at a word start, a digit or "(": saying so once up front lets
    # the engine skip the inside of words without trying each alternative (2x faster).
    return re.compile(r"(?=[\d(A-Z\u0600-\u06ff])(?:(?<!\w)|(?=[\d(]))(?:" + "|".join(parts) + ")")


# The words a match of ``master_pattern`` can start with, after a word's proclitics (PRE):
# the first word of each alternative there, optional words included. Kept beside it: a
# word an alternative starts with and this list lacks would make ``candidate_pattern``
# miss that alternative's dates (tests/extract/test_dates.py compares the two scans).
_FIRST_WORDS = (
    *_DAY_PARTS,
    *_DECADE_PARTS,
    *_AGO,
    *_THIS,
    *_PERIODS,
    *_TODAY_FIRST,
    "شهر",  # شهر مايو
    "عطله",  # عطلة نهاية الأسبوع
    "بين",  # بين 2015 و2018
)


@cache
def candidate_pattern() -> re.Pattern[str]:
    """Every position where ``master_pattern`` can match, and a few more: a digit or "(",
    a word start in capitals, or a word start whose first word (after proclitics) can
    open a date expression. Trying the master pattern only there gives its matches (the
    scan in ``scan._matches``) 2.5-2.8x faster on ANT dev: most word starts open no date,
    and ruling them out here costs one trie of first words instead of fifteen alternatives."""
    lx = lexicon()
    c = lx.cues
    words = [f for f in lx.months if not f.isascii()]
    words += [*lx.hijri_months, *lx.weekdays, *lx.ordinals, *_FIRST_WORDS]
    for kind in ("month_context", "year_noun", "year_event", "year_context", "season"):
        words += c[kind]
    words += lx.decades
    words += ["ال" + stem for stem in lx.decades]
    return re.compile(rf"(?=[\d(])|(?<!\w)(?=[A-Z]|{PRE}(?:ال)?\d|{PRE}{_alt(words)})")


# Days from the publication date of the words for "today", "yesterday", "tomorrow".
_RELATIVE_DAYS = {"اليوم": 0, "امس": -1, "البارحه": -1, "غدا": 1, "غد": 1}


def today_offset(phrase: str) -> int:
    """Days from publication of a match-form phrase such as "يوم امس", "اول من امس" or
    "بعد غد" (the ``t_word`` group of the ``today`` pattern)."""
    words = phrase.split()
    if words[-1] == "غد":
        return 2 if words[0] == "بعد" else 1
    if words[0] == "اول":
        return -2
    return _RELATIVE_DAYS[words[-1]]


@cache
def not_year_before() -> frozenset[str]:
    return frozenset(lexicon().cues["not_year_before"])


@cache
def ambiguous_months() -> frozenset[str]:
    return frozenset(lexicon().cues["ambiguous_month"])
