"""What each paragraph looks like on its own: heading, body, caption, boilerplate or embed.

Owns the per-paragraph features the article splitter (``newscorpus.load.articles``) works
from: a first guess at the kind, whether the line opens a related-articles block or closes
an article (keywords, source line, disclaimer), the outlet a source line names, and a key
to spot repeated paragraphs. Cue words come from ``resources/boilerplate.tsv``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from newscorpus.load.cues import TRAILING as _TRAILING
from newscorpus.load.cues import cue_key, is_credit, load_cues
from newscorpus.load.paragraphs import Span
from newscorpus.models import ParagraphKind

# Roles that matter for splitting a file into articles.
RELATED = "related"  # header of a related-articles block
END = "end"  # keywords, "المصدر: ...", disclaimer: the article body is over
SOURCE = "source"  # «الشرق الأوسط» (موسكو): closes an article or a teaser
ITEM = "item"  # a bulleted list item

_MAX_HEADING_WORDS = 14
_SHORT_LINE = 400  # characters; longer lines are never headings, captions or cue lines
_MAX_CAPTION_WORDS = 60
_BULLETS = "•·▪►▸◦●*"
_NO_HEADING_END = ".،,:;؛"
_SOURCE_LINE = re.compile(r'^"([^"]{2,40})" ?\(([^()]{2,30})\)$')
_SITE_LINE = re.compile(r"^موقع (.{2,40}?) (?:ال)?اخباري$")
_SOURCE_PREFIX = re.compile(r"^المصدر ?: ?(.{2,40})$")
_VIDEO_TAIL = re.compile(r"\s*play-circle\s*[\d:]*\s*$")
_TWEET_SIGNATURE = re.compile(
    r"^[—–-]{1,2}\s*[^()\n]{1,80}\(@\w{1,20}\)\s*(?:[A-Z][a-z]+\.? \d{1,2}, \d{4})?$"
)
_EMBED_MARKERS = ("pic.twitter.com", "t.co/", "A post shared by", "instagram.com/p/")
_LATIN = re.compile(r"[A-Za-z]")
_ARABIC = re.compile(r"[\u0600-\u06ff]")


@dataclass(slots=True)
class Part:
    """A paragraph candidate: its span in the text and what it looks like alone."""

    start: int
    end: int
    kind: ParagraphKind
    role: str = ""
    key: str = ""  # whitespace-normalized text, to find repeats
    words: int = 0
    outlet: str | None = None

    @property
    def headingish(self) -> bool:
        return self.kind == "heading" and not self.role

    @property
    def bodyish(self) -> bool:
        return self.kind == "body" and not self.role and self.words >= 6


def describe(cleaned: str, spans: list[Span]) -> list[Part]:
    """Features of every span of ``cleaned`` (the same-length cleaned text)."""
    parts = [_describe_one(cleaned[span.start : span.end], span) for span in spans]
    _mark_embeds(cleaned, parts)
    return parts


def _describe_one(line: str, span: Span) -> Part:
    if len(line) <= _SHORT_LINE:
        words = line.split()
        part = Part(span.start, span.end, "body", key=" ".join(words), words=len(words))
    else:  # long lines are body text: skip building word lists for them
        part = Part(span.start, span.end, "body", key=line, words=line.count(" ") + 1)
    _classify(line, part)
    # A layout hint (an HTML <h2>, a run-in question) wins unless the text is boilerplate.
    if span.hint and not part.role and part.kind != "boilerplate":
        part.kind = span.hint
    return part


def _classify(line: str, part: Part) -> None:
    cues = load_cues()
    short = len(line) <= 160
    prefix_key = cue_key(line[:160], whole_line=False)
    key = prefix_key.rstrip(_TRAILING) if short else ""
    if short and key in cues.related:
        part.kind, part.role = "boilerplate", RELATED
    elif short and key in cues.boilerplate_lines:
        part.kind = "boilerplate"
    elif prefix_key.startswith(cues.end_prefixes):
        part.kind, part.role = "boilerplate", END
        source = _SOURCE_PREFIX.match(" ".join(line.split())) if short else None
        part.outlet = source.group(1).strip() if source else None
    elif prefix_key.startswith(cues.boilerplate_prefixes) or _inline_related(prefix_key):
        part.kind = "boilerplate"
    elif short and (source := _SOURCE_LINE.match(key)):
        part.kind, part.role = "boilerplate", SOURCE
        part.outlet = _outlet_from_source_line(line)
    elif short and (site := _SITE_LINE.match(key)):
        part.kind = "boilerplate"
        part.outlet = " ".join(line.split()[1:-1]) or site.group(1)
    elif part.words <= _MAX_CAPTION_WORDS and _is_caption(line, prefix_key):
        part.kind = "caption"
    elif _is_heading(line, part.words):
        part.kind = "heading"
    if line[:1] in _BULLETS or line.startswith(("- ", "– ")):
        part.role = part.role or ITEM


def _inline_related(prefix_key: str) -> bool:
    """ "اقرأ أيضا: عنوان مقال آخر" on one line: one related link, not a block header."""
    head, sep, rest = prefix_key.partition(":")
    return bool(sep and rest.strip()) and head.strip() in load_cues().related


def _outlet_from_source_line(line: str) -> str | None:
    opening, closing = line.find("«"), line.find("»")
    if 0 <= opening < closing:
        return line[opening + 1 : closing].strip()
    quoted = line.split('"')
    return quoted[1].strip() if len(quoted) >= 3 else None


def _is_caption(line: str, prefix_key: str) -> bool:
    cues = load_cues()
    if prefix_key.startswith(cues.caption_prefixes):
        return True
    lowered = line.lower()
    if any(cue in lowered for cue in cues.caption_contains):
        return True
    tail = _VIDEO_TAIL.sub("", line).rstrip()
    if not tail.endswith(")"):
        return False
    opening = tail.rfind("(")
    return opening > 0 and is_credit(tail[opening + 1 : -1])


def _is_heading(line: str, words: int) -> bool:
    """Short, no sentence-final punctuation, at most one comma: a title or a subheading."""
    if not line or words > _MAX_HEADING_WORDS or line[-1] in _NO_HEADING_END:
        return False
    commas = line.count("،") + line.count(",")
    return commas == 0 or (commas == 1 and words <= 10)


def _mark_embeds(cleaned: str, parts: list[Part]) -> None:
    """Embedded posts: a "— Name (@handle) date" line and the Latin-script lines above it."""
    if "(@" not in cleaned and not any(marker in cleaned for marker in _EMBED_MARKERS):
        return
    for index, part in enumerate(parts):
        line = cleaned[part.start : part.end]
        if any(marker in line for marker in _EMBED_MARKERS):
            part.kind, part.role = "embed", ""
        if not _TWEET_SIGNATURE.match(line.strip()):
            continue
        part.kind, part.role = "embed", ""
        for previous in reversed(parts[max(0, index - 6) : index]):
            text = cleaned[previous.start : previous.end]
            if previous.kind != "embed" and not _mostly_latin(text):
                break
            previous.kind, previous.role = "embed", ""


def _mostly_latin(text: str) -> bool:
    return len(_LATIN.findall(text)) > 2 * len(_ARABIC.findall(text))
