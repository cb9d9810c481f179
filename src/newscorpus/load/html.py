"""HTML pages: the main article text, title, date, outlet and URL from meta tags.

Owns reading one saved news page with selectolax (lexbor): metadata from og:title,
article:published_time, og:site_name, og:url / canonical, ``<time datetime>`` and JSON-LD;
the article text from ``<article>`` (or the element holding most paragraph text), as
heading, paragraph, list item, caption and embedded-post blocks. The document text is
those blocks joined by blank lines; its offsets point into that text, not into the HTML.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator

from selectolax.lexbor import LexborHTMLParser, LexborNode

from newscorpus.errors import InputError
from newscorpus.load.documents import Meta, build_documents, iso_date
from newscorpus.load.paragraphs import Span
from newscorpus.load.records import WarnCallback
from newscorpus.models import Document, ParagraphKind

_BLOCKS = "h1,h2,h3,h4,h5,h6,p,li,figcaption,blockquote,pre,td"
_DROP = "script,style,noscript,nav,footer,aside,form,iframe,svg,button,select,template"
_CONTAINERS = ("article", "[itemprop=articleBody]", "main", "[role=main]")
_EMBED_CLASSES = ("twitter-tweet", "instagram-media", "tiktok-embed")
_DATE_METAS = (
    'meta[property="article:published_time"]',
    'meta[name="article:published_time"]',
    'meta[itemprop="datePublished"]',
    'meta[name="pubdate"]',
    'meta[name="publishdate"]',
    'meta[name="date"]',
    'meta[property="og:published_time"]',
)


MAX_DEPTH = 1_000  # elements nested deeper are read as their text (see _flatten)
_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9:-]*)[^<>]*?(/?)>")
_KEPT = frozenset("h1 h2 h3 h4 h5 h6 p li figcaption blockquote pre td html head body".split())
_VOID = frozenset(
    "area base br col embed hr img input keygen link meta param source track wbr".split()
)


def read_html(
    markup: str,
    *,
    path: str,
    encoding: str,
    cli_date: str | None,
    on_warning: WarnCallback | None = None,
) -> Iterator[Document | InputError]:
    markup, deepest = _flatten(markup)
    if deepest > MAX_DEPTH and on_warning is not None:
        on_warning(
            path,
            f"HTML nested {deepest:,} elements deep: the tags below level {MAX_DEPTH:,} were"
            " ignored and their text kept",
        )
    tree = LexborHTMLParser(markup)
    meta = _meta(tree)
    text, spans = _article_blocks(tree)
    documents = build_documents(
        text, path=path, encoding=encoding, split=False, meta=meta, cli_date=cli_date, spans=spans
    )
    if not documents:
        yield InputError(path, "no article text found in the HTML page")
    yield from documents


def _flatten(markup: str) -> tuple[str, int]:
    """``markup`` without the tags of elements nested deeper than MAX_DEPTH (their text
    stays), and the deepest nesting seen. The parser's time grows with the square of the
    depth (100,000 levels took 24 s), this with the length. Unbalanced tags only make the
    count rough, and pages of a normal depth come back unchanged."""
    if markup.count("<") < MAX_DEPTH:
        return markup, 0
    depth = deepest = dropped = 0
    kept: list[str] = []
    last = 0
    for tag in _TAG.finditer(markup):
        closing, name, self_closing = tag.group(1), tag.group(2).lower(), tag.group(3)
        if name in _VOID or self_closing or name in _KEPT:
            continue  # the blocks the article is read from are never dropped
        if not closing:
            depth += 1
            deepest = max(deepest, depth)
            if depth <= MAX_DEPTH:
                continue
            dropped += 1
        elif dropped:
            dropped -= 1
            depth -= 1
        else:
            depth = max(0, depth - 1)
            continue
        kept.append(markup[last : tag.start()])
        last = tag.end()
    if last == 0:
        return markup, deepest
    kept.append(markup[last:])
    return " ".join(kept), deepest


def _content(tree: LexborHTMLParser, selector: str) -> str | None:
    node = tree.css_first(selector)
    if node is None:
        return None
    value = node.attributes.get("content") or node.attributes.get("href")
    value = " ".join((value or "").split())
    return value or None


def _meta(tree: LexborHTMLParser) -> Meta:
    ld = _json_ld(tree)
    published = None
    for selector in _DATE_METAS:
        published = iso_date(_content(tree, selector))
        if published:
            break
    if not published:
        time = tree.css_first("time[datetime]")
        published = iso_date(time.attributes.get("datetime") if time else None)
    published = published or iso_date(ld.get("datePublished"))
    title = _content(tree, 'meta[property="og:title"]') or _text_or_none(ld.get("headline"))
    if not title:
        heading = tree.css_first("h1") or tree.css_first("title")
        title = " ".join(heading.text().split()) if heading else None
    return Meta(
        title=title or None,
        published=published,
        outlet=_content(tree, 'meta[property="og:site_name"]'),
        url=_content(tree, 'meta[property="og:url"]') or _content(tree, 'link[rel="canonical"]'),
    )


def _json_ld(tree: LexborHTMLParser) -> dict[str, object]:
    """The first JSON-LD object that looks like an article (used for dates and headline)."""
    for node in tree.css('script[type="application/ld+json"]'):
        try:
            data = json.loads(node.text())
        except json.JSONDecodeError:
            continue
        candidates = data if isinstance(data, list) else data.get("@graph", [data])
        for item in candidates if isinstance(candidates, list) else []:
            if isinstance(item, dict) and ("datePublished" in item or "headline" in item):
                return item
    return {}


def _text_or_none(value: object) -> str | None:
    return " ".join(value.split()) or None if isinstance(value, str) else None


def _container(tree: LexborHTMLParser) -> LexborNode | None:
    for selector in _CONTAINERS:
        candidates = tree.css(selector)
        if candidates:
            return max(candidates, key=_paragraph_chars)
    return tree.body


def _paragraph_chars(node: LexborNode) -> int:
    return sum(len(paragraph.text()) for paragraph in node.css("p"))


def _article_blocks(tree: LexborHTMLParser) -> tuple[str, list[Span]]:
    """Text of the article's blocks joined by blank lines, and one span per block."""
    for node in tree.css(_DROP):
        node.decompose()
    root = _container(tree)
    if root is None:
        return "", []
    pieces: list[str] = []
    spans: list[Span] = []
    position = 0
    for node in root.css(_BLOCKS):
        if _inside_block(node, root):
            continue
        text = " ".join(node.text(separator=" ").split())
        if not text:
            continue
        if pieces:
            pieces.append("\n\n")
            position += 2
        pieces.append(text)
        spans.append(Span(position, position + len(text), _hint(node)))
        position += len(text)
    return "".join(pieces), spans


def _inside_block(node: LexborNode, root: LexborNode) -> bool:
    """True when an ancestor below ``root`` is itself a block (its text is taken whole)."""
    block_tags = {"p", "li", "figcaption", "blockquote", "pre", "td"}
    parent = node.parent
    while parent is not None and parent.mem_id != root.mem_id:
        if parent.tag in block_tags:
            return True
        parent = parent.parent
    return False


def _hint(node: LexborNode) -> ParagraphKind | None:
    tag = node.tag or ""
    if tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
        return "heading"
    if tag == "figcaption":
        return "caption"
    classes = (node.attributes.get("class") or "").split()
    if tag == "blockquote" and any(name in classes for name in _EMBED_CLASSES):
        return "embed"
    return None
