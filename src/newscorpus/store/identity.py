"""Corpus-wide actor identity in the store: alias keys -> actors, merges, recounts.

Documents arrive with their mentions already resolved within the document
(``Mention.actor``). Here each document-level actor is matched to a corpus actor through
its alias keys, by the policy of ``newscorpus.extract.identity``: a lexicon key joins its
entry's actor; a light key (the same spelling up to trivial variation) joins an actor
unless that actor is a different lexicon entry; a folded key joins only two names the
lexicon does not know, and only when their spellings are close. Ambiguous names (a bare
given name, a homograph, a title with no country) have a key of their own and a flagged
row. Each name joining an actor is recorded with its evidence (``actor_names``), which
``actor --why`` shows. Because this runs in the single writer, in input order, the result
does not depend on how many workers analyzed the documents. Actors whose mentions changed
are recounted, their canonical name re-picked, and curation decisions re-applied
(``store.curation``) when the writer commits.
"""

from __future__ import annotations

import sqlite3
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from newscorpus.extract.identity import NameKeys


@lru_cache(maxsize=65536)
def _keys(name: str, actor_type: str) -> NameKeys:
    from newscorpus.extract.identity import name_keys

    return name_keys(name, actor_type)


def actor_with_key(db: sqlite3.Connection, key: str, actor_type: str) -> int | None:
    """The actor an alias key belongs to (the one lookup of the alias-key table)."""
    row = db.execute(
        "SELECT actor_id FROM actor_keys WHERE key = ? AND type = ?", (key, actor_type)
    ).fetchone()
    return None if row is None else int(row[0])


def _key_owner(db: sqlite3.Connection, key: str, actor_type: str) -> tuple[int, str] | None:
    row = db.execute(
        "SELECT actor_id, coalesce(name, '') FROM actor_keys WHERE key = ? AND type = ?",
        (key, actor_type),
    ).fetchone()
    return None if row is None else (int(row[0]), str(row[1]))


def find_by_name(
    db: sqlite3.Connection, name: str, actor_type: str | None, *, dropped: bool = False
) -> int | None:
    """The actor a name stands for in the store, or None: by the name's lexicon keys, then
    its spelling up to trivial variation (the identity policy gives the keys), then a
    canonical name, a name it was written or resolved as, then a canonical name whose match
    form equals the name's or holds it as whole words (بيونغ -> بيونغ يانغ). At the first
    step that finds any, the most mentioned wins, so a country comes before a one-mention
    organization of its name; a different name that merely folds alike is never found."""
    from newscorpus.extract.identity import name_form, query_keys

    types = (actor_type,) if actor_type else None
    keep = "" if dropped else " AND NOT dropped"
    pinned = {int(r[0]) for r in db.execute("SELECT id FROM actors WHERE pinned_name = ?", (name,))}
    if types is not None:
        pinned = {i for i in pinned if _type_of(db, i) in types}
    best = _most_mentioned(db, pinned, keep)  # a name a person gave wins
    if best is not None:
        return best
    for group in query_keys(name):
        found = {
            found_id
            for key, kind in group
            if types is None or kind in types
            if (found_id := actor_with_key(db, key, kind)) is not None
        }
        best = _most_mentioned(db, found, keep)
        if best is not None:
            return best
    wanted = name_form(name)
    for sql, value in (
        ("SELECT id FROM actors WHERE name = ?1 OR pinned_name = ?1", name),
        ("SELECT DISTINCT actor_id FROM mentions WHERE text = ?1 OR name = ?1", name),
        ("SELECT DISTINCT actor_id FROM actor_names WHERE name = ?1", name),
        ("SELECT id FROM actors WHERE match_name = ?1", wanted),
        ("SELECT id FROM actors WHERE instr(' ' || match_name || ' ', ?1) > 0", f" {wanted} "),
    ):
        found = {int(row[0]) for row in db.execute(sql, (value,))}
        if types is not None:
            found = {i for i in found if _type_of(db, i) in types}
        best = _most_mentioned(db, found, keep)
        if best is not None:
            return best
    return None


def _type_of(db: sqlite3.Connection, actor_id: int) -> str:
    row = db.execute("SELECT type FROM actors WHERE id = ?", (actor_id,)).fetchone()
    return "" if row is None else str(row[0])


def _most_mentioned(
    db: sqlite3.Connection, actor_ids: Iterable[int | None], keep: str = ""
) -> int | None:
    ids = [i for i in actor_ids if i is not None]
    if not ids:
        return None
    row = db.execute(
        f"SELECT id FROM actors WHERE id IN ({','.join('?' * len(ids))}){keep}"
        " ORDER BY mentions DESC, id LIMIT 1",
        ids,
    ).fetchone()
    return None if row is None else int(row[0])


