"""``ingest --engine dask``: the analysis mapped over a Dask cluster, into a Parquet dataset.

1. The driver lists the sources in the order ``ingest`` reads them, leaves out the files the
   dataset holds unchanged (same path, size and mtime) and cuts the rest into parts of
   consecutive files.
2. Each part is one task: a Dask worker reads its files (``load``), analyzes their documents
   (``pipeline.analyze_many``: pure, so any worker may take any part) and writes the part's
   tables (``store.parts``) into the dataset itself, so workers write in parallel and the
   driver never holds an article. A part is written whole or not at all (a folder written
   aside, then renamed); the manifest lists a run's parts once they are all written.
3. The corpus-wide pass (``store.dataset_pass``) replays every part into the store's writer
   in a fixed order and writes the tables the query commands read through DuckDB.

Inputs are local paths (read by the workers, so on a real cluster they must be on a shared
file system) or fsspec URLs (``s3://bucket/news/``); the dataset is a folder or a URL.
"""

from __future__ import annotations

import logging
import os
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from newscorpus.errors import InputError, NewsCorpusError, StoreError
from newscorpus.ingest import Failure, IngestSummary, LoadWarning, ProgressCallback
from newscorpus.load.refs import SourceRef, list_refs
from newscorpus.store.dataset import MANIFEST
from newscorpus.store.writer import FileRecord

FILES_PER_PART = 200
PART_BYTES = 16 << 20  # a part also ends when its files hold this many bytes


@dataclass(frozen=True, slots=True)
class PartTask:
    url: str  # the dataset
    run: int
    part: int
    sources: tuple[SourceRef, ...]
    known: tuple[tuple[str, str], ...]  # (path, digest) of earlier versions of these files
    input_format: str
    date: str | None
    options: tuple[tuple[tuple[str, str], ...], str | None, tuple[tuple[str, str], ...], str | None]


@dataclass(frozen=True, slots=True)
class PartReport:
    """What a worker did with a part: counts, failures, warnings (the documents are in the
    dataset)."""

    part: int
    done: IngestSummary


def _options(task: PartTask) -> Any:
    from types import MappingProxyType

    from newscorpus.load.options import LoadOptions

    fields, date_format, outlets, config = task.options
    return LoadOptions(
        MappingProxyType(dict(fields)), date_format, MappingProxyType(dict(outlets)), config
    )


_started = False


def run_part(task: PartTask) -> PartReport:
    """Read, analyze and write one part (runs on a Dask worker)."""
    global _started
    from newscorpus.ingest import _fingerprint, _start_worker
    from newscorpus.load import read_source
    from newscorpus.pipeline import analyze_many
    from newscorpus.store.dataset import Location
    from newscorpus.store.parts import PartFile

    if not _started:
        _start_worker()
        _started = True
    done = IngestSummary(database=task.url)
    known = dict(task.known)
    options = _options(task)
    stored: list[PartFile] = []
    touched: list[FileRecord] = []
    for ref in task.sources:
        try:
            digest, parsed = _fingerprint(ref.open())
        except InputError as error:
            done.failures.append(Failure(error.path, error.reason))
            continue
        record = FileRecord(ref.path, ref.size, ref.mtime_ns, digest)
        if known.get(ref.path) == digest:
            touched.append(record)
            done.files_unchanged += 1
            continue
        documents = []

        def warn(path: str, text: str) -> None:
            done.warnings.append(LoadWarning(path, text))

        for item in read_source(parsed, task.input_format, task.date, options, warn):
            if isinstance(item, InputError):
                done.failures.append(Failure(item.path, item.reason, ref.path))
            else:
                documents.append(item)
        analyses = analyze_many(documents)
        if not documents:
            continue  # as ingest: reported, and whatever the dataset held for it stays
        stored.append(PartFile(record, tuple(zip(documents, analyses, strict=True))))
        done.files_read += 1
        for document, analysis in zip(documents, analyses, strict=True):
            done.count(document, analysis)
    try:
        _write_part(Location.of(task.url), task.run, task.part, stored, touched)
    except OSError as error:
        raise StoreError(f"{task.url}: cannot write the dataset ({error})") from None
    return PartReport(task.part, done)


