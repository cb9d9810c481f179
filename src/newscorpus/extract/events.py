"""Events: dated sentences of one document, and stories that join them across documents.

``build_events`` makes one event per sentence and distinct resolved date in it, with the
actors named in the sentence and the claim it carries. ``merge_stories`` joins the events
of one date from different articles that tell the same story: their actor sets share at
least two actors, or every actor of the smaller set, or one rare actor (named in few of the
corpus's documents, such as the city of a summit); events with no actors are never
merged. A story shows the sentence that shares the most actors with the others. Both are
pure: the store feeds them rows and keeps or shows what they return.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from newscorpus.models import Claim, DateMention, Event, Mention, Sentence

EVENT_PRECISIONS = frozenset({"day", "month", "year", "decade"})


def build_events(
    text: str,
    sentences: Sequence[Sentence],
    mentions: Sequence[Mention],
    claims: Sequence[Claim],
    dates: Sequence[DateMention],
) -> list[Event]:
    """One event per sentence and distinct resolved date in it, with its actors and claim."""
    sentence_starts = [s.start for s in sentences]
    events: list[Event] = []
    seen: set[tuple[int, str]] = set()
    for date in dates:
        if date.value is None or date.precision not in EVENT_PRECISIONS:
            continue
        i = bisect.bisect_right(sentence_starts, date.start) - 1
        if i < 0 or date.start >= sentences[i].end:
            continue
        sentence = sentences[i]
        if (i, date.value) in seen:
            continue
        seen.add((i, date.value))
        actors = tuple(
            dict.fromkeys(
                m.actor or m.text for m in mentions if sentence.start <= m.start < sentence.end
            )
        )
        claim = next(
            (k for k, c in enumerate(claims) if c.start < sentence.end and sentence.start < c.end),
            None,
        )
        events.append(
            Event(
                date=date.value,
                precision=date.precision or "year",
                start=sentence.start,
                end=sentence.end,
                text=text[sentence.start : sentence.end],
                paragraph=sentence.paragraph,
                actors=actors,
                claim=claim,
            )
        )
    return events


@dataclass(frozen=True, slots=True)
class DatedEvent:
    """One stored event as the story merge reads it."""

    date: str
    precision: str
    text: str
    actor_ids: tuple[int, ...]  # in the order the sentence names them
    actors: tuple[str, ...]  # their names, same order
    document: int
    source: str  # the document's title or outlet ("" when it has neither)
    start: int = 0  # the sentence's offsets in the document's text, and its paragraph
    end: int = 0
    paragraph: int = 0


@dataclass(frozen=True, slots=True)
class Story:
    """Events of one date from one or more documents that tell the same story."""

    shown: DatedEvent  # the event whose sentence stands for the story
    members: tuple[DatedEvent, ...]  # in input order

    def actors(self) -> list[str]:
        names: dict[str, None] = {}
        for member in (self.shown, *self.members):
            names.update(dict.fromkeys(member.actors))
        return list(names)

    def actor_ids(self) -> list[int]:
        """The ids of ``actors()``, in the same order."""
        ids: dict[int, None] = {}
        for member in (self.shown, *self.members):
            ids.update(dict.fromkeys(member.actor_ids))
        return list(ids)

    def documents(self) -> dict[int, str]:
        documents: dict[int, str] = {}
        for member in (self.shown, *self.members):
            documents.setdefault(member.document, member.source)
        return documents


def merge_stories(events: Sequence[DatedEvent], rare: frozenset[int]) -> Iterator[Story]:
    """Merge events of one date that tell the same story, transitively (union-find)."""
    parent = list(range(len(events)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    # Linking each event to the first event with the same evidence is enough, because
    # the merge is transitive; this keeps a date with thousands of events near-linear.
    first_pair: dict[tuple[int, int], int] = {}
    first_rare: dict[int, int] = {}
    first_with: dict[int, int] = {}  # first event naming the actor
    first_alone: dict[int, int] = {}  # first event naming only that actor

    def link(i: int, j: int | None) -> None:
        if j is not None and j != i:
            parent[root(i)] = root(j)

    for i, event in enumerate(events):
        ids = sorted(set(event.actor_ids))
        for n, a in enumerate(ids):
            for b in ids[n + 1 :]:
                link(i, first_pair.setdefault((a, b), i))
            if a in rare:
                link(i, first_rare.setdefault(a, i))
            if len(ids) == 1:  # a lone actor matches any event naming it
                link(i, first_with.get(a))
                first_alone.setdefault(a, i)
            else:
                link(i, first_alone.get(a))
            first_with.setdefault(a, i)
    clusters: dict[int, list[DatedEvent]] = {}
    for i, event in enumerate(events):
        clusters.setdefault(root(i), []).append(event)
    for members in clusters.values():
        shown = max(
            members,
            key=lambda e: sum(
                len(set(e.actor_ids) & set(o.actor_ids)) for o in members if o is not e
            ),
        )
        yield Story(shown, tuple(members))
