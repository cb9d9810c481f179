"""Finding what a user names: a document by id, path or DOCNO; an actor by any spelling."""

from __future__ import annotations

from newscorpus.errors import DoesNotExist, NewsCorpusError
from newscorpus.store import Store
from newscorpus.store.identity import find_by_name

# a LIMIT that keeps every row, read alike by SQLite and DuckDB (SQLite's -1 is an error there)
ALL_ROWS = 2**63 - 1


def document_id(store: Store, ref: str) -> int:
    """A document by id, by stored path (``path#N`` for the N-th article) or by DOCNO."""
    db = store.db
    if ref.isdigit():
        row = db.execute("SELECT id FROM documents WHERE id = ?", (int(ref),)).fetchone()
        if row:
            return int(row[0])
    path, _, index = ref.rpartition("#") if "#" in ref else (ref, "", "")
    rows = db.execute(
        "SELECT d.id FROM documents d JOIN files f ON d.file_id = f.id"
        " WHERE (f.path = ? OR f.path LIKE ?) AND (? = '' OR d.article_index = ?)"
        " ORDER BY f.path, d.article_index",
        (path, f"%/{path}", index, int(index or 0)),
    ).fetchall()
    if not rows:
        rows = db.execute("SELECT id FROM documents WHERE external_id = ?", (ref,)).fetchall()
    if not rows:
        raise DoesNotExist(f"no document {ref!r} in the store; `newscorpus documents` lists them")
    if len(rows) > 1 and not index:
        raise NewsCorpusError(
            f"{ref!r} holds {len(rows)} articles; name one as {ref}#0 … {ref}#{len(rows) - 1}"
            f" or by id ({', '.join(str(r[0]) for r in rows)})"
        )
    return int(rows[0][0])


def find_actor(store: Store, name: str) -> int:
    """An actor by any of its names or spellings (``store.identity.find_by_name``)."""
    actor_id = find_by_name(store.db, name, None)
    if actor_id is None:
        dropped = find_by_name(store.db, name, None, dropped=True)
        if dropped is not None:
            raise DoesNotExist(f"{name!r} was dropped by curation; `newscorpus curate list`")
        raise DoesNotExist(f"no actor called {name!r}; `newscorpus actors` lists them")
    return actor_id
