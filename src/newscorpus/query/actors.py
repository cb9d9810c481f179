"""Actors in the store: the ranked list, and one actor's profile."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from newscorpus.query.claims import ClaimRow, claims
from newscorpus.query.export import one_read
from newscorpus.query.lookup import ALL_ROWS, document_id, find_actor
from newscorpus.store import Store

ALIASES_SHOWN = 12


@dataclass(frozen=True, slots=True)
class ActorRow:
    name: str
    type: str
    mentions: int
    documents: int
    aliases: tuple[str, ...]
    roles: tuple[str, ...]
    ambiguous: bool  # the row may stand for several actors (a bare name, a homograph)
    id: int


@dataclass(frozen=True, slots=True)
class ActorDocument:
    document: int
    title: str | None
    published: str | None
    mentions: int


@dataclass(frozen=True, slots=True)
class CoActor:
    name: str
    type: str
    documents: int


@dataclass(frozen=True, slots=True)
class ActorProfile:
    name: str
    type: str
    mentions: int
    documents: int
    ambiguous: bool
    aliases: tuple[str, ...]
    roles: tuple[str, ...]
    by_document: tuple[ActorDocument, ...]
    appears_with: tuple[CoActor, ...]
    claims: tuple[ClaimRow, ...]


def aliases(store: Store, actor_id: int, limit: int | None = ALIASES_SHOWN) -> tuple[str, ...]:
    """Spellings seen, in display form (``identity.display_name``: no presentation forms,
    tatweel or diacritics), most frequent first; forms that only add a proclitic are left
    out."""
    from newscorpus.extract.identity import display_name, is_clitic_variant

    counts: dict[str, int] = {}
    for text, n in store.db.execute(
        "SELECT text, count(*) FROM mentions WHERE actor_id = ? GROUP BY text", (actor_id,)
    ):
        shown_as = display_name(text)
        counts[shown_as] = counts.get(shown_as, 0) + n
    ordered = sorted(counts, key=lambda form: (-counts[form], form))
    seen = set(ordered)
    shown = [form for form in ordered if not is_clitic_variant(form, seen)]
    return tuple(shown[:limit] if limit else shown)


def roles(store: Store, actor_id: int, limit: int = 6) -> tuple[str, ...]:
    rows = store.db.execute(
        "SELECT role, count(*) AS n FROM mentions WHERE actor_id = ? AND role IS NOT NULL"
        " GROUP BY role ORDER BY n DESC, role LIMIT ?",
        (actor_id, limit),
    )
    return tuple(role for role, _n in rows)


def actors(
    store: Store,
    *,
    top: int | None = 20,
    actor_type: str | None = None,
    document: str | None = None,
) -> Iterator[ActorRow]:
    """Actors, most mentioned first (in the whole corpus, or in one document)."""
    db = store.db
    limit = top if top and top > 0 else ALL_ROWS
    if document is not None:
        rows = db.execute(
            "SELECT a.id, a.name, a.type, count(*) AS n, 1, a.ambiguous FROM mentions m"
            " JOIN actors a ON a.id = m.actor_id WHERE m.document_id = ? AND (? IS NULL OR"
            " a.type = ?) AND NOT a.dropped GROUP BY a.id, a.name, a.type, a.ambiguous"
            " ORDER BY n DESC, a.name, a.id LIMIT ?",
            (document_id(store, document), actor_type, actor_type, limit),
        ).fetchall()
    else:
        rows = db.execute(
            "SELECT id, name, type, mentions, documents, ambiguous FROM actors"
            " WHERE (? IS NULL OR type = ?) AND NOT dropped"
            " ORDER BY mentions DESC, documents DESC, name, id LIMIT ?",
            (actor_type, actor_type, limit),
        ).fetchall()
    for actor_id, name, kind, mentions, docs, ambiguous in rows:
        yield ActorRow(
            name,
            kind,
            mentions,
            docs,
            aliases(store, actor_id),
            roles(store, actor_id),
            bool(ambiguous),
            actor_id,
        )


@one_read
def actor(store: Store, name: str) -> ActorProfile:
    """One actor: aliases, roles, mentions per document, co-occurring actors, claims."""
    db = store.db
    actor_id = find_actor(store, name)
    canonical, kind, mentions, docs, ambiguous = db.execute(
        "SELECT name, type, mentions, documents, ambiguous FROM actors WHERE id = ?",
        (actor_id,),
    ).fetchone()
    per_document = db.execute(
        "SELECT d.id, d.title, d.published, count(*) AS n FROM mentions m"
        " JOIN documents d ON d.id = m.document_id WHERE m.actor_id = ?"
        " GROUP BY d.id, d.title, d.published ORDER BY n DESC, d.id LIMIT 50",
        (actor_id,),
    )
    with_actors = db.execute(
        "WITH docs AS (SELECT DISTINCT document_id FROM mentions WHERE actor_id = ?),"
        " pairs AS (SELECT m.actor_id AS other, count(DISTINCT m.document_id) AS n"
        " FROM docs JOIN mentions m ON m.document_id = docs.document_id"
        " WHERE m.actor_id != ? GROUP BY m.actor_id)"
        " SELECT a.name, a.type, p.n FROM pairs p JOIN actors a ON a.id = p.other"
        " WHERE NOT a.dropped ORDER BY p.n DESC, a.mentions DESC, a.id LIMIT 10",
        (actor_id, actor_id),
    )
    return ActorProfile(
        name=canonical,
        type=kind,
        mentions=mentions,
        documents=docs,
        ambiguous=bool(ambiguous),
        aliases=aliases(store, actor_id, limit=None),
        roles=roles(store, actor_id, limit=20),
        by_document=tuple(ActorDocument(*row) for row in per_document),
        appears_with=tuple(CoActor(*row) for row in with_actors),
        claims=tuple(claims(store, speaker_id=actor_id, limit=50)),
    )


@dataclass(frozen=True, slots=True)
class AliasEvidence:
    """Why one written form belongs to an actor: how its mentions were resolved in their
    documents, and how the names they resolved to joined the actor across the corpus."""

    alias: str
    mentions: int
    in_document: tuple[str, ...]  # e.g. "lexicon", "full name in the document: دونالد ترامب"
    across_corpus: tuple[str, ...]  # e.g. "lexicon: دونالد ترامب", "spelling variant of X"
    documents: tuple[int, ...]  # the first documents it appears in


@dataclass(slots=True)
class _Gathered:
    mentions: int = 0
    in_document: dict[str, None] = field(default_factory=dict)
    across_corpus: dict[str, None] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class ActorWhy:
    name: str
    type: str
    mentions: int
    documents: int
    ambiguous: bool
    why: tuple[AliasEvidence, ...]


@one_read
def why(store: Store, name: str) -> ActorWhy:
    """An actor and, for each of its written forms, the evidence that joined it."""
    db = store.db
    actor_id = find_actor(store, name)
    canonical, kind, mentions, docs, ambiguous = db.execute(
        "SELECT name, type, mentions, documents, ambiguous FROM actors WHERE id = ?",
        (actor_id,),
    ).fetchone()
    joined = dict(
        db.execute("SELECT name, evidence FROM actor_names WHERE actor_id = ?", (actor_id,))
    )
    gathered: dict[str, _Gathered] = {}
    for text, doc_name, resolution, count in db.execute(
        "SELECT text, name, coalesce(resolution, ''), count(*) FROM mentions"
        " WHERE actor_id = ? GROUP BY text, name, resolution ORDER BY text, name, resolution",
        (actor_id,),
    ):
        entry = gathered.setdefault(text, _Gathered())
        entry.mentions += count
        how = resolution or "as written"
        if doc_name != text and how != "lexicon":
            how = f"{how}: {doc_name}"
        entry.in_document[how] = None
        evidence = joined.get(doc_name, "joined before evidence was kept")
        entry.across_corpus[f"{doc_name} ({evidence})"] = None
    found = []
    for text, entry in sorted(gathered.items(), key=lambda item: (-item[1].mentions, item[0])):
        documents = db.execute(
            "SELECT DISTINCT document_id FROM mentions WHERE actor_id = ? AND text = ?"
            " ORDER BY document_id LIMIT 3",
            (actor_id, text),
        )
        found.append(
            AliasEvidence(
                text,
                entry.mentions,
                tuple(entry.in_document),
                tuple(entry.across_corpus),
                tuple(int(d) for (d,) in documents),
            )
        )
    return ActorWhy(canonical, kind, mentions, docs, bool(ambiguous), tuple(found))
