"""query.report on the seeds: what the page shows, its scope, and refs that slice back."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from newscorpus.errors import DoesNotExist, NewsCorpusError
from newscorpus.query import stats
from newscorpus.query.report import report
from newscorpus.query.report_records import Report
from newscorpus.store import open_store


def _report(db: Path, **options: object) -> Report:
    with open_store(db, create=False) as store:
        return report(store, **options)  # type: ignore[arg-type]


def _text(db: Path, document: int) -> str:
    with sqlite3.connect(db) as con:
        row = con.execute("SELECT text FROM documents WHERE id = ?", (document,)).fetchone()
    return str(row[0])


def test_overview_counts_the_whole_store(seeded_db: Path) -> None:
    shown = _report(seeded_db).overview
    with open_store(seeded_db, create=False) as store:
        counted = stats(store)
    assert shown.documents == counted.documents == 7
    assert (shown.mentions, shown.claims, shown.dates, shown.events) == (
        counted.mentions, counted.claims, counted.dates, counted.events,
    )  # fmt: skip
    assert {c.name: c.count for c in shown.paragraphs} == counted.paragraphs
    assert {c.name: c.count for c in shown.actors} == counted.actors
    assert (shown.published_from, shown.published_to) == ("2023-09-05", "2024-11-22")
    assert shown.undated == 5
    assert sum(o.count for o in shown.outlets) == 7
    # boilerplate (42) and repeated paragraphs that are not boilerplate are kept out
    assert shown.kept_out >= 42


def test_top_actors_by_type_lead_with_the_most_mentioned(seeded_db: Path) -> None:
    result = _report(seeded_db, top=3)
    profiles = {p.id: p for p in result.profiles}
    ranked = [profiles[i] for i in result.actors]
    assert [(p.name, p.type) for p in ranked if p.type == "person"] == [
        ("كيم جونغ أون", "person"), ("دونالد ترامب", "person"), ("فلاديمير بوتين", "person"),
    ]  # fmt: skip
    assert [p.name for p in ranked if p.type == "place"][:2] == ["كوريا الشمالية", "روسيا"]
    assert len(ranked) == 9  # three of each type
    kim = next(p for p in ranked if p.type == "person")
    assert kim.mentions == 42 and kim.documents == 6
    assert "كيم جونغ أون" in kim.aliases and kim.roles
    # every network node has a profile, so clicking any node shows one
    assert {n.id for n in result.network.nodes} <= set(profiles)


def test_every_ref_slices_back_to_its_item(seeded_db: Path) -> None:
    result = _report(seeded_db)
    articles = {a.id: a for a in result.articles}
    claims = [c for s in result.speakers for c in s.shown]
    claims += [c for p in result.profiles for c in (*p.claims, *p.said_about)]
    events = [*result.events, *(e for p in result.profiles for e in p.events)]
    mentions = [m for p in result.profiles for m in p.seen_in]
    assert claims and events and mentions
    for claim in claims:
        text = _text(seeded_db, claim.ref.document)
        assert claim.content in text[claim.ref.start : claim.ref.end]
        assert claim.ref.document in articles
    for event in events:
        text = _text(seeded_db, event.ref.document)
        assert " ".join(text[event.ref.start : event.ref.end].split()) == event.text
        assert {s.document for s in event.sources} <= set(articles)
    for mention in mentions:
        text = _text(seeded_db, mention.ref.document)
        assert text[mention.ref.start : mention.ref.end] == mention.text
    for ref in [c.ref for c in claims] + [m.ref for m in mentions]:
        paragraph = next(p for p in articles[ref.document].paragraphs if p.index == ref.paragraph)
        assert paragraph.start <= ref.start < paragraph.start + len(paragraph.text)


def test_articles_carry_their_marks_at_their_offsets(seeded_db: Path) -> None:
    for article in _report(seeded_db).articles:
        text = _text(seeded_db, article.id)
        for paragraph in article.paragraphs:
            assert text[paragraph.start : paragraph.start + len(paragraph.text)] == paragraph.text
        assert "mention" in {m.kind for m in article.marks}
        for mark in article.marks:
            assert 0 <= mark.start < mark.end <= len(text)


def test_events_are_the_most_told_in_date_order(seeded_db: Path) -> None:
    result = _report(seeded_db)
    dates = [e.date for e in result.events]
    assert dates == sorted(dates) and dates
    assert all(e.precision == "day" for e in result.events)
    assert result.total_events == sum(c.count for c in result.event_counts) == len(dates)


@pytest.mark.parametrize(
    ("options", "documents"),
    [
        ({"since": "2024"}, 1),
        ({"until": "2023-09"}, 1),
        ({"outlet": "RT Arabic"}, 2),
        ({"outlet": "لا أحد"}, 0),
    ],
)
def test_filters_scope_the_documents(
    seeded_db: Path, options: dict[str, str], documents: int
) -> None:
    result = _report(seeded_db, **options)
    assert result.overview.documents == documents
    assert [(f.option, f.value) for f in result.filters] == [
        (f"--{k}", v) for k, v in options.items()
    ]
    with sqlite3.connect(seeded_db) as con:
        in_scope = {
            d for (d,) in con.execute(
                "SELECT id FROM documents WHERE (? IS NULL OR published >= ?)"
                " AND (? IS NULL OR substr(published, 1, 7) <= ?) AND (? IS NULL OR outlet = ?)",
                [options.get("since"), options.get("since"), options.get("until"),
                 options.get("until"), options.get("outlet"), options.get("outlet")],
            )
        }  # fmt: skip
    cited = {c.ref.document for s in result.speakers for c in s.shown}
    cited |= {s.document for e in result.events for s in e.sources}
    assert cited <= in_scope


def test_outlet_scope_keeps_claims_inside_it(seeded_db: Path) -> None:
    result = _report(seeded_db, outlet="RT Arabic")
    with sqlite3.connect(seeded_db) as con:
        rt = {d for (d,) in con.execute("SELECT id FROM documents WHERE outlet = 'RT Arabic'")}
    shown = {c.ref.document for s in result.speakers for c in s.shown}
    assert shown and shown <= rt


def test_an_actor_report_is_about_that_actor(seeded_db: Path) -> None:
    result = _report(seeded_db, actor="بوتين")
    putin = next(p for p in result.profiles if p.id == result.focus)
    assert putin.name == "فلاديمير بوتين"
    assert result.title == "تقرير: فلاديمير بوتين"
    assert result.overview.documents == putin.documents == 4
    assert not putin.claims  # the seeds quote him only through others
    assert putin.said_about
    trump = _report(seeded_db, actor="ترمب")
    assert trump.speakers[0].id == trump.focus  # its own claims first
    # 6: "ولاية ترامب الأولى" (Trump's first term) said nothing; it no longer counts (#14)
    assert trump.speakers[0].claims == 6
    # its ego network: every edge touches it or one of its neighbours
    neighbours = {e.source_id for e in result.network.edges if e.target_id == result.focus}
    neighbours |= {e.target_id for e in result.network.edges if e.source_id == result.focus}
    assert neighbours
    for edge in result.network.edges:
        assert {edge.source_id, edge.target_id} & (neighbours | {result.focus})


def test_unknown_actor_and_bad_dates_are_clear_errors(seeded_db: Path) -> None:
    with pytest.raises(DoesNotExist, match="no actor called 'لا أحد'"):
        _report(seeded_db, actor="لا أحد")
    with pytest.raises(NewsCorpusError, match="--since takes a date"):
        _report(seeded_db, since="last year")


def test_an_empty_store_makes_an_empty_report(db_path: Path) -> None:
    with open_store(db_path, create=True) as store:
        result = report(store)
    assert result.overview.documents == 0
    assert (result.actors, result.events, result.speakers, result.articles) == ((), (), (), ())
    assert result.network.nodes == ()
