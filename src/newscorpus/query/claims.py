"""Claims in the store: who said what, filtered by speaker, subject, document or kind."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from newscorpus.errors import DoesNotExist
from newscorpus.query.lookup import ALL_ROWS, document_id, find_actor
from newscorpus.store import Store

# Claims (``c``) whose words name an actor (the parameter): found from the actor's
# mentions, so a much-named actor costs its mentions, not a pass over every claim.
ABOUT = (
    "c.id IN (SELECT w.id FROM mentions m JOIN claims w ON w.document_id = m.document_id"
    ' AND m.start >= w.content_start AND m."end" <= w.content_end WHERE m.actor_id = ?)'
)


@dataclass(frozen=True, slots=True)
class ClaimRow:
    speaker: str
    speaker_actor: str | None
    cue: str
    content: str
    kind: str
    via: str | None
    document: int
    paragraph: int
    start: int
    end: int
    date: str | None
    title: str | None


def claims(
    store: Store,
    *,
    speaker: str | None = None,
    about: str | None = None,
    document: str | None = None,
    kind: str | None = None,
    speaker_id: int | None = None,
    limit: int | None = None,
) -> Iterator[ClaimRow]:
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
        where.append(ABOUT)
        params.append(find_actor(store, about))
    if document is not None:
        where.append("c.document_id = ?")
        params.append(document_id(store, document))
    if kind is not None:
        where.append("c.kind = ?")
        params.append(kind)
    params.append(limit or ALL_ROWS)
    rows = store.db.execute(
        "SELECT c.speaker, a.name, c.cue, c.content, c.kind, c.via, c.document_id, c.paragraph,"
        ' c.start, c."end", d.published, d.title FROM claims c'
        " JOIN documents d ON d.id = c.document_id"
        " LEFT JOIN actors a ON a.id = c.speaker_actor_id"
        f" WHERE {' AND '.join(where)} ORDER BY c.document_id, c.start, c.id LIMIT ?",
        params,
    )
    for row in rows:
        yield ClaimRow(*row)
