"""What ``newscorpus report`` shows, read from the store in one snapshot.

The report is scoped to a set of documents (all of them, or those published in a period,
by one outlet, or naming one actor), kept in ``temp.report_docs`` while it is read. Every
item it lists (a claim, an event, a mention) carries a ``Ref`` into its article, and the
articles those refs point to travel with the report, with the spans found in them, so a
reader can check each item in context.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime

from newscorpus.extract.events import DatedEvent, Story
from newscorpus.query.actors import aliases, roles
from newscorpus.query.claims import ABOUT
from newscorpus.query.export import one_read
from newscorpus.query.lookup import find_actor
from newscorpus.query.network import network
from newscorpus.query.report_records import (
    Article,
    ArticleParagraph,
    Count,
    Filter,
    Mark,
    Overview,
    Profile,
    Ref,
    Report,
    ReportClaim,
    ReportEvent,
    ReportMention,
    Source,
    Speaker,
)
from newscorpus.query.timeline import (
    dated_events,
    first_event,
    kept_stories,
    published_between,
)
from newscorpus.store import Store, stories

PROFILE_ITEMS = 3  # claims by, claims about, events and mentions shown per actor
SPEAKER_CLAIMS = 5
SOURCES_SHOWN = 6  # an event lists (and links) this many of its sources
CHART_PRECISIONS = ("day",)  # events charted and ranked: those dated to the day


@one_read
def report(
    store: Store,
    *,
    title: str | None = None,
    actor: str | None = None,
    since: str | None = None,
    until: str | None = None,
    outlet: str | None = None,
    top: int = 20,
) -> Report:
    """Everything the report shows: ``top`` actors of each type, speakers and 2 x ``top``
    events, within the documents the filters keep (all of them by default)."""
    focus = find_actor(store, actor) if actor is not None else None
    with _scope(store, focus, since, until, outlet):
        overview = _overview(store)
        ranked = _top_actors(store, top)
        net = network(store, actor=actor, top=5 * top, since=since, until=until, outlet=outlet)
        events, total_events = _top_events(store, focus, 2 * top)
        speakers = _speakers(store, focus, top)
        wanted = list(dict.fromkeys([*([focus] if focus else []), *ranked]))
        wanted += [n.id for n in net.nodes if n.id not in set(wanted)]
        profiles = tuple(_profiles(store, wanted))
        counts = _event_counts(store, focus)
    cited = [c.ref.document for s in speakers for c in s.shown]
    cited += [source.document for e in events for source in e.sources]
    for p in profiles:
        cited += [c.ref.document for c in (*p.claims, *p.said_about)]
        cited += [source.document for e in p.events for source in e.sources]
        cited += [m.ref.document for m in p.seen_in]
    options = {"--actor": actor, "--since": since, "--until": until, "--outlet": outlet}
    shown_title = title or _default_title(store, focus)
    return Report(
        title=shown_title,
        generated=datetime.now(UTC).replace(microsecond=0).isoformat(),
        filters=tuple(Filter(k, v) for k, v in options.items() if v is not None),
        focus=focus,
        overview=overview,
        actors=tuple(ranked),
        network=net,
        profiles=profiles,
        event_counts=counts,
        events=events,
        total_events=total_events,
        speakers=speakers,
        articles=tuple(_articles(store, cited)),
    )


@contextmanager
def _scope(
    store: Store, focus: int | None, since: str | None, until: str | None, outlet: str | None
) -> Iterator[None]:
    where, params = published_between(since, until)
    if outlet is not None:
        where.append("d.outlet = ?")
        params.append(outlet)
    if focus is not None:
        where.append("d.id IN (SELECT document_id FROM mentions WHERE actor_id = ?)")
        params.append(focus)
    db = store.db
    db.execute("DROP TABLE IF EXISTS temp.report_docs")
    db.execute("CREATE TEMP TABLE report_docs (id INTEGER PRIMARY KEY) WITHOUT ROWID")
    kept = " AND ".join(where) or "1"
    db.execute(f"INSERT INTO temp.report_docs SELECT d.id FROM documents d WHERE {kept}", params)
    try:
        yield
    finally:
        db.execute("DROP TABLE IF EXISTS temp.report_docs")


def _overview(store: Store) -> Overview:
    db = store.db

    def count(sql: str) -> int:
        return int(db.execute(sql).fetchone()[0])

    def counts(sql: str) -> tuple[Count, ...]:
        return tuple(Count(str(name or ""), int(n)) for name, n in db.execute(sql))

    scoped = "JOIN temp.report_docs r ON r.id = {}.document_id"
    first, last, documents, undated = db.execute(
        "SELECT min(d.published), max(d.published), count(*), sum(d.published IS NULL)"
        " FROM documents d JOIN temp.report_docs r ON r.id = d.id"
    ).fetchone()
    return Overview(
        documents=int(documents),
        outlets=counts(
            "SELECT d.outlet, count(*) AS n FROM documents d JOIN temp.report_docs r"
            " ON r.id = d.id GROUP BY d.outlet ORDER BY n DESC, d.outlet"
        ),
        published_from=first,
        published_to=last,
        undated=int(undated or 0),
        paragraphs=counts(
            f"SELECT p.kind, count(*) FROM paragraphs p {scoped.format('p')}"
            " GROUP BY p.kind ORDER BY p.kind"
        ),
        kept_out=count(
            f"SELECT count(*) FROM paragraphs p {scoped.format('p')}"
            " WHERE p.kind = 'boilerplate' OR p.duplicate_of IS NOT NULL"
        ),
        actors=counts(
            "SELECT a.type, count(*) FROM actors a WHERE NOT a.dropped AND a.id IN"
            f" (SELECT m.actor_id FROM mentions m {scoped.format('m')}) GROUP BY a.type"
            " ORDER BY a.type"
        ),
        mentions=count(f"SELECT count(*) FROM mentions m {scoped.format('m')}"),
        claims=count(f"SELECT count(*) FROM claims c {scoped.format('c')}"),
        dates=count(f"SELECT count(*) FROM dates t {scoped.format('t')}"),
        events=count(f"SELECT count(*) FROM events e {scoped.format('e')}"),
    )


def _top_actors(store: Store, top: int) -> list[int]:
    """The ``top`` most mentioned actors of each type in scope, most mentioned first."""
    rows = store.db.execute(
        "SELECT a.id, a.type, count(*) AS n FROM mentions m"
        " JOIN temp.report_docs r ON r.id = m.document_id JOIN actors a ON a.id = m.actor_id"
        " WHERE NOT a.dropped GROUP BY a.id, a.type, a.name ORDER BY n DESC, a.name, a.id"
    )
    taken: dict[str, int] = {}
    ranked: list[int] = []
    for actor_id, kind, _n in rows:
        if taken.get(kind, 0) < top:
            taken[kind] = taken.get(kind, 0) + 1
            ranked.append(actor_id)
    return ranked


def _profiles(store: Store, ids: list[int]) -> Iterator[Profile]:
    db = store.db
    marks = ",".join("?" * len(ids))
    trends: dict[int, list[Count]] = {}
    totals: dict[int, tuple[int, int]] = {}
    for actor_id, month, n, docs in db.execute(
        "SELECT m.actor_id, substr(d.published, 1, 7), count(*), count(DISTINCT d.id)"
        " FROM mentions m JOIN temp.report_docs r ON r.id = m.document_id"
        f" JOIN documents d ON d.id = m.document_id WHERE m.actor_id IN ({marks})"
        " GROUP BY 1, 2 ORDER BY 1, 2",
        ids,
    ):
        if month is not None:
            trends.setdefault(actor_id, []).append(Count(month, n))
        mentions, documents = totals.get(actor_id, (0, 0))
        totals[actor_id] = (mentions + n, documents + docs)  # a document has one month
    names = {
        row[0]: row[1:]
        for row in db.execute(
            f"SELECT id, name, type, ambiguous FROM actors WHERE id IN ({marks})", ids
        )
    }
    for actor_id in ids:
        name, kind, ambiguous = names[actor_id]
        mentions, documents = totals.get(actor_id, (0, 0))
        yield Profile(
            id=actor_id,
            name=name,
            type=kind,
            mentions=mentions,
            documents=documents,
            ambiguous=bool(ambiguous),
            aliases=aliases(store, actor_id),
            roles=roles(store, actor_id),
            trend=tuple(trends.get(actor_id, ())),
            claims=tuple(_claims(store, "c.speaker_actor_id = ?", [actor_id], PROFILE_ITEMS)),
            said_about=tuple(
                _claims(
                    store,
                    f"{ABOUT} AND c.speaker_actor_id IS DISTINCT FROM ?",
                    [actor_id, actor_id],
                    PROFILE_ITEMS,
                )
            ),
            events=_actor_events(store, actor_id),
            seen_in=tuple(
                ReportMention(text, Ref(doc, paragraph, start, end))
                for doc, paragraph, start, end, text in db.execute(
                    'SELECT document_id, paragraph, start, "end", text FROM (SELECT m.*,'
                    " d.published, row_number() OVER (PARTITION BY m.document_id"
                    " ORDER BY m.start, m.id) AS k"  # its first mention in each article
                    " FROM mentions m JOIN temp.report_docs r ON r.id = m.document_id"
                    " JOIN documents d ON d.id = m.document_id WHERE m.actor_id = ?)"
                    " WHERE k = 1 ORDER BY published DESC, document_id LIMIT ?",
                    (actor_id, PROFILE_ITEMS),
                )
            ),
        )


def _claims(store: Store, where: str, params: list[object], limit: int) -> Iterator[ReportClaim]:
    """Claims in scope that meet ``where``: direct quotes first, then the latest."""
    rows = store.db.execute(
        "SELECT c.speaker, a.name, c.speaker_actor_id, c.cue, c.content, c.kind, c.via,"
        ' d.published, d.title, c.document_id, c.paragraph, c.start, c."end" FROM claims c'
        " JOIN temp.report_docs r ON r.id = c.document_id"
        " JOIN documents d ON d.id = c.document_id"
        " LEFT JOIN actors a ON a.id = c.speaker_actor_id"
        f" WHERE {where} ORDER BY c.kind = 'direct' DESC, d.published DESC, c.document_id,"
        " c.start, c.id LIMIT ?",
        [*params, limit],
    )
    for speaker, actor, actor_id, cue, content, kind, via, published, title, *place in rows:
        ref = Ref(*place)
        yield ReportClaim(speaker, actor, actor_id, cue, content, kind, via, published, title, ref)


def _speakers(store: Store, focus: int | None, top: int) -> tuple[Speaker, ...]:
    """The actors with the most claims in scope (the focus actor first), and some of them."""
    rows = store.db.execute(
        "SELECT a.id, a.name, count(*) AS n, sum(c.kind = 'direct') FROM claims c"
        " JOIN temp.report_docs r ON r.id = c.document_id"
        " JOIN actors a ON a.id = c.speaker_actor_id WHERE NOT a.dropped"
        " GROUP BY a.id, a.name ORDER BY a.id = ? DESC, n DESC, a.name, a.id LIMIT ?",
        (focus, top),
    ).fetchall()
    return tuple(
        Speaker(
            actor_id,
            name,
            n,
            int(direct or 0),
            tuple(_claims(store, "c.speaker_actor_id = ?", [actor_id], SPEAKER_CLAIMS)),
        )
        for actor_id, name, n, direct in rows
    )


def _in_scope(focus: int | None) -> tuple[list[str], list[object]]:
    where = [
        "e.document_id IN (SELECT id FROM temp.report_docs)",
        f"e.precision IN ({','.join('?' * len(CHART_PRECISIONS))})",
    ]
    params: list[object] = list(CHART_PRECISIONS)
    if focus is not None:
        where.append("e.id IN (SELECT event_id FROM event_actors WHERE actor_id = ?)")
        params.append(focus)
    return where, params


def _event_counts(store: Store, focus: int | None) -> tuple[Count, ...]:
    where, params = _in_scope(focus)
    return tuple(
        Count(date, n)
        for date, n in store.db.execute(
            f"SELECT e.date, count(*) FROM events e WHERE {' AND '.join(where)}"
            " AND e.date NOT LIKE '%X%' GROUP BY e.date ORDER BY e.date",
            params,
        )
    )


def _top_events(store: Store, focus: int | None, top: int) -> tuple[tuple[ReportEvent, ...], int]:
    """The ``top`` stories told by the most articles in scope (then by the most events), in
    date order, and how many events are in scope. The timeline's stories (``store.stories``),
    each with its events in scope; clustered live, as the timeline does, while they are not
    current."""
    where, params = _in_scope(focus)
    db = store.db
    total = db.execute(
        f"SELECT count(*) FROM events e WHERE {' AND '.join(where)}", params
    ).fetchone()[0]
    if not total:
        return (), 0
    scoped = " AND ".join(where)
    if stories.is_fresh(db):
        # ranked by what is in scope, as the live path ranks them
        chosen = (
            "SELECT se.story FROM story_events se JOIN events e ON e.id = se.event"
            f" JOIN stories s ON s.id = se.story WHERE {scoped} GROUP BY se.story, s.date"
            " ORDER BY count(DISTINCT e.document_id) DESC, count(*) DESC, s.date,"
            f" min(se.event) LIMIT {int(top)}"
        )
        found = kept_stories(store, chosen, params, scoped, params)
    else:
        in_scope = {e.id for e in dated_events(store, where, params)}
        found = [
            Story(s.shown if s.shown.id in in_scope else kept[0], tuple(kept))
            for s in stories.stories_of_dates(db, "1", (), stories.everywhere(db))
            if (kept := [m for m in s.members if m.id in in_scope])
        ]
    found.sort(key=lambda s: (-len(s.documents()), -len(s.members), s.shown.date, first_event(s)))
    chosen_stories = found[:top]
    published = _published(store, {d for s in chosen_stories for d in s.documents()})
    events = [
        ReportEvent(
            date=story.shown.date,
            precision=story.shown.precision,
            text=story.shown.text,
            actors=tuple(story.actors()),
            actor_ids=tuple(story.actor_ids()),
            documents=len(story.documents()),
            sources=tuple(
                Source(doc, *published[doc]) for doc in list(story.documents())[:SOURCES_SHOWN]
            ),
            ref=_event_ref(story.shown),
        )
        for story in chosen_stories
    ]
    events.sort(key=lambda e: (e.date, -e.documents))
    return tuple(events), int(total)


def _actor_events(store: Store, actor_id: int) -> tuple[ReportEvent, ...]:
    where, params = _in_scope(actor_id)
    chosen = list(dated_events(store, where, params))[-PROFILE_ITEMS:]  # the latest
    published = _published(store, {e.document for e in chosen})
    return tuple(
        ReportEvent(
            e.date,
            e.precision,
            e.text,
            e.actors,
            e.actor_ids,
            1,
            (Source(e.document, *published[e.document]),),
            _event_ref(e),
        )
        for e in chosen
    )


def _published(
    store: Store, ids: Iterable[int]
) -> dict[int, tuple[str | None, str | None, str | None]]:
    wanted = sorted(ids)
    marks = ",".join("?" * len(wanted))
    return {
        doc: (title, outlet, published)
        for doc, title, outlet, published in store.db.execute(
            f"SELECT id, title, outlet, published FROM documents WHERE id IN ({marks})", wanted
        )
    }


def _event_ref(event: DatedEvent) -> Ref:
    return Ref(event.document, event.paragraph, event.start, event.end)


def _articles(store: Store, cited: Iterable[int]) -> Iterator[Article]:
    """Each article the report cites, with its paragraphs and the spans found in it."""
    db = store.db
    for doc in sorted(set(cited)):
        title, outlet, published, text = db.execute(
            "SELECT title, outlet, published, text FROM documents WHERE id = ?", (doc,)
        ).fetchone()
        paragraphs = tuple(
            ArticleParagraph(idx, kind, start, text[start:end])
            for idx, kind, start, end in db.execute(
                'SELECT idx, kind, start, "end" FROM paragraphs WHERE document_id = ?'
                " AND duplicate_of IS NULL ORDER BY idx",
                (doc,),
            )
        )
        marks = [
            Mark(start, end, "mention", name)
            for start, end, name in db.execute(
                'SELECT m.start, m."end", a.name FROM mentions m JOIN actors a'
                " ON a.id = m.actor_id WHERE m.document_id = ?",
                (doc,),
            )
        ]
        marks += [
            Mark(start, end, "claim", speaker)
            for start, end, speaker in db.execute(
                'SELECT start, "end", speaker FROM claims WHERE document_id = ?', (doc,)
            )
        ]
        marks += [
            Mark(start, end, "date", value or "")
            for start, end, value in db.execute(
                'SELECT start, "end", value FROM dates WHERE document_id = ?', (doc,)
            )
        ]
        marks.sort(key=lambda m: (m.start, -m.end))
        yield Article(doc, title, outlet, published, paragraphs, tuple(marks))


def _default_title(store: Store, focus: int | None) -> str:
    if focus is not None:
        name = store.db.execute("SELECT name FROM actors WHERE id = ?", (focus,)).fetchone()[0]
        return f"تقرير: {name}"
    return "تقرير المدونة"
