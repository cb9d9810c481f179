"""The timeline: dated events across all articles, oldest first, merged across sources.

Events (a sentence with a resolved date) from different articles about the same date and
the same actors become one entry listing every source. Two events of one date tell the
same story when their actor sets share at least two actors, or every actor of the smaller
set, or one rare actor (named in at most ``max(2, 1%)`` of the corpus's documents, such as
the city of a summit); events with no actors are never merged. An entry shows the
sentence that shares the most actors with the others. Event time is the date in the
sentence; publication time stays on the documents; the time a statement was made is the
date of the sentence carrying the claim.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from newscorpus.errors import NewsCorpusError
from newscorpus.models import PRECISION_RANK
from newscorpus.store import Store
from newscorpus.store.queries import find_actor

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
    where: list[str] = ["1"]
    params: list[object] = []
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
    rare = _rare_actors(store)
    group: list[dict[str, Any]] = []
    for row in rows:
        event = _event(row)
        if group and group[0]["date"] != event["date"]:
            yield from _merge(group, rare)
            group = []
        group.append(event)
    if group:
        yield from _merge(group, rare)


def _rare_actors(store: Store) -> frozenset[int]:
    total = store.db.execute("SELECT count(*) FROM documents").fetchone()[0]
    limit = max(2, total // 100)
    return frozenset(
        row[0] for row in store.db.execute("SELECT id FROM actors WHERE documents <= ?", (limit,))
    )


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


def _same_story(a: dict[int, None], b: dict[int, None], rare: frozenset[int]) -> bool:
    if not a or not b:
        return False
    shared = a.keys() & b.keys()
    return len(shared) >= min(2, len(a), len(b)) or not shared.isdisjoint(rare)


def _merge(events: list[dict[str, Any]], rare: frozenset[int]) -> Iterator[dict[str, Any]]:
    """Merge events of one date that tell the same story, transitively (union-find)."""
    parent = list(range(len(events)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    # Linking each event to the first event with the same evidence is enough, because
    # the merge is transitive; this keeps a date with thousands of events near-linear.
    first_pair: dict[tuple[int, int], int] = {}
    first_rare: dict[int, int] = {}
    first_with: dict[int, int] = {}  # first event naming the actor
    first_alone: dict[int, int] = {}  # first event naming only that actor

    def link(i: int, j: int | None) -> None:
        if j is not None and j != i:
            parent[root(i)] = root(j)

    for i, event in enumerate(events):
        ids = sorted(event["actor_ids"])
        for n, a in enumerate(ids):
            for b in ids[n + 1 :]:
                link(i, first_pair.setdefault((a, b), i))
            if a in rare:
                link(i, first_rare.setdefault(a, i))
            if len(ids) == 1:  # a lone actor matches any event naming it
                link(i, first_with.get(a))
                first_alone.setdefault(a, i)
            else:
                link(i, first_alone.get(a))
            first_with.setdefault(a, i)
    clusters: dict[int, list[dict[str, Any]]] = {}
    for i, event in enumerate(events):
        clusters.setdefault(root(i), []).append(event)
    for members in clusters.values():
        shown = max(
            members,
            key=lambda e: sum(
                len(e["actor_ids"].keys() & o["actor_ids"].keys()) for o in members if o is not e
            ),
        )
        actors: dict[str, None] = {}
        documents: dict[int, str] = {}
        for member in [shown, *members]:
            actors.update(member["actors"])
            documents.update(member["documents"])
        yield {
            "date": shown["date"],
            "precision": shown["precision"],
            "text": shown["text"],
            "actors": list(actors),
            "documents": list(documents),
            "sources": [title for title in documents.values() if title],
        }
