"""Corpus-wide actor identity in the store: alias keys -> actors, merges, recounts.

Documents arrive with their mentions already resolved within the document
(``Mention.actor``). Here each document-level actor is matched to a corpus actor through
its alias keys (``newscorpus.extract.identity.alias_keys``): the first key already known
gives the actor; keys that point at two different actors merge them. Because this runs in
the single writer, in input order, the result does not depend on how many workers
analyzed the documents, and an actor first seen as ترمب in one run and ترامب in a later
one is still one actor. Actors whose mentions changed are recounted, and their canonical
name re-picked, when the writer commits.
"""

from __future__ import annotations

import sqlite3
from collections import Counter
from collections.abc import Iterable
from functools import lru_cache


@lru_cache(maxsize=65536)
def _alias_keys(name: str, actor_type: str) -> tuple[str, ...]:
    from newscorpus.extract.identity import alias_keys

    return tuple(alias_keys(name, actor_type)) or (name,)


def actor_with_key(db: sqlite3.Connection, key: str, actor_type: str) -> int | None:
    """The actor an alias key belongs to (the one lookup of the alias-key table)."""
    row = db.execute(
        "SELECT actor_id FROM actor_keys WHERE key = ? AND type = ?", (key, actor_type)
    ).fetchone()
    return None if row is None else int(row[0])


class ActorIdentity:
    """Resolves document-level actors to corpus actors inside the writer's transaction."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self.db = db
        self._touched: set[int] = set()
        self._merged: dict[int, int] = {}

    def touch(self, actor_ids: Iterable[int]) -> None:
        """These actors lost or gained mentions: recount them at the next refresh."""
        self._touched.update(actor_ids)

    def forget(self) -> None:
        """Drop pending work (the transaction it belonged to was rolled back)."""
        self._touched.clear()
        self._merged.clear()

    def resolve(self, named: Iterable[tuple[str, str]]) -> dict[tuple[str, str], int]:
        """Corpus actor ids of a document's ``(name, type)`` actors, creating new ones."""
        resolved: dict[tuple[str, str], int] = {}
        for name, actor_type in named:
            if (name, actor_type) not in resolved:
                resolved[(name, actor_type)] = self._resolve(name, actor_type)
        # A merge later in the loop may have retired an id handed out earlier.
        for pair, actor_id in resolved.items():
            resolved[pair] = self._live_id(actor_id)
        self._touched.update(resolved.values())
        return resolved

    def _live_id(self, actor_id: int) -> int:
        while actor_id in self._merged:
            actor_id = self._merged[actor_id]
        return actor_id

    def _resolve(self, name: str, actor_type: str) -> int:
        keys = _alias_keys(name, actor_type)
        found: list[int] = []
        for key in keys:
            actor_id = actor_with_key(self.db, key, actor_type)
            if actor_id is not None and actor_id not in found:
                found.append(actor_id)
        if not found:
            cursor = self.db.execute(
                "INSERT INTO actors (name, type) VALUES (?, ?)", (name, actor_type)
            )
            actor_id = int(cursor.lastrowid or 0)
        else:
            actor_id = min(found)
            for other in found:
                if other != actor_id:
                    self._merge(actor_id, other)
        self.db.executemany(
            "INSERT OR IGNORE INTO actor_keys (key, type, actor_id) VALUES (?, ?, ?)",
            [(key, actor_type, actor_id) for key in keys],
        )
        return actor_id

    def _merge(self, keep: int, drop: int) -> None:
        """Two actors turned out to be one (a key links them): fold ``drop`` into ``keep``."""
        db = self.db
        db.execute("UPDATE mentions SET actor_id = ? WHERE actor_id = ?", (keep, drop))
        db.execute(
            "UPDATE claims SET speaker_actor_id = ? WHERE speaker_actor_id = ?", (keep, drop)
        )
        db.execute(
            "UPDATE OR IGNORE event_actors SET actor_id = ? WHERE actor_id = ?", (keep, drop)
        )
        db.execute("DELETE FROM event_actors WHERE actor_id = ?", (drop,))
        db.execute("UPDATE OR IGNORE actor_keys SET actor_id = ? WHERE actor_id = ?", (keep, drop))
        db.execute("DELETE FROM actor_keys WHERE actor_id = ?", (drop,))
        db.execute("DELETE FROM actors WHERE id = ?", (drop,))
        self._merged[drop] = keep  # for ids handed out earlier in this document
        self._touched.discard(drop)
        self._touched.add(keep)

    def refresh(self) -> None:
        """Recount mentions and documents and re-pick canonical names of touched actors;
        an actor left without mentions is deleted."""
        touched = sorted(self._touched)
        self.forget()
        if not touched:
            return
        from newscorpus.extract.identity import canonical_name, name_form

        db = self.db
        for actor_id in touched:
            counts = Counter(
                dict(
                    db.execute(
                        "SELECT name, count(*) FROM mentions WHERE actor_id = ? GROUP BY name",
                        (actor_id,),
                    ).fetchall()
                )
            )
            if not counts:
                self._delete(actor_id)
                continue
            documents = db.execute(
                "SELECT count(DISTINCT document_id) FROM mentions WHERE actor_id = ?", (actor_id,)
            ).fetchone()[0]
            name = canonical_name(counts)
            db.execute(
                "UPDATE actors SET name = ?, match_name = ?, mentions = ?, documents = ?"
                " WHERE id = ?",
                (name, name_form(name), sum(counts.values()), documents, actor_id),
            )

    def _delete(self, actor_id: int) -> None:
        db = self.db
        db.execute(
            "UPDATE claims SET speaker_actor_id = NULL WHERE speaker_actor_id = ?", (actor_id,)
        )
        db.execute("DELETE FROM event_actors WHERE actor_id = ?", (actor_id,))
        db.execute("DELETE FROM actor_keys WHERE actor_id = ?", (actor_id,))
        db.execute("DELETE FROM actors WHERE id = ?", (actor_id,))
