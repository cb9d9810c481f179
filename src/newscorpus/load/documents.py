"""Turning a decoded article text plus its metadata into ``Document`` records.

Owns the last step every reader shares: paragraphs and article splitting (via
``newscorpus.load.articles``), the choice between metadata and ``--date`` for the
publication date, and normalizing metadata dates to ISO 8601.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime
from email.utils import parsedate_to_datetime

from newscorpus.arabic.sentences import cut_points
from newscorpus.errors import InputError
from newscorpus.load.articles import ArticleLayout, layout
from newscorpus.load.paragraphs import Span, clean, paragraph_spans
from newscorpus.models import DateSource, Document, Paragraph

_CLI_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_OTHER_DATE_FORMATS = ("%Y/%m/%d", "%d/%m/%Y", "%d-%m-%Y", "%Y/%m/%d %H:%M", "%Y-%m-%d %H:%M")
_ARABIC_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")


@dataclass(frozen=True, slots=True)
class Meta:
    """What the file says about an article, before looking at its text."""

    title: str | None = None
    published: str | None = None  # already ISO 8601
    outlet: str | None = None
    url: str | None = None
    external_id: str | None = None
    metadata: tuple[tuple[str, str], ...] = ()  # fields of the record no role took


def check_cli_date(value: str | None) -> str | None:
    """Validate the CLI's ``--date`` (YYYY-MM-DD)."""
    if value is None:
        return None
    try:
        if _CLI_DATE.match(value):
            return date.fromisoformat(value).isoformat()
    except ValueError:
        pass
    raise InputError("--date", f"expected a date as YYYY-MM-DD, got {value!r}")


def iso_date(value: object, date_format: str | None = None) -> str | None:
    """An ISO 8601 date or datetime for a metadata value, or None when it is not a date.

    Accepts ISO strings with or without time and zone (``2015-08-11 13:44:43``), RFC 2822
    ("Sun, 18 Feb 2018 20:50:44 GMT"), DD/MM/YYYY and a few other numeric layouts, Unix
    timestamps (numbers or digit strings, in seconds or milliseconds), Arabic month names
    ("الثلاثاء 11 أغسطس 2015"), Arabic-Indic digits, and ``date_format`` (strptime) first
    when given.
    """
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, int | float):
        return _from_epoch(value)
    if not isinstance(value, str):
        return None
    text = " ".join(value.translate(_ARABIC_DIGITS).split())
    if not text:
        return None
    if date_format:
        try:
            parsed = datetime.strptime(text, date_format)
        except ValueError:
            pass
        else:
            timed = any(code in date_format for code in ("%H", "%I", "%M"))
            return parsed.isoformat() if timed else parsed.date().isoformat()
    if _EPOCH.fullmatch(text):
        return _from_epoch(int(text))
    return _parse_date_text(text) or _arabic_date(text)


def _from_epoch(value: float) -> str | None:
    seconds = value / 1000 if value > 1e11 else value
    try:
        return datetime.fromtimestamp(seconds, UTC).isoformat()
    except (OverflowError, OSError, ValueError):
        return None


_EPOCH = re.compile(r"\d{9,10}|\d{12,13}")
_ARABIC_DATE = re.compile(r"(?<!\d)(\d{1,2})\s*[-/ ]?\s*([^\W\d_]+)\s*[-/ ,،]?\s*(\d{4})(?!\d)")


def _arabic_date(text: str) -> str | None:
    """A day, an Arabic (or English) month name and a year anywhere in the text."""
    from newscorpus.extract.dates.lexicon import key, lexicon

    months = lexicon().months
    for found in _ARABIC_DATE.finditer(text):
        name = found.group(2)
        month = months.get(key(name)) or months.get(name.lower())
        if month is None:
            continue
        try:
            return date(int(found.group(3)), month, int(found.group(1))).isoformat()
        except ValueError:
            return None
    return None


def _parse_date_text(text: str) -> str | None:
    if len(text) == 10 and _CLI_DATE.match(text):
        try:
            return date.fromisoformat(text).isoformat()
        except ValueError:
            return None
    try:
        return datetime.fromisoformat(text.replace(" UTC", "+00:00")).isoformat()
    except ValueError:
        pass
    try:
        return parsedate_to_datetime(text).isoformat()
    except (TypeError, ValueError, IndexError):
        pass
    for layout_format in _OTHER_DATE_FORMATS:
        try:
            parsed = datetime.strptime(text, layout_format)
        except ValueError:
            continue
        return parsed.date().isoformat() if "%H" not in layout_format else parsed.isoformat()
    return None


MAX_ARTICLE_CHARS = 250_000  # longer "articles" (no article breaks at all) are cut in parts


