"""``ingest``: read input paths, analyze their articles, and store them, streaming.

Sources are read one by one; documents are analyzed in order (in this process, or by a
pool of worker processes over a bounded window) and written by this process alone, file
by file, each file in one transaction. Unchanged files (same path, size and mtime, or same
content) are skipped; a changed file replaces its old version; a file that cannot be read
is reported and leaves whatever the store already held for it untouched.
"""

from __future__ import annotations

import os
import time
from collections import Counter, deque
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from newscorpus.errors import InputError
from newscorpus.load import Source
from newscorpus.load.options import LoadOptions
from newscorpus.models import Analysis, Document
from newscorpus.store import FileRecord, open_store
from newscorpus.store.writer import Writer

BATCH = 8  # documents per task sent to a worker (across files)
# characters per task: a long document (a part of a huge file is up to a million) is a task
# of its own, so the workers share a file's parts and a task's results stay small
TASK_CHARS = 200_000
COMMIT_SECONDS = 1.0  # how often finished files are made durable
STREAM_LIMIT = 8 * 1024 * 1024  # read files larger than this twice (hash, then parse)


@dataclass(frozen=True, slots=True)
class Failure:
    """A file, or an article in one, that could not be read."""

    path: str  # the file, or where in it (file.csv:row 7)
    reason: str
    file: str = ""  # the file it is in, when ``path`` names a place in it

    @property
    def source(self) -> str:
        return self.file or self.path


@dataclass(frozen=True, slots=True)
class LoadWarning:
    """Something a file holds that was read but not understood (its articles are stored)."""

    path: str
    message: str


# The work stream, in input order: a file starts, its documents come in batches (with their
# analyses once a worker has them), the file ends; failures come where they are found.
@dataclass(frozen=True, slots=True)
class FileStarted:
    record: FileRecord


@dataclass(frozen=True, slots=True)
class Batch:
    documents: list[Document]
    analyses: list[Analysis] | None = None  # set by _ordered_results


@dataclass(frozen=True, slots=True)
class FileDone:
    record: FileRecord


WorkItem = FileStarted | Batch | FileDone | Failure


@dataclass(slots=True)
class IngestSummary:
    """What an ingest did; rendered by the CLI and returned to library callers."""

    database: str
    files_read: int = 0
    files_unchanged: int = 0
    articles: int = 0
    paragraphs: Counter[str] = field(default_factory=Counter)
    repeated_paragraphs: int = 0
    mentions: int = 0
    claims: int = 0
    dates: int = 0
    failures: list[Failure] = field(default_factory=list)
    warnings: list[LoadWarning] = field(default_factory=list)
    config: str | None = None
    seconds: float = 0.0
    interrupted: bool = False
    stages: dict[str, float] = field(default_factory=dict)  # --engine dask: map, pass

    def count(self, document: Document, analysis: Analysis) -> None:
        """One stored article."""
        self.articles += 1
        self.paragraphs.update(p.kind for p in document.paragraphs)
        self.repeated_paragraphs += sum(p.duplicate_of is not None for p in document.paragraphs)
        self.mentions += len(analysis.mentions)
        self.claims += len(analysis.claims)
        self.dates += len(analysis.dates)

    def add(self, other: IngestSummary) -> None:
        """What another part of the same ingest did (``scale``: a Dask task's files)."""
        self.files_read += other.files_read
        self.files_unchanged += other.files_unchanged
        self.articles += other.articles
        self.paragraphs.update(other.paragraphs)
        self.repeated_paragraphs += other.repeated_paragraphs
        self.mentions += other.mentions
        self.claims += other.claims
        self.dates += other.dates
        self.failures.extend(other.failures)
        self.warnings.extend(other.warnings)

    @property
    def files_failed(self) -> int:
        """Files with a failure: unreadable, or with articles (rows, lines) that were not."""
        return len({f.source for f in self.failures})

    @property
    def files_done(self) -> int:
        return self.files_read + self.files_unchanged + self.files_failed

    def as_dict(self) -> dict[str, Any]:
        return {
            "database": self.database,
            "files_read": self.files_read,
            "files_unchanged": self.files_unchanged,
            "files_failed": self.files_failed,
            "articles": self.articles,
            "paragraphs": dict(sorted(self.paragraphs.items())),
            "repeated_paragraphs": self.repeated_paragraphs,
            "mentions": self.mentions,
            "claims": self.claims,
            "dates": self.dates,
            "failures": [{"path": f.path, "reason": f.reason} for f in self.failures],
            "warnings": [{"path": w.path, "message": w.message} for w in self.warnings],
            **({"config": self.config} if self.config else {}),
            "seconds": round(self.seconds, 2),
            **({"stages": {k: round(v, 2) for k, v in self.stages.items()}} if self.stages else {}),
        }


ProgressCallback = Callable[[IngestSummary], None]


