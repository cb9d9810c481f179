"""Splitting a text into articles and giving each paragraph its final kind.

Owns the reading of a page as a sequence: an article, then perhaps a related-articles block
(its items are boilerplate), then perhaps another full article. A new article starts at a
heading that is followed by a run of body paragraphs, either after a related block or an
end marker (keywords, source line, disclaimer), or when the heading repeats right below
itself (title, photo, title again) after the current article already has a body. A teaser
(headline, caption, one-sentence summary, «outlet» (city)) never has such a run.
"""

from __future__ import annotations

from dataclasses import dataclass

from newscorpus.load.paragraphs import Span
from newscorpus.load.parts import END, ITEM, RELATED, SOURCE, Part, describe
from newscorpus.models import Paragraph

_LOOKAHEAD = 30
_MIN_BODY_RUN = 3
_TITLE_REPEAT_WINDOW = 6
_SEPARATORS = (" | ", " . ", " - ", " – ", " — ", " :: ")


@dataclass(frozen=True, slots=True)
class ArticleLayout:
    """One article found in a text: its span, paragraphs (relative offsets) and metadata."""

    start: int
    end: int
    paragraphs: tuple[Paragraph, ...]
    title: str | None
    outlet: str | None


def layout(text: str, cleaned: str, spans: list[Span], split: bool) -> list[ArticleLayout]:
    """Articles of ``text`` (one unless ``split``) with their classified paragraphs."""
    parts = describe(cleaned, spans)
    if not parts:
        return []
    groups = _split(parts, split)
    file_outlet = next((part.outlet for part in parts if part.outlet), None)
    return [_build(text, group, file_outlet) for group in groups if group]


def _split(parts: list[Part], split: bool) -> list[list[Part]]:
    """Group parts into articles (one group unless ``split``), flagging related blocks."""
    groups: list[list[Part]] = [[]]
    in_related = after_end = False
    bodies = related_items = 0
    for index, part in enumerate(parts):
        if (
            split
            and part.headingish
            and _starts_article(parts, index, in_related, after_end, related_items, bodies)
        ):
            groups.append([])
            in_related = after_end = False
            bodies = related_items = 0
        elif in_related:
            if part.bodyish and _article_ahead(parts, index - 1, None):
                in_related = False  # the article goes on after a one-line related link
            else:
                part.kind = "boilerplate"
                related_items += 1
        if part.role == RELATED:
            in_related, related_items = True, 0
        elif part.role in (END, SOURCE):
            after_end = True
            if part.role == SOURCE and not in_related and _mark_teaser(groups[-1]):
                in_related, related_items = True, 1
        elif part.kind == "body":
            bodies += 1
        groups[-1].append(part)
    return groups


def _starts_article(
    parts: list[Part],
    index: int,
    in_related: bool,
    after_end: bool,
    related_items: int,
    bodies: int,
) -> bool:
    """Does the heading ``parts[index]`` open a new article?

    After a related block this needs more than the heading and a body run: an inline
    "اقرأ أيضا" with one headline in the middle of an article is followed by body text too.
    So the article must have ended (keywords, source line...), or the block must already
    hold two items, or the heading must repeat right below itself.
    """
    if in_related or after_end:
        settled = after_end or related_items >= 2 or _title_repeats(parts, index)
        if settled and _article_ahead(parts, index, parts[index].key):
            return True
    return (
        bodies >= _MIN_BODY_RUN
        and _title_repeats(parts, index)
        and _article_ahead(parts, index, parts[index].key)
    )


def _mark_teaser(group: list[Part]) -> bool:
    """Flag a teaser ending at a «outlet» (city) line: headline, caption, one-line summary.

    Looks back from the end of ``group`` over at most one body-like paragraph; it is a
    teaser only with both a heading and a caption in it (an article that simply ends with
    a source line has neither right before it).
    """
    start = len(group)
    summaries = 0
    has_heading = has_caption = False
    for position in range(len(group) - 1, max(-1, len(group) - 7), -1):
        part = group[position]
        if part.role in (RELATED, END, SOURCE):
            break
        if part.bodyish:
            if summaries:
                break
            summaries += 1
        has_heading = has_heading or part.kind == "heading"
        has_caption = has_caption or part.kind == "caption"
        start = position
    if not (has_heading and has_caption):
        return False
    for part in group[start:]:
        part.kind = "boilerplate"
    return True


def _article_ahead(parts: list[Part], index: int, title_key: str | None) -> bool:
    """Is ``parts[index]`` followed by an article body (not by teasers or a list)?

    Captions, banners, embeds and repeats of the title may come first; another heading
    before the first body paragraph means a list of headlines. Headings between body
    paragraphs are fine as long as body paragraphs clearly outnumber them (teaser lists
    alternate headline, summary, headline, summary).
    """
    bodies = headings = 0
    for part in parts[index + 1 : index + 1 + _LOOKAHEAD]:
        if part.role in (RELATED, END, SOURCE):
            return False
        if part.key == title_key or part.kind in ("caption", "embed", "boilerplate"):
            continue
        if part.role == ITEM or part.kind == "heading":
            if bodies == 0:
                return False
            headings += 1
        elif part.bodyish:
            bodies += 1
            if bodies >= _MIN_BODY_RUN and bodies > 2 * headings:
                return True
    return False


def _title_repeats(parts: list[Part], index: int) -> bool:
    key = parts[index].key
    window = parts[index + 1 : index + 1 + _TITLE_REPEAT_WINDOW]
    return any(part.key == key for part in window)


def _build(text: str, group: list[Part], file_outlet: str | None) -> ArticleLayout:
    start, end = group[0].start, group[-1].end
    first_seen: dict[str, int] = {}
    paragraphs = []
    for index, part in enumerate(group):
        duplicate_of = first_seen.setdefault(part.key, index)
        paragraphs.append(
            Paragraph(
                index,
                part.start - start,
                part.end - start,
                part.kind,
                None if duplicate_of == index else duplicate_of,
            )
        )
    outlet = next((part.outlet for part in group if part.outlet), file_outlet)
    return ArticleLayout(start, end, tuple(paragraphs), _title(text, group, outlet), outlet)


def _title(text: str, group: list[Part], outlet: str | None) -> str | None:
    """The first heading before any body paragraph, without a "| Site name" suffix."""
    for part in group:
        if part.kind == "body":
            return None
        if part.kind == "heading":
            return strip_site_suffix(" ".join(text[part.start : part.end].split()), outlet)
    return None


def strip_site_suffix(title: str, outlet: str | None) -> str:
    """ "خبر ما . المساء الاخباري" -> "خبر ما" when the suffix names the outlet."""
    for separator in _SEPARATORS:
        head, found, tail = title.rpartition(separator)
        if not found or len(tail.split()) > 5 or not head.strip():
            continue
        outlet_words = {word for word in (outlet or "").split() if len(word) > 3}
        if outlet_words & set(tail.split()) or "الاخباري" in tail or "الإخباري" in tail:
            return head.strip()
    return title
