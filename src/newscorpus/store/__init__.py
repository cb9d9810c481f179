"""The SQLite store: opening, locking, and writing analyzed files.

One writer at a time: an ingest takes an exclusive lock file beside the database, so a
second ingest waits for it (reads never wait). Every file is written in one transaction
together with its documents and everything extracted from them, so a crash or a kill
leaves either the whole file or none of it.
"""

from __future__ import annotations

import fcntl
import os
import sqlite3
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

from newscorpus.errors import StoreError
from newscorpus.store.migrations import apply_migrations
from newscorpus.store.writer import FileRecord, Writer

__all__ = ["DEFAULT_DB", "FileRecord", "Store", "default_db_path", "open_reader", "open_store"]

DEFAULT_DB = "newscorpus.db"


def default_db_path() -> Path:
    """``$NEWSCORPUS_DB`` if set, else ``newscorpus.db`` in the current directory."""
    return Path(os.environ.get("NEWSCORPUS_DB") or DEFAULT_DB)


class Store:
    """A newscorpus database: a thin owner of one SQLite connection."""

    def __init__(self, path: Path, db: sqlite3.Connection) -> None:
        self.path = path
        self.db = db

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def writing(self, on_wait: Callable[[], None] | None = None) -> Iterator[Writer]:
        """Hold the ingest lock and yield a Writer; waits for another ingest to finish."""
        lock_path = self.path.with_name(self.path.name + ".lock")
        with open(lock_path, "a+b") as lock:
            _lock_exclusive(lock, on_wait)
            writer = Writer(self.db)
            try:
                yield writer
                writer.flush()
                if not writer.aborted:
                    from newscorpus.store import cooccurrence, stories

                    if writer.changed or not cooccurrence.is_fresh(self.db):
                        cooccurrence.rebuild(self.db)
                    if writer.changed or not stories.is_fresh(self.db):
                        stories.rebuild(self.db)
            finally:
                writer.abort()
                fcntl.flock(lock, fcntl.LOCK_UN)


def _lock_exclusive(lock: IO[bytes], on_wait: Callable[[], None] | None) -> None:
    try:
        fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        if on_wait is not None:
            on_wait()
        fcntl.flock(lock, fcntl.LOCK_EX)


def _connect(db_path: Path, patience: float = 60.0) -> sqlite3.Connection:
    """Connect, switch to WAL and migrate; wait out other processes doing the same.

    Two processes creating one database at once can get SQLITE_BUSY from the journal-mode
    switch without SQLite's busy handler being asked, so busy errors are retried here.
    """
    deadline = time.monotonic() + patience
    while True:
        db = None
        try:
            db = sqlite3.connect(db_path, isolation_level=None, timeout=patience)
            db.execute("PRAGMA busy_timeout=60000")
            db.execute("PRAGMA journal_mode=WAL")
            db.execute("PRAGMA synchronous=NORMAL")
            db.execute("PRAGMA foreign_keys=ON")
            apply_migrations(db)
            return db
        except sqlite3.OperationalError as error:
            if db is not None:
                db.close()
            busy = "locked" in str(error) or "busy" in str(error)
            if not busy:
                raise StoreError(f"{db_path}: cannot open the database ({error})") from None
            if time.monotonic() > deadline:
                raise StoreError(
                    f"{db_path}: the database stayed locked by another process; try again"
                ) from None
            time.sleep(0.05)
        except sqlite3.DatabaseError as error:
            if db is not None:
                db.close()
            raise StoreError(f"{db_path}: not a newscorpus database ({error})") from None


def open_store(path: str | Path | None = None, *, create: bool = True) -> Store:
    """Open (and migrate) the store; with create=False a missing database is an error."""
    db_path = Path(path) if path is not None else default_db_path()
    from newscorpus.store.dataset import is_dataset

    if db_path.is_dir() and is_dataset(db_path):
        raise StoreError(
            f"{db_path}: is a dataset (made by `ingest --engine dask`); this command needs a"
            " SQLite database"
        )
    if db_path.is_dir():
        raise StoreError(
            f"{db_path}: is a folder, not a database file (nor a dataset: no manifest)"
        )
    if not db_path.exists():
        if not create:
            raise StoreError(
                f"{db_path}: no database here yet; run `newscorpus ingest PATH` first"
                " (or point --db / NEWSCORPUS_DB at an existing one)"
            )
        if not db_path.parent.exists():
            raise StoreError(f"{db_path}: folder {db_path.parent} does not exist")
    db = _connect(db_path)
    return Store(db_path, db)


def open_reader(path: str | Path | None = None) -> Any:
    """A store to query: a Parquet dataset (a folder with a manifest, or a URL) read with
    DuckDB (``store.dataset``), else the SQLite database, which must exist."""
    from newscorpus.store.dataset import is_dataset, open_dataset

    chosen = path if path is not None else default_db_path()
    if is_dataset(chosen):
        return open_dataset(chosen)
    return open_store(chosen, create=False)
