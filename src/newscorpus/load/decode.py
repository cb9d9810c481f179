"""Encoding detection and incremental decoding of input bytes.

Owns the answer to "what encoding is this file in, and is it text at all": UTF-8 (with or
without BOM), UTF-16 (with BOM, or BOM-less when the byte pattern makes it plain), and the
two legacy Arabic code pages Windows-1256 and ISO-8859-6. Detection looks at a head sample
only, so huge files can be decoded as a stream afterwards.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterator
from typing import BinaryIO

CHUNK_SIZE = 1 << 20

BINARY = "binary file, not text"
UNDECODABLE = "cannot decode: not UTF-8, UTF-16, Windows-1256 or ISO-8859-6 text"

# Bytes that never occur in text files (NUL is handled on its own, tab/LF/VT/FF/CR are fine).
_CONTROL_BYTES = re.compile(rb"[\x01-\x08\x0e-\x1a\x1c-\x1f\x7f]")
_ARABIC = re.compile(r"[\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff]")
_GLUED = re.compile(r"[A-Za-z][\u0600-\u06ff]|[\u0600-\u06ff][A-Za-z]")
_NON_ASCII = re.compile(r"[^\x00-\x7f]")
# Latin letters with accents: Windows-1256 has some in the 0xE0-0xFF range where
# ISO-8859-6 has Arabic letters, so ISO text read as Windows-1256 is full of them.
_LATIN_ACCENTED = re.compile(r"[\u00c0-\u00ff]")
# High bytes of UTF-16 code units that Arabic text (and its spaces, digits, punctuation) uses.
_UTF16_HIGH_BYTES = frozenset({0x00, 0x06, 0x20, 0xFB, 0xFC, 0xFD, 0xFE})


class DecodeError(ValueError):
    """Raised with a user-facing reason; the caller adds the file path."""


def detect_encoding(head: bytes, complete: bool) -> str:
    """Return the codec name for ``head`` (the whole file when ``complete``).

    Raises DecodeError with the reason ("empty file", "binary file, not text", ...).
    """
    if not head.strip(b" \t\r\n\x0b\x0c"):
        raise DecodeError("empty file")
    if head.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    sample = head[:8192]
    utf16 = _bomless_utf16(sample)
    if utf16:
        return utf16
    if b"\x00" in sample or len(_CONTROL_BYTES.findall(sample)) > max(2, len(sample) // 200):
        raise DecodeError(BINARY)
    decoder = codecs.getincrementaldecoder("utf-8")()
    try:
        decoder.decode(head, final=complete)
        return "utf-8"
    except UnicodeDecodeError:
        pass
    return _legacy_arabic(head)


def _bomless_utf16(sample: bytes) -> str | None:
    """Recognise BOM-less UTF-16 by where its NUL and 0x06 bytes sit."""
    if len(sample) < 16 or b"\x00" not in sample:
        return None
    even, odd = sample[0::2], sample[1::2]
    for high, low, codec in ((odd, even, "utf-16-le"), (even, odd, "utf-16-be")):
        n = min(len(high), len(low))
        if n == 0:
            continue
        high_ok = sum(1 for byte in high[:n] if byte in _UTF16_HIGH_BYTES)
        low_nul = low[:n].count(0)
        if high_ok >= 0.95 * n and low_nul <= 0.05 * n:
            usable = len(sample) - len(sample) % 2
            try:
                sample[:usable].decode(codec)
            except UnicodeDecodeError:
                continue
            return codec
    return None


def _legacy_arabic(head: bytes) -> str:
    """Choose between Windows-1256 and ISO-8859-6, or fail when neither gives Arabic."""
    candidates: list[tuple[int, str, str]] = []
    for codec in ("cp1256", "iso-8859-6"):
        try:
            text = head.decode(codec)
        except UnicodeDecodeError:
            continue
        candidates.append((len(_LATIN_ACCENTED.findall(text)), codec, text))
    if not candidates:
        raise DecodeError(UNDECODABLE)
    _, codec, text = min(candidates)
    non_ascii = len(_NON_ASCII.findall(text))
    arabic = len(_ARABIC.findall(text))
    # Latin-1 text read as Arabic gives lone Arabic letters inside Latin words.
    glued = len(_GLUED.findall(text))
    if non_ascii == 0 or arabic < 0.8 * non_ascii or glued > 0.1 * arabic:
        raise DecodeError(UNDECODABLE)
    return codec


def decode_chunks(
    head: bytes, stream: BinaryIO | None, encoding: str, chunk_size: int | None = None
) -> Iterator[str]:
    """Decode ``head`` and then the rest of ``stream`` piece by piece.

    On bytes that do not match ``encoding`` it first yields the text before them, then
    raises DecodeError naming the byte offset, so readers keep what came before.
    """
    codec, bom = _without_bom(head, encoding)
    decoder = codecs.getincrementaldecoder(codec)(errors="strict")
    consumed = bom
    data = head[bom:]
    while True:
        final = stream is None or not data
        pending = decoder.getstate()[0]
        try:
            text = decoder.decode(data, final=final)
        except UnicodeDecodeError as error:
            good = (pending + data)[: error.start]
            if good:
                yield good.decode(codec, errors="replace")
            raise DecodeError(
                f"undecodable bytes at byte {consumed - len(pending) + error.start} "
                f"(file looked like {encoding})"
            ) from None
        consumed += len(data)
        if text:
            yield text
        if final:
            return
        assert stream is not None
        data = stream.read(chunk_size or CHUNK_SIZE)


def _without_bom(head: bytes, encoding: str) -> tuple[str, int]:
    """The BOM-less codec to decode with, and the length of the BOM to skip."""
    if encoding == "utf-8-sig":
        return "utf-8", len(codecs.BOM_UTF8) if head.startswith(codecs.BOM_UTF8) else 0
    if encoding == "utf-16":
        if head.startswith(codecs.BOM_UTF16_BE):
            return "utf-16-be", 2
        return "utf-16-le", 2 if head.startswith(codecs.BOM_UTF16_LE) else 0
    return encoding, 0


def decode_bytes(data: bytes) -> str:
    """The text of a whole file's bytes, in the encoding ``detect_encoding`` finds.

    Raises DecodeError with the reason; the caller adds the file path."""
    encoding = detect_encoding(data, complete=True)
    return "".join(decode_chunks(data, None, encoding))
