"""The records ``newscorpus report`` is made of (``query.report`` reads them).

Every item a reader may want to check (a claim, an event, a mention) carries a ``Ref``
into its article; the articles travel with the report as ``Article`` records.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from newscorpus.query.network import Network


@dataclass(frozen=True, slots=True)
class Ref:
    """A span of an article: its document, paragraph and offsets in the document's text."""

    document: int
    paragraph: int
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Count:
    name: str
    count: int


@dataclass(frozen=True, slots=True)
class Filter:
    option: str  # --actor, --since, --until, --outlet
    value: str


@dataclass(frozen=True, slots=True)
class Overview:
    documents: int
    outlets: tuple[Count, ...]  # most documents first; "" for documents with no outlet
    published_from: str | None
    published_to: str | None
    undated: int  # documents with no publication date
    paragraphs: tuple[Count, ...]  # by kind
    kept_out: int  # boilerplate and repeated paragraphs: stored, not analyzed
    actors: tuple[Count, ...]  # by type, actors named in these documents
    mentions: int
    claims: int
    dates: int
    events: int


@dataclass(frozen=True, slots=True)
class ReportClaim:
    speaker: str
    speaker_actor: str | None
    speaker_id: int | None
    cue: str
    content: str
    kind: Literal["direct", "indirect", "mixed"]
    via: str | None
    published: str | None
    title: str | None
    ref: Ref


@dataclass(frozen=True, slots=True)
class Source:
    document: int
    title: str | None
    outlet: str | None
    published: str | None


@dataclass(frozen=True, slots=True)
class ReportEvent:
    date: str
    precision: str
    text: str
    actors: tuple[str, ...]
    actor_ids: tuple[int, ...]  # the same actors' ids, in the same order
    documents: int  # how many articles tell it
    sources: tuple[Source, ...]  # the first SOURCES_SHOWN of them
    ref: Ref  # the sentence shown


@dataclass(frozen=True, slots=True)
class ReportMention:
    text: str
    ref: Ref


@dataclass(frozen=True, slots=True)
class Profile:
    id: int
    name: str
    type: str
    mentions: int  # in the report's documents
    documents: int
    ambiguous: bool
    aliases: tuple[str, ...]
    roles: tuple[str, ...]
    trend: tuple[Count, ...]  # mentions per month of publication
    claims: tuple[ReportClaim, ...]  # what it said
    said_about: tuple[ReportClaim, ...]  # what others said with it in the words
    events: tuple[ReportEvent, ...]
    seen_in: tuple[ReportMention, ...]


@dataclass(frozen=True, slots=True)
class Speaker:
    id: int
    name: str
    claims: int
    direct: int
    shown: tuple[ReportClaim, ...]


@dataclass(frozen=True, slots=True)
class Mark:
    start: int
    end: int
    kind: Literal["mention", "claim", "date"]
    label: str  # the actor, the speaker, or the date's value


@dataclass(frozen=True, slots=True)
class ArticleParagraph:
    index: int
    kind: str
    start: int
    text: str


@dataclass(frozen=True, slots=True)
class Article:
    id: int
    title: str | None
    outlet: str | None
    published: str | None
    paragraphs: tuple[ArticleParagraph, ...]  # repeats left out
    marks: tuple[Mark, ...]


@dataclass(frozen=True, slots=True)
class Report:
    title: str
    generated: str  # ISO 8601, UTC
    filters: tuple[Filter, ...]  # the options that scoped it
    focus: int | None  # the actor of an ``--actor`` report
    overview: Overview
    actors: tuple[int, ...]  # top actors by type (ids of ``profiles``), most mentioned first
    network: Network
    profiles: tuple[Profile, ...]
    event_counts: tuple[Count, ...]  # day-dated events per day
    events: tuple[ReportEvent, ...]  # the most told, in date order
    total_events: int  # events in scope dated to the day
    speakers: tuple[Speaker, ...]
    articles: tuple[Article, ...]
