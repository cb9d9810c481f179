"""Input sources: files, folders, stdin, gzip files and archives read in place.

Owns turning the paths a user typed into a stream of ``Source`` objects, one per input
file, including members of .tar/.tar.gz/.tgz/.zip archives (never extracted to disk).
A bad path becomes an ``InputError`` in the stream so the other paths still load.
"""

from __future__ import annotations

import gzip
import io
import os
import stat
import struct
import sys
import tarfile
import tempfile
import zipfile
import zlib
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import IO, BinaryIO, cast

from newscorpus.errors import InputError

# Members up to this size are read while the archive is walked (sequential, cheap even for
# .tar.gz); bigger ones are re-opened on demand so they are never held in memory whole.
EAGER_MEMBER_BYTES = 8 << 20

_SKIP_EXTENSIONS = frozenset(
    """
    jpg jpeg png gif webp svg bmp ico tif tiff heic avif psd
    mp3 mp4 m4a wav ogg oga flac avi mov mkv webm wmv
    pdf doc docx ppt pptx odt epub
    exe dll so dylib bin o a pyc pyo class jar whl
    db sqlite sqlite3 parquet pkl pickle npy npz pt onnx
    db-wal db-shm db-journal sqlite-wal sqlite-shm sqlite-journal
    toml yaml yml ini cfg
    woff woff2 ttf otf eot css js map lock
    7z rar bz2 xz zst
    """.split()
)
_SKIP_NAMES = ("readme", "license", "licence", "copying", "changelog", "authors", "notice")
_ARCHIVE_SUFFIXES = (".tar.gz", ".tgz", ".tar", ".zip", ".tar.bz2", ".tar.xz")
# A member that expands more than this many times over its compressed size, and past
# BOMB_MIN_BYTES, is refused as a compression bomb; so is a .gz member whose content passes
# MAX_GZ_MEMBER_BYTES. (News text compresses 3-10x; a bomb, thousands of times.)
BOMB_RATIO = 200
BOMB_MIN_BYTES = 64 << 20
MAX_GZ_MEMBER_BYTES = 512 << 20


@dataclass(frozen=True, slots=True)
class Source:
    """One input file, possibly a member of an archive or standard input."""

    path: str  # display path: "seeds/000.txt", "corpus.tar.gz:ant/x/1.xml", "<stdin>"
    size: int
    mtime_ns: int
    _open: Callable[[], BinaryIO] = field(repr=False, compare=False)

    def open_stream(self) -> BinaryIO:
        """Open the (decompressed) bytes for reading; raises InputError."""
        try:
            return self._open()
        except OSError as error:
            raise InputError(self.path, _os_reason(error)) from None

    def read_bytes(self) -> bytes:
        """Read the whole content; for huge inputs prefer ``open_stream``."""
        with self.open_stream() as stream:
            try:
                return stream.read()
            except (OSError, EOFError, zlib.error) as error:
                raise InputError(self.path, _os_reason(error)) from None

    @classmethod
    def from_bytes(cls, path: str, data: bytes, mtime_ns: int = 0) -> Source:
        """A source over bytes already in memory (tests, stdin already read, archives)."""
        return cls(path, len(data), mtime_ns, lambda: io.BytesIO(data))


def stdin_source() -> Source:
    """Standard input as a source that can be opened more than once (hash, then read).

    The first open copies stdin into a spool (in memory up to 16 MB, then a temporary
    file), so a huge pipe is never held in memory whole and can be read again.
    """
    return Source("<stdin>", 0, 0, _Replayable(sys.stdin.buffer).open)


class _Replayable:
    def __init__(self, raw: BinaryIO) -> None:
        self._raw = raw
        self._spool: IO[bytes] | None = None

    def open(self) -> BinaryIO:
        if self._spool is None:
            self._spool = tempfile.SpooledTemporaryFile(max_size=16 << 20)
            while chunk := self._raw.read(1 << 20):
                self._spool.write(chunk)
        self._spool.seek(0)
        return cast(BinaryIO, io.BufferedReader(_Borrowed(self._spool)))


class _Borrowed(io.RawIOBase):
    """Reads a shared spool; closing it leaves the spool open for the next reader."""

    def __init__(self, spool: IO[bytes]) -> None:
        super().__init__()
        self._spool = spool

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray) -> int:  # type: ignore[override]
        data = self._spool.read(len(buffer))
        buffer[: len(data)] = data
        return len(data)


