"""``search``: a keyword-in-context concordance over the full-text index.

A query is words (each found under its search term, ``arabic.search``: بالقدس and القدس
alike), ``"phrases in quotes"``, ``word*`` prefixes, and the operators ``OR``, ``NOT``
and ``AND`` (the default between words), with parentheses. It becomes an FTS5 expression
over ``search_index`` (one row per paragraph); the paragraphs it matches are read in
corpus order and each occurrence of a searched word or phrase becomes a ``Hit`` with the
words before and after it. ``search(actor=NAME)`` lists an actor's mentions the same way,
under all its spellings.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

from newscorpus.errors import NewsCorpusError
from newscorpus.query.lookup import document_id, find_actor
from newscorpus.query.timeline import published_between
from newscorpus.store import Store
from newscorpus.store.writer import PARAGRAPH_BITS

KINDS = ("heading", "body", "caption", "embed", "boilerplate")
DEFAULT_KINDS = ("heading", "body", "caption", "embed")  # boilerplate only when asked
_PIECE = re.compile(r'"([^"]*)"|(\()|(\))|([^\s()"]+)')
_OPERATORS = ("OR", "NOT", "AND")


class QueryError(NewsCorpusError):
    """A search query that cannot be read (the message says where)."""


@dataclass(frozen=True, slots=True)
class Hit:
    document: int
    date: str | None
    title: str | None
    outlet: str | None
    paragraph: int
    kind: str
    start: int  # offsets of the match in the document text
    end: int
    before: str  # the words before the match (to its right, in Arabic script)
    match: str
    after: str


@dataclass(frozen=True, slots=True)
class Query:
    """A parsed query: the FTS5 expression, and what to highlight (terms in sequence;
    a term ending in ``*`` is a prefix)."""

    expression: str
    wanted: tuple[tuple[str, ...], ...]


def parse_query(text: str) -> Query:
    """Words, phrases, prefixes and operators -> an FTS5 expression (module docstring)."""
    from newscorpus.arabic.search import prefix_term, term

    parts: list[str] = []
    wanted: list[tuple[str, ...]] = []
    negated = False  # the next operand follows NOT
    groups: list[bool] = []  # per open parenthesis: is the group negated?
    previous = "start"  # start, operand, operator, open
    depth = 0
    for found in _PIECE.finditer(text):
        phrase, opening, closing, word = found.groups()
        if word in _OPERATORS:
            if previous in ("start", "operator", "open"):
                raise QueryError(f"{word} needs a word before it: {text!r}")
            parts.append(word)
            negated, previous = word == "NOT", "operator"
            continue
        if opening:
            if previous == "operand":
                parts.append("AND")
            parts.append("(")
            groups.append(negated or any(groups))
            depth, previous, negated = depth + 1, "open", False
            continue
        if closing:
            if depth == 0 or previous in ("operator", "open"):
                raise QueryError(f"unbalanced or empty parentheses in {text!r}")
            parts.append(")")
            groups.pop()
            depth, previous = depth - 1, "operand"
            continue
        source = phrase if phrase is not None else word
        prefix = phrase is None and source.endswith("*") and len(source) > 1
        words = source.rstrip("*").split() if prefix else source.split()
        if prefix:  # one word: clitics kept (see arabic.search.prefix_term)
            terms = _words(words[0], prefix_term)
        else:
            terms = [t for w in words for t in _words(w, term)]
        if not terms:
            continue  # punctuation only
        if previous == "operand":
            parts.append("AND")
        body = " ".join(terms)
        parts.append(f'"{body}"' + ("*" if prefix else ""))
        if not negated and not any(groups):
            wanted.append(tuple(terms[:-1]) + ((terms[-1] + "*",) if prefix else (terms[-1],)))
        previous, negated = "operand", False
    if previous in ("operator", "open") or depth:
        raise QueryError(f"the query ends in an operator or an open parenthesis: {text!r}")
    if not wanted:
        raise QueryError(f"nothing to search for in {text!r}")
    return Query(" ".join(parts), tuple(wanted))


def _words(word: str, how: Callable[[str], str]) -> list[str]:
    """Search terms of what the user wrote as one word (it may tokenize into several)."""
    from newscorpus.arabic import tokenize

    return [found for tok in tokenize(word) if (found := how(word[tok.start : tok.end]))]


def search(
    store: Store,
    query: str | None = None,
    *,
    actor: str | None = None,
    context: int = 8,
    since: str | None = None,
    until: str | None = None,
    outlet: str | None = None,
    document: str | None = None,
    kinds: Sequence[str] = DEFAULT_KINDS,
    limit: int | None = 100,
) -> Iterator[Hit]:
    """Hits of ``query`` (or every mention of ``actor``) in corpus order, at most ``limit``,
    with ``context`` words on each side."""
    if (query is None) == (actor is None):
        raise QueryError("give a query, or --actor NAME")
    where, params = _filters(store, since, until, outlet, document, kinds)
    if actor is not None:
        hits = _actor_hits(store, find_actor(store, actor), where, params, context)
    else:
        hits = _query_hits(store, parse_query(query or ""), where, params, context)
    count = 0
    for hit in hits:
        if limit is not None and count >= limit:
            return
        count += 1
        yield hit


def _filters(
    store: Store,
    since: str | None,
    until: str | None,
    outlet: str | None,
    document: str | None,
    kinds: Sequence[str],
) -> tuple[list[str], list[object]]:
    where, params = published_between(since, until)
    unknown = sorted(set(kinds) - set(KINDS))
    if unknown:
        raise QueryError(f"unknown paragraph kind {unknown[0]!r} (use {', '.join(KINDS)})")
    if set(kinds) != set(KINDS):
        where.append(f"p.kind IN ({','.join('?' * len(kinds))})")
        params.extend(kinds)
    if outlet is not None:
        where.append("d.outlet = ?")
        params.append(outlet)
    if document is not None:
        where.append("d.id = ?")
        params.append(document_id(store, document))
    return where, params


_PARAGRAPH = (
    "d.id, d.published, d.title, d.outlet, p.idx, p.kind, p.start, substr(d.text, p.start + 1,"
    ' p."end" - p.start)'
)


def _query_hits(
    store: Store, query: Query, where: list[str], params: list[object], context: int
) -> Iterator[Hit]:
    from newscorpus.arabic import clean, tokenize

    sql = (
        f"SELECT {_PARAGRAPH} FROM search_index s"
        f" JOIN documents d ON d.id = s.rowid >> {PARAGRAPH_BITS}"
        f" JOIN paragraphs p ON p.document_id = d.id"
        f" AND p.idx = s.rowid & {(1 << PARAGRAPH_BITS) - 1}"
        f" WHERE search_index MATCH ? {''.join(' AND ' + w for w in where)}"
        " ORDER BY s.rowid"
    )
    try:
        rows = store.db.execute(sql, [query.expression, *params])
        for doc, date, title, outlet, idx, kind, start, text in rows:
            tokens = [t for t in tokenize(clean(text)) if t.is_word]
            for first, last in _occurrences(tokens, query.wanted):
                yield _hit(
                    (doc, date, title, outlet, idx, kind), text, start, tokens, first, last, context
                )
    except sqlite3.OperationalError as error:
        if "fts5" in str(error) or "syntax" in str(error):
            raise QueryError(f"cannot search for {query.expression!r} ({error})") from None
        if "no such table: search_index" in str(error):
            raise QueryError("this database has no search index; run `newscorpus ingest`") from None
        raise


def _occurrences(
    tokens: Sequence[object], wanted: Sequence[tuple[str, ...]]
) -> Iterator[tuple[int, int]]:
    """(first, last) token positions of each wanted term sequence, left to right, not
    overlapping; wanted words that stand next to each other are one hit (الأمم المتحدة
    searched as two words shows once, as it reads)."""
    stems = [t.stem for t in tokens]  # type: ignore[attr-defined]
    matches = [t.match for t in tokens]  # type: ignore[attr-defined]
    found: list[tuple[int, int]] = []
    position = 0
    while position < len(stems):
        for terms in wanted:
            end = position + len(terms)
            if end <= len(stems) and all(
                _same(stems[position + k], matches[position + k], want)
                for k, want in enumerate(terms)
            ):
                if found and found[-1][1] == position - 1:
                    found[-1] = (found[-1][0], end - 1)
                else:
                    found.append((position, end - 1))
                position = end - 1
                break
        position += 1
    return iter(found)


def _same(stem: str, match: str, want: str) -> bool:
    if want.endswith("*"):
        return stem.startswith(want[:-1]) or match.startswith(want[:-1])
    return stem == want


def _hit(
    meta: tuple[int, str | None, str | None, str | None, int, str],
    text: str,
    offset: int,
    tokens: Sequence[object],
    first: int,
    last: int,
    context: int,
) -> Hit:
    start, end = tokens[first].start, tokens[last].end  # type: ignore[attr-defined]
    left = tokens[max(first - context, 0)].start if context else start  # type: ignore[attr-defined]
    right = tokens[min(last + context, len(tokens) - 1)].end if context else end  # type: ignore[attr-defined]
    doc, date, title, outlet, idx, kind = meta
    return Hit(
        doc, date, title, outlet, idx, kind, offset + start, offset + end,
        " ".join(text[left:start].split()), text[start:end], " ".join(text[end:right].split()),
    )  # fmt: skip


def _actor_hits(
    store: Store, actor_id: int, where: list[str], params: list[object], context: int
) -> Iterator[Hit]:
    from newscorpus.arabic import clean, tokenize

    rows = store.db.execute(
        f'SELECT {_PARAGRAPH}, m.start, m."end" FROM mentions m'
        " JOIN documents d ON d.id = m.document_id"
        " JOIN paragraphs p ON p.document_id = m.document_id AND p.idx = m.paragraph"
        f" WHERE m.actor_id = ? {''.join(' AND ' + w for w in where)}"
        " ORDER BY m.document_id, m.start, m.id",
        [actor_id, *params],
    )
    for doc, date, title, outlet, idx, kind, start, text, m_start, m_end in rows:
        tokens = [t for t in tokenize(clean(text)) if t.is_word]
        first = next((i for i, t in enumerate(tokens) if t.end > m_start - start), 0)
        last = next(
            (i for i in range(len(tokens) - 1, -1, -1) if tokens[i].start < m_end - start), first
        )
        yield _hit((doc, date, title, outlet, idx, kind), text, start, tokens, first, last, context)
