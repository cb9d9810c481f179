"""The timeline audit: a random sample of timeline entries judged by hand, re-scored
against the current store, and the corpus figures that show chaining.

``draw_sample`` picks entries (stories) at random with a fixed seed, in an order that does
not depend on ids (date, then where the shown sentence is), and writes each with what a
judge needs: the date, the sentence shown, every event with its sentence and source, the
actors. The judge adds ``date_right``, ``real_event``, ``actors_right``, ``sources_same``
(booleans) and a ``note``; ``fully_right`` is all four.

``evaluate_timeline_sample`` finds each judged entry in the current store (the story that
holds its shown sentence) and uses the judgement only if the entry is unchanged (same date,
the same events, the same actors listed); a changed entry is counted apart, to be judged
again, never scored with an old judgement.
"""

from __future__ import annotations

import json
import random
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from newscorpus.errors import InputError
from newscorpus.evaluate.scores import gold_records, ratio
from newscorpus.store import Store, stories

JUDGED = ("date_right", "real_event", "actors_right", "sources_same")
SHOWN_ACTORS = 8  # the actors an entry lists first, the ones judged


@dataclass(frozen=True, slots=True)
class Figures:
    entries: int
    over_10: int
    over_50: int
    largest: int
    outlet_actors: int  # entries listing a news outlet or agency as an actor


@dataclass(frozen=True, slots=True)
class TimelineSampleReport:
    judged: int
    unchanged: int
    changed: int  # to judge again: the entry is not what was judged
    fully_right: int
    criteria: dict[str, int]  # right per criterion, among the unchanged
    figures: Figures

    def rows(self) -> list[dict[str, object]]:
        rows: list[dict[str, object]] = [
            {"measure": "judged entries", "value": self.judged},
            {"measure": "unchanged in this store", "value": self.unchanged},
            {"measure": "changed (judge again)", "value": self.changed},
            {"measure": "fully right", "value": round(ratio(self.fully_right, self.unchanged), 4)},
        ]
        rows += [
            {"measure": name.replace("_", " "), "value": round(ratio(n, self.unchanged), 4)}
            for name, n in self.criteria.items()
        ]
        f = self.figures
        rows += [
            {"measure": "entries in the store", "value": f.entries},
            {"measure": "entries over 10 documents", "value": f.over_10},
            {"measure": "entries over 50 documents", "value": f.over_50},
            {"measure": "largest entry (documents)", "value": f.largest},
            {"measure": "entries listing an outlet as an actor", "value": f.outlet_actors},
        ]
        return rows


def _where(store: Store, event_id: int) -> tuple[str, int, int]:
    path, article, start = store.db.execute(
        "SELECT f.path, d.article_index, e.start FROM events e JOIN documents d"
        " ON d.id = e.document_id JOIN files f ON f.id = d.file_id WHERE e.id = ?",
        (event_id,),
    ).fetchone()
    return relative_path(str(path)), int(article), int(start)


def relative_path(path: str) -> str:
    """The path from the corpus folder on (``ant-v2.1/...``), so gold files travel."""
    parts = Path(path).parts
    return "/".join(parts[-4:]) if len(parts) >= 4 else path


def _entry(store: Store, story_id: int) -> dict[str, object]:
    from newscorpus.query.timeline import kept_stories

    (story,) = kept_stories(store, "SELECT ?", (story_id,))
    documents = list(story.documents())
    marks = ",".join("?" * len(documents))
    outlets = dict(
        store.db.execute(f"SELECT id, outlet FROM documents WHERE id IN ({marks})", documents)
    )
    return {
        "date": story.shown.date,
        "precision": story.shown.precision,
        "shown": list(_where(store, story.shown.id)),
        "text": story.shown.text,
        "actors": story.actors()[:SHOWN_ACTORS],
        "events": [
            {
                "where": list(_where(store, member.id)),
                "outlet": outlets.get(member.document),
                "title": member.source,
                "text": member.text,
            }
            for member in story.members
        ],
    }


