"""Sources as references a worker process can open (``ingest --engine dask``).

A task sent to a Dask worker names its files rather than holding them: a plain file by its
path (the worker opens it), a file on object storage by its fsspec URL. Archive members and
standard input exist only as the driver reads them, so their bytes travel with the task.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

from newscorpus.errors import InputError
from newscorpus.load.sources import Source

Failed = Callable[[str, str], None]  # (path, reason)


@dataclass(frozen=True, slots=True)
class SourceRef:
    """A source a worker can open: a local file, an fsspec URL, or bytes the driver read
    (archive members, stdin)."""

    path: str
    size: int
    mtime_ns: int
    kind: str  # file | url | bytes
    data: bytes | None = None

    def open(self) -> Source:
        if self.kind == "bytes":
            return Source.from_bytes(self.path, self.data or b"", self.mtime_ns)
        if self.kind == "url":
            import fsspec

            try:
                with fsspec.open(self.path, "rb") as handle:
                    data = handle.read()
            except OSError as error:
                raise InputError(self.path, str(error)) from None
            return Source.from_bytes(self.path, data, self.mtime_ns)
        from newscorpus.load.sources import iter_sources

        found = next(iter(iter_sources([self.path])))
        if isinstance(found, InputError):
            raise found
        return found


def list_refs(paths: Sequence[str], failed: Failed) -> Iterator[SourceRef]:
    """The sources of ``paths`` in ``ingest``'s order, as references a worker can open;
    ``failed(path, reason)`` hears of what cannot be listed or read."""
    from newscorpus.load.sources import iter_sources

    for path in paths:
        if "://" in path:
            yield from _url_sources(path, failed)
            continue
        for source in iter_sources([path]):
            if isinstance(source, InputError):
                failed(source.path, source.reason)
            elif os.path.isfile(source.path) and not _is_archive(source.path):
                yield SourceRef(source.path, source.size, source.mtime_ns, "file")
            else:
                try:
                    data = source.read_bytes()
                except InputError as error:
                    failed(error.path, error.reason)
                    continue
                yield SourceRef(source.path, source.size, source.mtime_ns, "bytes", data)


def _is_archive(path: str) -> bool:
    return path.lower().endswith((".tar.gz", ".tgz", ".tar", ".zip", ".tar.bz2", ".tar.xz"))


def _url_sources(url: str, failed: Failed) -> Iterator[SourceRef]:
    from fsspec.core import url_to_fs

    from newscorpus.load.sources import is_article_name

    fs, root = url_to_fs(url)
    protocol = url.split("://", 1)[0]
    try:
        found = fs.find(root, detail=True) if fs.isdir(root) else {root: fs.info(root)}
    except OSError as error:
        failed(url, str(error))
        return
    names = sorted(p for p in found if is_article_name(p.rsplit("/", 1)[-1]))
    if not names:
        failed(url, "no articles found")
    for name in names:
        info = found[name]
        mtime = info.get("mtime") or info.get("LastModified") or 0
        seconds = mtime.timestamp() if hasattr(mtime, "timestamp") else float(mtime)
        stamp = int(seconds * 1e9)
        yield SourceRef(f"{protocol}://{name}", int(info.get("size") or 0), stamp, "url")
