"""Finding what a user names: a document by id, path or DOCNO; an actor by any spelling."""

from __future__ import annotations

from newscorpus.errors import DoesNotExist, NewsCorpusError
from newscorpus.store import Store
from newscorpus.store.identity import actor_with_key


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
    """An actor by any of its names or spellings: its alias keys first (the identity policy
    gives the keys of what the user typed), then a canonical name or a written form, then a
    canonical name whose match form equals the query's or holds it as whole words
    (بيونغ -> بيونغ يانغ), most mentioned first."""
    from newscorpus.extract.identity import name_form, query_keys

    db = store.db
    for key, actor_type in query_keys(name):
        actor_id = actor_with_key(db, key, actor_type)
        if actor_id is not None:
            return actor_id
    row = (
        db.execute(
            "SELECT id FROM actors WHERE name = ? ORDER BY mentions DESC LIMIT 1", (name,)
        ).fetchone()
        or db.execute(
            "SELECT actor_id FROM mentions WHERE text = ? OR name = ?"
            " GROUP BY actor_id ORDER BY count(*) DESC LIMIT 1",
            (name, name),
        ).fetchone()
    )
    if row:
        return int(row[0])
    wanted = name_form(name)
    row = (
        db.execute(
            "SELECT id FROM actors WHERE match_name = ? ORDER BY mentions DESC, id LIMIT 1",
            (wanted,),
        ).fetchone()
        or db.execute(
            "SELECT id FROM actors WHERE instr(' ' || match_name || ' ', ?) > 0"
            " ORDER BY mentions DESC, id LIMIT 1",
            (f" {wanted} ",),
        ).fetchone()
    )
    if row:
        return int(row[0])
    raise DoesNotExist(f"no actor called {name!r}; `newscorpus actors` lists them")
