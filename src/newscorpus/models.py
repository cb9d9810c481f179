"""Plain records that flow from the loader through analysis to the store.

Every offset is a character offset into ``Document.text``: the article's text exactly as
decoded from its file (nothing removed, nothing replaced), so ``document.text[start:end]``
always gives back what a person sees in the source. Analysis runs on a cleaned copy of the
same length (see ``newscorpus.arabic.clean``), which is why one set of offsets serves both.

Identity (database ids) is a storage concern: these records carry none.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from operator import attrgetter
from typing import Literal, NamedTuple, TypeVar, cast, get_args

_T = TypeVar("_T")

ParagraphKind = Literal["heading", "body", "caption", "boilerplate", "embed"]
PARAGRAPH_KINDS: tuple[str, ...] = get_args(ParagraphKind)
ANALYZED_KINDS: frozenset[str] = frozenset({"heading", "body"})

DateSource = Literal["metadata", "cli", "inferred", "unknown"]
ActorType = Literal["person", "organization", "place"]
ACTOR_TYPES: tuple[str, ...] = get_args(ActorType)


def actor_type(value: str) -> ActorType:
    """``value`` as an actor type (read from a data file); a ValueError if it is none."""
    if value not in ACTOR_TYPES:
        raise ValueError(f"{value!r} is not an actor type ({', '.join(ACTOR_TYPES)})")
    return cast(ActorType, value)


def _pickled_by_fields(cls: type[_T]) -> type[_T]:
    """Pickle as the class and its field values: a worker's results are rebuilt by the
    constructor, not by the generic ``__setstate__`` of slotted dataclasses, which looks
    the fields up again for every object (a third of the writer's time went there)."""
    names = [f.name for f in fields(cls)]  # type: ignore[arg-type]
    if len(names) < 2:  # attrgetter of one name gives the value, not a tuple
        raise TypeError(f"{cls.__name__}: pickled by fields needs two fields or more")
    get = attrgetter(*names)

    def __reduce__(self: _T) -> tuple[type[_T], tuple[object, ...]]:
        return cls, get(self)

    cls.__reduce__ = __reduce__  # type: ignore[assignment,method-assign]
    return cls


ClaimKind = Literal["direct", "indirect", "mixed"]
Precision = Literal["day", "month", "year", "decade"]
# Coarsest first: a filter "at least month" keeps month and day.
PRECISION_RANK: dict[str, int] = {"decade": 0, "year": 1, "month": 2, "day": 3}


@_pickled_by_fields
@dataclass(frozen=True, slots=True)
class Paragraph:
    """A paragraph of an article: ``text[start:end]`` of its document, and what kind it is.

    ``duplicate_of`` holds the index of an earlier paragraph with the same text (repeated
    photo captions), so it is stored and shown but counted once.
    """

    index: int
    start: int
    end: int
    kind: ParagraphKind
    duplicate_of: int | None = None


@_pickled_by_fields
@dataclass(frozen=True, slots=True)
class Document:
    """One article, as the loader found it."""

    text: str
    paragraphs: tuple[Paragraph, ...]
    path: str
    title: str | None = None
    published: str | None = None  # ISO 8601 date (YYYY-MM-DD) or datetime
    date_source: DateSource = "unknown"
    outlet: str | None = None
    url: str | None = None
    encoding: str = "utf-8"
    external_id: str | None = None  # DOCNO, a JSON Lines id, ...
    article_index: int = 0  # position of the article inside its file
    offset_in_file: int = 0  # where ``text`` starts in the decoded file
    metadata: tuple[tuple[str, str], ...] = ()  # other fields of its record (JSON, CSV)
    cut: bool = False  # a part of a text too long to be one article (the loader cut it)

    def paragraph_text(self, paragraph: Paragraph) -> str:
        return self.text[paragraph.start : paragraph.end]


@_pickled_by_fields
@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int
    paragraph: int


class Token(NamedTuple):
    """A word or punctuation mark with its offsets and lookup forms.

    ``match`` is the normalized form of the whole token; ``stem`` is ``match`` with the
    proclitics in ``prefix`` (e.g. ``"و+ل"``) removed; both are used for lookups only.
    A NamedTuple rather than a dataclass: documents hold thousands and it is the hot path.
    """

    start: int
    end: int
    match: str
    stem: str
    prefix: str = ""
    is_word: bool = True


@_pickled_by_fields
@dataclass(frozen=True, slots=True)
class Mention:
    """A named actor as written in the text."""

    start: int
    end: int
    text: str
    type: ActorType
    paragraph: int
    key: str  # the normalized form used to resolve it to an actor
    actor: str | None = None  # canonical name within the document, once resolved
    role: str | None = None  # title seen before the name (الرئيس الروسي)
    source: str = "gazetteer"  # gazetteer | rule | crf | camel
    resolution: str = ""  # how ``actor`` was chosen in the document (extract.actors.resolve)

    def resolved(self, actor: str | None, resolution: str) -> Mention:
        """This mention with its in-document actor (``dataclasses.replace`` without its
        generic walk over the fields: every mention of a corpus passes here)."""
        return Mention(
            self.start, self.end, self.text, self.type, self.paragraph, self.key,
            actor, self.role, self.source, resolution,
        )  # fmt: skip


@_pickled_by_fields
@dataclass(frozen=True, slots=True)
class Claim:
    """An attributed statement: who said what, through whom."""

    speaker: str
    cue: str
    content: str
    kind: ClaimKind
    paragraph: int
    start: int
    end: int
    content_start: int
    content_end: int
    speaker_start: int | None = None
    speaker_end: int | None = None
    speaker_actor: str | None = None
    via: str | None = None


@_pickled_by_fields
@dataclass(frozen=True, slots=True)
class DateMention:
    """A date expression and what it resolves to (``value`` is None when it cannot)."""

    start: int
    end: int
    text: str
    value: str | None  # YYYY, YYYY-MM, YYYY-MM-DD or a decade like 199X
    precision: Precision | None
    paragraph: int
    reason: str | None = None  # why value is None, or how it was resolved (relative, hijri)
    hijri: str | None = None


@_pickled_by_fields
@dataclass(frozen=True, slots=True)
class Event:
    """A sentence with a resolved date, its actors, and the claim it carries if any."""

    date: str
    precision: Precision
    start: int
    end: int
    text: str
    paragraph: int
    actors: tuple[str, ...] = ()
    claim: int | None = None  # index into Analysis.claims


@_pickled_by_fields
@dataclass(frozen=True, slots=True)
class Analysis:
    """Everything ``analyze(document)`` finds in one document."""

    sentences: tuple[Sentence, ...] = ()
    tokens: tuple[Token, ...] = ()
    mentions: tuple[Mention, ...] = ()
    claims: tuple[Claim, ...] = ()
    dates: tuple[DateMention, ...] = ()
    events: tuple[Event, ...] = ()
    published: str | None = None  # publication date inferred from the text, if any
    terms: tuple[tuple[int, str], ...] = ()  # (paragraph, search terms) for the index
    extra: dict[str, str] = field(default_factory=dict)


def effective_publication(document: Document, analysis: Analysis) -> tuple[str | None, DateSource]:
    """The publication date of a document and where it came from: its metadata (or the
    ``--date`` given), else the date ``analyze`` read off the text, else none."""
    if document.published:
        return document.published, document.date_source
    if analysis.published:
        return analysis.published, "inferred"
    return None, "unknown"