def iter_sources(paths: Sequence[str]) -> Iterator[Source | InputError]:
    """Yield one Source per input file found under ``paths`` (``"-"`` is stdin)."""
    for path in paths:
        if path == "-":
            yield stdin_source()
        elif os.path.isdir(path):
            yield from _walk_directory(path)
        elif os.path.exists(path):
            yield from _file_sources(path)
        else:
            yield InputError(path, "no such file or directory")


def _walk_directory(root: str) -> Iterator[Source | InputError]:
    found = False
    for dirpath, dirnames, filenames in os.walk(root, onerror=None):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(filenames):
            if not is_article_name(name):
                continue
            for item in _file_sources(os.path.join(dirpath, name)):
                found = found or isinstance(item, Source)
                yield item
    if not found:
        yield InputError(root, "no articles found")


def is_article_name(name: str) -> bool:
    """False for hidden files, README/LICENSE files and obvious non-articles (images...)."""
    base = os.path.basename(name)
    lowered = base.lower()
    if not base or base.startswith(".") or lowered.startswith(_SKIP_NAMES):
        return False
    extension = lowered.rsplit(".", 1)[-1] if "." in lowered else ""
    return extension not in _SKIP_EXTENSIONS


def _file_sources(path: str) -> Iterator[Source | InputError]:
    lowered = path.lower()
    try:
        info = os.stat(path)
    except OSError as error:
        yield InputError(path, _os_reason(error))
        return
    if lowered.endswith(".zip"):
        yield from _zip_sources(path)
    elif lowered.endswith(_ARCHIVE_SUFFIXES):
        yield from _tar_sources(path)
    elif lowered.endswith(".gz"):
        size = _gzip_size(path) or info.st_size
        yield Source(path, size, info.st_mtime_ns, lambda: _open_gzip(path))
    else:
        yield Source(path, info.st_size, info.st_mtime_ns, lambda: open(path, "rb"))


def _open_gzip(path: str) -> BinaryIO:
    return gzip.open(path, "rb")  # type: ignore[return-value]


def _gzip_size(path: str) -> int:
    """The uncompressed size from the gzip trailer (modulo 4 GiB, good enough for display)."""
    try:
        with open(path, "rb") as handle:
            handle.seek(-4, os.SEEK_END)
            return int(struct.unpack("<I", handle.read(4))[0])
    except (OSError, struct.error):
        return 0


def _tar_sources(path: str) -> Iterator[Source | InputError]:
    found = False
    packed, expanded = os.path.getsize(path), 0
    try:
        with tarfile.open(path, "r:*") as archive:
            for member in archive:
                if member.isdir() or not is_article_name(member.name):
                    continue
                refused = _unsafe_member(member.name, member.issym() or member.islnk())
                if refused is None and not member.isfile():
                    refused = "not a regular file; not read"
                size = member.size if member.isfile() else 0
                refused = refused or _bomb(expanded + size, packed)
                if refused is not None:
                    yield InputError(f"{path}:{member.name}", refused)
                    continue
                expanded += size  # what the members read so far expand to
                item = _tar_member(path, archive, member)
                found = found or isinstance(item, Source)
                yield item
    except (tarfile.TarError, OSError, EOFError, zlib.error) as error:
        yield InputError(path, f"archive is corrupt or truncated ({_os_reason(error)})")
        return
    if not found:
        yield InputError(path, "no articles found")


def _tar_member(
    path: str, archive: tarfile.TarFile, member: tarfile.TarInfo
) -> Source | InputError:
    display = f"{path}:{member.name}"
    mtime_ns = int(member.mtime) * 1_000_000_000
    if member.name.lower().endswith(_ARCHIVE_SUFFIXES):
        return InputError(display, "archives inside archives are not read; unpack it first")
    if member.size <= EAGER_MEMBER_BYTES:
        handle = archive.extractfile(member)
        data = handle.read() if handle else b""
        return _member_source(display, data, mtime_ns)

    def reopen() -> BinaryIO:
        outer = tarfile.open(path, "r:*")
        inner = outer.extractfile(member)
        if inner is None:
            raise OSError(f"cannot read {member.name}")
        return _maybe_gunzip(member.name, _Closing.wrap(inner, outer))

    return Source(display, member.size, mtime_ns, reopen)


