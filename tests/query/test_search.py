"""search: Arabic-aware matching, the query language, filters, context, re-ingest."""

from __future__ import annotations

from pathlib import Path

import pytest

from newscorpus.ingest import ingest
from newscorpus.query.search import QueryError, parse_query, search
from newscorpus.store import open_store

ARTICLE = """زيارة إلى القدس

وصل الوفد بالقدس صباح الخميس، ثم زار والقدس القديمة وللقدس أهلها.

وقالت وزارة الخارجية الإسرائيلية إن إسرائيل ستفتح المعابر، فيما نفت اسرائيل ذلك لاحقا.

ونقل الجرحى إلى مستشفى الشفاء في غزة، وقال مدير مستشفي آخر في غزه إن الوضع صعب.

وأعلنت الســعودية دعمها، وقال مُحَمَّد بن سلمان إن الأمم المتحدة مدعوة للتحرك.

اقرأ أيضا: القدس في عيون الصحافة
"""


@pytest.fixture(scope="module")
def store_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("search")
    (folder / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (folder / "b.txt").write_text("خبر ثان\n\nزار الرئيس غزة أمس.\n", encoding="utf-8")
    db = folder / "s.db"
    summary = ingest([str(folder / "a.txt"), str(folder / "b.txt")], db=db, workers=1)
    assert not summary.failures
    return db


def _matches(db: Path, query: str, **options: object) -> list[str]:
    with open_store(db, create=False) as store:
        return [hit.match for hit in search(store, query, **options)]  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("القدس", ["القدس", "بالقدس", "والقدس", "وللقدس"]),  # clitics; not the boilerplate line
        ("بالقدس", ["القدس", "بالقدس", "والقدس", "وللقدس"]),  # the query's clitics too
        ("اسرائيل", ["إسرائيل", "اسرائيل"]),  # alef with hamza
        ("إسرائيل", ["إسرائيل", "اسرائيل"]),
        ("مستشفي", ["مستشفى", "مستشفي"]),  # alef maqsura
        ("غزة", ["غزة", "غزه", "غزة"]),  # taa marbuta
        ("السعودية", ["الســعودية"]),  # tatweel
        ("محمد", ["مُحَمَّد"]),  # diacritics
        ('"الأمم المتحدة"', ["الأمم المتحدة"]),  # a phrase
        ("الأمم المتحدة", ["الأمم المتحدة"]),  # two words side by side: one hit
        ("الإسرائيل*", ["الإسرائيلية"]),  # a prefix
        ("غزة NOT مستشفى", ["غزة"]),  # NOT excludes paragraphs: only the second article's
        ("(غزة OR القدس) مستشفى", ["مستشفى", "غزة", "مستشفي", "غزه"]),
        ("الصين", []),
    ],
)
def test_arabic_aware_matching(store_path: Path, query: str, expected: list[str]) -> None:
    assert _matches(store_path, query) == expected


def test_boilerplate_only_when_asked(store_path: Path) -> None:
    kinds = ("heading", "body", "caption", "embed", "boilerplate")
    found = _matches(store_path, "عيون", kinds=kinds)
    assert found == ["عيون"]
    assert _matches(store_path, "عيون") == []


def test_hit_has_context_offsets_and_document(store_path: Path) -> None:
    with open_store(store_path, create=False) as store:
        (hit,) = search(store, "الشفاء", context=3)
        text = store.db.execute("SELECT text FROM documents WHERE id = ?", (hit.document,))
        assert text.fetchone()[0][hit.start : hit.end] == "الشفاء"
        assert (hit.before, hit.match, hit.after) == ("الجرحى إلى مستشفى", "الشفاء", "في غزة، وقال")
        assert hit.kind == "body"


def test_filters_and_limit(store_path: Path) -> None:
    assert _matches(store_path, "غزة", document="b.txt") == ["غزة"]
    assert _matches(store_path, "القدس", limit=2) == ["القدس", "بالقدس"]
    assert _matches(store_path, "القدس", outlet="nowhere") == []


def test_actor_search_lists_every_mention(store_path: Path) -> None:
    with open_store(store_path, create=False) as store:
        hits = list(search(store, actor="غزة"))
        mentions = store.db.execute(
            "SELECT m.text, m.document_id, m.start FROM mentions m JOIN actors a"
            " ON a.id = m.actor_id WHERE a.name = 'غزة' ORDER BY m.document_id, m.start"
        ).fetchall()
    assert [(h.match, h.document, h.start) for h in hits] == mentions
    assert len(hits) >= 2 and {h.document for h in hits} == {1, 2}


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("NOT القدس", "NOT needs a word before it"),
        ("القدس OR", "ends in an operator"),
        ("(القدس", "ends in an operator or an open parenthesis"),
        ("القدس)", "unbalanced"),
        ("، .", "nothing to search for"),
    ],
)
def test_bad_queries_say_why(query: str, message: str) -> None:
    with pytest.raises(QueryError, match=message):
        parse_query(query)


def test_reingest_of_a_changed_file_replaces_its_index_rows(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    db = tmp_path / "r.db"
    article.write_text("خبر\n\nزار الوفد القدس.\n", encoding="utf-8")
    ingest([str(article)], db=db, workers=1)
    article.write_text("خبر\n\nزار الوفد غزة.\n", encoding="utf-8")
    ingest([str(article)], db=db, workers=1)
    assert _matches(db, "القدس") == []
    assert _matches(db, "غزة") == ["غزة"]
    with open_store(db, create=False) as store:
        assert store.db.execute("SELECT count(*) FROM search_index").fetchone()[0] == 2
