"""Event building (one document) and the story merge (across documents), as tables."""

from __future__ import annotations

import pytest

from newscorpus.extract.events import DatedEvent, build_events, merge_stories
from newscorpus.models import Claim, DateMention, Mention, Sentence

TEXT = "قال بوتين في موسكو الاثنين إن المحادثات مستمرة. وفي عام 2019 زار كيم هانوي."
FIRST_END = TEXT.index(".") + 1
SENTENCES = (Sentence(0, FIRST_END, 0), Sentence(FIRST_END + 1, len(TEXT), 0))


def _span(word: str) -> tuple[int, int]:
    start = TEXT.index(word)
    return start, start + len(word)


def _mention(word: str, kind: str = "person") -> Mention:
    start, end = _span(word)
    return Mention(start, end, word, kind, 0, word, actor=word)  # type: ignore[arg-type]


def _date(word: str, value: str | None, precision: str = "day") -> DateMention:
    start, end = _span(word)
    return DateMention(start, end, word, value, precision, 0)  # type: ignore[arg-type]


MENTIONS = (_mention("بوتين"), _mention("موسكو", "place"), _mention("كيم"), _mention("هانوي"))
CLAIM = Claim("بوتين", "قال", "المحادثات مستمرة", "indirect", 0, 0, FIRST_END - 1, 31, 47)


def test_one_event_per_sentence_and_date_with_its_actors_and_claim() -> None:
    dates = (_date("الاثنين", "2024-11-18"), _date("2019", "2019", "year"))
    events = build_events(TEXT, SENTENCES, MENTIONS, (CLAIM,), dates)
    assert [(e.date, e.precision, e.actors, e.claim) for e in events] == [
        ("2024-11-18", "day", ("بوتين", "موسكو"), 0),
        ("2019", "year", ("كيم", "هانوي"), None),
    ]
    assert events[0].text == TEXT[:FIRST_END]


@pytest.mark.parametrize(
    ("dates", "expected"),
    [
        ((_date("الاثنين", None),), []),  # unresolved: no event
        ((_date("الاثنين", "2024-11-18"), _date("موسكو", "2024-11-18")), ["2024-11-18"]),  # once
        ((_date("الاثنين", "2024-11-18"), _date("موسكو", "2024-11")), ["2024-11-18", "2024-11"]),
    ],
)
def test_dates_that_make_events(dates: tuple[DateMention, ...], expected: list[str]) -> None:
    assert [e.date for e in build_events(TEXT, SENTENCES, MENTIONS, (), dates)] == expected


def _event(document: int, *actors: int, text: str = "") -> DatedEvent:
    return DatedEvent(
        "2024-11-18", "day", text or f"d{document}", actors,
        tuple(f"a{a}" for a in actors), document, f"source {document}",
    )  # fmt: skip


RARE = frozenset({9})


@pytest.mark.parametrize(
    ("events", "stories"),
    [
        # two shared actors: one story
        ([_event(1, 1, 2, 3), _event(2, 2, 3, 4)], [[1, 2]]),
        # one shared common actor between larger sets: apart
        ([_event(1, 1, 2), _event(2, 2, 3)], [[1], [2]]),
        # one shared rare actor is enough
        ([_event(1, 1, 9), _event(2, 9, 3)], [[1, 2]]),
        # an event naming one actor joins any event naming it
        ([_event(1, 1, 2), _event(2, 2)], [[1, 2]]),
        # no actors: never merged
        ([_event(1), _event(2)], [[1], [2]]),
        # the merge is transitive
        ([_event(1, 1, 2), _event(2, 2, 3, 1), _event(3, 3, 2)], [[1, 2, 3]]),
    ],
)
def test_story_merge(events: list[DatedEvent], stories: list[list[int]]) -> None:
    found = [[m.document for m in story.members] for story in merge_stories(events, RARE)]
    assert found == stories


def test_a_story_shows_the_sentence_that_shares_most_and_lists_every_source() -> None:
    events = [_event(1, 1, 2), _event(2, 1, 2, 3, text="shown"), _event(3, 2, 3)]
    (story,) = merge_stories(events, RARE)
    assert story.shown.text == "shown"
    assert story.actors() == ["a1", "a2", "a3"]
    assert story.documents() == {2: "source 2", 1: "source 1", 3: "source 3"}
