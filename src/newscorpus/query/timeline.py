"""The timeline: the events of a corpus, dated, each told by one or more articles.

An entry is a story (``extract.events.cluster_stories``): the events of one date that tell
one happening, kept by ``store.stories`` at ingest. ``timeline`` lists the entries that
meet the filters in date order: all of them, or the ``top`` told by the most sources (or
events) ; ``timeline_view`` also says how many there are. While the kept stories are not
current (an ingest was killed before it finished) the stories are clustered live, the same
way, so the answer is the same, only slower. Event time is the date in the sentence;
publication time stays on the documents; the time a statement was made is the date of the
sentence carrying the claim.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from newscorpus.errors import NewsCorpusError
from newscorpus.extract.events import DatedEvent, Story
from newscorpus.models import PRECISION_RANK
from newscorpus.query.lookup import find_actor
from newscorpus.store import Store, stories


@dataclass(frozen=True, slots=True)
class TimelineEntry:
    date: str
    precision: str
    text: str
    actors: tuple[str, ...]
    documents: tuple[int, ...]
    sources: tuple[str, ...]  # titles (or outlets) of the documents that have one
    events: int = 1  # sentences that tell it (one document may tell it twice)
    document: int = 0  # where the sentence shown is: its document and offsets in its text
    start: int = 0
    end: int = 0


def check_date(value: str, name: str) -> str:
    """``value`` if it is YYYY, YYYY-MM or YYYY-MM-DD, else a clear error naming ``name``."""
    parts = value.split("-")
    if not (
        1 <= len(parts) <= 3
        and len(parts[0]) == 4
        and all(p.isdigit() for p in parts)
        and all(len(p) == 2 for p in parts[1:])
    ):
        raise NewsCorpusError(f"{name} takes a date as YYYY, YYYY-MM or YYYY-MM-DD, not {value!r}")
    return value


def published_between(since: str | None, until: str | None) -> tuple[list[str], list[object]]:
    """SQL conditions (on ``d.published``) and their parameters for ``--since``/``--until``:
    documents published from ``since`` up to the end of ``until`` (a year, month or day)."""
    where: list[str] = []
    params: list[object] = []
    if since is not None:
        where.append("d.published >= ?")
        params.append(check_date(since, "--since"))
    if until is not None:
        key = check_date(until, "--until")
        where.append("substr(d.published, 1, ?) <= ?")
        params.extend([len(key), key])
    return where, params


RANKS = ("sources", "mentions")
_ORDER = {
    "sources": "s.documents DESC, s.events DESC",
    "mentions": "s.events DESC, s.documents DESC",
}


@dataclass(frozen=True, slots=True)
class TimelineView:
    """What ``timeline`` lists, and how many entries meet the filters in all."""

    entries: Iterator[TimelineEntry]
    total: int
    top: int | None  # None: every entry
    rank: str
    live: bool = False  # the kept stories were not current: clustered for this answer


def timeline_view(
    store: Store,
    *,
    actor: str | None = None,
    since: str | None = None,
    until: str | None = None,
    precision: str | None = None,
    outlet: str | None = None,
    top: int | None = 50,
    rank: str = "sources",
) -> TimelineView:
    """``timeline``'s entries with the number of entries that meet the filters."""
    if rank not in RANKS:
        raise NewsCorpusError(f"--rank takes one of {', '.join(RANKS)}, not {rank!r}")
    if top is not None and top < 1:
        raise NewsCorpusError(f"--top takes a number of entries of at least 1, not {top}")
    where, params = _story_filters(store, actor, since, until, precision, outlet)
    fresh = stories.is_fresh(store.db)
    if fresh:
        total = store.db.execute(
            f"SELECT count(*) FROM stories s WHERE {' AND '.join(where)}", params
        ).fetchone()[0]
        entries = _kept_entries(store, where, params, top, rank)
    else:
        found = _live_stories(store, actor, since, until, precision, outlet)
        total = len(found)
        entries = _live_entries(found, top, rank)
    shown = top if top is not None and top < total else None
    return TimelineView(entries, int(total), shown, rank, live=not fresh)


def timeline(
    store: Store,
    *,
    actor: str | None = None,
    since: str | None = None,
    until: str | None = None,
    precision: str | None = None,
    outlet: str | None = None,
    top: int | None = None,
    rank: str = "sources",
) -> Iterator[TimelineEntry]:
    """Timeline entries in date order: every one that meets the filters, or the ``top``
    told by the most sources (``rank="mentions"``: by the most sentences); ``precision`` keeps
    entries at least that precise."""
    return timeline_view(
        store, actor=actor, since=since, until=until, precision=precision, outlet=outlet,
        top=top, rank=rank,
    ).entries  # fmt: skip


def _story_filters(
    store: Store,
    actor: str | None,
    since: str | None,
    until: str | None,
    precision: str | None,
    outlet: str | None,
) -> tuple[list[str], list[object]]:
    """Conditions on a story ``s`` (its ``date`` and ``precision`` columns, its id)."""
    where: list[str] = ["1"]
    params: list[object] = []
    if actor is not None:
        where.append(
            "s.id IN (SELECT se.story FROM story_events se JOIN event_actors ea"
            " ON ea.event_id = se.event WHERE ea.actor_id = ?)"
        )
        params.append(find_actor(store, actor))
    if outlet is not None:
        where.append(
            "s.id IN (SELECT se.story FROM story_events se JOIN events e ON e.id = se.event"
            " JOIN documents d ON d.id = e.document_id WHERE d.outlet = ?)"
        )
        params.append(outlet)
    if since is not None:
        where.append("replace(s.date, 'X', '9') >= ?")
        params.append(check_date(since, "--since"))
    if until is not None:
        key = check_date(until, "--until")
        where.append("substr(replace(s.date, 'X', '0'), 1, ?) <= ?")
        params.extend([len(key), key])
    if precision is not None:
        wanted = [p for p, rank in PRECISION_RANK.items() if rank >= PRECISION_RANK[precision]]
        where.append(f"s.precision IN ({','.join('?' * len(wanted))})")
        params.extend(wanted)
    return where, params