def _zip_sources(path: str) -> Iterator[Source | InputError]:
    found = False
    packed, expanded = os.path.getsize(path), 0
    try:
        with zipfile.ZipFile(path) as archive:
            for info in archive.infolist():
                if info.is_dir() or not is_article_name(info.filename):
                    continue
                display = f"{path}:{info.filename}"
                link = stat.S_ISLNK(info.external_attr >> 16)
                refused = (
                    _unsafe_member(info.filename, link)
                    or _bomb(info.file_size, info.compress_size)
                    or _bomb(expanded + info.file_size, packed)
                )
                if refused is not None:
                    yield InputError(display, refused)
                    continue
                expanded += info.file_size
                mtime_ns = int(datetime(*info.date_time).timestamp()) * 1_000_000_000
                if info.filename.lower().endswith(_ARCHIVE_SUFFIXES):
                    yield InputError(
                        display, "archives inside archives are not read; unpack it first"
                    )
                    continue
                found = True
                if info.file_size <= EAGER_MEMBER_BYTES:
                    yield _member_source(display, archive.read(info), mtime_ns)
                else:
                    yield Source(
                        display, info.file_size, mtime_ns, _zip_opener(path, info.filename)
                    )
    except (zipfile.BadZipFile, OSError, EOFError, zlib.error) as error:
        yield InputError(path, f"archive is corrupt or truncated ({_os_reason(error)})")
        return
    if not found:
        yield InputError(path, "no articles found")


def _unsafe_member(name: str, link: bool) -> str | None:
    """Why a member is not read: a link, or a path that climbs out of the archive."""
    if link:
        return "a link, not a file; not read"
    parts = name.replace("\\", "/").split("/")
    if name.startswith(("/", "\\")) or ".." in parts or (parts and parts[0].endswith(":")):
        return "unsafe member path (absolute or with ..); not read"
    return None


def _bomb(size: int, compressed: int) -> str | None:
    """Why ``size`` bytes out of ``compressed`` ones (a member, or the archive so far) are
    not read: more than ``BOMB_RATIO`` times over, past ``BOMB_MIN_BYTES``."""
    if size > BOMB_MIN_BYTES and size > BOMB_RATIO * max(compressed, 1):
        return (
            f"expands {size // max(compressed, 1):,} times to {size >> 20:,} MB: refused as a "
            f"compression bomb (limit: {BOMB_RATIO}x past {BOMB_MIN_BYTES >> 20} MB)"
        )
    return None


def _zip_opener(path: str, name: str) -> Callable[[], BinaryIO]:
    def reopen() -> BinaryIO:
        outer = zipfile.ZipFile(path)
        return _maybe_gunzip(name, _Closing.wrap(outer.open(name), outer))

    return reopen


def _member_source(display: str, data: bytes, mtime_ns: int) -> Source:
    if display.lower().endswith(".gz"):
        try:
            with gzip.GzipFile(fileobj=io.BytesIO(data)) as inner:
                expanded = inner.read(MAX_GZ_MEMBER_BYTES + 1)
        except (OSError, EOFError, zlib.error):
            return Source(display, len(data), mtime_ns, _raiser("not a valid gzip file"))
        refused = _bomb(len(expanded), len(data))
        if len(expanded) > MAX_GZ_MEMBER_BYTES:
            refused = f"expands past {MAX_GZ_MEMBER_BYTES >> 20} MB: refused as a compression bomb"
        if refused is not None:
            return Source(display, len(data), mtime_ns, _raiser(refused))
        data = expanded
    return Source.from_bytes(display, data, mtime_ns)


def _maybe_gunzip(name: str, stream: BinaryIO) -> BinaryIO:
    if name.lower().endswith(".gz"):
        return gzip.GzipFile(fileobj=stream, mode="rb")  # type: ignore[return-value]
    return stream


def _raiser(reason: str) -> Callable[[], BinaryIO]:
    def fail() -> BinaryIO:
        raise OSError(reason)

    return fail


class _Closing(io.RawIOBase):
    """A member stream that also closes the archive it was opened from."""

    def __init__(self, inner: IO[bytes], owner: tarfile.TarFile | zipfile.ZipFile):
        super().__init__()
        self._inner = inner
        self._owner = owner

    @classmethod
    def wrap(cls, inner: IO[bytes], owner: tarfile.TarFile | zipfile.ZipFile) -> BinaryIO:
        return cast(BinaryIO, io.BufferedReader(cls(inner, owner)))

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray) -> int:  # type: ignore[override]
        data = self._inner.read(len(buffer))
        buffer[: len(data)] = data
        return len(data)

    def close(self) -> None:
        if not self.closed:
            self._inner.close()
            self._owner.close()
        super().close()


def _os_reason(error: BaseException) -> str:
    if isinstance(error, FileNotFoundError):
        return "no such file or directory"
    if isinstance(error, PermissionError):
        return "permission denied"
    if isinstance(error, IsADirectoryError):
        return "is a directory"
    if isinstance(error, OSError) and error.strerror:
        return error.strerror.lower()
    if isinstance(error, EOFError):
        return "compressed data is truncated"
    return str(error) or type(error).__name__
