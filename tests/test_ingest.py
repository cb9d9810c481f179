"""Ingest: idempotence, replacement, failures that keep what is stored, crashes, concurrency."""

from __future__ import annotations

import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from newscorpus.ingest import ingest
from newscorpus.store import open_store


def _count(db: Path, table: str) -> int:
    with sqlite3.connect(db) as conn:
        return int(conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])


def _snapshot(db: Path) -> dict[str, list[tuple]]:
    """Everything the extractors stored, without ids, for comparing two runs."""
    with sqlite3.connect(db) as conn:
        return {
            "actors": sorted(conn.execute("SELECT name, type, mentions, documents FROM actors")),
            "mentions": sorted(
                conn.execute(
                    'SELECT f.path, d.article_index, m.start, m."end", m.text, a.name'
                    " FROM mentions m"
                    " JOIN documents d ON d.id = m.document_id JOIN files f ON f.id = d.file_id"
                    " JOIN actors a ON a.id = m.actor_id"
                )
            ),
            "claims": sorted(
                conn.execute(
                    'SELECT d.article_index, c.start, c."end", c.speaker, c.content FROM claims c'
                    " JOIN documents d ON d.id = c.document_id"
                )
            ),
            "dates": sorted(
                conn.execute(
                    'SELECT d.article_index, t.start, t."end", t.value FROM dates t'
                    " JOIN documents d ON d.id = t.document_id"
                )
            ),
        }


def test_seeds_split_into_their_articles(seeds: Path, db_path: Path) -> None:
    summary = ingest([str(seeds)], db=db_path, workers=1)
    assert summary.files_read == 5 and summary.failures == []
    assert summary.articles == 7  # 000 and 003 each hold a second article
    assert summary.paragraphs["boilerplate"] > 0
    assert summary.mentions > 0 and summary.claims > 0 and summary.dates > 0


def test_reingest_stores_nothing_twice(seeds: Path, db_path: Path) -> None:
    ingest([str(seeds)], db=db_path, workers=1)
    before = _snapshot(db_path)
    summary = ingest([str(seeds)], db=db_path, workers=1)
    assert (summary.files_read, summary.files_unchanged, summary.articles) == (0, 5, 0)
    assert _snapshot(db_path) == before
    assert _count(db_path, "documents") == 7


def test_same_content_with_a_new_mtime_is_unchanged(
    tmp_path: Path, seeds: Path, db_path: Path
) -> None:
    target = tmp_path / "in" / "a.txt"
    target.parent.mkdir()
    shutil.copy(seeds / "004_3c02205b5ae586b6.txt", target)
    ingest([str(target.parent)], db=db_path, workers=1, analysis=False)
    os.utime(target, ns=(time.time_ns(), time.time_ns() + 10**9))
    summary = ingest([str(target.parent)], db=db_path, workers=1, analysis=False)
    assert (summary.files_read, summary.files_unchanged) == (0, 1)


def test_a_changed_file_replaces_its_old_version(
    tmp_path: Path, seeds: Path, db_path: Path
) -> None:
    target = tmp_path / "in" / "a.txt"
    target.parent.mkdir()
    shutil.copy(seeds / "004_3c02205b5ae586b6.txt", target)
    ingest([str(target.parent)], db=db_path, workers=1)
    target.write_text("قال بوتين إن روسيا لن تتراجع.\n\nوأضاف أن الحرب ستستمر.\n", encoding="utf-8")
    summary = ingest([str(target.parent)], db=db_path, workers=1)
    assert summary.files_read == 1
    assert _count(db_path, "files") == 1 and _count(db_path, "documents") == 1
    with sqlite3.connect(db_path) as conn:
        assert "بوتين" in conn.execute("SELECT text FROM documents").fetchone()[0]
        assert conn.execute("SELECT count(*) FROM actors WHERE mentions = 0").fetchone()[0] == 0


def test_a_file_that_turns_bad_keeps_its_stored_version(
    tmp_path: Path, seeds: Path, db_path: Path
) -> None:
    target = tmp_path / "in" / "a.txt"
    target.parent.mkdir()
    shutil.copy(seeds / "004_3c02205b5ae586b6.txt", target)
    ingest([str(target.parent)], db=db_path, workers=1, analysis=False)
    target.write_bytes(bytes(range(256)) * 40)
    summary = ingest([str(target.parent)], db=db_path, workers=1, analysis=False)
    assert [f.path for f in summary.failures] == [str(target)]
    assert _count(db_path, "documents") == 1  # the old version is still there


def test_bad_files_fail_alone(tmp_path: Path, seeds: Path, db_path: Path) -> None:
    folder = tmp_path / "mixed"
    folder.mkdir()
    shutil.copy(seeds / "004_3c02205b5ae586b6.txt", folder / "good.txt")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 8)
    (folder / "lines.jsonl").write_text(
        json.dumps({"text": "قال بوتين إن الحرب ستستمر.", "id": "a"}, ensure_ascii=False)
        + "\n{broken\n"
        + json.dumps({"text": "وقال كيم إن بلاده مستعدة.", "id": "b"}, ensure_ascii=False)
        + "\n",
        encoding="utf-8",
    )
    summary = ingest([str(folder)], db=db_path, workers=1, analysis=False)
    failed = {Path(f.path.split(":line")[0].split(":")[0]).name for f in summary.failures}
    assert failed == {"empty.txt", "binary.txt", "lines.jsonl"}
    assert any("2" in f.path or "line 2" in f.reason for f in summary.failures if "lines" in f.path)
    assert summary.articles == 3  # good.txt and the two good JSON lines