def draw_sample(store: Store, count: int, seed: int) -> list[dict[str, object]]:
    """``count`` entries at random (``seed``), each as a judge reads it."""
    if not stories.is_fresh(store.db):
        raise InputError(str(store.path), "its stories are not current: run an ingest first")
    keyed = sorted(
        (date, relative_path(str(path)), article, start, story)
        for story, date, path, article, start in store.db.execute(
            "SELECT s.id, s.date, f.path, d.article_index, e.start FROM stories s"
            " JOIN events e ON e.id = s.shown JOIN documents d ON d.id = e.document_id"
            " JOIN files f ON f.id = d.file_id"
        )
    )
    chosen = random.Random(seed).sample(keyed, min(count, len(keyed)))
    return [_entry(store, row[-1]) for row in chosen]


def _signature(entry: dict[str, object]) -> tuple[object, ...]:
    events = entry["events"]
    assert isinstance(events, list)
    actors = entry["actors"]
    assert isinstance(actors, list)
    # what was judged: the date, the events, and the actors listed
    return (entry["date"], sorted(tuple(e["where"]) for e in events), tuple(actors))


def evaluate_timeline_sample(store: Store, gold: Path) -> TimelineSampleReport:
    if not stories.is_fresh(store.db):
        raise InputError(str(store.path), "its stories are not current: run an ingest first")
    judged = unchanged = fully = 0
    criteria = dict.fromkeys(JUDGED, 0)
    for number, record in gold_records(gold):
        missing = [name for name in JUDGED if not isinstance(record.get(name), bool)]
        if missing:
            raise InputError(str(gold), f"line {number}: not judged ({', '.join(missing)})")
        judged += 1
        story = _story_of(store, record["shown"], str(record["date"]))  # type: ignore[arg-type]
        if story is None or _signature(_entry(store, story)) != _signature(record):
            continue
        unchanged += 1
        fully += all(record[name] for name in JUDGED)
        for name in JUDGED:
            criteria[name] += bool(record[name])
    return TimelineSampleReport(
        judged, unchanged, judged - unchanged, fully, criteria, corpus_figures(store)
    )


def _story_of(store: Store, where: Sequence[object], date: str) -> int | None:
    """The story holding the sentence at ``where`` for ``date`` (a sentence with two
    dates is an event of each)."""
    path, article, start = where
    row = store.db.execute(
        "SELECT se.story FROM story_events se JOIN events e ON e.id = se.event"
        " JOIN documents d ON d.id = e.document_id JOIN files f ON f.id = d.file_id"
        " WHERE (f.path = ? OR f.path LIKE ?) AND d.article_index = ? AND e.start = ?"
        " AND e.date = ?",
        (path, f"%/{path}", article, start, date),
    ).fetchone()
    return int(row[0]) if row else None


def corpus_figures(store: Store) -> Figures:
    from newscorpus.extract.events import is_outlet_name

    db = store.db
    entries, over_10, over_50, largest = db.execute(
        "SELECT count(*), coalesce(sum(documents > 10), 0), coalesce(sum(documents > 50), 0),"
        " coalesce(max(documents), 0) FROM stories"
    ).fetchone()
    outlet_ids = {
        actor_id
        for actor_id, name in db.execute("SELECT id, name FROM actors")
        if is_outlet_name(str(name))
    }
    outlet_ids |= {
        row[0]
        for row in db.execute(
            "SELECT a.id FROM actors a WHERE a.name IN (SELECT DISTINCT outlet FROM documents"
            " WHERE outlet IS NOT NULL)"
        )
    }
    marks = ",".join("?" * len(outlet_ids))
    outlet_actors = (
        db.execute(
            "SELECT count(DISTINCT se.story) FROM story_events se JOIN event_actors ea"
            f" ON ea.event_id = se.event WHERE ea.actor_id IN ({marks})",
            sorted(outlet_ids),
        ).fetchone()[0]
        if outlet_ids
        else 0
    )
    return Figures(int(entries), int(over_10), int(over_50), int(largest), int(outlet_actors))


def write_sample(entries: list[dict[str, object]], path: Path) -> None:
    with path.open("w", encoding="utf-8") as handle:
        for entry in entries:
            handle.write(json.dumps(entry, ensure_ascii=False) + "\n")