def _write_part(
    location: Any, run: int, part: int, stored: Sequence[Any], touched: Sequence[FileRecord]
) -> None:
    import pyarrow.parquet as pq

    from newscorpus.store.dataset_pass import part_folder
    from newscorpus.store.parts import part_tables, touched_table

    folder = part_folder(run, part)
    staged = location.path(folder + ".writing")
    fs = location.fs
    if fs.exists(staged):
        fs.rm(staged, recursive=True)
    fs.makedirs(staged, exist_ok=True)
    tables = part_tables(stored) | {"touched": touched_table(touched)}
    for name, table in tables.items():
        with fs.open(f"{staged}/{name}.parquet", "wb") as handle:
            pq.write_table(table, handle, compression="zstd")
    if fs.exists(location.path(folder)):
        fs.rm(location.path(folder), recursive=True)
    fs.mv(staged, location.path(folder), recursive=True)


# -- the driver ---------------------------------------------------------------------------------
def _parts(refs: Iterator[SourceRef], per_part: int) -> Iterator[list[SourceRef]]:
    part: list[SourceRef] = []
    size = 0
    for ref in refs:
        part.append(ref)
        size += ref.size
        if len(part) >= per_part or size >= PART_BYTES:
            yield part
            part, size = [], 0
    if part:
        yield part


@dataclass(frozen=True, slots=True)
class DaskOptions:
    scheduler: str | None = None  # a running cluster's address; else a local one
    workers: int | None = None  # processes of the local cluster
    files_per_part: int = FILES_PER_PART


def ingest_dataset(
    paths: Sequence[str],
    out: str,
    *,
    dask: DaskOptions = DaskOptions(),
    input_format: str = "auto",
    date: str | None = None,
    fields: Sequence[str] = (),
    date_format: str | None = None,
    config: str | None = None,
    reanalyze: bool = False,
    progress: ProgressCallback | None = None,
) -> IngestSummary:
    """Analyze ``paths`` on a Dask cluster into the dataset ``out``, then run the pass."""
    from newscorpus.load.options import resolve_options
    from newscorpus.store.dataset import Location

    started = time.perf_counter()
    options = resolve_options(paths, fields, date_format, config)
    location = Location.of(out)
    _check_target(location)
    with _locked(location):
        return _ingest_locked(
            location, paths, dask, input_format, date, options, reanalyze, progress, started
        )


def _ingest_locked(
    location: Any,
    paths: Sequence[str],
    dask: DaskOptions,
    input_format: str,
    date: str | None,
    options: Any,
    reanalyze: bool,
    progress: ProgressCallback | None,
    started: float,
) -> IngestSummary:
    from newscorpus.store.dataset import FORMAT
    from newscorpus.store.dataset_pass import latest_versions, rebuild, record_tables, replaying

    out = location.url
    manifest: dict[str, Any] = {"format": FORMAT, "runs": [], "tables": []}
    if location.exists(MANIFEST):
        manifest = location.read_manifest()
    _, records = latest_versions(location, manifest)
    summary = IngestSummary(database=out, config=options.config)
    run = max((int(r["run"]) for r in manifest["runs"]), default=0) + 1
    shipped = (
        tuple(options.fields.items()),
        options.date_format,
        tuple(options.outlets.items()),
        options.config,
    )

    def failed(path: str, reason: str) -> None:
        summary.failures.append(Failure(path, reason))

    changed = _changed(list_refs(paths, failed), records, reanalyze, summary)
    tasks = []
    for number, refs in enumerate(_parts(changed, dask.files_per_part)):
        known = tuple((r.path, records[r.path].digest) for r in refs if r.path in records)
        tasks.append(
            PartTask(
                out,
                run,
                number,
                tuple(refs),
                () if reanalyze else known,
                input_format,
                date,
                shipped,
            )
        )
    reports: list[PartReport] = []
    if tasks and not manifest["runs"]:
        # A new dataset: the pass replays each part as soon as it and those before it are
        # written, while the workers go on (on one machine, the two overlap).
        arrived: set[int] = set()
        with replaying(location) as replay:
            for report in _map(tasks, dask, summary, progress, started):
                reports.append(report)
                arrived.add(report.part)
                while replay.parts in arrived:
                    replay.add(run, replay.parts)
                    replay.parts += 1
            _record_run(location, manifest, run, len(tasks), paths)
        record_tables(location, replay)
    elif tasks:
        reports = list(_map(tasks, dask, summary, progress, started))
        if any(r.done.files_read or r.done.files_unchanged for r in reports):
            _record_run(location, manifest, run, len(tasks), paths)
            rebuild(location)
        else:  # only files that failed again: nothing changes, no pass to run
            location.fs.rm(location.path(f"analysis/run-{run:05d}"), recursive=True)
    elif manifest["runs"] and manifest.get("passed") != manifest["runs"][-1]["run"]:
        rebuild(location)  # an earlier pass was stopped: its tables miss the last run
    if "map" in summary.stages:  # what the pass took once every part was written
        summary.stages["pass_after_map"] = time.perf_counter() - started - summary.stages["map"]
    summary.files_read = 0  # counted during the map for progress; now in input order
    for report in sorted(reports, key=lambda r: r.part):
        summary.add(report.done)
    summary.seconds = time.perf_counter() - started
    return summary


