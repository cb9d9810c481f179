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
from typing import BinaryIO

from newscorpus.load.reader import FORMATS, read_source, sniff_format
from newscorpus.load.sources import Source, iter_sources


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
