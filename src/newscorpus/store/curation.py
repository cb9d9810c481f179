"""Curation: a person's decisions about actor identity, kept in the store and re-applied.

A decision names actors by name, not by id (ids change when files are ingested again):

- ``merge A B``: B is the same actor as A;
- ``split A X``: the mentions of A written X (or resolved to the name X) are another actor;
- ``rename A NEW``: A is shown as NEW;
- ``drop A``: A is not an actor (its row leaves every listing; its mentions stay, so
  ``actor --why`` can still explain them).

Decisions are applied when they are made and again, in the order they were made, every
time the writer commits (``apply_all``), so they survive a re-ingest and cover documents
ingested later. Applying is idempotent: a decision already in effect changes nothing.
A team keeps its decisions in a TSV file (``export_tsv`` / ``import_tsv``).
"""

from __future__ import annotations

import csv
import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from newscorpus.errors import DoesNotExist, InputError, NewsCorpusError
from newscorpus.store.identity import ActorIdentity, find_by_name

ACTIONS = ("merge", "split", "rename", "drop")
TSV_FIELDS = ("action", "type", "name", "value", "created_at")


@dataclass(frozen=True, slots=True)
class Decision:
    action: str  # merge | split | rename | drop
    name: str  # the actor decided about (any of its names)
    value: str | None = None  # merge: the other actor; split: the alias; rename: the new name
    type: str | None = None  # person | organization | place, or any
    created_at: str = ""
    id: int | None = None


def _check(decision: Decision) -> None:
    if decision.action not in ACTIONS:
        raise NewsCorpusError(f"unknown curation action {decision.action!r} ({', '.join(ACTIONS)})")
    if decision.action != "drop" and not decision.value:
        raise NewsCorpusError(f"curate {decision.action} needs a second name")


def record(db: sqlite3.Connection, identity: ActorIdentity, decision: Decision) -> Decision:
    """Check a decision against the store, keep it, and apply it (inside the writer)."""
    _check(decision)
    actor_id = find_by_name(db, decision.name, decision.type, dropped=True)
    if actor_id is None:
        raise DoesNotExist(f"no actor called {decision.name!r}; `newscorpus actors` lists them")
    if decision.action == "merge" and find_by_name(db, str(decision.value), None) is None:
        raise DoesNotExist(f"no actor called {decision.value!r} to merge")
    if decision.action == "split":
        written = db.execute(
            "SELECT count(*) FROM mentions WHERE actor_id = ? AND (text = ? OR name = ?)",
            (actor_id, decision.value, decision.value),
        ).fetchone()[0]
        if not written:
            raise DoesNotExist(
                f"{decision.name!r} has no mention written {decision.value!r}; "
                f"`newscorpus actor {decision.name}` lists its aliases"
            )
    created = decision.created_at or datetime.now(UTC).isoformat(timespec="seconds")
    cursor = db.execute(
        "INSERT INTO curation (action, type, name, value, created_at) VALUES (?, ?, ?, ?, ?)",
        (decision.action, decision.type, decision.name, decision.value, created),
    )
    kept = Decision(
        decision.action, decision.name, decision.value, decision.type, created,
        int(cursor.lastrowid or 0),
    )  # fmt: skip
    apply(db, identity, kept)
    return kept


def decisions(db: sqlite3.Connection) -> list[Decision]:
    rows = db.execute(
        "SELECT action, name, value, type, created_at, id FROM curation ORDER BY id"
    ).fetchall()
    return [Decision(*row) for row in rows]


def apply_all(db: sqlite3.Connection, identity: ActorIdentity) -> None:
    for decision in decisions(db):
        apply(db, identity, decision)


def apply(db: sqlite3.Connection, identity: ActorIdentity, decision: Decision) -> None:
    """Put one decision into effect (nothing happens when it already is, or when the
    actors it names are not in the store yet)."""
    actor_id = find_by_name(db, decision.name, decision.type, dropped=True)
    if actor_id is None:
        return
    value = decision.value or ""
    if decision.action == "merge":
        other = find_by_name(db, value, None, dropped=True)
        if other is not None and other != actor_id:
            identity.merge(actor_id, other)
    elif decision.action == "split":
        identity.split(actor_id, value)
    elif decision.action == "rename":
        db.execute(
            "UPDATE actors SET pinned_name = ?, name = ? WHERE id = ?", (value, value, actor_id)
        )
    elif decision.action == "drop":
        db.execute("UPDATE actors SET dropped = 1 WHERE id = ?", (actor_id,))


def export_tsv(db: sqlite3.Connection, path: Path) -> int:
    """Write every decision to a TSV file; return how many."""
    found = decisions(db)
    try:
        with open(path, "w", encoding="utf-8", newline="") as handle:
            writer = csv.writer(handle, delimiter="\t", lineterminator="\n")
            writer.writerow(TSV_FIELDS)
            for d in found:
                writer.writerow([d.action, d.type or "", d.name, d.value or "", d.created_at])
    except OSError as error:
        raise InputError(str(path), error.strerror or "cannot be written") from None
    return len(found)


def read_tsv(path: Path) -> list[Decision]:
    """The decisions of a TSV file written by ``export_tsv`` (or by hand)."""
    try:
        with open(path, encoding="utf-8-sig", newline="") as handle:
            rows = list(csv.reader(handle, delimiter="\t"))
    except OSError as error:
        raise InputError(str(path), error.strerror or "cannot be read") from None
    if not rows or tuple(rows[0][:3]) != TSV_FIELDS[:3]:
        raise InputError(
            str(path), f"not a curation file (its header must be {' '.join(TSV_FIELDS)})"
        )
    found = []
    for number, row in enumerate(rows[1:], start=2):
        if not any(cell.strip() for cell in row):
            continue
        cells = [*row, "", "", "", "", ""][:5]
        decision = Decision(cells[0].strip(), cells[2].strip(), cells[3].strip() or None,
                            cells[1].strip() or None, cells[4].strip())  # fmt: skip
        try:
            _check(decision)
        except NewsCorpusError as error:
            raise InputError(str(path), f"line {number}: {error}") from None
        found.append(decision)
    return found


def import_decisions(db: sqlite3.Connection, identity: ActorIdentity, found: list[Decision]) -> int:
    """Keep and apply decisions read from a file; ones the store already has are skipped,
    and ones about actors not ingested yet wait for them. Return how many were new."""
    known = {(d.action, d.name, d.value, d.type) for d in decisions(db)}
    added = 0
    for decision in found:
        if (decision.action, decision.name, decision.value, decision.type) in known:
            continue
        created = decision.created_at or datetime.now(UTC).isoformat(timespec="seconds")
        cursor = db.execute(
            "INSERT INTO curation (action, type, name, value, created_at) VALUES (?, ?, ?, ?, ?)",
            (decision.action, decision.type, decision.name, decision.value, created),
        )
        kept = Decision(
            decision.action, decision.name, decision.value, decision.type, created,
            int(cursor.lastrowid or 0),
        )  # fmt: skip
        apply(db, identity, kept)
        known.add((decision.action, decision.name, decision.value, decision.type))
        added += 1
    return added
