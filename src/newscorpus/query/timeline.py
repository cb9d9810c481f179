"""The timeline: dated events across all articles, oldest first, merged across sources.

Events (a sentence with a resolved date) of one date from different articles are merged
into stories by ``newscorpus.extract.events.merge_stories``; an actor is rare when it is
named in at most ``max(2, 1%)`` of the corpus's documents. Event time is the date in the
sentence; publication time stays on the documents; the time a statement was made is the
date of the sentence carrying the claim.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from newscorpus.errors import NewsCorpusError
from newscorpus.extract.events import DatedEvent, merge_stories
from newscorpus.models import PRECISION_RANK
from newscorpus.query.lookup import find_actor
from newscorpus.store import Store

_SEP = "\x1f"


@dataclass(frozen=True, slots=True)
class TimelineEntry:
    date: str
    precision: str
    text: str
    actors: tuple[str, ...]
    documents: tuple[int, ...]
    sources: tuple[str, ...]  # titles (or outlets) of the documents that have one


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


def timeline(
    store: Store,
    *,
    actor: str | None = None,
    since: str | None = None,
    until: str | None = None,
    precision: str | None = None,
) -> Iterator[TimelineEntry]:
    """Timeline entries in date order; ``precision`` keeps events at least that precise."""
    where: list[str] = ["1"]
    params: list[object] = []
    if actor is not None:
        where.append("e.id IN (SELECT event_id FROM event_actors WHERE actor_id = ?)")
        params.append(find_actor(store, actor))
    if since is not None:
        where.append("replace(e.date, 'X', '9') >= ?")
        params.append(check_date(since, "--since"))
    if until is not None:
        key = check_date(until, "--until")
        where.append("substr(replace(e.date, 'X', '0'), 1, ?) <= ?")
        params.extend([len(key), key])
    if precision is not None:
        wanted = [p for p, rank in PRECISION_RANK.items() if rank >= PRECISION_RANK[precision]]
        where.append(f"e.precision IN ({','.join('?' * len(wanted))})")
        params.extend(wanted)
    rare = rare_actors(store)
    group: list[DatedEvent] = []
    for event in dated_events(store, where, params):
        if group and group[0].date != event.date:
            yield from _entries(group, rare)
            group = []
        group.append(event)
    if group:
        yield from _entries(group, rare)


def dated_events(
    store: Store, where: Sequence[str], params: Sequence[object]
) -> Iterator[DatedEvent]:
    """Stored events (``e``, with their document ``d``) that meet ``where``, in date order."""
    rows = store.db.execute(
        "SELECT e.id, e.date, e.precision, e.text, e.document_id, d.title, d.outlet,"
        ' e.start, e."end", e.paragraph,'
        f" group_concat(a.id, '{_SEP}'), group_concat(a.name, '{_SEP}')"
        " FROM events e JOIN documents d ON d.id = e.document_id"
        " LEFT JOIN event_actors ea ON ea.event_id = e.id"
        " LEFT JOIN actors a ON a.id = ea.actor_id"
        f" WHERE {' AND '.join(where) or '1'} GROUP BY e.id"
        " ORDER BY replace(e.date, 'X', '0'), e.date, d.published, e.document_id, e.start",
        list(params),
    )
    for row in rows:
        yield _event(row)


def rare_actors(store: Store) -> frozenset[int]:
    total = store.db.execute("SELECT count(*) FROM documents").fetchone()[0]
    limit = max(2, total // 100)
    return frozenset(
        row[0] for row in store.db.execute("SELECT id FROM actors WHERE documents <= ?", (limit,))
    )


def _event(row: Sequence[object]) -> DatedEvent:
    _id, date, precision, text, doc_id, title, outlet, start, end, paragraph, ids_, names = row
    ids = [int(i) for i in str(ids_).split(_SEP)] if ids_ else []
    return DatedEvent(
        date=str(date),
        precision=str(precision),
        text=" ".join(str(text).split()),
        actor_ids=tuple(dict.fromkeys(ids)),
        actors=tuple(dict.fromkeys(str(names).split(_SEP))) if names else (),
        document=int(str(doc_id)),
        source=str(title or outlet or ""),
        start=int(str(start)),
        end=int(str(end)),
        paragraph=int(str(paragraph)),
    )


def _entries(events: list[DatedEvent], rare: frozenset[int]) -> Iterator[TimelineEntry]:
    for story in merge_stories(events, rare):
        documents = story.documents()
        yield TimelineEntry(
            date=story.shown.date,
            precision=story.shown.precision,
            text=story.shown.text,
            actors=tuple(story.actors()),
            documents=tuple(documents),
            sources=tuple(title for title in documents.values() if title),
        )
