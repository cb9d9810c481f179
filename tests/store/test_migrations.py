import sqlite3
import threading
from pathlib import Path

import pytest

from newscorpus.errors import StoreError
from newscorpus.store import open_store
from newscorpus.store.migrations import MIGRATIONS, schema_version


def test_new_store_records_every_migration_once(db_path: Path) -> None:
    with open_store(db_path) as store:
        assert schema_version(store.db) == len(MIGRATIONS)
        assert store.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    with open_store(db_path) as store:  # reopening applies nothing twice
        rows = store.db.execute("SELECT count(*) FROM schema_migrations").fetchone()[0]
        assert rows == len(MIGRATIONS)


def test_two_processes_opening_a_new_store_at_once(db_path: Path) -> None:
    errors: list[BaseException] = []

    def opener() -> None:
        try:
            open_store(db_path).close()
        except BaseException as error:  # noqa: BLE001 - collected and asserted below
            errors.append(error)

    threads = [threading.Thread(target=opener) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    with open_store(db_path) as store:
        assert schema_version(store.db) == len(MIGRATIONS)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"this is not a database, just text" * 100, "not a newscorpus database"),
    ],
)
def test_a_file_that_is_not_a_database_is_refused(
    tmp_path: Path, content: bytes, message: str
) -> None:
    path = tmp_path / "notes.db"
    path.write_bytes(content)
    with pytest.raises(StoreError, match=message):
        open_store(path)
    assert path.read_bytes() == content  # never overwritten


def test_missing_store_for_a_query_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="run `newscorpus ingest PATH` first"):
        open_store(tmp_path / "absent.db", create=False)
    assert not (tmp_path / "absent.db").exists()


def test_folder_as_database_is_refused(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="is a folder"):
        open_store(tmp_path)


def test_schema_has_the_tables_queries_need(db_path: Path) -> None:
    with open_store(db_path) as store:
        names = {
            r[0] for r in store.db.execute("SELECT name FROM sqlite_master WHERE type='table'")
        }
    assert {
        "files",
        "documents",
        "paragraphs",
        "actors",
        "actor_keys",
        "mentions",
        "claims",
        "dates",
        "events",
        "event_actors",
        "schema_migrations",
    } <= names
    assert sqlite3.sqlite_version_info >= (3, 35)
