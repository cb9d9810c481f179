"""``network``: who appears with whom — actor co-occurrence in sentences or paragraphs.

Two actors co-occur when both are mentioned in one window (a sentence, or a paragraph);
``weight`` counts the windows they share. Each pair also gets two association scores
that do not simply favour frequent actors: Dice (``2·both / (a + b)``) and PMI
(``log2(both · windows / (a · b))``), where ``a`` and ``b`` count the windows each
appears in and ``windows`` those with any actor. ``actor=NAME`` gives its ego network:
the pairs it is in, and the pairs among the actors it appears with.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from newscorpus.errors import NewsCorpusError
from newscorpus.query.export import one_read
from newscorpus.query.lookup import find_actor
from newscorpus.query.timeline import published_between
from newscorpus.store import Store

WINDOWS = {"sentence": "sentence", "paragraph": "paragraph"}
TYPES = ("person", "organization", "place")


@dataclass(frozen=True, slots=True)
class Node:
    id: int
    name: str
    type: str
    windows: int  # windows (of the chosen kind) it appears in


@dataclass(frozen=True, slots=True)
class Edge:
    source: str
    target: str
    weight: int  # windows both appear in
    dice: float
    pmi: float
    source_type: str
    target_type: str
    source_id: int
    target_id: int


@dataclass(frozen=True, slots=True)
class Network:
    window: str
    windows: int  # windows with at least one actor
    nodes: tuple[Node, ...]
    edges: tuple[Edge, ...]


@one_read
def network(
    store: Store,
    *,
    actor: str | None = None,
    types: tuple[str, ...] = (),
    window: str = "sentence",
    min_weight: int = 2,
    top: int | None = 100,
    since: str | None = None,
    until: str | None = None,
    outlet: str | None = None,
) -> Network:
    """The ``top`` pairs by weight (at least ``min_weight``), with their actors as nodes.

    Counts come from ``store.cooccurrence`` while it is current; with ``since``/``until``
    or ``outlet``,
    a ``min_weight`` below what it keeps, or after a change it has not caught up with,
    they are counted from the mentions (the same numbers, in about a second).
    """
    from newscorpus.store import cooccurrence

    if window not in WINDOWS:
        raise NewsCorpusError(f"window is sentence or paragraph, not {window!r}")
    unknown = sorted(set(types) - set(TYPES))
    if unknown:
        raise NewsCorpusError(f"unknown actor type {unknown[0]!r} (use {', '.join(TYPES)})")
    db = store.db
    if (
        window == "sentence"
        and db.execute("SELECT 1 FROM mentions WHERE sentence IS NULL LIMIT 1").fetchone()
    ):
        raise NewsCorpusError(
            "this database was built before mentions kept their sentence; use --window "
            "paragraph, or run `newscorpus ingest --reanalyze` on the same files"
        )
    ego = find_actor(store, actor) if actor is not None else None
    cached = (
        since is None
        and until is None
        and outlet is None
        and min_weight >= cooccurrence.MIN_CACHED
        and cooccurrence.is_fresh(db)
    )
    if cached:
        pairs_from = f"(SELECT a, b, weight FROM cooccurrence WHERE \"window\" = '{window}')"
        counts_from = f"(SELECT actor, windows FROM actor_windows WHERE \"window\" = '{window}')"
        total = db.execute(
            "SELECT value FROM store_meta WHERE key = ?", (f"windows:{window}",)
        ).fetchone()
        windows = int(total[0]) if total else 0
    else:
        windows = _count_now(store, window, min_weight, since, until, outlet)
        pairs_from, counts_from = "temp.pair_counts", "temp.actor_counts"
    try:
        pairs = _pairs(store, pairs_from, ego, types, min_weight, top)
        ids = sorted({i for a, b, _ in pairs for i in (a, b)})
        marks = ",".join("?" * len(ids))
        counts = dict(
            db.execute(f"SELECT actor, windows FROM {counts_from} WHERE actor IN ({marks})", ids)
        )
    finally:
        db.execute("DROP TABLE IF EXISTS temp.pair_counts")
        db.execute("DROP TABLE IF EXISTS temp.actor_counts")
    names = {
        actor_id: (name, kind)
        for actor_id, name, kind in db.execute(
            f"SELECT id, name, type FROM actors WHERE id IN ({marks})", ids
        )
    }
    edges = tuple(
        Edge(
            names[a][0],
            names[b][0],
            weight,
            round(2 * weight / (counts[a] + counts[b]), 4),
            round(math.log2(weight * windows / (counts[a] * counts[b])), 3),
            names[a][1],
            names[b][1],
            a,
            b,
        )  # fmt: skip
        for a, b, weight in pairs
    )
    nodes = tuple(Node(i, names[i][0], names[i][1], counts[i]) for i in ids)
    return Network(window, windows, nodes, edges)


def _count_now(
    store: Store,
    window: str,
    min_weight: int,
    since: str | None,
    until: str | None,
    outlet: str | None = None,
) -> int:
    """``temp.pair_counts`` and ``temp.actor_counts`` from the mentions, as
    ``store.cooccurrence`` counts them, within the dates and outlet asked; the number of
    windows."""
    from newscorpus.store.cooccurrence import PAIRS_SQL, count_windows

    dated, params = published_between(since, until)
    if outlet is not None:
        dated.append("d.outlet = ?")
        params.append(outlet)
    where = [f"m.{WINDOWS[window]} IS NOT NULL", *dated]
    join = "JOIN documents d ON d.id = m.document_id " if dated else ""
    db = store.db
    count_windows(db, WINDOWS[window], f"{join}WHERE {' AND '.join(where)}", tuple(params))
    try:
        db.execute("CREATE TEMP TABLE pair_counts (a INTEGER, b INTEGER, weight INTEGER)")
        db.execute(f"INSERT INTO temp.pair_counts {PAIRS_SQL}", (min_weight,))
        db.execute(
            "CREATE TEMP TABLE actor_counts AS SELECT actor, count(*) AS windows"
            " FROM windows GROUP BY actor"
        )
        total = db.execute("SELECT count(*) FROM (SELECT DISTINCT doc, unit FROM windows)")
        return int(total.fetchone()[0])
    finally:
        db.execute("DROP TABLE IF EXISTS temp.windows")


def _pairs(
    store: Store,
    pairs_from: str,
    ego: int | None,
    types: tuple[str, ...],
    min_weight: int,
    top: int | None,
) -> list[tuple[int, int, int]]:
    """(actor, actor, shared windows), heaviest first, the lower id first in each pair;
    neither actor dropped by curation, both of ``types`` when given."""
    marks = ",".join("?" * len(types))
    kinds = f" AND x.type IN ({marks}) AND y.type IN ({marks})"
    base = (
        f"SELECT p.a, p.b, p.weight FROM {pairs_from} p JOIN actors x ON x.id = p.a"
        " JOIN actors y ON y.id = p.b WHERE p.weight >= ? AND NOT x.dropped AND NOT y.dropped"
        + (kinds if types else "")
    )
    params: list[object] = [min_weight, *types, *types]
    limit = f" LIMIT {int(top)}" if top else ""
    order = " ORDER BY p.weight DESC, p.a, p.b"
    if ego is None:
        return store.db.execute(base + order + limit, params).fetchall()
    spokes = store.db.execute(
        base + " AND (p.a = ? OR p.b = ?)" + order + limit, [*params, ego, ego]
    ).fetchall()
    neighbours = [b if a == ego else a for a, b, _ in spokes]
    if len(neighbours) < 2:
        return spokes
    marks = ",".join("?" * len(neighbours))
    among = store.db.execute(
        base + f" AND p.a IN ({marks}) AND p.b IN ({marks})" + order,
        [*params, *neighbours, *neighbours],
    ).fetchall()
    return spokes + among
