"""Read-only questions asked of the store; each returns rows ready to render.

Rows are dicts with a stable field order (the JSON contract in the README). Heavy lifting is
done by indexes and the per-actor aggregates the writer keeps, so these answer in well
under a second on tens of thousands of articles.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from newscorpus.errors import DoesNotExist, NewsCorpusError
from newscorpus.store import Store

ALIASES_SHOWN = 12


def stats(store: Store) -> dict[str, Any]:
    db = store.db

    def count(sql: str) -> int:
        return int(db.execute(sql).fetchone()[0])

    kinds = dict(db.execute("SELECT kind, count(*) FROM paragraphs GROUP BY kind ORDER BY kind"))
    types = dict(db.execute("SELECT type, count(*) FROM actors GROUP BY type ORDER BY type"))
    first, last = db.execute("SELECT min(published), max(published) FROM documents").fetchone()
    sources = dict(db.execute("SELECT date_source, count(*) FROM documents GROUP BY 1 ORDER BY 1"))
    return {
        "database": str(store.path),
        "files": count("SELECT count(*) FROM files"),
        "documents": count("SELECT count(*) FROM documents"),
        "paragraphs": kinds,
        "repeated_paragraphs": count(
            "SELECT count(*) FROM paragraphs WHERE duplicate_of IS NOT NULL"
        ),
        "actors": types,
        "mentions": count("SELECT count(*) FROM mentions"),
        "claims": count("SELECT count(*) FROM claims"),
        "dates": count("SELECT count(*) FROM dates"),
        "events": count("SELECT count(*) FROM events"),
        "published_from": first,
        "published_to": last,
        "publication_dates": sources,
    }


def _document_id(store: Store, ref: str) -> int:
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


def documents(store: Store) -> Iterator[dict[str, Any]]:
    rows = store.db.execute(
        "SELECT d.id, f.path, d.article_index, d.title, d.published, d.date_source, d.outlet,"
        " (SELECT count(*) FROM paragraphs p WHERE p.document_id = d.id)"
        " FROM documents d JOIN files f ON d.file_id = f.id ORDER BY d.id"
    )
    for doc_id, path, index, title, published, source, outlet, paragraphs in rows:
        yield {
            "id": doc_id,
            "path": path,
            "article": index,
            "title": title,
            "published": published,
            "date_source": source,
            "outlet": outlet,
            "paragraphs": paragraphs,
        }


def show(store: Store, ref: str) -> dict[str, Any]:
    db = store.db
    doc_id = _document_id(store, ref)
    row = db.execute(
        "SELECT d.id, f.path, d.article_index, d.external_id, d.title, d.published,"
        " d.date_source, d.outlet, d.url, d.encoding, d.content_hash, d.offset_in_file, d.text"
        " FROM documents d JOIN files f ON d.file_id = f.id WHERE d.id = ?",
        (doc_id,),
    ).fetchone()
    keys = (
        "id path article external_id title published date_source outlet url encoding"
        " content_hash offset_in_file"
    ).split()
    record: dict[str, Any] = dict(zip(keys, row[:-1], strict=True))
    text = row[-1]
    counts = {
        name: db.execute(
            f"SELECT count(*) FROM {name} WHERE document_id = ?", (doc_id,)
        ).fetchone()[0]
        for name in ("mentions", "claims", "dates", "events")
    }
    record.update(counts)
    record["paragraphs"] = [
        {
            "index": idx,
            "kind": kind if duplicate_of is None else f"{kind} (repeat of {duplicate_of})",
            "start": start,
            "end": end,
            "text": text[start:end],
        }
        for idx, start, end, kind, duplicate_of in db.execute(
            'SELECT idx, start, "end", kind, duplicate_of FROM paragraphs'
            " WHERE document_id = ? ORDER BY idx",
            (doc_id,),
        )
    ]
    return record


_PROCLITICS = "وفبلك"


def _without_clitic(alias: str, others: set[str]) -> bool:
    """True when ``alias`` is another alias with a proclitic attached (للصين, وموسكو)."""
    if alias.startswith("لل") and "ال" + alias[2:] in others:
        return True
    return alias[:1] in _PROCLITICS and alias[1:] in others


def _aliases(store: Store, actor_id: int, limit: int | None = ALIASES_SHOWN) -> list[str]:
    """Spellings seen, most frequent first; forms that only add a proclitic are left out."""
    rows = store.db.execute(
        "SELECT text, count(*) AS n FROM mentions WHERE actor_id = ? GROUP BY text"
        " ORDER BY n DESC, text",
        (actor_id,),
    ).fetchall()
    seen = {text for text, _n in rows}
    aliases = [text for text, _n in rows if not _without_clitic(text, seen)]
    return aliases[:limit] if limit else aliases


def _roles(store: Store, actor_id: int, limit: int = 6) -> list[str]:
    rows = store.db.execute(
        "SELECT role, count(*) AS n FROM mentions WHERE actor_id = ? AND role IS NOT NULL"
        " GROUP BY role ORDER BY n DESC, role LIMIT ?",
        (actor_id, limit),
    )
    return [role for role, _n in rows]


def actors(
    store: Store,
    *,
    top: int | None = 20,
    actor_type: str | None = None,
    document: str | None = None,
) -> Iterator[dict[str, Any]]:
    db = store.db
    limit = top if top and top > 0 else -1
    if document is not None:
        doc_id = _document_id(store, document)
        rows = db.execute(
            "SELECT a.id, a.name, a.type, count(*) AS n, 1 FROM mentions m"
            " JOIN actors a ON a.id = m.actor_id WHERE m.document_id = ? AND (? IS NULL OR"
            " a.type = ?) GROUP BY a.id ORDER BY n DESC, a.name LIMIT ?",
            (doc_id, actor_type, actor_type, limit),
        ).fetchall()
    else:
        rows = db.execute(
            "SELECT id, name, type, mentions, documents FROM actors WHERE (? IS NULL OR type = ?)"
            " ORDER BY mentions DESC, documents DESC, name LIMIT ?",
            (actor_type, actor_type, limit),
        ).fetchall()
    for actor_id, name, kind, mentions, docs in rows:
        yield {
            "name": name,
            "type": kind,
            "mentions": mentions,
            "documents": docs,
            "aliases": _aliases(store, actor_id),
            "roles": _roles(store, actor_id),
            "id": actor_id,
        }


def find_actor(store: Store, name: str) -> int:
    """An actor by any of its names or spellings (canonical name, alias, or written form)."""
    from newscorpus.arabic import match_form, strip_clitics
    from newscorpus.extract.identity import alias_keys

    db = store.db
    first, _, rest = name.strip().partition(" ")
    prefix, stem = strip_clitics(match_form(first))
    names = [name.strip()] + ([" ".join(filter(None, (stem, rest)))] if prefix else [])
    for actor_type in ("person", "organization", "place"):
        for key in (key for variant in names for key in alias_keys(variant, actor_type)):
            row = db.execute(
                "SELECT actor_id FROM actor_keys WHERE key = ? AND type = ?", (key, actor_type)
            ).fetchone()
            if row:
                return int(row[0])
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
    # Spelling variants of the canonical name, then a name that holds the query as whole
    # words (بيونغ -> بيونغ يانغ), most mentioned first.
    wanted = match_form(name)
    partial = None
    for actor_id, actor_name in db.execute("SELECT id, name FROM actors ORDER BY mentions DESC"):
        form = match_form(actor_name)
        if form == wanted:
            return int(actor_id)
        if partial is None and f" {wanted} " in f" {form} ":
            partial = int(actor_id)
    if partial is not None:
        return partial
    raise DoesNotExist(f"no actor called {name!r}; `newscorpus actors` lists them")


def actor(store: Store, name: str) -> dict[str, Any]:
    """One actor: aliases, roles, mentions per document, co-occurring actors, claims."""
    db = store.db
    actor_id = find_actor(store, name)
    canonical, kind, mentions, docs = db.execute(
        "SELECT name, type, mentions, documents FROM actors WHERE id = ?", (actor_id,)
    ).fetchone()
    per_document = [
        {"document": doc_id, "title": title, "published": published, "mentions": n}
        for doc_id, title, published, n in db.execute(
            "SELECT d.id, d.title, d.published, count(*) AS n FROM mentions m"
            " JOIN documents d ON d.id = m.document_id WHERE m.actor_id = ?"
            " GROUP BY d.id ORDER BY n DESC, d.id LIMIT 50",
            (actor_id,),
        )
    ]
    with_actors = [
        {"name": other, "type": other_type, "documents": n}
        for other, other_type, n in db.execute(
            "SELECT a.name, a.type, count(DISTINCT m2.document_id) AS n"
            " FROM mentions m1 JOIN mentions m2 ON m1.document_id = m2.document_id"
            " JOIN actors a ON a.id = m2.actor_id"
            " WHERE m1.actor_id = ? AND m2.actor_id != ?"
            " GROUP BY a.id ORDER BY n DESC, a.mentions DESC LIMIT 10",
            (actor_id, actor_id),
        )
    ]
    return {
        "name": canonical,
        "type": kind,
        "mentions": mentions,
        "documents": docs,
        "aliases": _aliases(store, actor_id, limit=None),
        "roles": _roles(store, actor_id, limit=20),
        "by_document": per_document,
        "appears_with": with_actors,
        "claims": list(claims(store, speaker_id=actor_id, limit=50)),
    }


def claims(
    store: Store,
    *,
    speaker: str | None = None,
    about: str | None = None,
    document: str | None = None,
    kind: str | None = None,
    speaker_id: int | None = None,
    limit: int | None = None,
) -> Iterator[dict[str, Any]]:
    """Claims in document order, filtered by speaker, subject actor, document or kind."""
    where: list[str] = ["1"]
    params: list[object] = []
    if speaker is not None:
        try:
            speaker_id = find_actor(store, speaker)
        except DoesNotExist:
            where.append("c.speaker LIKE ?")  # unnamed speakers: خبراء، مسؤولون ...
            params.append(f"%{speaker}%")
    if speaker_id is not None:
        where.append("c.speaker_actor_id = ?")
        params.append(speaker_id)
    if about is not None:
        where.append(
            "EXISTS (SELECT 1 FROM mentions m WHERE m.document_id = c.document_id"
            ' AND m.actor_id = ? AND m.start >= c.content_start AND m."end" <= c.content_end)'
        )
        params.append(find_actor(store, about))
    if document is not None:
        where.append("c.document_id = ?")
        params.append(_document_id(store, document))
    if kind is not None:
        where.append("c.kind = ?")
        params.append(kind)
    params.append(limit or -1)
    rows = store.db.execute(
        "SELECT c.speaker, a.name, c.cue, c.content, c.kind, c.via, c.document_id, c.paragraph,"
        ' c.start, c."end", d.published, d.title FROM claims c'
        " JOIN documents d ON d.id = c.document_id"
        " LEFT JOIN actors a ON a.id = c.speaker_actor_id"
        f" WHERE {' AND '.join(where)} ORDER BY c.document_id, c.start LIMIT ?",
        params,
    )
    for (
        speaker_,
        actor_name,
        cue,
        content,
        kind_,
        via,
        doc_id,
        paragraph,
        start,
        end,
        date,
        title,
    ) in rows:
        yield {
            "speaker": speaker_,
            "speaker_actor": actor_name,
            "cue": cue,
            "content": content,
            "kind": kind_,
            "via": via,
            "document": doc_id,
            "paragraph": paragraph,
            "start": start,
            "end": end,
            "date": date,
            "title": title,
        }