def _check_target(location: Any) -> None:
    """A dataset goes into a new folder, or one that holds a dataset (or the parts a first
    run left when it was stopped): never into a file or someone's folder."""
    if not location.local:
        return
    root = Path(location.root)
    if root.exists() and not root.is_dir():
        raise StoreError(f"{location.url}: is a file; --out names a dataset folder")
    if root.is_dir() and not (root / MANIFEST).exists():
        ours = ("analysis", LOCK)  # what a first run stopped early leaves
        other = sorted(p.name for p in root.iterdir() if p.name not in ours)
        if other:
            raise StoreError(
                f"{location.url}: holds {other[0]!r} and is not a dataset; --out names a new"
                " folder or an existing dataset"
            )


LOCK = "newscorpus-dataset.lock"


@contextmanager
def _locked(location: Any) -> Iterator[None]:
    """One ingest at a time into a local dataset (a second one waits); on object storage
    there is no lock: do not run two ingests into one dataset at once."""
    if not location.local:
        yield
        return
    import fcntl

    os.makedirs(location.root, exist_ok=True)
    with open(os.path.join(location.root, LOCK), "a+b") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def _record_run(
    location: Any, manifest: dict[str, Any], run: int, parts: int, paths: Sequence[str]
) -> None:
    """The run's parts are all written: list them (the pass reads what the manifest lists)."""
    manifest["runs"].append(
        {
            "run": run,
            "parts": parts,
            "inputs": list(paths),
            "finished": datetime.now(UTC).isoformat(timespec="seconds"),
        }
    )
    location.write_manifest(manifest)


def _changed(
    refs: Iterator[SourceRef],
    records: dict[str, FileRecord],
    reanalyze: bool,
    summary: IngestSummary,
) -> Iterator[SourceRef]:
    seen: set[str] = set()
    for ref in refs:
        if ref.path in seen:
            continue  # named twice (a folder and a file in it): read once, in its first place
        seen.add(ref.path)
        old = records.get(ref.path)
        same = old is not None and (old.size, old.mtime_ns) == (ref.size, ref.mtime_ns)
        if same and ref.mtime_ns and not reanalyze:
            summary.files_unchanged += 1
        else:
            yield ref


def _map(
    tasks: list[PartTask],
    dask: DaskOptions,
    summary: IngestSummary,
    progress: ProgressCallback | None,
    started: float,
) -> Iterator[PartReport]:
    """Each part's report, as its worker finishes it (in any order)."""
    try:
        from dask.distributed import Client, LocalCluster, as_completed
    except ImportError:
        raise NewsCorpusError(
            "--engine dask needs the scale extra: pip install 'newscorpus[scale]'"
        ) from None
    from distributed import KilledWorker

    cluster = None
    if dask.scheduler is None:
        cluster = LocalCluster(
            n_workers=dask.workers or os.cpu_count() or 1,
            threads_per_worker=1,
            processes=True,
            dashboard_address=None,
            silence_logs=logging.CRITICAL,  # a task's error is reported once, by the driver
        )
    try:
        try:
            client = Client(cluster if cluster is not None else dask.scheduler, timeout="30s")
        except OSError as error:
            raise NewsCorpusError(
                f"{dask.scheduler}: cannot reach the Dask scheduler ({error})"
            ) from None
        with client:
            futures = client.map(run_part, tasks, pure=False)
            for _, report in as_completed(futures, with_results=True):
                summary.files_read += report.done.files_read
                if progress is not None:
                    summary.seconds = time.perf_counter() - started
                    progress(summary)
                summary.stages["map"] = time.perf_counter() - started  # until the last part
                yield report
    except KilledWorker as error:
        raise NewsCorpusError(
            f"a Dask worker died while analyzing (out of memory?): {error}; the parts written"
            " so far are kept, the dataset's tables are unchanged"
        ) from None
    finally:
        if cluster is not None:
            cluster.close()
