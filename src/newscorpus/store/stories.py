"""Stories kept between changes: ``rebuild`` clusters the events of each date whose events
changed since it last ran (``extract.events.cluster_stories``) and stores the stories.

A date's stories depend only on that date's events, their actors, and which of those are
named all over the corpus, so a date where none of these changed keeps its stories: adding
files costs the dates they touch. ``story_dates`` records what each date's stories were
built from, and a date with an event in no story (a re-ingested file whose events got their
ids back) is clustered again whatever it records. The whole is stamped with the store's
generation, as ``store.cooccurrence`` is, and ``query.timeline`` reads the tables only while
the stamp matches (else it clusters live, the same way). It runs when an ingest or a
curation command has finished writing (``Store.writing``); an ingest killed before it
leaves the stamp old, and the next finishes the work.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator, Sequence
from pathlib import Path

from newscorpus.extract.events import DatedEvent, Story, cluster_stories
from newscorpus.store.cooccurrence import generation

_SEP = "\x1f"
# An actor in more than this share of the corpus's documents (and at least EVERYWHERE_MIN)
# is never evidence that two events are one: the corpus's own main places and people.
EVERYWHERE_SHARE = 50
EVERYWHERE_MIN = 20


def is_fresh(db: sqlite3.Connection) -> bool:
    row = db.execute("SELECT value FROM store_meta WHERE key = 'stories'").fetchone()
    return row is not None and int(row[0]) == generation(db)


def everywhere(db: sqlite3.Connection) -> frozenset[int]:
    total = db.execute("SELECT count(*) FROM documents").fetchone()[0]
    limit = max(EVERYWHERE_MIN, total // EVERYWHERE_SHARE)
    rows = db.execute("SELECT id FROM actors WHERE documents > ?", (limit,))
    return frozenset(row[0] for row in rows)


_PAIR = "\x1e"
EVENT_COLUMNS = (
    "SELECT e.id, e.date, e.precision, e.text, e.document_id, d.title, d.outlet,"
    ' e.start, e."end", e.paragraph,'
    f" (SELECT group_concat(ea.actor_id || '{_PAIR}' || a.name, '{_SEP}') FROM event_actors ea"
    "  JOIN actors a ON a.id = ea.actor_id WHERE ea.event_id = e.id)"
    " FROM events e JOIN documents d ON d.id = e.document_id JOIN files f ON f.id = d.file_id"
)
# The order events are clustered in: intrinsic (file, article, offset), not ingest order.
EVENT_ORDER = " ORDER BY e.date, f.path, d.article_index, e.start, e.id"


def event_of(row: Sequence[object]) -> DatedEvent:
    """A ``DatedEvent`` from a row of ``EVENT_COLUMNS``."""
    event_id, date, precision, text, doc_id, title, outlet, start, end, paragraph, pairs = row
    actors: dict[int, str] = {}
    for pair in str(pairs).split(_SEP) if pairs else ():  # in actor id order (event_actors' key)
        actor_id, name = pair.split(_PAIR, 1)
        actors[int(actor_id)] = name
    return DatedEvent(
        date=str(date),
        precision=str(precision),
        text=" ".join(str(text).split()),
        actor_ids=tuple(actors),
        actors=tuple(actors.values()),
        document=int(str(doc_id)),
        source=str(title or outlet or ""),
        start=int(str(start)),
        end=int(str(end)),
        paragraph=int(str(paragraph)),
        id=int(str(event_id)),
    )


def stories_of_dates(
    db: sqlite3.Connection, where: str, params: Sequence[object], common: frozenset[int]
) -> Iterator[Story]:
    """Stories of the dates whose events meet ``where`` (on ``e``, ``d``), date by date."""
    rows = db.execute(f"{EVENT_COLUMNS} WHERE {where}{EVENT_ORDER}", list(params))
    group: list[DatedEvent] = []
    for row in rows:
        event = event_of(row)
        if group and group[0].date != event.date:
            yield from cluster_stories(group, common)
            group = []
        group.append(event)
    yield from cluster_stories(group, common)


def rebuild(db: sqlite3.Connection) -> int:
    """Re-cluster the dates whose events changed (module docstring); one transaction.
    Returns the number of dates clustered again."""
    stamp = generation(db)
    db.execute("BEGIN IMMEDIATE")
    try:
        common = everywhere(db)
        db.execute("DROP TABLE IF EXISTS temp.changed_dates")
        db.execute("DROP TABLE IF EXISTS temp.common_actors")
        db.execute("CREATE TEMP TABLE common_actors (id INTEGER PRIMARY KEY)")
        db.executemany("INSERT INTO temp.common_actors VALUES (?)", [(a,) for a in common])
        # What a date's stories depend on: its events, their actors (ids change when
        # actors merge), and which of those count as named all over the corpus.
        db.execute(
            "CREATE TEMP TABLE changed_dates AS SELECT e.date,"
            " count(DISTINCT e.id) || ':' || (SELECT sum(x.id) FROM events x"
            "  WHERE x.date = e.date) || ':' || coalesce(sum(ea.actor_id), 0) || ':'"
            " || coalesce(sum(ea.actor_id * (ea.actor_id IN temp.common_actors)), 0)"
            " AS built_from FROM events e LEFT JOIN event_actors ea ON ea.event_id = e.id"
            " GROUP BY e.date"
        )
        db.execute(
            "DELETE FROM temp.changed_dates WHERE (date, built_from) IN"
            " (SELECT date, built_from FROM story_dates)"
            # a re-ingested file can get its event ids back: its events are in no story
            " AND date NOT IN (SELECT e.date FROM events e WHERE NOT EXISTS"
            "  (SELECT 1 FROM story_events se WHERE se.event = e.id))"
        )
        gone = (
            "date IN (SELECT date FROM temp.changed_dates) OR date NOT IN (SELECT date FROM events)"
        )
        db.execute(f"DELETE FROM story_events WHERE story IN (SELECT id FROM stories WHERE {gone})")
        db.execute(f"DELETE FROM stories WHERE {gone}")
        db.execute("DELETE FROM story_dates WHERE date NOT IN (SELECT date FROM events)")
        changed = db.execute("SELECT count(*) FROM temp.changed_dates").fetchone()[0]
        if changed:
            for story in _clustered(db, common):
                _insert(db, story)
            db.execute(
                "INSERT OR REPLACE INTO story_dates SELECT date, built_from FROM temp.changed_dates"
            )
        db.execute("DROP TABLE IF EXISTS temp.changed_dates")
        db.execute("DROP TABLE IF EXISTS temp.common_actors")
        db.execute("INSERT OR REPLACE INTO store_meta VALUES ('stories', ?)", (stamp,))
        db.execute("COMMIT")
    except BaseException:
        db.execute("ROLLBACK")
        raise
    return int(changed)


# Above this many events to cluster, the dates are shared among processes (the clustering
# of one date depends on that date's events only, so the stories are the same).
PARALLEL_EVENTS = 5_000


def _clustered(db: sqlite3.Connection, common: frozenset[int]) -> Iterator[Story]:
    """The stories of ``temp.changed_dates``, date by date in date order."""
    sizes = db.execute(
        "SELECT e.date, count(*) FROM events e WHERE e.date IN (SELECT date FROM"
        " temp.changed_dates) GROUP BY e.date ORDER BY e.date"
    ).fetchall()
    workers = min(2, os.cpu_count() or 1)
    path = db.execute("PRAGMA database_list").fetchone()[2]
    if workers < 2 or not path or sum(n for _date, n in sizes) < PARALLEL_EVENTS:
        yield from stories_of_dates(
            db, "e.date IN (SELECT date FROM temp.changed_dates)", (), common
        )
        return
    # balanced shares: the largest dates first, each to the share with fewest events
    shares: list[list[str]] = [[] for _ in range(workers)]
    loads = [0] * workers
    for date, n in sorted(sizes, key=lambda row: -row[1]):
        least = loads.index(min(loads))
        shares[least].append(date)
        loads[least] += n
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork")) as pool:
        found: dict[str, list[Story]] = {}
        for part in pool.map(_cluster_share, [(path, share, common) for share in shares]):
            found.update(part)
    for date, _n in sizes:
        yield from found.get(date, [])


def _cluster_share(job: tuple[str, list[str], frozenset[int]]) -> dict[str, list[Story]]:
    """In a worker: the stories of some dates, read through a connection of its own."""
    path, dates, common = job
    db = sqlite3.connect(f"{Path(path).as_uri()}?mode=ro", uri=True)
    try:
        db.execute("CREATE TEMP TABLE share (date TEXT PRIMARY KEY)")
        db.executemany("INSERT INTO share VALUES (?)", [(date,) for date in dates])
        found: dict[str, list[Story]] = {}
        for story in stories_of_dates(db, "e.date IN (SELECT date FROM temp.share)", (), common):
            found.setdefault(story.shown.date, []).append(story)
        return found
    finally:
        db.close()


def _insert(db: sqlite3.Connection, story: Story) -> None:
    cursor = db.execute(
        "INSERT INTO stories (date, precision, shown, documents, events) VALUES (?,?,?,?,?)",
        (
            story.shown.date,
            story.shown.precision,
            story.shown.id,
            len(story.documents()),
            len(story.members),
        ),
    )
    db.executemany(
        "INSERT INTO story_events (story, event) VALUES (?, ?)",
        [(cursor.lastrowid, member.id) for member in story.members],
    )
