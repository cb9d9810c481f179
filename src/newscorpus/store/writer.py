"""Writing analyzed files into the store: the rows of files, documents and what was found.

Rows only: which corpus actor a mention belongs to is ``ActorIdentity``'s decision
(``store.identity``); the writer hands it each document's actors and stores the ids it
gets back. Publication dates are decided by ``models.effective_publication``.
"""

from __future__ import annotations

import bisect
import hashlib
import json
import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime

from newscorpus.models import Analysis, Document, effective_publication
from newscorpus.store.identity import ActorIdentity

PARAGRAPH_BITS = 20  # search_index rowid: document_id << 20 | paragraph index


@dataclass(frozen=True, slots=True)
class FileRecord:
    path: str
    size: int
    mtime_ns: int
    digest: str


class Writer:
    """Batches files into transactions; ``commit`` makes a batch durable."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self.db = db
        self.identity = ActorIdentity(db)
        self._file_id: int | None = None
        self.changed = False  # something was committed
        self.aborted = False

    # -- transactions -----------------------------------------------------------------
    def begin(self) -> None:
        """Open a transaction (the writer's methods open one themselves when needed)."""
        self._begin()

    def _begin(self) -> None:
        if not self.db.in_transaction:
            self.db.execute("BEGIN IMMEDIATE")

    def commit(self) -> None:
        if self.db.in_transaction:
            self.identity.refresh()
            # Curation decisions name actors; re-applied after every batch, they cover
            # what this batch added and what a re-ingest recreated (store.curation).
            from newscorpus.store.curation import apply_all

            apply_all(self.db, self.identity)
            self.identity.refresh()
            self.db.execute(
                "INSERT INTO store_meta VALUES ('generation', 1)"
                " ON CONFLICT (key) DO UPDATE SET value = value + 1"
            )
            self.changed = True
            self.db.execute("COMMIT")

    flush = commit

    def abort(self) -> None:
        self.aborted = True
        if self.db.in_transaction:
            self.db.execute("ROLLBACK")
        self.identity.forget()

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
        """Store one document of the file opened by ``begin_file``, with its analysis."""
        doc_id = self._insert_document(document, analysis)
        self._insert_paragraphs(doc_id, document)
        self._insert_terms(doc_id, analysis)
        self.identity.document_id = doc_id
        named = [(m.actor or m.text, m.type) for m in analysis.mentions]
        actor_ids = self.identity.resolve(named)
        self._insert_mentions(doc_id, document.text, analysis, actor_ids)
        self.identity.added((actor_ids[pair], pair[0]) for pair in named)
        by_name = {name: actor_id for (name, _type), actor_id in actor_ids.items()}
        claim_ids = self._insert_claims(doc_id, analysis, by_name)
        self._insert_dates(doc_id, document.text, analysis)
        self._insert_events(doc_id, analysis, by_name, claim_ids)

    def _delete_file(self, path: str) -> None:
        row = self.db.execute("SELECT id FROM files WHERE path = ?", (path,)).fetchone()
        if row is None:
            return
        actor_rows = self.db.execute(
            "SELECT DISTINCT m.actor_id FROM mentions m JOIN documents d"
            " ON m.document_id = d.id WHERE d.file_id = ?",
            (row[0],),
        )
        self.identity.touch(actor_id for (actor_id,) in actor_rows)
        self.db.executemany(
            "DELETE FROM search_index WHERE rowid >= ? AND rowid < ?",
            [
                (doc_id << PARAGRAPH_BITS, (doc_id + 1) << PARAGRAPH_BITS)
                for (doc_id,) in self.db.execute(
                    "SELECT id FROM documents WHERE file_id = ?", (row[0],)
                ).fetchall()
            ],
        )
        self.db.execute("DELETE FROM files WHERE id = ?", (row[0],))

    # -- rows of one document -----------------------------------------------------------
    def _insert_document(self, document: Document, analysis: Analysis) -> int:
        published, date_source = effective_publication(document, analysis)
        cursor = self.db.execute(
            "INSERT INTO documents (file_id, article_index, external_id, title, published,"
            " date_source, outlet, url, encoding, content_hash, offset_in_file, text, metadata)"
            " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (
                self._file_id,
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
                json.dumps(dict(document.metadata), ensure_ascii=False)
                if document.metadata
                else None,
            ),
        )
        return int(cursor.lastrowid or 0)

    def _insert_paragraphs(self, doc_id: int, document: Document) -> None:
        self.db.executemany(
            'INSERT INTO paragraphs (document_id, idx, start, "end", kind, duplicate_of)'
            " VALUES (?,?,?,?,?,?)",
            [
                (doc_id, p.index, p.start, p.end, p.kind, p.duplicate_of)
                for p in document.paragraphs
            ],
        )

    def _insert_terms(self, doc_id: int, analysis: Analysis) -> None:
        self.db.executemany(
            "INSERT INTO search_index (rowid, terms) VALUES (?, ?)",
            [(doc_id << PARAGRAPH_BITS | index, terms) for index, terms in analysis.terms],
        )

    # A mention's and a date's text are stored as the document has them (text[start:end]):
    # the extractors read the cleaned text, where a no-break space is a space.
    def _insert_mentions(
        self, doc_id: int, text: str, analysis: Analysis, actor_ids: dict[tuple[str, str], int]
    ) -> None:
        starts = [s.start for s in analysis.sentences]  # sentence index = position in the doc
        self.db.executemany(
            'INSERT INTO mentions (document_id, paragraph, start, "end", text, name, actor_id,'
            " role, source, resolution, sentence) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
            [
                (
                    doc_id,
                    m.paragraph,
                    m.start,
                    m.end,
                    text[m.start : m.end],
                    m.actor or m.text,
                    actor_ids[(m.actor or m.text, m.type)],
                    m.role,
                    m.source,
                    m.resolution or None,
                    max(bisect.bisect_right(starts, m.start) - 1, 0) if starts else None,
                )
                for m in analysis.mentions
            ],
        )

    def _insert_claims(self, doc_id: int, analysis: Analysis, by_name: dict[str, int]) -> list[int]:
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
            claim_ids.append(int(cursor.lastrowid or 0))
        return claim_ids

    def _insert_dates(self, doc_id: int, text: str, analysis: Analysis) -> None:
        self.db.executemany(
            'INSERT INTO dates (document_id, paragraph, start, "end", text, value, precision,'
            " reason, hijri) VALUES (?,?,?,?,?,?,?,?,?)",
            [
                (doc_id, d.paragraph, d.start, d.end, text[d.start : d.end], d.value,
                 d.precision, d.reason, d.hijri)
                for d in analysis.dates
            ],
        )  # fmt: skip

    def _insert_events(
        self, doc_id: int, analysis: Analysis, by_name: dict[str, int], claim_ids: list[int]
    ) -> None:
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
            self.db.executemany(
                "INSERT OR IGNORE INTO event_actors (event_id, actor_id) VALUES (?, ?)",
                [(cursor.lastrowid, by_name[name]) for name in event.actors if name in by_name],
            )
