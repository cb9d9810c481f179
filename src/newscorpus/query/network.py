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
from newscorpus.query.lookup import find_actor
from newscorpus.query.timeline import check_date
from newscorpus.store import Store

WINDOWS = {"sentence": "m.sentence", "paragraph": "m.paragraph"}
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
) -> Network:
    """The ``top`` pairs by weight (at least ``min_weight``), with their actors as nodes."""
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
    where: list[str] = ["NOT a.dropped"]
    params: list[object] = []
    if types:
        where.append(f"a.type IN ({','.join('?' * len(types))})")
        params.extend(types)
    if since is not None:
        where.append("d.published >= ?")
        params.append(check_date(since, "--since"))
    if until is not None:
        key = check_date(until, "--until")
        where.append("substr(d.published, 1, ?) <= ?")
        params.extend([len(key), key])
    date_join = " JOIN documents d ON d.id = m.document_id" if since or until else ""
    db.execute("DROP TABLE IF EXISTS temp.windows")
    db.execute(
        "CREATE TEMP TABLE windows AS SELECT DISTINCT m.document_id AS doc,"
        f" {WINDOWS[window]} AS unit, m.actor_id AS actor FROM mentions m"
        f" JOIN actors a ON a.id = m.actor_id{date_join} WHERE {' AND '.join(where)}",
        params,
    )
    try:
        db.execute("CREATE INDEX temp.windows_unit ON windows (doc, unit, actor)")
        total = db.execute("SELECT count(*) FROM (SELECT DISTINCT doc, unit FROM windows)")
        windows = int(total.fetchone()[0])
        ego = find_actor(store, actor) if actor is not None else None
        pairs = _pairs(store, ego, min_weight, top)
        ids = sorted({i for a, b, _ in pairs for i in (a, b)})
        counts = dict(
            db.execute(
                f"SELECT actor, count(*) FROM windows WHERE actor IN ({','.join('?' * len(ids))})"
                " GROUP BY actor",
                ids,
            ).fetchall()
        )
    finally:
        db.execute("DROP TABLE IF EXISTS temp.windows")
    names = {
        actor_id: (name, kind)
        for actor_id, name, kind in db.execute(
            f"SELECT id, name, type FROM actors WHERE id IN ({','.join('?' * len(ids))})", ids
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


def _pairs(
    store: Store, ego: int | None, min_weight: int, top: int | None
) -> list[tuple[int, int, int]]:
    """(actor, actor, shared windows), heaviest first, the lower id first in each pair."""
    limit = f" LIMIT {int(top)}" if top else ""
    if ego is None:
        return store.db.execute(
            "SELECT x.actor, y.actor, count(*) AS weight FROM windows x JOIN windows y"
            " ON x.doc = y.doc AND x.unit = y.unit AND x.actor < y.actor"
            " GROUP BY x.actor, y.actor HAVING weight >= ?"
            f" ORDER BY weight DESC, x.actor, y.actor{limit}",
            (min_weight,),
        ).fetchall()
    rows = store.db.execute(
        "SELECT y.actor, count(*) AS weight FROM windows x JOIN windows y"
        " ON x.doc = y.doc AND x.unit = y.unit AND x.actor <> y.actor WHERE x.actor = ?"
        f" GROUP BY y.actor HAVING weight >= ? ORDER BY weight DESC, y.actor{limit}",
        (ego, min_weight),
    ).fetchall()
    spokes = [(min(ego, other), max(ego, other), weight) for other, weight in rows]
    neighbours = [other for other, _ in rows]
    if len(neighbours) < 2:
        return spokes
    marks = ",".join("?" * len(neighbours))
    among = store.db.execute(
        "SELECT x.actor, y.actor, count(*) AS weight FROM windows x JOIN windows y"
        " ON x.doc = y.doc AND x.unit = y.unit AND x.actor < y.actor"
        f" WHERE x.actor IN ({marks}) AND y.actor IN ({marks})"
        " GROUP BY x.actor, y.actor HAVING weight >= ? ORDER BY weight DESC, x.actor, y.actor",
        (*neighbours, *neighbours, min_weight),
    ).fetchall()
    return spokes + among