@dataclass(slots=True)
class _Kept:
    """An actor's mentions by name and its documents, kept up to date between refreshes."""

    names: Counter[str]
    documents: int


class ActorIdentity:
    """Resolves document-level actors to corpus actors inside the writer's transaction."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self.db = db
        self.document_id: int | None = None  # the document being resolved, for evidence
        self._touched: set[int] = set()
        self._merged: dict[int, int] = {}
        # Name counts and document counts of much-mentioned actors, kept up to date as
        # mentions are added, so a refresh does not count their thousands of mentions again
        # at every commit. Dropped for an actor whenever its mentions change another way.
        self._counts: dict[int, _Kept] = {}
        # What this writer read or wrote of the alias keys and names, so the same key is
        # not looked up, nor the same name inserted, once per document. Emptied whenever
        # actors merge, split or go, and when the transaction is rolled back.
        self._owners: dict[tuple[str, str], tuple[int, str] | None] = {}
        # (name, type) -> the actor it resolved to, kept only while its keys lead there
        # (_settled); also emptied when an actor becomes a lexicon entry (_add_keys)
        self._resolved: dict[tuple[str, str], int] = {}
        self._entries: dict[int, tuple[str, ...]] = {}
        self._named: set[tuple[int, str]] = set()

    CACHE_LIMIT = 200_000

    def _forget_keys(self) -> None:
        self._owners.clear()
        self._resolved.clear()
        self._entries.clear()
        self._named.clear()

    def _owner(self, key: str, actor_type: str) -> tuple[int, str] | None:
        pair = (key, actor_type)
        if pair in self._owners:
            return self._owners[pair]
        if len(self._owners) > self.CACHE_LIMIT:
            self._owners.clear()
        found = self._owners[pair] = _key_owner(self.db, key, actor_type)
        return found

    def touch(self, actor_ids: Iterable[int]) -> None:
        """These actors lost or gained mentions: recount them at the next refresh."""
        for actor_id in actor_ids:
            self._touched.add(actor_id)
            self._counts.pop(actor_id, None)

    def added(self, mentions: Iterable[tuple[int, str]]) -> None:
        """``(actor_id, name)`` of the mentions just stored for a new document."""
        seen: set[int] = set()
        for actor_id, name in mentions:
            kept = self._counts.get(actor_id)
            if kept is not None:
                kept.names[name] += 1
                kept.documents += actor_id not in seen
            seen.add(actor_id)

    def forget(self) -> None:
        """Drop pending work (the transaction it belonged to was rolled back)."""
        self._touched.clear()
        self._merged.clear()
        self._counts.clear()
        self._forget_keys()

    def resolve(self, named: Iterable[tuple[str, str]]) -> dict[tuple[str, str], int]:
        """Corpus actor ids of a document's ``(name, type)`` actors, creating new ones."""
        resolved: dict[tuple[str, str], int] = {}
        known = self._resolved
        for pair in named:
            if pair not in resolved:
                actor_id = known.get(pair)
                if actor_id is None:
                    actor_id = self._resolve(*pair)
                    if self._settled(*pair, actor_id):
                        if len(known) > self.CACHE_LIMIT:
                            known.clear()
                        known[pair] = actor_id
                resolved[pair] = actor_id
        # A merge later in the loop may have retired an id handed out earlier.
        for pair, actor_id in resolved.items():
            resolved[pair] = self._live_id(actor_id)
        self._touched.update(resolved.values())
        return resolved

    def _settled(self, name: str, actor_type: str, actor_id: int) -> bool:
        """Whether ``_resolve`` would give ``actor_id`` again, with no side effect, as long
        as no actor merges, splits or goes: its keys lead there. (Not always: a name whose
        keys all belong to other actors that it may not join gets a new actor each time.)"""
        keys = _keys(name, actor_type)
        light = self._owner(keys.light, actor_type)
        if light is None or light[0] != actor_id:
            return False
        if keys.ambiguous:
            return True
        if keys.strong:
            strong = self._owner(keys.strong, actor_type)
            return strong is not None and strong[0] == actor_id
        return not self._other_entry(actor_id, None)

    def _live_id(self, actor_id: int) -> int:
        while actor_id in self._merged:
            actor_id = self._merged[actor_id]
        return actor_id

    def _resolve(self, name: str, actor_type: str) -> int:
        keys = _keys(name, actor_type)
        if keys.ambiguous:
            owner = self._owner(keys.light, actor_type)
            if owner is not None:
                return self._joined(owner[0], name, f"same ambiguous name as {owner[1]}")
            return self._new(name, actor_type, keys, ambiguous=True)
        strong = self._owner(keys.strong, actor_type) if keys.strong else None
        light = self._owner(keys.light, actor_type)
        actor_id, evidence = None, ""
        if strong is not None:
            actor_id, evidence = strong[0], f"lexicon: {keys.strong[4:]}"  # type: ignore[index]
        if (
            light is not None
            and light[0] != actor_id
            and not self._other_entry(light[0], keys.strong)
        ):
            if actor_id is None:
                actor_id, evidence = light[0], f"same spelling as {light[1]}"
            else:
                self._merge(actor_id, light[0])
        if actor_id is None and keys.fold is not None:
            folded = self._owner(keys.fold, actor_type)
            if folded is not None and self._close_unknown(folded[0], name, actor_type):
                actor_id, evidence = folded[0], f"spelling variant of {folded[1]}"
        if actor_id is None:
            return self._new(name, actor_type, keys)
        self._add_keys(actor_id, name, actor_type, keys)
        return self._joined(actor_id, name, evidence)

    def _other_entry(self, actor_id: int, strong: str | None) -> bool:
        """Whether the actor is a lexicon entry other than ``strong`` (any, for None)."""
        entries = self._entries.get(actor_id)
        if entries is None:
            if len(self._entries) > self.CACHE_LIMIT:
                self._entries.clear()
            entries = self._entries[actor_id] = tuple(
                key
                for (key,) in self.db.execute(
                    "SELECT key FROM actor_keys WHERE actor_id = ? AND key LIKE 'lex:%'",
                    (actor_id,),
                )
            )
        return any(key != strong for key in entries)

    def _close_unknown(self, actor_id: int, name: str, actor_type: str) -> bool:
        """A folded key joins a name spelled close to one of the actor's, and a place only
        into a place the lexicon does not know either."""
        from newscorpus.extract.identity import close_spelling

        if actor_type == "place" and self._other_entry(actor_id, None):
            return False
        names = self.db.execute(
            "SELECT name FROM actor_names WHERE actor_id = ?", (actor_id,)
        ).fetchall()
        return any(close_spelling(name, other) for (other,) in names)

    def _new(self, name: str, actor_type: str, keys: NameKeys, ambiguous: bool = False) -> int:
        cursor = self.db.execute(
            "INSERT INTO actors (name, type, ambiguous) VALUES (?, ?, ?)",
            (name, actor_type, int(ambiguous)),
        )
        actor_id = int(cursor.lastrowid or 0)
        self._add_keys(actor_id, name, actor_type, keys)
        evidence = "ambiguous name" if ambiguous else "first seen"
        if keys.strong:
            evidence = f"lexicon: {keys.strong[4:]}"
        return self._joined(actor_id, name, evidence)

    def _add_keys(self, actor_id: int, name: str, actor_type: str, keys: NameKeys) -> None:
        owners = self._owners
        # a key known to have an owner would be ignored: only the others are inserted
        new = [key for key in keys.all() if owners.get((key, actor_type)) is None]
        if not new:
            return
        self.db.executemany(
            "INSERT OR IGNORE INTO actor_keys (key, type, actor_id, name) VALUES (?, ?, ?, ?)",
            [(key, actor_type, actor_id, name) for key in new],
        )
        for key in new:
            if (key, actor_type) in owners:  # known to be free: now this actor's
                owners[(key, actor_type)] = (actor_id, name)
            # else unknown whether it was free; it is looked up again when needed
        self._entries.pop(actor_id, None)
        if any(key.startswith("lex:") for key in new):
            # an actor that becomes a lexicon entry no longer takes names by spelling
            # alone (_other_entry): what such names resolved to may change
            self._resolved.clear()

    def _joined(self, actor_id: int, name: str, evidence: str) -> int:
        if (actor_id, name) in self._named:
            return actor_id  # the first evidence stays (INSERT OR IGNORE)
        if len(self._named) > self.CACHE_LIMIT:
            self._named.clear()
        self._named.add((actor_id, name))
        self.db.execute(
            "INSERT OR IGNORE INTO actor_names (actor_id, name, evidence, document_id)"
            " VALUES (?, ?, ?, ?)",
            (actor_id, name, evidence, self.document_id),
        )
        return actor_id

    def merge(self, keep: int, drop: int) -> None:
        """Fold actor ``drop`` into ``keep`` (a curation decision)."""
        self._merge(keep, drop)

    def split(self, actor_id: int, alias: str) -> int | None:
        """Move the mentions of an actor written ``alias`` (or resolved to that name) to an
        actor of their own; return its id (None when the actor has no such mention)."""
        db = self.db
        kind = _type_of(db, actor_id)
        moved = db.execute(
            "SELECT id, document_id, start, name FROM mentions"
            " WHERE actor_id = ? AND (text = ? OR name = ?)",
            (actor_id, alias, alias),
        ).fetchall()
        if not moved:
            return None
        row = db.execute(
            "SELECT id FROM actors WHERE pinned_name = ? AND type = ? AND id != ?",
            (alias, kind, actor_id),
        ).fetchone()
        if row is not None:
            target = int(row[0])
        else:
            cursor = db.execute(
                "INSERT INTO actors (name, type, pinned_name) VALUES (?, ?, ?)",
                (alias, kind, alias),
            )
            target = int(cursor.lastrowid or 0)
        db.executemany(
            "UPDATE mentions SET actor_id = ? WHERE id = ?", [(target, m[0]) for m in moved]
        )
        # Keys stay: new mentions written ``alias`` join the old actor, and the decision,
        # applied again at every commit, moves them here.
        db.execute(
            "UPDATE OR REPLACE actor_names SET actor_id = ?, evidence = 'curation: split'"
            " WHERE actor_id = ? AND name = ?",
            (target, actor_id, alias),
        )
        for _id, document, start, _name in moved:
            db.execute(
                "UPDATE OR IGNORE event_actors SET actor_id = ? WHERE actor_id = ? AND event_id IN"
                ' (SELECT id FROM events WHERE document_id = ? AND start <= ? AND "end" > ?)',
                (target, actor_id, document, start, start),
            )
        for document in {m[1] for m in moved}:
            db.execute(
                "UPDATE claims SET speaker_actor_id = ? WHERE speaker_actor_id = ?"
                " AND document_id = ? AND instr(speaker, ?) > 0",
                (target, actor_id, document, alias),
            )
        self._forget_keys()
        self.touch((actor_id, target))
        return target

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
        db.execute("UPDATE OR IGNORE actor_names SET actor_id = ? WHERE actor_id = ?", (keep, drop))
        db.execute("DELETE FROM actor_names WHERE actor_id = ?", (drop,))
        db.execute("DELETE FROM actor_keys WHERE actor_id = ?", (drop,))
        db.execute("DELETE FROM actors WHERE id = ?", (drop,))
        self._forget_keys()
        self._merged[drop] = keep  # for ids handed out earlier in this document
        self._touched.discard(drop)
        self._counts.pop(drop, None)
        self.touch((keep,))

    def refresh(self) -> None:
        """Recount mentions and documents and re-pick canonical names of touched actors;
        an actor left without mentions is deleted."""
        touched = sorted(self._touched)
        self._touched.clear()
        self._merged.clear()
        if not touched:
            return
        from newscorpus.extract.identity import canonical_name, name_form

        db = self.db
        for actor_id in touched:
            counts, documents = self._counted(actor_id)
            if not counts:
                self._delete(actor_id)
                continue
            pinned = db.execute(
                "SELECT pinned_name FROM actors WHERE id = ?", (actor_id,)
            ).fetchone()[0]
            entries = [
                str(key)
                for (key,) in db.execute(
                    "SELECT substr(key, 5) FROM actor_keys WHERE actor_id = ? AND key LIKE 'lex:%'",
                    (actor_id,),
                )
            ]
            # a known actor is shown by its lexicon name (the most mentioned one, when a
            # curated merge joined two); others by their commonest full form
            known = min(entries, key=lambda e: (-counts.get(e, 0), e)) if entries else None
            name = pinned or known or canonical_name(counts)
            db.execute(
                "UPDATE actors SET name = ?, match_name = ?, mentions = ?, documents = ?"
                " WHERE id = ?",
                (name, name_form(name), sum(counts.values()), documents, actor_id),
            )

    KEEP_COUNTS = 50  # mentions from which an actor's counts are kept between refreshes

    def _counted(self, actor_id: int) -> tuple[Counter[str], int]:
        """The actor's mentions by name, and its documents: kept, or counted in the store."""
        kept = self._counts.get(actor_id)
        if kept is not None:
            return kept.names, kept.documents
        db = self.db
        counts = Counter(
            dict(
                db.execute(
                    "SELECT name, count(*) FROM mentions WHERE actor_id = ? GROUP BY name",
                    (actor_id,),
                ).fetchall()
            )
        )
        documents = 0
        if counts:
            documents = db.execute(
                "SELECT count(DISTINCT document_id) FROM mentions WHERE actor_id = ?", (actor_id,)
            ).fetchone()[0]
            if sum(counts.values()) >= self.KEEP_COUNTS:
                self._counts[actor_id] = _Kept(counts, documents)
        return counts, documents

    def _delete(self, actor_id: int) -> None:
        self._counts.pop(actor_id, None)
        self._forget_keys()
        db = self.db
        db.execute(
            "UPDATE claims SET speaker_actor_id = NULL WHERE speaker_actor_id = ?", (actor_id,)
        )
        db.execute("DELETE FROM event_actors WHERE actor_id = ?", (actor_id,))
        db.execute("DELETE FROM actor_keys WHERE actor_id = ?", (actor_id,))
        db.execute("DELETE FROM actor_names WHERE actor_id = ?", (actor_id,))
        db.execute("DELETE FROM actors WHERE id = ?", (actor_id,))