def count_inputs(paths: Sequence[str]) -> int | None:
    """How many files an ingest of ``paths`` will look at, when that is cheap to know.

    Plain files and folders are only listed; archives and stdin would have to be read
    twice, so with them the count is unknown (None) and progress shows no ETA.
    """
    from newscorpus.load import iter_sources

    archive_ends = (".tar.gz", ".tgz", ".tar", ".zip", ".tar.bz2", ".tar.xz")
    if any(p == "-" or p.lower().endswith(archive_ends) for p in paths):
        return None
    return sum(1 for _ in iter_sources(paths))


def _analyze_batch(documents: list[Document]) -> list[Analysis]:
    from newscorpus.pipeline import analyze_many

    return analyze_many(documents)


def _start_worker() -> None:
    # Workers hold large read-only caches (lexicons, per-word features); a long-lived
    # process spends less time re-scanning them in full garbage collections.
    import gc

    gc.set_threshold(50_000, 20, 100)


def _skip_analysis(documents: list[Document]) -> list[Analysis]:
    return [Analysis() for _ in documents]


def _fingerprint(source: Source) -> tuple[str, Source]:
    """The source's digest, and a source to parse that does not read the file again.

    Files up to STREAM_LIMIT are read once and parsed from memory; bigger ones are hashed
    as a stream and then streamed again by the parser, so they are never held whole.
    """
    from newscorpus.load import file_digest, stream_digest

    if source.size > STREAM_LIMIT:
        with source.open_stream() as stream:
            return stream_digest(stream), source
    data = source.read_bytes()
    return file_digest(data), Source.from_bytes(source.path, data, source.mtime_ns)


class _Plan:
    """Turns sources into an ordered stream of work items, skipping unchanged files."""

    def __init__(
        self,
        known: dict[str, tuple[int, int, str]],
        summary: IngestSummary,
        input_format: str,
        date: str | None,
        options: LoadOptions,
    ) -> None:
        self.known = known
        self.summary = summary
        self.input_format = input_format
        self.date = date
        self.options = options
        self.unchanged: list[FileRecord] = []

    def items(self, paths: Sequence[str]) -> Iterator[WorkItem]:
        from newscorpus.load import iter_sources, read_source

        for source in iter_sources(paths):
            if isinstance(source, InputError):
                self.summary.failures.append(Failure(source.path, source.reason))
                continue
            old = self.known.get(source.path)
            if old and source.mtime_ns and old[0] == source.size and old[1] == source.mtime_ns:
                self.summary.files_unchanged += 1
                continue
            try:
                digest, parsed = _fingerprint(source)
            except InputError as error:
                self.summary.failures.append(Failure(error.path, error.reason))
                continue
            # The size the source reports (compressed, for .gz) is what the next run sees.
            record = FileRecord(source.path, source.size, source.mtime_ns, digest)
            if old and old[2] == digest:
                self.unchanged.append(record)
                self.summary.files_unchanged += 1
                continue
            yield FileStarted(record)
            batch: list[Document] = []
            for item in read_source(parsed, self.input_format, self.date, self.options, self._warn):
                if isinstance(item, InputError):
                    yield Failure(item.path, item.reason, source.path)
                    continue
                batch.append(item)
                if len(batch) >= BATCH:
                    yield Batch(batch)
                    batch = []
            if batch:
                yield Batch(batch)
            yield FileDone(record)

    def _warn(self, path: str, message: str) -> None:
        self.summary.warnings.append(LoadWarning(path, message))


def _ordered_results(
    items: Iterator[WorkItem], workers: int, analyze_batch: Callable[..., list[Analysis]]
) -> Iterator[WorkItem]:
    """Items in input order, each Batch with its analyses.

    With a pool, consecutive items are grouped into tasks of about BATCH documents or
    TASK_CHARS characters, across file boundaries (most news files hold one article), and
    up to ``workers * 3`` tasks are in flight, so workers never wait on the reader for lack
    of queued work, and memory holds a few tasks, not a file.
    """
    items = _task_sized(items)
    if workers <= 1:
        for item in items:
            if isinstance(item, Batch):
                item = Batch(item.documents, analyze_batch(item.documents))
            yield item
        return
    window = workers * 3
    with ProcessPoolExecutor(max_workers=workers, initializer=_start_worker) as pool:
        # The first task forks every worker: now, before the reader holds a file, so no
        # worker starts with a copy of one.
        pool.submit(_start_worker).result()
        pending: deque[tuple[list[WorkItem], Future[list[Analysis]] | None]] = deque()
        group: list[WorkItem] = []
        documents: list[Document] = []
        chars = 0
        for item in items:
            group.append(item)
            if isinstance(item, Batch):
                documents.extend(item.documents)
                chars += sum(len(d.text) for d in item.documents)
            if len(documents) >= BATCH or chars >= TASK_CHARS or len(group) >= 4 * BATCH:
                future = pool.submit(analyze_batch, documents) if documents else None
                pending.append((group, future))
                group, documents, chars = [], [], 0
                while len(pending) > window:
                    yield from _split_results(*pending.popleft())
        if group:
            pending.append((group, pool.submit(analyze_batch, documents) if documents else None))
        while pending:
            yield from _split_results(*pending.popleft())


