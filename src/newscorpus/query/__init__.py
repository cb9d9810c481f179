"""Read functions over the store, each returning frozen dataclasses (the JSON contract).

Heavy lifting is done by indexes and the per-actor aggregates the writer keeps, so these
answer in well under a second on tens of thousands of articles.
"""

from newscorpus.query.actors import ActorProfile, ActorRow, actor, actors
from newscorpus.query.claims import ClaimRow, claims
from newscorpus.query.documents import DocumentRecord, DocumentRow, Stats, documents, show, stats
from newscorpus.query.lookup import document_id, find_actor
from newscorpus.query.timeline import TimelineEntry, timeline

__all__ = [
    "ActorProfile",
    "ActorRow",
    "ClaimRow",
    "DocumentRecord",
    "DocumentRow",
    "Stats",
    "TimelineEntry",
    "actor",
    "actors",
    "claims",
    "document_id",
    "documents",
    "find_actor",
    "show",
    "stats",
    "timeline",
]
