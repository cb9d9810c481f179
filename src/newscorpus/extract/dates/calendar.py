"""Calendar arithmetic for the date extractor: anchoring partial and relative dates.

Every function takes the publication date (a ``datetime.date``) as the anchor and returns
an ISO value string; the rules are the ones news writing follows: a bare weekday or month is
the most recent one on or before the publication date, المقبل moves forward, الماضي back.
"""

from __future__ import annotations

import calendar
import datetime as dt

from hijridate import Hijri

from newscorpus.models import Precision

Direction = int | None  # +1 المقبل, -1 الماضي, 0 الحالي/هذا, None unmarked


def iso_month(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}"


def shift_month(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def valid_day(year: int, month: int, day: int) -> bool:
    return 1 <= month <= 12 and 1 <= day <= calendar.monthrange(year, month)[1]


def anchor_month(month: int, published: dt.date, direction: Direction) -> int:
    """Year of a month named without a year (يونيو، يونيو الماضي، يونيو المقبل)."""
    year = published.year
    if direction == 0:
        return year
    if direction == 1:
        return year if month > published.month else year + 1
    if direction == -1:
        return year if month < published.month else year - 1
    return year if month <= published.month else year - 1


def anchor_day(month: int, day: int, published: dt.date, direction: Direction) -> int | None:
    """Year of a day and month named without a year; None when no such date exists."""
    year = published.year
    if direction != 0:
        # 29 February needs a leap year: step over years until the date exists.
        step = 1 if direction == 1 else -1
        for _ in range(8):
            if valid_day(year, month, day):
                candidate = dt.date(year, month, day)
                if direction == 1 and candidate > published:
                    return year
                if direction == -1 and candidate < published:
                    return year
                if direction is None and candidate <= published:
                    return year
            year += step
        return None
    return year if valid_day(year, month, day) else None


def weekday_date(weekday: int, published: dt.date, direction: Direction) -> dt.date:
    """The weekday meant in a news text: the most recent on or before publication by default."""
    if direction == 1:
        ahead = (weekday - published.weekday()) % 7 or 7
        return published + dt.timedelta(days=ahead)
    back = (published.weekday() - weekday) % 7
    if direction == -1 and back == 0:
        back = 7
    return published - dt.timedelta(days=back)


def year_from_weekday(month: int, day: int, weekday: int, latest_year: int) -> int | None:
    """Most recent year <= latest_year in which day/month falls on that weekday."""
    for year in range(latest_year, latest_year - 29, -1):
        if valid_day(year, month, day) and dt.date(year, month, day).weekday() == weekday:
            return year
    return None


def shift(published: dt.date, unit: str, amount: int) -> tuple[str, Precision]:
    """Publication date moved by ``amount`` units (negative: back) -> (value, precision)."""
    if unit == "day":
        return (published + dt.timedelta(days=amount)).isoformat(), "day"
    if unit == "week":
        return (published + dt.timedelta(days=7 * amount)).isoformat(), "day"
    if unit == "month":
        return iso_month(*shift_month(published.year, published.month, amount)), "month"
    return f"{published.year + amount:04d}", "year"


def period(published: dt.date, unit: str, direction: int) -> tuple[str, Precision]:
    """الأسبوع/الشهر/العام + الماضي/الحالي/المقبل. Weeks have no precision of their own, so
    they are given as the month holding the day a week away (documented in the gold README)."""
    if unit == "week":
        day = published + dt.timedelta(days=7 * direction)
        return iso_month(day.year, day.month), "month"
    if unit == "month":
        return iso_month(*shift_month(published.year, published.month, direction)), "month"
    if unit == "day":
        return (published + dt.timedelta(days=direction)).isoformat(), "day"
    return f"{published.year + direction:04d}", "year"


def hijri_to_gregorian(year: int, month: int, day: int | None) -> tuple[str, Precision, str] | None:
    """(value, precision, hijri original) of a Hijri date; None when it does not exist."""
    try:
        gregorian = Hijri(year, month, day or 1).to_gregorian()
    except (ValueError, OverflowError):
        return None
    if day is None:
        return iso_month(gregorian.year, gregorian.month), "month", f"{year:04d}-{month:02d}"
    return gregorian.isoformat(), "day", f"{year:04d}-{month:02d}-{day:02d}"


def hijri_year(year: int) -> str | None:
    try:
        return f"{Hijri(year, 1, 1).to_gregorian().year:04d}"
    except (ValueError, OverflowError):
        return None