def _kept_entries(
    store: Store, where: list[str], params: list[object], top: int | None, rank: str
) -> Iterator[TimelineEntry]:
    chosen = f"SELECT s.id FROM stories s WHERE {' AND '.join(where)}"
    if top is not None:
        chosen += f" ORDER BY {_ORDER[rank]}, s.date, {FIRST_EVENT} LIMIT {int(top)}"
    found = kept_stories(store, chosen, params)
    found.sort(key=_date_order)
    return (_entry(story) for story in found)


def kept_stories(
    store: Store,
    chosen: str,
    params: Sequence[object],
    member_where: str = "1",
    member_params: Sequence[object] = (),
) -> list[Story]:
    """The kept stories whose ids ``chosen`` (SQL) selects, with their events that meet
    ``member_where`` (on ``e``, ``d``) in the order clustering reads them; a story left
    with no event is dropped, one whose shown event is left out shows its first."""
    db = store.db
    db.execute("DROP TABLE IF EXISTS temp.chosen_stories")
    db.execute("CREATE TEMP TABLE chosen_stories (id INTEGER)")
    db.execute(f"INSERT INTO temp.chosen_stories {chosen}", list(params))
    chosen_ids = "(SELECT id FROM temp.chosen_stories)"
    shown = dict(db.execute(f"SELECT id, shown FROM stories WHERE id IN {chosen_ids}"))
    story_of = dict(
        db.execute(f"SELECT event, story FROM story_events WHERE story IN {chosen_ids}")
    )
    members: dict[int, list[DatedEvent]] = {}
    rows = db.execute(
        f"{stories.EVENT_COLUMNS} WHERE e.id IN (SELECT event FROM story_events"
        f" WHERE story IN {chosen_ids}) AND {member_where}{stories.EVENT_ORDER}",
        list(member_params),
    )
    for row in rows:
        event = stories.event_of(row)
        members.setdefault(story_of[event.id], []).append(event)
    db.execute("DROP TABLE temp.chosen_stories")
    return [
        Story(next((e for e in events if e.id == shown[story]), events[0]), tuple(events))
        for story, events in members.items()
    ]


def _live_stories(
    store: Store,
    actor: str | None,
    since: str | None,
    until: str | None,
    precision: str | None,
    outlet: str | None,
) -> list[Story]:
    """Stories clustered now (the kept ones are not current), filtered as the kept are."""
    found = list(stories.stories_of_dates(store.db, "1", (), stories.everywhere(store.db)))
    wanted_actor = find_actor(store, actor) if actor is not None else None
    outlets: dict[int, str | None] = {}
    if outlet is not None:
        outlets = dict(store.db.execute("SELECT id, outlet FROM documents"))
    low = check_date(since, "--since") if since is not None else None
    high = check_date(until, "--until") if until is not None else None
    floor = PRECISION_RANK[precision] if precision is not None else None
    kept = []
    for story in found:
        date = story.shown.date
        if wanted_actor is not None and wanted_actor not in story.actor_ids():
            continue
        if outlet is not None and not any(outlets.get(d) == outlet for d in story.documents()):
            continue
        if low is not None and date.replace("X", "9") < low:
            continue
        if high is not None and date.replace("X", "0")[: len(high)] > high:
            continue
        if floor is not None and PRECISION_RANK.get(story.shown.precision, 0) < floor:
            continue
        kept.append(story)
    return kept


def _live_entries(found: list[Story], top: int | None, rank: str) -> Iterator[TimelineEntry]:
    if top is not None:
        weight = (
            (lambda s: (-len(s.documents()), -len(s.members)))
            if rank == "sources"
            else (lambda s: (-len(s.members), -len(s.documents())))
        )
        found = sorted(found, key=lambda s: (*weight(s), s.shown.date, first_event(s)))[:top]
    return (_entry(story) for story in sorted(found, key=_date_order))


# Ties are broken by a story's first event id, the same on the kept and the live path.
FIRST_EVENT = "(SELECT min(se.event) FROM story_events se WHERE se.story = s.id)"


def first_event(story: Story) -> int:
    return min(member.id for member in story.members)


def _date_order(story: Story) -> tuple[str, str, int]:
    return (story.shown.date.replace("X", "0"), story.shown.date, first_event(story))


def _entry(story: Story) -> TimelineEntry:
    documents = story.documents()
    return TimelineEntry(
        date=story.shown.date,
        precision=story.shown.precision,
        text=story.shown.text,
        actors=tuple(story.actors()),
        documents=tuple(documents),
        sources=tuple(title for title in documents.values() if title),
        events=len(story.members),
        document=story.shown.document,
        start=story.shown.start,
        end=story.shown.end,
    )


def dated_events(
    store: Store, where: Sequence[str], params: Sequence[object]
) -> Iterator[DatedEvent]:
    """Stored events (``e``, with their document ``d``) that meet ``where``, in date order."""
    rows = store.db.execute(
        f"{stories.EVENT_COLUMNS} WHERE {' AND '.join(where) or '1'}"
        " ORDER BY replace(e.date, 'X', '0'), e.date, d.published, e.document_id, e.start, e.id",
        list(params),
    )
    for row in rows:
        yield stories.event_of(row)
