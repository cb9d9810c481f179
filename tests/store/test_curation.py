"""Curation decisions hold through re-ingests and new files, and travel as a TSV file."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from newscorpus.errors import DoesNotExist, InputError
from newscorpus.ingest import ingest
from newscorpus.query import actors, find_actor
from newscorpus.store import open_store
from newscorpus.store.curation import (
    Decision,
    decisions,
    export_tsv,
    import_decisions,
    read_tsv,
    record,
)


def _decide(db: Path, action: str, name: str, value: str | None = None) -> None:
    with open_store(db) as store, store.writing() as writer:
        writer.begin()
        record(store.db, writer.identity, Decision(action, name, value))
        writer.commit()


def _table(db: Path) -> list[tuple[str, str, int, tuple[str, ...]]]:
    with open_store(db) as store:
        return sorted(
            (r.name, r.type, r.mentions, tuple(sorted(r.aliases))) for r in actors(store, top=0)
        )


def _names(db: Path) -> dict[str, int]:
    with open_store(db) as store:
        return {r.name: r.mentions for r in actors(store, top=0)}


@pytest.fixture
def corpus(seeds: Path, tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    shutil.copytree(seeds, folder)
    return folder


def test_decisions_survive_a_reingest_and_cover_new_files(corpus: Path, db_path: Path) -> None:
    ingest([str(corpus)], db=db_path, workers=1)
    before = _names(db_path)
    assert "بيونغ يانغ" in before and "كوريا الشمالية" in before
    _decide(db_path, "merge", "كوريا الشمالية", "بيونغ يانغ")  # a capital for its state
    _decide(db_path, "split", "دونالد ترامب", "ترمب")  # one spelling as another actor
    _decide(db_path, "rename", "فلاديمير بوتين", "بوتين")
    _decide(db_path, "drop", "شبه الجزيرة الكورية")
    expected = _names(db_path)
    assert "بيونغ يانغ" not in expected and "شبه الجزيرة الكورية" not in expected
    assert expected["كوريا الشمالية"] == before["كوريا الشمالية"] + before["بيونغ يانغ"]
    assert expected["ترمب"] + expected["دونالد ترامب"] == before["دونالد ترامب"]
    assert expected["بوتين"] == before["فلاديمير بوتين"]
    # every file changes: all of it is ingested again, its actors recreated
    for path in corpus.glob("*.txt"):
        path.write_text(path.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    ingest([str(corpus)], db=db_path, workers=1)
    assert _names(db_path) == expected
    # a new file names the merged and the split actors again
    (corpus / "new.txt").write_text(
        "وقال ترمب إن بيونغ يانغ وكوريا الشمالية لن تحصلا على شيء.\n", encoding="utf-8"
    )
    ingest([str(corpus)], db=db_path, workers=1)
    after = _names(db_path)
    assert "بيونغ يانغ" not in after and "شبه الجزيرة الكورية" not in after
    assert after["ترمب"] == expected["ترمب"] + 1
    assert after["كوريا الشمالية"] == expected["كوريا الشمالية"] + 2
    with open_store(db_path) as store, pytest.raises(DoesNotExist, match="dropped by curation"):
        find_actor(store, "شبه الجزيرة الكورية")


def test_export_then_import_into_a_fresh_store_gives_the_same_actors(
    corpus: Path, tmp_path: Path, db_path: Path
) -> None:
    ingest([str(corpus)], db=db_path, workers=1)
    _decide(db_path, "merge", "كوريا الشمالية", "بيونغ يانغ")
    _decide(db_path, "split", "دونالد ترامب", "ترمب")
    _decide(db_path, "rename", "فلاديمير بوتين", "بوتين")
    _decide(db_path, "drop", "شبه الجزيرة الكورية")
    tsv = tmp_path / "decisions.tsv"
    with open_store(db_path) as store:
        assert export_tsv(store.db, tsv) == 4
    fresh = tmp_path / "fresh.db"
    with open_store(fresh) as store, store.writing() as writer:  # decisions before the data
        writer.begin()
        assert import_decisions(store.db, writer.identity, read_tsv(tsv)) == 4
        writer.commit()
    ingest([str(corpus)], db=fresh, workers=1)
    assert _table(fresh) == _table(db_path)
    with open_store(fresh) as store, store.writing() as writer:  # importing twice adds nothing
        writer.begin()
        assert import_decisions(store.db, writer.identity, read_tsv(tsv)) == 0
        writer.commit()
        assert len(decisions(store.db)) == 4


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("name\tvalue\n", "not a curation file"),
        (
            "action\ttype\tname\tvalue\tcreated_at\nfuse\t\tA\tB\t\n",
            "line 2: unknown curation action",
        ),
        ("action\ttype\tname\tvalue\tcreated_at\nmerge\t\tA\t\t\n", "line 2: curate merge needs"),
    ],
)
def test_a_bad_curation_file_is_refused_naming_the_line(
    tmp_path: Path, content: str, message: str
) -> None:
    path = tmp_path / "bad.tsv"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError, match=message):
        read_tsv(path)
