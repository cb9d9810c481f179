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
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from newscorpus.store.dataset import Location, export_tables
from newscorpus.store.parts import PartFile, part_files
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
        with location.fs.open(location.path(part_folder(run, part), f"{table}.parquet")) as f:
            found[table] = pq.read_table(f)
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


def _stored_files(
    location: Location, manifest: dict[str, Any], stored: dict[str, tuple[int, int]]
) -> Iterator[PartFile]:
    from newscorpus.store.parts import TABLES

    for entry in manifest.get("runs", []):
        run = int(entry["run"])
        for part in range(int(entry["parts"])):
            if (run, part) not in set(stored.values()):
                continue
            for part_file in part_files(read_part(location, run, part, (*TABLES, "analyses"))):
                if stored.get(part_file.record.path) == (run, part):
                    yield part_file


def rebuild(location: Location, progress: Callable[[int], None] | None = None) -> PassSummary:
    """Replay the dataset's files into a scratch store and write its tables."""
    from newscorpus.store import open_store

    started = time.perf_counter()
    manifest = location.read_manifest()
    stored, records = latest_versions(location, manifest)
    files = articles = 0
    with tempfile.TemporaryDirectory(prefix="newscorpus-pass-") as scratch:
        with open_store(Path(scratch) / "pass.db") as store:
            with store.writing() as writer:
                for part_file in _stored_files(location, manifest, stored):
                    if not part_file.documents:
                        continue  # as ingest: a file none of whose articles could be read
                    writer.begin_file(records[part_file.record.path])
                    for document, analysis in part_file.documents:
                        writer.add_document(document, analysis)
                    files += 1
                    articles += len(part_file.documents)
                    if files % COMMIT_FILES == 0:
                        writer.commit()
                        if progress is not None:
                            progress(files)
            tables = _publish(store.db, location)
    manifest["tables"] = list(tables)
    location.write_manifest(manifest)
    return PassSummary(files, articles, tables, time.perf_counter() - started)


def _publish(db: Any, location: Location) -> tuple[str, ...]:
    """Tables written beside the old ones, then put in their place."""
    fs = location.fs
    staged = location.path("tables.new")
    if fs.exists(staged):
        fs.rm(staged, recursive=True)
    tables = tuple(export_tables(db, location, "tables.new"))
    if fs.exists(location.path("tables")):
        fs.rm(location.path("tables"), recursive=True)
    fs.mv(staged, location.path("tables"), recursive=True)
    return tables
