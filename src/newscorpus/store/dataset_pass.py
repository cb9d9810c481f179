"""The corpus-wide pass over a dataset: every part's files, in input order, through the
store's writer, then every table out as Parquet (``store.dataset``).

Which corpus actor a mention belongs to, the curation decisions, co-occurrence and events'
stories are decided file after file by ``Writer`` and ``ActorIdentity``, each decision
resting on the ones before; the pass replays the files in one fixed order (runs in the
order they were ingested, parts and files in input order, the latest version of each path)
into a scratch SQLite store, so the tables do not depend on how many workers there were, how
the files were cut into parts or which part finished first, and equal what ``ingest`` into
SQLite stores from the same input. It runs on one machine: its cost is the writer's (see
``docs/scale.md``).
"""

from __future__ import annotations

import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from newscorpus.errors import StoreError
from newscorpus.store.dataset import MANIFEST, Location, export_tables, first_line
from newscorpus.store.parts import part_files
from newscorpus.store.writer import FileRecord

COMMIT_FILES = 500  # files per transaction of the scratch store


@dataclass(frozen=True, slots=True)
class PassSummary:
    files: int
    articles: int
    tables: tuple[str, ...]
    seconds: float


def part_folder(run: int, part: int) -> str:
    return f"analysis/run-{run:05d}/part-{part:06d}"


def read_part(location: Location, run: int, part: int, tables: tuple[str, ...]) -> dict[str, Any]:
    import pyarrow.parquet as pq

    found = {}
    for table in tables:
        path = location.path(part_folder(run, part), f"{table}.parquet")
        try:
            with location.fs.open(path) as handle:
                found[table] = pq.read_table(handle)
        except Exception as error:  # OSError, or pyarrow's errors (a truncated file)
            raise StoreError(
                f"{location.url}: cannot read {path} ({first_line(error)}); ingest again with"
                " --reanalyze"
            ) from None
    return found


def _file_records(location: Location, run: int, part: int, table: str) -> list[FileRecord]:
    columns = read_part(location, run, part, (table,))[table].to_pydict()
    return [
        FileRecord(path, size, mtime, digest)
        for path, size, mtime, digest in zip(
            columns["path"], columns["size"], columns["mtime_ns"], columns["digest"], strict=True
        )
    ]


def latest_versions(
    location: Location, manifest: dict[str, Any]
) -> tuple[dict[str, tuple[int, int]], dict[str, FileRecord]]:
    """Where the latest stored version of each path is (run, part), and each path's latest
    record (a later run may have found it unchanged under a new size or mtime)."""
    stored: dict[str, tuple[int, int]] = {}
    records: dict[str, FileRecord] = {}
    for entry in manifest.get("runs", []):
        run = int(entry["run"])
        for part in range(int(entry["parts"])):
            for record in _file_records(location, run, part, "files"):
                stored[record.path] = (run, part)
                records[record.path] = record
            for record in _file_records(location, run, part, "touched"):
                records[record.path] = record
    return stored, records


class Replay:
    """The scratch store the pass writes into, fed part by part in replay order."""

    def __init__(self, location: Location, writer: Any) -> None:
        self.location = location
        self.writer = writer
        self.files = 0
        self.articles = 0
        self.parts = 0  # parts replayed so far, when they are fed as they arrive
        self.tables: tuple[str, ...] = ()
        self.folder = ""  # where the tables were written

    def add(
        self,
        run: int,
        part: int,
        stored: dict[str, tuple[int, int]] | None = None,
        records: dict[str, FileRecord] | None = None,
    ) -> None:
        """The part's files, but those whose latest version (``stored``) is elsewhere."""
        from newscorpus.store.parts import TABLES

        tables = read_part(self.location, run, part, (*TABLES, "analyses"))
        for part_file in part_files(tables):
            path = part_file.record.path
            if stored is not None and stored.get(path) != (run, part):
                continue
            if not part_file.documents:
                continue  # as ingest: a file none of whose articles could be read
            self.writer.begin_file(records[path] if records else part_file.record)
            for document, analysis in part_file.documents:
                self.writer.add_document(document, analysis)
            self.files += 1
            self.articles += len(part_file.documents)
            if self.files % COMMIT_FILES == 0:
                self.writer.commit()


@contextmanager
def replaying(location: Location) -> Iterator[Replay]:
    """A Replay; once the block ends, the store's corpus-wide tables are built (co-occurrence,
    stories: ``Store.writing``) and every table is written into the dataset."""
    from newscorpus.store import open_store

    with tempfile.TemporaryDirectory(prefix="newscorpus-pass-") as scratch:
        with open_store(Path(scratch) / "pass.db") as store:
            with store.writing() as writer:
                replay = Replay(location, writer)
                yield replay
            replay.folder = _next_folder(location)
            replay.tables = _publish(store.db, location, replay.folder)


def rebuild(location: Location) -> PassSummary:
    """Replay the dataset's files into a scratch store and write its tables."""
    started = time.perf_counter()
    manifest = location.read_manifest()
    stored, records = latest_versions(location, manifest)
    wanted = set(stored.values())
    with replaying(location) as replay:
        for entry in manifest.get("runs", []):
            run = int(entry["run"])
            for part in range(int(entry["parts"])):
                if (run, part) in wanted:
                    replay.add(run, part, stored, records)
    record_tables(location, replay)
    return PassSummary(replay.files, replay.articles, replay.tables, time.perf_counter() - started)


def record_tables(location: Location, replay: Replay) -> None:
    """Point the manifest at the new tables, and say which runs they hold; then remove the
    tables of earlier passes (a query that opened them before may fail, with one line)."""
    manifest = location.read_manifest()
    manifest["tables"] = list(replay.tables)
    manifest["tables_folder"] = replay.folder
    manifest["passed"] = max((int(r["run"]) for r in manifest.get("runs", [])), default=0)
    location.write_manifest(manifest)
    for old in location.fs.ls(location.root, detail=False):
        name = str(old).rstrip("/").rsplit("/", 1)[-1]
        if name.startswith("tables") and name != replay.folder:
            location.fs.rm(location.path(name), recursive=True)


def _next_folder(location: Location) -> str:
    current = location.read_manifest().get("tables_folder") if location.exists(MANIFEST) else None
    number = int(str(current).rsplit("-", 1)[-1]) + 1 if current and "-" in current else 1
    return f"tables-{number:05d}"


def _publish(db: Any, location: Location, folder: str) -> tuple[str, ...]:
    """Every table written into a folder of its own (the manifest names it afterwards)."""
    if location.fs.exists(location.path(folder)):
        location.fs.rm(location.path(folder), recursive=True)
    return tuple(export_tables(db, location, folder))