def _big_corpus(folder: Path, seeds: Path, files: int) -> None:
    """Many small articles made from seed paragraphs (each file different)."""
    folder.mkdir()
    paragraphs = [
        p.strip()
        for p in (seeds / "000_4e8ecdeaf3eb5859.txt").read_text(encoding="utf-8").split("\n\n")
        if len(p.strip()) > 80
    ]
    for i in range(files):
        body = "\n\n".join(paragraphs[(i + k) % len(paragraphs)] for k in range(4))
        (folder / f"{i:05d}.txt").write_text(f"مقال رقم {i}\n\n{body}\n", encoding="utf-8")


def _ingest_process(folder: Path, db: Path) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "newscorpus",
            "ingest",
            str(folder),
            "--db",
            str(db),
            "--workers",
            "1",
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )


def test_sigkill_mid_ingest_leaves_a_sound_store_and_a_rerun_completes(
    tmp_path: Path, seeds: Path, db_path: Path
) -> None:
    folder = tmp_path / "corpus"
    _big_corpus(folder, seeds, 1500)
    process = _ingest_process(folder, db_path)
    deadline = time.time() + 120
    stored = 0
    while time.time() < deadline and process.poll() is None:
        time.sleep(0.2)
        if db_path.exists():
            try:
                stored = _count(db_path, "files")
            except sqlite3.OperationalError:
                continue
            if stored >= 50:
                break
    assert process.poll() is None, (
        "ingest finished before it could be killed; make the corpus bigger"
    )
    process.send_signal(signal.SIGKILL)
    process.wait()
    with sqlite3.connect(db_path) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        files, documents = conn.execute(
            "SELECT (SELECT count(*) FROM files), (SELECT count(*) FROM documents)"
        ).fetchone()
        assert 0 < files < 1500
        assert documents == files  # no file without its article, no half-stored article
        orphans = conn.execute(
            "SELECT count(*) FROM documents d WHERE NOT EXISTS"
            " (SELECT 1 FROM paragraphs p WHERE p.document_id = d.id)"
        ).fetchone()[0]
        assert orphans == 0
    summary = ingest([str(folder)], db=db_path, workers=1)
    assert summary.files_unchanged == files and summary.files_read == 1500 - files
    assert _count(db_path, "documents") == 1500


def test_two_ingests_at_once_both_finish_and_store_each_file_once(
    tmp_path: Path, seeds: Path, db_path: Path
) -> None:
    folder = tmp_path / "corpus"
    _big_corpus(folder, seeds, 150)
    first, second = _ingest_process(folder, db_path), _ingest_process(folder, db_path)
    outputs = [p.communicate(timeout=300) for p in (first, second)]
    assert [first.returncode, second.returncode] == [0, 0], outputs
    assert _count(db_path, "files") == 150 and _count(db_path, "documents") == 150
    with open_store(db_path) as store:
        assert store.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


@pytest.mark.slow
def test_one_and_two_workers_store_the_same_results(seeds: Path, tmp_path: Path) -> None:
    one, two = tmp_path / "one.db", tmp_path / "two.db"
    ingest([str(seeds)], db=one, workers=1)
    ingest([str(seeds)], db=two, workers=2)
    assert _snapshot(one) == _snapshot(two)


def test_pool_groups_documents_across_files_and_keeps_input_order() -> None:
    from newscorpus.ingest import (
        BATCH,
        Batch,
        Failure,
        FileDone,
        FileStarted,
        WorkItem,
        _ordered_results,
        _skip_analysis,
    )
    from newscorpus.models import Document
    from newscorpus.store import FileRecord

    def record(name: object) -> FileRecord:
        return FileRecord(str(name), 1, 1, str(name))

    def doc(name: str) -> Document:
        return Document(text=name, paragraphs=(), path=name)

    items: list[WorkItem] = []
    for number in range(3 * BATCH + 5):  # one-article files, as most news corpora have
        items += [
            FileStarted(record(number)),
            Batch([doc(f"doc{number}")]),
            FileDone(record(number)),
        ]
        if number % 7 == 0:
            items.append(Failure(str(number), "unreadable"))
    items += [FileStarted(record("big")), Batch([doc("a")] * (BATCH + 3)), FileDone(record("big"))]
    results = list(_ordered_results(iter(items), 2, _skip_analysis))
    assert [r.documents if isinstance(r, Batch) else r for r in results] == [
        i.documents if isinstance(i, Batch) else i for i in items
    ]
    for item in results:
        if isinstance(item, Batch):
            assert item.analyses is not None and len(item.analyses) == len(item.documents)


@pytest.mark.slow
def test_many_small_files_store_the_same_results_with_two_workers(
    seeds: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "in"
    shutil.copytree(seeds, folder)
    for number in range(30):
        (folder / f"short{number:02}.txt").write_text(
            f"خبر رقم {number}\n\nقال الرئيس الروسي فلاديمير بوتين يوم الاثنين إن المحادثات "
            f"مع الصين ستستمر في موسكو.\n",
            encoding="utf-8",
        )
    (folder / "empty.txt").write_bytes(b"")
    one, two = tmp_path / "one.db", tmp_path / "two.db"
    first = ingest([str(folder)], db=one, workers=1)
    second = ingest([str(folder)], db=two, workers=2)
    assert first.articles == second.articles and len(first.failures) == len(second.failures) == 1
    assert _snapshot(one) == _snapshot(two)
