"""Search terms: the form a word is indexed and looked up under.

A word is indexed as its match form without its proclitics (``tokens.analyze_surface``'s
stem): بالقدس, والقدس, للقدس and القدس are all ``القدس``; إسرائيل and اسرائيل are one;
tatweel, diacritics, ى/ي and ة/ه variants fold as in every other match. A query word goes
through the same function, so a reader finds what they would expect. Punctuation, URLs and
handles are not indexed.
"""

from __future__ import annotations

from collections.abc import Sequence

from newscorpus.arabic.tokens import analyze_surface, tokenize
from newscorpus.models import Paragraph, Token


def term(word: str) -> str:
    """The search term of one word as a user types it ("" for punctuation)."""
    _match, stem, _prefix, is_word = analyze_surface(word)
    return stem if is_word else ""


def prefix_term(word: str) -> str:
    """The term for a prefix query (``فلسطين*``): the match form, clitics kept, since a
    word cut short cannot be told from a clitic (وزار* is not زار*)."""
    match, _stem, _prefix, is_word = analyze_surface(word)
    return match if is_word else ""


def token_terms(tokens: Sequence[Token]) -> str:
    """The indexed text of a run of tokens: their terms, space-separated."""
    return " ".join(t.stem for t in tokens if t.is_word)


def paragraph_terms(
    text: str, paragraphs: Sequence[Paragraph], tokens: Sequence[Token]
) -> tuple[tuple[int, str], ...]:
    """``(paragraph index, terms)`` of every paragraph but in-document repeats.

    ``tokens`` are those already made for the analyzed paragraphs (``pipeline.prepare``);
    the others (captions, boilerplate...) are tokenized here, so ``search --kind all``
    can find them too.
    """
    out: list[tuple[int, str]] = []
    position = 0
    for paragraph in paragraphs:
        if paragraph.duplicate_of is not None:
            continue
        while position < len(tokens) and tokens[position].start < paragraph.start:
            position += 1
        end = position
        while end < len(tokens) and tokens[end].end <= paragraph.end:
            end += 1
        if end > position:
            terms = token_terms(tokens[position:end])
            position = end
        else:
            terms = token_terms(tokenize(text, paragraph.start, paragraph.end))
        if terms:
            out.append((paragraph.index, terms))
    return tuple(out)