def _task_sized(items: Iterator[WorkItem]) -> Iterator[WorkItem]:
    """Items, with each Batch over TASK_CHARS characters split, so it can end a task."""
    for item in items:
        if not isinstance(item, Batch):
            yield item
            continue
        documents: list[Document] = []
        chars = 0
        for document in item.documents:
            documents.append(document)
            chars += len(document.text)
            if chars >= TASK_CHARS:
                yield Batch(documents)
                documents, chars = [], 0
        if documents:
            yield Batch(documents)


def _split_results(
    group: list[WorkItem], future: Future[list[Analysis]] | None
) -> Iterator[WorkItem]:
    analyses = future.result() if future is not None else []
    used = 0
    for item in group:
        if isinstance(item, Batch):
            yield Batch(item.documents, analyses[used : used + len(item.documents)])
            used += len(item.documents)
        else:
            yield item


def ingest(
    paths: Sequence[str],
    *,
    db: str | Path | None = None,
    input_format: str = "auto",
    date: str | None = None,
    fields: Sequence[str] = (),
    date_format: str | None = None,
    config: str | None = None,
    workers: int | None = None,
    reanalyze: bool = False,
    progress: ProgressCallback | None = None,
    on_wait: Callable[[], None] | None = None,
    analysis: bool = True,
) -> IngestSummary:
    """Ingest ``paths`` into the store at ``db``; see the module docstring.

    ``fields`` (``"date=date_extracted"`` ...), ``date_format`` and ``config`` (a
    ``newscorpus.toml``; by default the one beside the inputs) say how to read records
    (``load.options``). ``reanalyze`` reads and analyzes every file again, changed or not
    (after an upgrade that finds more, or builds the search index). ``analysis=False``
    loads and stores without any NLP (for measuring the loader alone).
    """
    from newscorpus.load.options import resolve_options

    started = time.perf_counter()
    options = resolve_options(paths, fields, date_format, config)
    workers = workers or os.cpu_count() or 1
    heap = _Heap()
    with open_store(db) as store:
        summary = IngestSummary(database=str(store.path), config=options.config)
        with store.writing(on_wait) as writer:
            known = {} if reanalyze else writer.known_files()
            plan = _Plan(known, summary, input_format, date, options)
            last_commit = time.perf_counter()
            current: FileRecord | None = None
            current_open = False
            try:
                for item in _ordered_results(
                    plan.items(paths), workers, _analyze_batch if analysis else _skip_analysis
                ):
                    if isinstance(item, Failure):
                        summary.failures.append(item)
                    elif isinstance(item, FileStarted):
                        current, current_open = item.record, False
                    elif isinstance(item, Batch) and current is not None:
                        if not current_open:
                            writer.begin_file(current)
                            current_open = True
                        _store_batch(writer, summary, item.documents, item.analyses or [])
                        heap.after(item.documents)
                    elif isinstance(item, FileDone):
                        summary.files_read += current_open
                        current, current_open = None, False
                        if time.perf_counter() - last_commit > COMMIT_SECONDS:
                            writer.commit()
                            last_commit = time.perf_counter()
                        if progress is not None:
                            summary.seconds = time.perf_counter() - started
                            progress(summary)
                for record in plan.unchanged:
                    writer.touch_file(record)
            except KeyboardInterrupt:
                writer.abort()
                summary.interrupted = True
    summary.seconds = time.perf_counter() - started
    return summary


class _Heap:
    """Keeps the ingest's memory from creeping up on a file of huge parts (glibc only).

    Parts of a quarter of a million characters are strings of half a megabyte, and results
    as big: glibc raises its mmap threshold after freeing such blocks, so later ones come
    from the heap, which then only grows (a 50 MB file: 291 MB, with this 224 MB). A fixed
    threshold and a trim after each big batch give that memory back.
    """

    def __init__(self) -> None:
        import ctypes

        try:
            self.libc: Any = ctypes.CDLL(None)
            self.libc.mallopt(-3, 256 << 10)  # M_MMAP_THRESHOLD, fixed
        except (OSError, AttributeError):  # not glibc
            self.libc = None

    def after(self, documents: list[Document]) -> None:
        if self.libc is not None and sum(len(d.text) for d in documents) >= TASK_CHARS:
            self.libc.malloc_trim(0)


def _store_batch(
    writer: Writer, summary: IngestSummary, documents: list[Document], analyses: list[Analysis]
) -> None:
    for document, analysis in zip(documents, analyses, strict=True):
        writer.add_document(document, analysis)
        summary.count(document, analysis)
