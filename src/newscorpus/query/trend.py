"""``trend``: when an actor (or a searched word) was in the news, period by period.

Each name is an actor if the store knows one by that name or spelling (its mentions are
counted), else a search query (``query.search``; the paragraphs that match are counted).
Documents are placed by their publication date; those without one are counted apart
(``undated``). Every series covers the same periods, from the first to the last one any
series has, with zeros where nothing was found, so they can be drawn side by side.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from newscorpus.errors import DoesNotExist, NewsCorpusError
from newscorpus.query.export import one_read
from newscorpus.query.lookup import find_actor
from newscorpus.query.search import parse_query
from newscorpus.query.timeline import published_between
from newscorpus.store import Store
from newscorpus.store.writer import PARAGRAPH_BITS

PERIODS = {
    "day": "substr(d.published, 1, 10)",
    "week": "strftime('%Y-W%W', substr(d.published, 1, 10))",
    "month": "substr(d.published, 1, 7)",
    "year": "substr(d.published, 1, 4)",
}


@dataclass(frozen=True, slots=True)
class TrendPoint:
    period: str
    count: int  # mentions of an actor, or paragraphs matching a query
    documents: int


@dataclass(frozen=True, slots=True)
class TrendSeries:
    name: str  # the actor's name, or the query as given
    kind: str  # actor | search
    unit: str  # what ``count`` counts: mentions | paragraphs
    total: int
    documents: int
    undated: int  # counted, but in documents without a publication date
    points: tuple[TrendPoint, ...]


@one_read
def trend(
    store: Store,
    names: Sequence[str],
    *,
    by: str = "month",
    search: bool = False,
    since: str | None = None,
    until: str | None = None,
) -> tuple[TrendSeries, ...]:
    """One series per name (an actor, or with ``search`` always a query)."""
    if by not in PERIODS:
        raise NewsCorpusError(f"--by is one of {', '.join(PERIODS)}, not {by!r}")
    if not names:
        raise NewsCorpusError("name at least one actor or search query")
    where, params = published_between(since, until)
    raw = [_series(store, name, by, search, where, params) for name in names]
    periods = _periods([p for *_, counts in raw for p in counts if p is not None], by)
    out = []
    for name, kind, unit, counts in raw:
        undated = counts.pop(None, (0, set()))
        points = tuple(
            TrendPoint(p, counts[p][0], len(counts[p][1])) if p in counts else TrendPoint(p, 0, 0)
            for p in periods
        )
        documents = set(undated[1]).union(*(docs for _, docs in counts.values()))
        total = sum(n for n, _ in counts.values()) + undated[0]
        out.append(TrendSeries(name, kind, unit, total, len(documents), undated[0], points))
    return tuple(out)


def _series(
    store: Store, name: str, by: str, search: bool, where: list[str], params: list[object]
) -> tuple[str, str, str, dict[str | None, tuple[int, set[int]]]]:
    actor_id = None
    if not search:
        try:
            actor_id = find_actor(store, name)
        except DoesNotExist:
            actor_id = None
    extra = "".join(" AND " + w for w in where)
    if actor_id is not None:
        label = store.db.execute("SELECT name FROM actors WHERE id = ?", (actor_id,)).fetchone()
        rows = store.db.execute(
            f"SELECT {PERIODS[by]}, d.id, count(*) FROM mentions m"
            f" JOIN documents d ON d.id = m.document_id WHERE m.actor_id = ?{extra}"
            " GROUP BY 1, 2",
            [actor_id, *params],
        )
        kind, unit, shown = "actor", "mentions", label[0]
    else:
        query = parse_query(name)
        rows = store.db.execute(
            f"SELECT {PERIODS[by]}, d.id, count(*) FROM search_index s"
            f" JOIN documents d ON d.id = s.rowid >> {PARAGRAPH_BITS}"
            f" WHERE search_index MATCH ?{extra} GROUP BY 1, 2",
            [query.expression, *params],
        )
        kind, unit, shown = "search", "paragraphs", name
    counts: dict[str | None, tuple[int, set[int]]] = {}
    for period, doc, n in rows:
        total, docs = counts.get(period, (0, set()))
        docs.add(doc)
        counts[period] = (total + n, docs)
    return shown, kind, unit, counts


def _periods(found: Sequence[str], by: str) -> list[str]:
    """Every period from the first to the last found, in order."""
    if not found:
        return []
    first, last = min(found), max(found)
    if by == "year":
        return [str(y) for y in range(int(first), int(last) + 1)]
    if by == "month":
        months = []
        year, month = int(first[:4]), int(first[5:7])
        while f"{year:04d}-{month:02d}" <= last:
            months.append(f"{year:04d}-{month:02d}")
            year, month = (year + 1, 1) if month == 12 else (year, month + 1)
        return months
    start, end = _day(min(found), by), _day(max(found), by, last=True)
    labels: list[str] = []
    day = start
    while day <= end:
        label = day.isoformat() if by == "day" else day.strftime("%Y-W%W")
        if not labels or labels[-1] != label:
            labels.append(label)
        day += timedelta(days=1)
    return labels


def _day(period: str, by: str, last: bool = False) -> date:
    if by == "day":
        return date.fromisoformat(period)
    year, week = int(period[:4]), int(period[6:])
    # %W: week 1 starts on the year's first Monday; days before it are week 0.
    january = date(year, 1, 1)
    monday = january + timedelta(days=(7 - january.weekday()) % 7)
    if week == 0:
        return monday - timedelta(days=1) if last else january
    start = monday + timedelta(weeks=week - 1)
    return start + timedelta(days=6) if last else start
