"""The timeline: dated events across all articles, oldest first, merged across sources.

Events (a sentence with a resolved date) from different articles about the same date and
the same actors become one entry listing every source. "The same actors" means the two
sets share at least two actors, or every actor of the smaller set; events with no actors
are never merged. Event time is the date in the sentence; publication time stays on the
documents; the time a statement was made is the date of the sentence carrying the claim.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from newscorpus.errors import NewsCorpusError
from newscorpus.store import Store
from newscorpus.store.queries import find_actor

PRECISION_RANK = {"decade": 0, "year": 1, "month": 2, "day": 3}
_SEP = "\x1f"


def _date_key(value: str, name: str) -> str:
    parts = value.split("-")
    if not (
        1 <= len(parts) <= 3
        and len(parts[0]) == 4
        and all(p.isdigit() for p in parts)
        and all(len(p) == 2 for p in parts[1:])
    ):
        raise NewsCorpusError(f"{name} takes a date as YYYY, YYYY-MM or YYYY-MM-DD, not {value!r}")
    return value


def timeline(
    store: Store,
    *,
    actor: str | None = None,
    since: str | None = None,
    until: str | None = None,
    precision: str | None = None,
) -> Iterator[dict[str, Any]]:
    """Timeline entries in date order; ``precision`` keeps events at least that precise."""
    where, params = ["1"], []
    if actor is not None:
        where.append("e.id IN (SELECT event_id FROM event_actors WHERE actor_id = ?)")
        params.append(find_actor(store, actor))
    if since is not None:
        where.append("replace(e.date, 'X', '9') >= ?")
        params.append(_date_key(since, "--since"))
    if until is not None:
        key = _date_key(until, "--until")
        where.append("substr(replace(e.date, 'X', '0'), 1, ?) <= ?")
        params.extend([len(key), key])
    if precision is not None:
        wanted = [p for p, rank in PRECISION_RANK.items() if rank >= PRECISION_RANK[precision]]
        where.append(f"e.precision IN ({','.join('?' * len(wanted))})")
        params.extend(wanted)
    rows = store.db.execute(
        "SELECT e.id, e.date, e.precision, e.text, e.document_id, d.title, d.outlet,"
        f" group_concat(a.id, '{_SEP}'), group_concat(a.name, '{_SEP}')"
        " FROM events e JOIN documents d ON d.id = e.document_id"
        " LEFT JOIN event_actors ea ON ea.event_id = e.id"
        " LEFT JOIN actors a ON a.id = ea.actor_id"
        f" WHERE {' AND '.join(where)} GROUP BY e.id"
        " ORDER BY replace(e.date, 'X', '0'), e.date, d.published, e.document_id, e.start",
        params,
    )
    group: list[dict[str, Any]] = []
    for row in rows:
        event = _event(row)
        if group and group[0]["date"] != event["date"]:
            yield from _merge(group)
            group = []
        group.append(event)
    if group:
        yield from _merge(group)


def _event(row: tuple[Any, ...]) -> dict[str, Any]:
    _id, date, precision, text, doc_id, title, outlet, actor_ids, names = row
    ids = [int(i) for i in actor_ids.split(_SEP)] if actor_ids else []
    return {
        "date": date,
        "precision": precision,
        "text": " ".join(text.split()),
        "actor_ids": dict.fromkeys(ids),
        "actors": dict.fromkeys(names.split(_SEP)) if names else {},
        "documents": {doc_id: title or outlet or ""},
    }


def _same_story(a: dict[int, None], b: dict[int, None]) -> bool:
    if not a or not b:
        return False
    shared = len(a.keys() & b.keys())
    return shared >= min(2, len(a), len(b))


def _merge(events: list[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    """Merge events of one date that tell the same story; keep the first sentence."""
    entries: list[dict[str, Any]] = []
    for event in events:
        for entry in entries:
            if _same_story(entry["actor_ids"], event["actor_ids"]):
                entry["actor_ids"].update(event["actor_ids"])
                entry["actors"].update(event["actors"])
                entry["documents"].update(event["documents"])
                break
        else:
            entries.append(event)
    for entry in entries:
        yield {
            "date": entry["date"],
            "precision": entry["precision"],
            "text": entry["text"],
            "actors": list(entry["actors"]),
            "documents": list(entry["documents"]),
            "sources": [title for title in entry["documents"].values() if title],
        }
