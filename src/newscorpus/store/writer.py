"""Writing analyzed files into the store, and corpus-wide actor resolution.

Documents arrive with their mentions already resolved within the document
(``Mention.actor``). Here each document-level actor is matched to a corpus actor through
its alias keys (``newscorpus.extract.identity.alias_keys``): the first key already known
gives the actor; keys that point at two different actors merge them. Because this runs in
the single writer, in input order, the result does not depend on how many workers
analyzed the documents, and an actor first seen as ترمب in one run and ترامب in a later
one is still one actor.
"""

from __future__ import annotations

import hashlib
import sqlite3
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import lru_cache

from newscorpus.models import Analysis, Document


@dataclass(frozen=True, slots=True)
class FileRecord:
    path: str
    size: int
    mtime_ns: int
    digest: str


@lru_cache(maxsize=65536)
def _alias_keys(name: str, actor_type: str) -> tuple[str, ...]:
    from newscorpus.extract.identity import alias_keys

    return tuple(alias_keys(name, actor_type))


def effective_publication(document: Document, analysis: Analysis) -> tuple[str | None, str]:
    """The publication date to store and where it came from."""
    if document.published:
        return document.published, document.date_source
    if analysis.published:
        return analysis.published, "inferred"
    return None, "unknown"


class Writer:
    """Batches files into transactions; ``commit`` makes a batch durable."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self.db = db
        self._touched: set[int] = set()
        self._merged: dict[int, int] = {}
        self._file_id: int | None = None

    # -- transactions -----------------------------------------------------------------
    def _begin(self) -> None:
        if not self.db.in_transaction:
            self.db.execute("BEGIN IMMEDIATE")

    def commit(self) -> None:
        if self.db.in_transaction:
            self._refresh_actors()
            self.db.execute("COMMIT")

    flush = commit

    def abort(self) -> None:
        if self.db.in_transaction:
            self.db.execute("ROLLBACK")
        self._touched.clear()

    # -- files ------------------------------------------------------------------------
    def known_files(self) -> dict[str, tuple[int, int, str]]:
        rows = self.db.execute("SELECT path, size, mtime_ns, digest FROM files")
        return {path: (size, mtime, digest) for path, size, mtime, digest in rows}

    def touch_file(self, record: FileRecord) -> None:
        """Same content under a new size/mtime: remember it so the next run skips fast."""
        self._begin()
        self.db.execute(
            "UPDATE files SET size = ?, mtime_ns = ? WHERE path = ?",
            (record.size, record.mtime_ns, record.path),
        )

    def begin_file(self, record: FileRecord) -> None:
        """Replace whatever the store holds for this path; its documents follow."""
        self._begin()
        self._delete_file(record.path)
        cursor = self.db.execute(
            "INSERT INTO files (path, size, mtime_ns, digest, ingested_at) VALUES (?,?,?,?,?)",
            (
                record.path,
                record.size,
                record.mtime_ns,
                record.digest,
                datetime.now(UTC).isoformat(timespec="seconds"),
            ),
        )
        self._file_id = cursor.lastrowid

    def add_document(self, document: Document, analysis: Analysis) -> None:
        """Store one document of the file opened by ``begin_file``."""
        self._write_document(self._file_id, document, analysis)

    def _delete_file(self, path: str) -> None:
        row = self.db.execute("SELECT id FROM files WHERE path = ?", (path,)).fetchone()
        if row is None:
            return
        actor_rows = self.db.execute(
            "SELECT DISTINCT m.actor_id FROM mentions m JOIN documents d"
            " ON m.document_id = d.id WHERE d.file_id = ?",
            (row[0],),
        )
        self._touched.update(actor_id for (actor_id,) in actor_rows)
        self.db.execute("DELETE FROM files WHERE id = ?", (row[0],))

    # -- documents --------------------------------------------------------------------
    def _write_document(self, file_id: int | None, document: Document, analysis: Analysis) -> None:
        published, date_source = effective_publication(document, analysis)
        cursor = self.db.execute(
            "INSERT INTO documents (file_id, article_index, external_id, title, published,"
            " date_source, outlet, url, encoding, content_hash, offset_in_file, text)"
            " VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
            (
                file_id,
                document.article_index,
                document.external_id,
                document.title,
                published,
                date_source,
                document.outlet,
                document.url,
                document.encoding,
                hashlib.blake2b(document.text.encode(), digest_size=16).hexdigest(),
                document.offset_in_file,
                document.text,
            ),
        )
        doc_id = cursor.lastrowid
        self.db.executemany(
            'INSERT INTO paragraphs (document_id, idx, start, "end", kind, duplicate_of)'
            " VALUES (?,?,?,?,?,?)",
            [
                (doc_id, p.index, p.start, p.end, p.kind, p.duplicate_of)
                for p in document.paragraphs
            ],
        )
        actor_ids = self._resolve_document_actors(
            (m.actor or m.text, m.type) for m in analysis.mentions
        )
        self.db.executemany(
            'INSERT INTO mentions (document_id, paragraph, start, "end", text, name, actor_id,'
            " role, source) VALUES (?,?,?,?,?,?,?,?,?)",
            [
                (
                    doc_id,
                    m.paragraph,
                    m.start,
                    m.end,
                    m.text,
                    m.actor or m.text,
                    actor_ids[(m.actor or m.text, m.type)],
                    m.role,
                    m.source,
                )
                for m in analysis.mentions
            ],
        )
        by_name = {name: actor_id for (name, _type), actor_id in actor_ids.items()}
        claim_ids = []
        for claim in analysis.claims:
            cursor = self.db.execute(
                'INSERT INTO claims (document_id, paragraph, start, "end", content_start,'
                " content_end, speaker, speaker_actor_id, cue, content, kind, via)"
                " VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
                (
                    doc_id,
                    claim.paragraph,
                    claim.start,
                    claim.end,
                    claim.content_start,
                    claim.content_end,
                    claim.speaker,
                    by_name.get(claim.speaker_actor) if claim.speaker_actor else None,
                    claim.cue,
                    claim.content,
                    claim.kind,
                    claim.via,
                ),
            )
            claim_ids.append(cursor.lastrowid)
        self.db.executemany(
            'INSERT INTO dates (document_id, paragraph, start, "end", text, value, precision,'
            " reason, hijri) VALUES (?,?,?,?,?,?,?,?,?)",
            [
                (
                    doc_id,
                    d.paragraph,
                    d.start,
                    d.end,
                    d.text,
                    d.value,
                    d.precision,
                    d.reason,
                    d.hijri,
                )
                for d in analysis.dates
            ],
        )
        for event in analysis.events:
            cursor = self.db.execute(
                'INSERT INTO events (document_id, paragraph, start, "end", date, precision,'
                " text, claim_id) VALUES (?,?,?,?,?,?,?,?)",
                (
                    doc_id,
                    event.paragraph,
                    event.start,
                    event.end,
                    event.date,
                    event.precision,
                    event.text,
                    claim_ids[event.claim] if event.claim is not None else None,
                ),
            )
            event_id = cursor.lastrowid
            self.db.executemany(
                "INSERT OR IGNORE INTO event_actors (event_id, actor_id) VALUES (?, ?)",
                [(event_id, by_name[name]) for name in event.actors if name in by_name],
            )

    # -- actors -----------------------------------------------------------------------
    def _resolve_document_actors(
        self, named: Iterable[tuple[str, str]]
    ) -> dict[tuple[str, str], int]:
        resolved: dict[tuple[str, str], int] = {}
        for name, actor_type in named:
            if (name, actor_type) not in resolved:
                resolved[(name, actor_type)] = self._resolve_actor(name, actor_type)
        # A merge later in the loop may have retired an id handed out earlier.
        for pair, actor_id in resolved.items():
            resolved[pair] = self._live_id(actor_id)
        self._touched.update(resolved.values())
        return resolved

    def _live_id(self, actor_id: int) -> int:
        while actor_id in self._merged:
            actor_id = self._merged[actor_id]
        return actor_id

    def _resolve_actor(self, name: str, actor_type: str) -> int:
        keys = _alias_keys(name, actor_type) or (name,)
        found: list[int] = []
        for key in keys:
            row = self.db.execute(
                "SELECT actor_id FROM actor_keys WHERE key = ? AND type = ?", (key, actor_type)
            ).fetchone()
            if row is not None and row[0] not in found:
                found.append(row[0])
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

    def _refresh_actors(self) -> None:
        """Recount mentions and documents and re-pick canonical names of touched actors."""
        touched = sorted(self._touched)
        self._touched.clear()
        self._merged.clear()
        if not touched:
            return
        from newscorpus.extract.identity import canonical_name

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
                db.execute(
                    "UPDATE claims SET speaker_actor_id = NULL WHERE speaker_actor_id = ?",
                    (actor_id,),
                )
                db.execute("DELETE FROM event_actors WHERE actor_id = ?", (actor_id,))
                db.execute("DELETE FROM actor_keys WHERE actor_id = ?", (actor_id,))
                db.execute("DELETE FROM actors WHERE id = ?", (actor_id,))
                continue
            documents = db.execute(
                "SELECT count(DISTINCT document_id) FROM mentions WHERE actor_id = ?", (actor_id,)
            ).fetchone()[0]
            db.execute(
                "UPDATE actors SET name = ?, mentions = ?, documents = ? WHERE id = ?",
                (canonical_name(counts), sum(counts.values()), documents, actor_id),
            )
