"""One document's reading state for the claims extractor: tokens, mentions, speakers.

``DocumentState`` holds the tokens and mentions of a document, the speakers found so far
(for subjectless cues: وأضاف أن ...) and the outlets named (for الصحيفة, الوكالة), with the
small lookups every part of the extractor shares; ``speaker`` turns a token range into a
``Speaker`` with its actor when a mention names one.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass

from newscorpus.extract.claims.cues import SPEECH_PREFIXES, Cue, claim_words, cue_forms
from newscorpus.models import Mention, Token

# Match forms: ، is ",", ؛ is ";" and ؟ is "?" already.
CLAUSE_END = frozenset({".", "!", "?", "؟", ";", "؛"})
QUOTE_CLOSERS = {"«": "»", "“": "”", '"': '"', "„": "”"}


@dataclass(slots=True)
class Speaker:
    text: str
    start: int
    end: int
    actor: str | None
    gender: str
    number: str


class DocumentState:
    """One document's tokens, mentions and the running state of its speakers and outlets."""

    def __init__(self, text: str, tokens: Sequence[Token], mentions: Sequence[Mention]) -> None:
        self.text = text
        self.tokens = tokens
        self.starts = [t.start for t in tokens]
        self.mentions = sorted(mentions, key=lambda m: m.start)
        self.mention_starts = [m.start for m in self.mentions]
        self.speakers: list[Speaker] = []
        self.outlets: dict[str, str] = {}  # الصحيفة -> the newspaper named last
        self.words = claim_words()
        self.cues = cue_forms()

    def is_(self, i: int, kind: str) -> bool:
        return self.tokens[i].match in self.words.get(kind, ())

    def cue_at(self, i: int) -> Cue | None:
        token = self.tokens[i]
        if not token.is_word or token.prefix not in SPEECH_PREFIXES:
            return None
        return self.cues.get(token.stem) or self.cues.get(token.match)

    def token_at(self, offset: int) -> int:
        return bisect.bisect_left(self.starts, offset)

    def mentions_in(self, start: int, end: int) -> list[Mention]:
        i = bisect.bisect_left(self.mention_starts, start)
        found = []
        while i < len(self.mentions) and self.mentions[i].start < end:
            found.append(self.mentions[i])
            i += 1
        return found

    def speaker(self, first: int, last: int, cue: Cue | None) -> Speaker | None:
        """The speaker written in tokens ``[first, last)``, with its actor if named."""
        while first < last and self.tokens[first].match in self.words["skip"]:
            first += 1
        if first >= last:
            return None
        start, end = self.tokens[first].start, self.tokens[last - 1].end
        text = self.text[start:end].strip(" ،,")
        head = self.tokens[first].match
        named = [m for m in self.mentions_in(start, end) if m.type != "place" or m.start == start]
        actor = None
        if head in self.words["outlet-ref"]:
            actor = self.outlets.get(head)
        elif named and head not in self.words["unnamed"] and head not in self.words["plural"]:
            if named[0].type == "person" and named[-1].end >= end - 1:
                # a title before the name (الرئيس الأوكراني فولوديمير زيلينسكي): keep the name
                start, text = named[0].start, self.text[named[0].start : end].strip(" ،,")
            actor = named[0].actor or named[0].text
        if head in self.words["outlet"] and last - first > 1:
            self.outlets["ال" + head.removesuffix("ا").removesuffix("ي")] = unquote(text)
        plural = any(t.match in self.words["plural"] for t in self.tokens[first:last])
        number = "p" if plural or " و" in text else "s"
        if head.startswith("ال") and head.endswith("ان") and len(head) > 5:
            number = "d"
        gender = cue.gender if cue and cue.pos != "noun" else "?"
        return Speaker(text, start, end, actor, gender, number)

    def previous_speaker(self, cue: Cue) -> Speaker | None:
        """The latest speaker whose gender and number agree with a subjectless cue."""
        for speaker in reversed(self.speakers[-4:]):
            if speaker.gender in (cue.gender, "?") and speaker.number == cue.number:
                return speaker
            if cue.pos == "participle" and speaker.gender in (cue.gender, "?"):
                return speaker
        return None


def unquote(text: str) -> str:
    return text.strip(" «»“”\"',،.")
