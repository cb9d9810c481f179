"""The corpus loader: input paths in, ``newscorpus.models.Document`` records out.

``iter_sources`` finds the input files (folders, stdin, .gz files, .tar/.tar.gz/.zip
archives read in place); ``read_source`` decodes one, sniffs its format (plain text, HTML,
TREC-style XML, JSON Lines), splits it into articles and paragraphs and classifies each
paragraph (heading, body, caption, boilerplate, embed). Failures are yielded as
``InputError`` items so one bad file never stops a whole ingest.

    for source in iter_sources(paths):
        if isinstance(source, InputError):
            ...  # report and go on
            continue
        for item in read_source(source, input_format="auto", date=None):
            ...  # Document or InputError
"""

from __future__ import annotations

import hashlib
from typing import TYPE_CHECKING, Any, BinaryIO

if TYPE_CHECKING:
    from newscorpus.load.reader import FORMATS, read_source, sniff_format
    from newscorpus.load.sources import Source, iter_sources

# Readers are imported on first use, so `newscorpus --help` (whose --input-format choices
# come from newscorpus.load.formats) does not load them.
_LAZY = {
    "FORMATS": "newscorpus.load.formats",
    "read_source": "newscorpus.load.reader",
    "sniff_format": "newscorpus.load.reader",
    "Source": "newscorpus.load.sources",
    "iter_sources": "newscorpus.load.sources",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'newscorpus.load' has no attribute {name!r}")
    import importlib

    return getattr(importlib.import_module(module), name)


def file_digest(data: bytes) -> str:
    """Content hash of a file's bytes (sha256, hex), used by the store to skip known files."""
    return hashlib.sha256(data).hexdigest()


def stream_digest(stream: BinaryIO) -> str:
    """``file_digest`` of a stream read in 1 MiB pieces (for files too big to hold)."""
    digest = hashlib.sha256()
    while chunk := stream.read(1 << 20):
        digest.update(chunk)
    return digest.hexdigest()


__all__ = [
    "FORMATS",
    "Source",
    "file_digest",
    "iter_sources",
    "read_source",
    "sniff_format",
    "stream_digest",
]