def bounded(article: ArticleLayout, text: str) -> list[ArticleLayout]:
    """``article`` as it is, or, when it is longer than ``MAX_ARTICLE_CHARS`` (a careless
    export: megabytes with no article break, often with no blank line), cut into parts of
    at most that many characters: at paragraph ends where there are some, else after a
    sentence's end or a space. Each part is an article of its own, so the analysis, the
    worker and the writer hold one part at a time."""
    if article.end - article.start <= MAX_ARTICLE_CHARS:
        return [article]
    pieces: list[tuple[int, int, str]] = []  # absolute (start, end, kind)
    for paragraph in article.paragraphs:
        start, end = article.start + paragraph.start, article.start + paragraph.end
        bounds = [start, *cut_points(text, start, end, MAX_ARTICLE_CHARS), end]
        pieces.extend((a, b, paragraph.kind) for a, b in itertools.pairwise(bounds))
    parts: list[ArticleLayout] = []
    group: list[tuple[int, int, str]] = []
    for piece in pieces:
        if group and piece[1] - group[0][0] > MAX_ARTICLE_CHARS:
            parts.append(_part(article, group, len(parts)))
            group = []
        group.append(piece)
    if group:
        parts.append(_part(article, group, len(parts)))
    return parts


def _part(article: ArticleLayout, pieces: list[tuple[int, int, str]], number: int) -> ArticleLayout:
    first = pieces[0][0]
    paragraphs = tuple(
        Paragraph(index, start - first, end - first, kind)  # type: ignore[arg-type]
        for index, (start, end, kind) in enumerate(pieces)
    )
    title = article.title if number == 0 else None
    return ArticleLayout(first, pieces[-1][1], paragraphs, title, article.outlet)


def stream_documents(
    chunks: Iterator[str], *, path: str, encoding: str, cli_date: str | None = None
) -> Iterator[Document]:
    """Documents of a plain-text file read as a stream of decoded ``chunks``, so memory holds
    about two parts (``MAX_ARTICLE_CHARS``), never the file: the text is cut at the last
    paragraph break (else after a sentence's end or a space) before each part's limit, and
    each piece is read as ``build_documents`` reads a file, its offsets kept."""
    pending: list[str] = []
    held = 0  # characters in ``pending``
    offset = 0  # characters of the file before ``pending``
    index = 0  # article index of the next document
    finished = False
    carried = False  # the last piece was cut inside a paragraph
    while not finished:
        # read only while less than two parts are held: a chunk (a megabyte) is longer
        # than a part, so reading one per part would run ahead through the whole file
        while held < 2 * MAX_ARTICLE_CHARS:
            chunk = next(chunks, None)
            if chunk is None:
                finished = True
                break
            pending.append(chunk)
            held += len(chunk)
        text = "".join(pending)
        cut = len(text) if finished else _stream_cut(text)
        documents = (
            build_documents(text[:cut], path=path, encoding=encoding, split=True,
                            cli_date=cli_date, article_index=index, offset=offset)
            if text[:cut].strip() else []
        )  # fmt: skip
        if documents and carried:
            documents[0] = replace(documents[0], cut=True)
        carried = not finished and not text[:cut].endswith("\n")
        if documents and carried:
            # cut inside a paragraph: the article it ends goes on in the next piece
            documents[-1] = replace(documents[-1], cut=True)
        yield from documents
        index += len(documents)
        offset += cut
        pending, held = [text[cut:]], len(text) - cut


def _stream_cut(text: str) -> int:
    """Where to end the next piece of a streamed text: after the last blank line in its
    last fifth, else where ``cut_points`` would cut it."""
    limit = MAX_ARTICLE_CHARS
    blank = max(
        text.rfind("\n\n", limit * 4 // 5, limit), text.rfind("\r\n\r\n", limit * 4 // 5, limit)
    )
    if blank > 0:
        return blank + (4 if text.startswith("\r\n\r\n", blank) else 2)
    return cut_points(text, 0, len(text), limit)[0]


def build_documents(
    text: str,
    *,
    path: str,
    encoding: str,
    split: bool,
    meta: Meta = Meta(),  # noqa: B008 - frozen, never mutated
    cli_date: str | None = None,
    article_index: int = 0,
    offset: int = 0,
    spans: list[Span] | None = None,
) -> list[Document]:
    """Documents for ``text`` (several when ``split`` finds several articles).

    ``offset`` is where ``text`` starts in the decoded file, ``article_index`` the index
    of its first article in the file; ``spans`` overrides the paragraph cutting (HTML).
    """
    cleaned = clean(text)
    if spans is None:
        spans = paragraph_spans(text, cleaned)
    date_source: DateSource
    if meta.published:
        published, date_source = meta.published, "metadata"
    elif cli_date:
        published, date_source = cli_date, "cli"
    else:
        published, date_source = None, "unknown"
    documents = []
    articles = [
        (part, len(parts) > 1)
        for found in layout(text, cleaned, spans, split)
        for parts in [bounded(found, text)]
        for part in parts
    ]
    for number, (article, cut) in enumerate(articles):
        documents.append(
            Document(
                text=text[article.start : article.end],
                paragraphs=article.paragraphs,
                path=path,
                title=meta.title or article.title,
                published=published,
                date_source=date_source,
                outlet=meta.outlet or article.outlet,
                url=meta.url,
                encoding=encoding,
                external_id=meta.external_id,
                metadata=meta.metadata,
                article_index=article_index + number,
                offset_in_file=offset + article.start,
                cut=cut,
            )
        )
    return documents
