"""The reading state of one document for the actor rules (``extract.actors``).

``Reader`` holds the tokens, which of them a mention has taken, the candidate mentions
found so far, and the small predicates every rule shares: the clitic-free form of a token,
phrase lookup in the cue tables, and whether a token could be part of a person's name.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from newscorpus.arabic import COMMAS, TANWEEN, proclitic_width
from newscorpus.extract.actors.gazetteer import Cues, gazetteer, is_quote
from newscorpus.extract.identity import NAME_CONNECTORS
from newscorpus.models import ActorType, Token

MAX_NAME = 4
_CLAUSE_ENDS = frozenset({",", ":", ".", ";", "?", "!", "(", ")", '"', "«", "»", "-"})
_THAT = frozenset({"ان", "انه", "انها", "انهم"})


# a number as amounts are written: 20، 20,000، 10.000، ٢٠٠
_AMOUNT = re.compile(r"\d+(?:[.,\u066b\u066c]\d+)*")


@dataclass(frozen=True, slots=True)
class Candidate:
    """A candidate mention while the document is read: tokens ``[first, last)``, the
    character span ``[start, end)``, and what the mention will carry."""

    first: int
    last: int
    start: int
    end: int
    type: ActorType
    key: str
    source: str
    role: str | None = None


class Reader:
    """The state of one document's reading: tokens, which tokens are taken, candidates."""

    def __init__(self, text: str, tokens: Sequence[Token], cue: Cues) -> None:
        self.text = text
        self.tokens = tokens
        self.cue = cue
        self.taken: list[int] = [-1] * len(tokens)  # token -> candidate index
        self.found: list[Candidate] = []
        self.dropped: set[int] = set()  # candidates a later source overruled
        self.tentative: set[int] = set()  # candidates the tagger must touch, or they go
        # the rules ask for these millions of times: read once
        self._words = [t.stem if t.is_word else "" for t in tokens]
        self._forms = [t.match for t in tokens]

    def add(
        self,
        first: int,
        last: int,
        kind: ActorType,
        key: str,
        source: str,
        role: str | None = None,
        start: int | None = None,
    ) -> bool:
        if first >= last or any(self.taken[i] >= 0 for i in range(first, last)):
            return False
        self.found.append(self._candidate(first, last, kind, key, source, role, start))
        self._take(len(self.found) - 1)
        return True

    def replace(
        self,
        candidate: int,
        first: int,
        last: int,
        kind: ActorType,
        key: str,
        source: str,
        role: str | None = None,
        start: int | None = None,
    ) -> None:
        """Move a candidate to tokens [first, last), free or its own, with new fields."""
        self._free(candidate)
        self.found[candidate] = self._candidate(first, last, kind, key, source, role, start)
        self._take(candidate)

    def _candidate(
        self,
        first: int,
        last: int,
        kind: ActorType,
        key: str,
        source: str,
        role: str | None,
        start: int | None,
    ) -> Candidate:
        if start is None:
            start = self.tokens[first].start + self._clitic_width(first)
        return Candidate(first, last, start, self.tokens[last - 1].end, kind, key, source, role)

    def _take(self, candidate: int) -> None:
        found = self.found[candidate]
        for i in range(found.first, found.last):
            self.taken[i] = candidate

    def _free(self, candidate: int) -> None:
        found = self.found[candidate]
        for i in range(found.first, found.last):
            self.taken[i] = -1

    def drop(self, candidate: int) -> None:
        """Withdraw a candidate and free its tokens."""
        self._free(candidate)
        self.dropped.add(candidate)

    def candidates(self) -> list[Candidate]:
        """The candidates still standing, in the order they were found."""
        return [c for i, c in enumerate(self.found) if i not in self.dropped]

    def _clitic_width(self, index: int) -> int:
        token = self.tokens[index]
        if not token.prefix or token.stem.startswith("ال") and token.match.startswith("لل"):
            return 0
        letters = len(token.match) - len(token.stem)
        return proclitic_width(self.text, token.start, token.end, letters)

    def currency_at(self, index: int, key: str) -> bool:
        """Whether a name the lexicon trusts only in context (~ريال for ريال مدريد), read at
        token ``index``, is a common word there: written bare, with no article and no
        proclitic, after a number or a word of a count, a closing bracket between them
        passed over (20 ألف ريال, (20,000) ريال; not (28)، ولريال, nor a score or a round:
        2-2، ريال، الجولة 12، ريال; nor 21 للهلال)."""
        if key not in gazetteer().context_only or key.startswith("ال"):
            return False
        if self.tokens[index].prefix:
            return False
        before = index - 2 if self.form(index - 1) == ")" else index - 1
        return bool(_AMOUNT.fullmatch(self.form(before))) or self.word(before) in self.cue.quantity

    def word(self, index: int) -> str:
        """The clitic-free form of token ``index`` ("" past the end or for punctuation)."""
        return self._words[index] if 0 <= index < len(self._words) else ""

    def form(self, index: int) -> str:
        return self._forms[index] if 0 <= index < len(self._forms) else ""

    def phrase_at(self, index: int, table: dict[str, tuple[tuple[str, ...], ...]]) -> int:
        """Length of the longest phrase of ``table`` starting at ``index`` (0 if none)."""
        phrases = table.get(self.word(index))
        if not phrases:
            return 0
        for phrase in phrases:
            if all(self.form(index + n) == w for n, w in enumerate(phrase[1:], 1)):
                return len(phrase)
        return 0

    def name_like(self, index: int, first: bool = False) -> bool:
        """Could token ``index`` be part of a person's name written out in full?"""
        if not (0 <= index < len(self.tokens)) or self.taken[index] >= 0:
            return False
        token = self.tokens[index]
        if not token.is_word or len(token.match) < 2 or any(c.isdigit() for c in token.match):
            return False
        cue, word = self.cue, token.stem
        if word in cue.stop or word in cue.not_actor or word in cue.speech or word in cue.common:
            return False
        if word in cue.titles or word in cue.role_nouns or word in cue.modifiers:
            return False
        if word in cue.org_heads:
            return False
        if self.phrase_at(index, cue.nisba):
            return False
        if token.match.isascii():
            return token.match[0].isupper()
        if token.match.startswith("ال") and self.form(index - 1) not in ("عبد", "ابو"):
            # آلدار، آلان: a name written with a madda, no article (but آل نهيان: a family)
            if len(token.match) < 4 or self.text[token.start + self._clitic_width(index)] != "آ":
                return False
        # وقعا, بالعاصمة: names do not carry proclitics; but inside a name a split like
        # فاكون = ف + اكون is the clitic analysis misreading a foreign name.
        if token.prefix and (first or "و" in token.prefix or word.startswith("ال")):
            return False
        if not first and token.match[0] == "و":
            return False  # بارك وشي: two people, not one name
        if self.has_tanween(index):
            return False
        return not (len(word) > 4 and word.endswith(("يون", "يين")))  # plural nisbas

    def family_name(self, index: int) -> bool:
        """Could token ``index`` be a family name with the article after a first name
        (نهاد المشنوق, عادل الجبير): not a common word, a title, a nisba or a time word."""
        if not (0 <= index < len(self.tokens)) or self.taken[index] >= 0:
            return False
        token, cue = self.tokens[index], self.cue
        word = token.stem
        if not token.is_word or token.prefix or not word.startswith("ال") or len(word) < 5:
            return False
        if word in cue.stop or word in cue.not_actor or word in cue.common:
            return False
        if word in cue.titles or word in cue.role_nouns or word in cue.modifiers:
            return False
        if word in cue.org_heads or word in cue.speech or self.phrase_at(index, cue.nisba):
            return False
        return not self.has_tanween(index) and not word.endswith(("يون", "يين", "ات"))

    def has_tanween(self, index: int) -> bool:
        token = self.tokens[index]
        return any(mark in self.text[token.start : token.end] for mark in TANWEEN)

    def name_run(self, index: int) -> int:
        """End (exclusive) of the run of name-like tokens from ``index``; hyphens join."""
        end = index
        words = 0
        while words < MAX_NAME and self.name_like(end, first=words == 0):
            end += 1
            words += 1
        while end > index and self.tokens[end - 1].match in NAME_CONNECTORS:
            end -= 1  # سحيم بن حمد بن ...: a run cut by the length limit
        return end

    def span_key(self, first: int, last: int) -> str:
        """The lookup key of tokens ``[first, last)``: the first without its proclitics."""
        words = [t.match for t in self.tokens[first + 1 : last] if t.is_word]
        head = self.tokens[first]
        return " ".join([head.stem, *words] if head.is_word else words)

    def role_text(self, first: int, last: int) -> str:
        """The original text of tokens ``[first, last)``, after the first one's proclitics."""
        start = self.tokens[first].start + self._clitic_width(first)
        return self.text[start : self.tokens[last - 1].end]

    def ends_clause(self, index: int) -> bool:
        """Whether token ``index`` closes a name's run: punctuation, أن, or في before an
        organization (وقال X في معهد ...)."""
        form = self.form(index)
        if index >= len(self.tokens) or form in _CLAUSE_ENDS or form in COMMAS:
            return True
        if self.word(index) in _THAT:
            return True
        return form in ("في", "فى") and (
            self.word(index + 1) in self.cue.org_heads or is_quote(self.form(index + 1))
        )
