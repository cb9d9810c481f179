"""Attributed claims: who said what, through whom, in Arabic news text.

A claim is anchored on a cue: a reporting verb, participle or noun (قال، أكدت، مضيفاً،
تصريح), an attribution phrase (ووفق X، بحسب X، وفقاً لما ذكره X), a transmission
(نقلت وكالة X عن Y قوله) or the headline form "X: ...". From the cue the speaker is found
after it (verb first), before it (subject first) or, when the subject is dropped
(وأوضح أن ...), taken from the article's previous speakers, checked against the cue's
gender and number. Content runs from the complementizer, colon or opening quote to the
end of the quotation or of the clause. The cue forms live in
``resources/reporting_verbs.tsv`` and the function words in ``resources/claim_words.tsv``.
"""

from __future__ import annotations

import bisect
import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from importlib.resources import files

from newscorpus.models import Claim, Mention, Paragraph, Sentence, Token

_OPEN_TO_CLOSE = {"«": "»", "“": "”", '"': '"', "„": "”"}
_CLOSERS = frozenset("»”")
_COMMAS = frozenset({",", "،"})
_SENTENCE_END = frozenset({".", "!", "?", "؟", ";", "؛"})
_SPEECH_PREFIXES = frozenset({"", "و", "ف"})
_SAYING = frozenset({"قوله", "قولها", "قولهم", "قائلا"})
_PREPOSITIONS = frozenset(
    {"في", "فى", "خلال", "لدي", "عن", "علي", "امام", "الي", "بعد", "قبل", "منذ", "اثناء", "عبر"}
    | {"حول", "مع", "الذي", "التي", "الذين", "فيما", "بينما", "حين", "عندما", "لكن", "او"}
)
_MAX_SPEAKER = 8
_MAX_GAP = 30  # tokens between a speaker and the start of the content (appositives)


@dataclass(frozen=True, slots=True)
class Cue:
    """One form of a reporting verb, participle or noun, with its agreement features."""

    form: str
    lemma: str
    gender: str  # m | f
    number: str  # s | d | p
    pos: str  # verb | imperfect | participle | noun
    complements: frozenset[str]  # clause, np, prep:الي, transmit
    continues: bool  # may take the previous speaker when its subject is dropped


@cache
def cue_forms() -> dict[str, Cue]:
    """Reporting cue forms (match form without و/ف) from ``reporting_verbs.tsv``."""
    table = files("newscorpus.resources").joinpath("reporting_verbs.tsv").read_text("utf-8")
    forms: dict[str, Cue] = {}
    for line in table.splitlines():
        if not line or line.startswith("#"):
            continue
        form, lemma, gender, number, pos, complement, continues = line.split("\t")
        forms[form] = Cue(
            form, lemma, gender, number, pos, frozenset(complement.split("|")), continues == "y"
        )
    return forms


@cache
def claim_words() -> dict[str, frozenset[str]]:
    """Function words by class (complementizer, stop, negation, ...) from ``claim_words.tsv``."""
    table = files("newscorpus.resources").joinpath("claim_words.tsv").read_text("utf-8")
    classes: dict[str, set[str]] = {}
    for line in table.splitlines():
        if line and not line.startswith("#"):
            word, kind = line.split("\t")
            classes.setdefault(kind, set()).add(word)
    return {kind: frozenset(words) for kind, words in classes.items()}


@dataclass(slots=True)
class _Speaker:
    text: str
    start: int
    end: int
    actor: str | None
    gender: str
    number: str


class _Document:
    """One document's tokens, mentions and the running state of its speakers and outlets."""

    def __init__(self, text: str, tokens: Sequence[Token], mentions: Sequence[Mention]) -> None:
        self.text = text
        self.tokens = tokens
        self.starts = [t.start for t in tokens]
        self.mentions = sorted(mentions, key=lambda m: m.start)
        self.mention_starts = [m.start for m in self.mentions]
        self.speakers: list[_Speaker] = []
        self.outlets: dict[str, str] = {}  # الصحيفة -> the newspaper named last
        self.words = claim_words()
        self.cues = cue_forms()

    def is_(self, i: int, kind: str) -> bool:
        return self.tokens[i].match in self.words.get(kind, ())

    def cue_at(self, i: int) -> Cue | None:
        token = self.tokens[i]
        if not token.is_word or token.prefix not in _SPEECH_PREFIXES:
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

    def speaker(self, first: int, last: int, cue: Cue | None) -> _Speaker | None:
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
            self.outlets["ال" + head.removesuffix("ا").removesuffix("ي")] = _unquote(text)
        plural = any(t.match in self.words["plural"] for t in self.tokens[first:last])
        number = "p" if plural or " و" in text else "s"
        if head.startswith("ال") and head.endswith("ان") and len(head) > 5:
            number = "d"
        gender = cue.gender if cue and cue.pos != "noun" else "?"
        return _Speaker(text, start, end, actor, gender, number)

    def previous_speaker(self, cue: Cue) -> _Speaker | None:
        """The latest speaker whose gender and number agree with a subjectless cue."""
        for speaker in reversed(self.speakers[-4:]):
            if speaker.gender in (cue.gender, "?") and speaker.number == cue.number:
                return speaker
            if cue.pos == "participle" and speaker.gender in (cue.gender, "?"):
                return speaker
        return None


def _unquote(text: str) -> str:
    return text.strip(" «»“”\"',،.")


def extract_claims(
    text: str,
    paragraphs: Sequence[Paragraph],
    sentences: Sequence[Sentence],
    tokens: Sequence[Token],
    mentions: Sequence[Mention] = (),
) -> list[Claim]:
    """Attributed claims in the analyzed paragraphs of one cleaned document, in text order."""
    document = _Document(text, tokens, mentions)
    kinds = {p.index: p for p in paragraphs}
    claims: list[Claim] = []
    covered = -1  # end of the last direct quotation: cues inside it are the speaker's words
    first_of_paragraph: set[int] = set()
    for sentence in sentences:
        lo, hi = document.token_at(sentence.start), document.token_at(sentence.end)
        paragraph = kinds.get(sentence.paragraph)
        if paragraph is None or lo >= hi:
            continue
        in_sentence: list[Claim] = []
        if sentence.paragraph not in first_of_paragraph:
            first_of_paragraph.add(sentence.paragraph)
            headline = _headline(document, paragraph, lo, hi)
            if headline is not None:
                in_sentence.append(headline)
                covered = headline.content_end
        i = lo
        while i < hi:
            if tokens[i].start < covered:
                i += 1
                continue
            found = _claim_at(document, i, lo, hi, paragraph, in_sentence)
            if found is None:
                i += 1
                continue
            claim, next_i = found
            in_sentence.append(claim)
            covered = max(covered, claim.content_end)
            i = max(next_i, i + 1)
        claims.extend(in_sentence)
    return claims


def _claim_at(
    doc: _Document, i: int, lo: int, hi: int, paragraph: Paragraph, earlier: list[Claim]
) -> tuple[Claim, int] | None:
    token = doc.tokens[i]
    if token.stem in doc.words["attribution"] or token.match in doc.words["attribution"]:
        return _attribution(doc, i, lo, hi, paragraph, earlier)
    cue = doc.cue_at(i)
    if cue is None:
        return None
    if i > lo and doc.tokens[i - 1].stem in doc.words["negation"]:
        return None
    if i > lo + 1 and doc.is_(i - 1, "complementizer") and doc.is_(i - 2, "negation"):
        return None
    if "transmit" in cue.complements:
        return _transmitted(doc, i, hi, paragraph, cue)
    found = _speaker_and_content(doc, i, lo, hi, cue, earlier)
    if found is None:
        return None
    speaker, j, k, colon = found
    via = _via(doc, j, k)
    inner = doc.cue_at(k) if k < hi else None
    if inner is not None and inner.pos == "verb":
        # وأضاف أنه قال لترامب: «...»: the inner verb carries the quotation
        doc.speakers.append(speaker)
        return None
    claim = _build(doc, speaker, i, k, hi, paragraph, colon, via, cue)
    if claim is None:
        return None
    doc.speakers.append(speaker)
    return claim, doc.token_at(claim.content_end)


def _speaker_and_content(
    doc: _Document, i: int, lo: int, hi: int, cue: Cue, earlier: list[Claim]
) -> tuple[_Speaker, int, int, bool] | None:
    """The first reading that gives both a speaker and a content start.

    Verb first (قال X إن), subject first (X يرى أن; tried first for a plural verb, which
    agrees only with a subject before it), then a dropped subject (وأوضح أن).
    """
    readings: list[tuple[_Speaker | None, int]] = []
    if cue.pos == "participle":
        readings.append((_participle_subject(doc, i, lo, cue, earlier), i + 1))
    else:
        end = _noun_phrase(doc, i + 1, hi)
        before: tuple[_Speaker | None, int] = (None, i + 1)
        if cue.pos in ("verb", "imperfect"):
            before = (_subject_before(doc, i, lo, cue), i + 1)
        if end > i + 1:
            named = _appositive_name(doc, end, hi)
            if named is not None:
                readings.append((doc.speaker(*named, cue), named[1]))
            else:
                readings.append((doc.speaker(i + 1, end, cue), end))
        readings.insert(0 if cue.number == "p" else len(readings), before)
        if cue.continues and cue.pos == "verb" and end == i + 1:
            if doc.tokens[i].prefix == "ف":  # تحدث X لـ…، فقال: the subject of the verb before
                readings.append((_person_before(doc, i, max(lo, i - 12), cue), i + 1))
            readings.append((doc.previous_speaker(cue), i + 1))
    for speaker, j in readings:
        if speaker is None:
            continue
        content = _content_start(doc, j, hi, cue)
        if content is not None:
            return speaker, j, content[0], content[1]
    return None


def _appositive_name(doc: _Document, end: int, hi: int) -> tuple[int, int] | None:
    """A name set off by commas after a title (رئيس كوريا الشمالية، كيم جونغ أون، ...)."""
    if end + 1 >= hi or doc.tokens[end].match not in _COMMAS:
        return None
    people = doc.mentions_in(doc.tokens[end + 1].start, doc.tokens[end + 1].end)
    if not people or people[0].type != "person" or people[0].start != doc.tokens[end + 1].start:
        return None
    last = doc.token_at(people[0].end)
    if last < hi and doc.tokens[last].match in _COMMAS:
        return end + 1, last
    return None


def _noun_phrase(doc: _Document, j: int, hi: int) -> int:
    """End (exclusive) of a speaker noun phrase starting at ``j``; ``j`` when there is none."""
    end = j
    while end < hi and end - j < _MAX_SPEAKER:
        token = doc.tokens[end]
        if not token.is_word:
            if token.match == '"' and end > j and doc.text[token.start] in '"»”':
                end += 1  # the closing quote of a quoted outlet name (صحيفة "عكاظ")
                continue
            if token.match == '"' and end + 1 < hi and doc.tokens[end + 1].is_word:
                if end > j and doc.tokens[end - 1].match in doc.words["outlet"] | {"و"}:
                    end += 1
                    continue
            break
        if token.match in doc.words["stop"] or token.match in doc.words["complementizer"]:
            if not (token.match == "من" and end == j + 1):
                break
        if ("ل" in token.prefix or "ب" in token.prefix) and token.match != token.stem:
            break
        if token.match in ("ل", "ب") or token.stem in doc.words["attribution"]:
            break
        if end > j and doc.cue_at(end) is not None:
            break
        if token.match == "من" and end + 1 < hi and doc.is_(end + 1, "complementizer"):
            break
        end += 1
    return end


def _subject_before(doc: _Document, i: int, lo: int, cue: Cue) -> _Speaker | None:
    """A speaker written before its verb (كوريا الشمالية أكدت أن): back to a clause start."""
    first = i
    while first > lo and i - first < 12:
        previous = doc.tokens[first - 1]
        if not previous.is_word and previous.match not in _COMMAS:
            break
        if previous.match in doc.words["complementizer"] or previous.match in doc.words["stop"]:
            break
        first -= 1
    last = i
    while last > first and doc.tokens[last - 1].match in _COMMAS:
        last -= 1
    if first >= last:
        return None
    if any(doc.tokens[t].match in _COMMAS for t in range(first, last)):
        # an appositive title after the name: keep the part a mention starts
        start = doc.tokens[first].start
        named = doc.mentions_in(start, doc.tokens[last - 1].end)
        if not named or named[0].type == "place":
            return None
        last = doc.token_at(named[0].end)
        first = doc.token_at(named[0].start)
    while first < last and doc.tokens[first].match in doc.words["skip"]:
        first += 1
    if first >= last or last - first > 6:
        return None
    if first > lo + 1 and doc.is_(first - 1, "complementizer"):
        if doc.tokens[first - 2].stem in doc.words["negation"]:
            return None
    head = doc.tokens[first].match
    named = doc.mentions_in(doc.tokens[first].start, doc.tokens[last - 1].end)
    if not named and head not in doc.words["plural"] and head not in doc.words["outlet"]:
        return None
    return doc.speaker(first, last, cue)


def _participle_subject(
    doc: _Document, i: int, lo: int, cue: Cue, earlier: list[Claim]
) -> _Speaker | None:
    """The subject of a participle cue: a person just before it, else the sentence's speaker."""
    found = _person_before(doc, i, max(lo, i - 4), cue)
    if found is not None:
        return found
    if earlier and doc.speakers:
        return doc.speakers[-1]
    return doc.previous_speaker(cue)


def _person_before(doc: _Document, i: int, first: int, cue: Cue) -> _Speaker | None:
    start = doc.tokens[first].start
    people = [m for m in doc.mentions_in(start, doc.tokens[i].start) if m.type == "person"]
    if not people:
        return None
    return doc.speaker(doc.token_at(people[-1].start), doc.token_at(people[-1].end), cue)


def _content_start(doc: _Document, j: int, hi: int, cue: Cue) -> tuple[int, bool] | None:
    """Index of the content's first token after the speaker and any appositive."""
    k = j
    while k < hi and k - j < _MAX_GAP:
        token = doc.tokens[k]
        if token.match in doc.words["complementizer"] and "clause" in cue.complements:
            return k + 1, False
        if token.match == ":":
            if k + 1 < hi and doc.is_(k + 1, "complementizer"):
                return k + 2, False
            return k + 1, True
        if token.match == '"' and doc.text[token.start] in _OPEN_TO_CLOSE:
            if k == j or doc.tokens[k - 1].match in _COMMAS:
                return k, True
        for complement in cue.complements:
            if complement.startswith("prep:") and _has_prep(token, complement[5:]):
                after = k + 1 if token.match == complement[5:] else k
                if after < hi and doc.is_(after, "complementizer"):
                    return after + 1, False
                return after, False
        if "np" in cue.complements and token.is_word and _only_adverbs(doc, j, k):
            if token.match not in doc.words["stop"] and token.match not in doc.words["negation"]:
                return k, False
        inner = doc.cue_at(k) if k > j else None
        if inner is not None and inner.pos in ("verb", "imperfect"):
            if doc.tokens[k - 1].match not in ("ما", "لما"):
                return None
        if token.match in _SENTENCE_END:
            return None
        k += 1
    return None


def _only_adverbs(doc: _Document, j: int, k: int) -> bool:
    """Whether tokens ``[j, k)`` are all adverbs or time words (مراراً، بشدة، الأحد)."""
    return all(
        doc.tokens[t].match in doc.words["stop"] and doc.tokens[t].match not in _PREPOSITIONS
        for t in range(j, k)
    )


def _has_prep(token: Token, prep: str) -> bool:
    if token.match == prep:
        return True
    return len(prep) == 1 and token.prefix.endswith(prep) and token.stem != token.match


def _via(doc: _Document, first: int, last: int) -> str | None:
    """An outlet named between the speaker and the content (لـ«وكالة …»، وفق وكالة …)."""
    for k in range(first, last):
        token = doc.tokens[k]
        head = token.stem
        if head in doc.words["outlet"] or head in doc.words["outlet-ref"]:
            end = k + 1
            while end < last and (doc.tokens[end].is_word or doc.tokens[end].match == '"'):
                if doc.tokens[end].match in doc.words["stop"]:
                    break
                end += 1
            name = _unquote(doc.text[token.start + len(token.prefix) : doc.tokens[end - 1].end])
            if head in doc.words["outlet-ref"]:
                return doc.outlets.get(head, name)
            doc.outlets["ال" + head] = name
            return name
        if token.match == '"' and k > first and doc.tokens[k - 1].stem in ("ل", "وفق", "عن"):
            close = doc.text.find(_OPEN_TO_CLOSE.get(doc.text[token.start], '"'), token.end)
            if close != -1:
                return _unquote(doc.text[token.end : close])
    return None


def _quote_end(doc: _Document, k: int) -> int | None:
    """Character offset of the closing mark of the quotation opening at token ``k``."""
    opening = doc.text[doc.tokens[k].start]
    closing = _OPEN_TO_CLOSE.get(opening)
    if closing is None:
        return None
    depth, position = 0, doc.tokens[k].end
    while True:
        found = doc.text.find(closing, position)
        if found == -1:
            return None
        inner = doc.text.find(opening, position, found) if opening != closing else -1
        if inner != -1:
            depth += 1
            position = inner + 1
            continue
        if depth == 0:
            return found
        depth -= 1
        position = found + 1


def _clause_end(doc: _Document, k: int, hi: int) -> int:
    """Token index where indirect content starting at ``k`` ends."""
    end = k
    while end < hi:
        token = doc.tokens[end]
        if token.match in _SENTENCE_END and end > k:
            break
        if token.match in _COMMAS and end + 1 < hi:
            following = doc.tokens[end + 1]
            cue = doc.cue_at(end + 1)
            if following.match in doc.words["cut"] or following.stem in doc.words["attribution"]:
                break
            if following.match == "من" and end + 2 < hi and doc.tokens[end + 2].match == "دون":
                break
            if cue is not None and (cue.pos == "participle" or following.prefix == "و"):
                break
        if end > k and token.match in ("ولكنه", "لكنه", "ولكنها", "لكنها"):
            break
        end += 1
    return end


def _build(
    doc: _Document,
    speaker: _Speaker,
    i: int,
    k: int,
    hi: int,
    paragraph: Paragraph,
    colon: bool,
    via: str | None,
    cue: Cue,
) -> Claim | None:
    if k >= len(doc.tokens):
        return None
    text = doc.text
    first = doc.tokens[k]
    kind = "indirect"
    if first.match == '"' and text[first.start] in _OPEN_TO_CLOSE:
        close = _quote_end(doc, k)
        limit = paragraph.end
        if close is None or close > limit:
            close = _paragraph_text_end(text, first.end, limit)
        content_start, content_end, kind = first.end, close, "direct"
        after = doc.token_at(close + 1)
        joined = _joined_quote(doc, after, hi)
        if joined is not None:
            content_end = _quote_end(doc, joined) or close
        elif after < hi and doc.tokens[after].match not in _SENTENCE_END | _COMMAS:
            tail = _clause_end(doc, after, hi)
            if tail > after:
                content_start, content_end, kind = first.start, doc.tokens[tail - 1].end, "mixed"
    else:
        end = _clause_end(doc, k, hi)
        if end <= k:
            return None
        content_start, content_end = first.start, doc.tokens[end - 1].end
        if colon:
            kind = "direct"
        elif any(doc.tokens[t].match == '"' for t in range(k, end)):
            kind = "mixed"
        via = via or _trailing_via(doc, end, hi)
    cue_token = doc.tokens[i]
    start = min(cue_token.start, speaker.start)
    return Claim(
        speaker=speaker.text,
        cue=text[cue_token.start + len(cue_token.prefix) : cue_token.end],
        content=text[content_start:content_end],
        kind=kind,
        paragraph=paragraph.index,
        start=start,
        end=max(content_end + (1 if kind == "direct" else 0), start),
        content_start=content_start,
        content_end=content_end,
        speaker_start=speaker.start,
        speaker_end=speaker.end,
        speaker_actor=speaker.actor,
        via=via,
    )


def _joined_quote(doc: _Document, after: int, hi: int) -> int | None:
    """The second quotation of «...»، و«...»: its opening token, or None."""
    k = after + 1 if after < hi and doc.tokens[after].match in _COMMAS else after
    if k + 1 < hi and doc.tokens[k].match == "و" and doc.tokens[k + 1].match == '"':
        return k + 1
    return None


def _paragraph_text_end(text: str, start: int, limit: int) -> int:
    end = limit
    while end > start and text[end - 1] in " \n.":
        end -= 1
    return end


def _trailing_via(doc: _Document, end: int, hi: int) -> str | None:
    """ "، حسب ما ذكرت وكالة رويترز" / "وفق «وكالة الصحافة الفرنسية»" after the content."""
    if end + 1 < hi and doc.tokens[end].match in _COMMAS:
        if doc.tokens[end + 1].stem in doc.words["attribution"]:
            return _via(doc, end + 1, hi)
    return None


def _attribution(
    doc: _Document, i: int, lo: int, hi: int, paragraph: Paragraph, earlier: list[Claim]
) -> tuple[Claim, int] | None:
    """ووفق X، content / content، بحسب X. / وفقاً لما ذكره X في صحيفة Y، فإن content."""
    j = i + 1
    cue = None
    while j < hi and j - i <= 3 and (doc.tokens[j].stem in ("ما", "ل") or doc.cue_at(j)):
        cue = doc.cue_at(j) or cue
        j += 1
    if j < hi and doc.tokens[j].match in ("ل", "لـ"):
        j += 1
    prefixed = j < hi and doc.tokens[j].prefix.endswith("ل") and doc.tokens[j].is_word
    end = _noun_phrase(doc, j + 1, hi) if prefixed else _noun_phrase(doc, j, hi)
    if end <= j:
        return None
    speaker = doc.speaker(j, end, cue)
    if speaker is None:
        return None
    if prefixed:  # وفقاً للمعلومات …: the speaker starts after the preposition
        cut = 1
        while cut < len(speaker.text) and speaker.text[cut] == "ـ":
            cut += 1
        # للمعلومات = لـ + المعلومات with the article's alef dropped: write it back
        article = "ا" if speaker.text[cut:].startswith("ل") and cut == 1 else ""
        speaker.text, speaker.start = article + speaker.text[cut:], speaker.start + cut
    comma = end
    while comma < hi and doc.tokens[comma].match not in _COMMAS | _SENTENCE_END:
        comma += 1
    via = _via(doc, end, comma)
    if i == lo or (i == lo + 1 and doc.tokens[lo].match in _COMMAS):
        k = comma + 1
        if k < hi and doc.tokens[k].stem in ("ان", "انه"):
            k += 1
        if k >= hi or doc.tokens[comma].match not in _COMMAS:
            return None
        claim = _build(doc, speaker, i, k, hi, paragraph, False, via, cue or _ATTRIBUTION)
        if claim is None:
            return None
        doc.speakers.append(speaker)
        return _with_cue(doc, claim, i, j), doc.token_at(claim.content_end)
    if i > lo and doc.tokens[i - 1].match in _COMMAS and not earlier and comma >= hi - 1:
        start, content_end = doc.tokens[lo].start, doc.tokens[i - 2].end
        if i - 1 - lo < 3:
            return None
        claim = Claim(
            speaker=speaker.text,
            cue=doc.text[doc.tokens[i].start : doc.tokens[j - 1].end],
            content=doc.text[start:content_end],
            kind="mixed" if '"' in (t.match for t in doc.tokens[lo : i - 1]) else "indirect",
            paragraph=paragraph.index,
            start=start,
            end=doc.tokens[end - 1].end,
            content_start=start,
            content_end=content_end,
            speaker_start=speaker.start,
            speaker_end=speaker.end,
            speaker_actor=speaker.actor,
            via=via,
        )
        return claim, end
    return None


_ATTRIBUTION = Cue("وفق", "وفق", "?", "s", "noun", frozenset({"clause"}), False)


def _with_cue(doc: _Document, claim: Claim, i: int, j: int) -> Claim:
    token = doc.tokens[i]
    cue = doc.text[token.start + len(token.prefix) : doc.tokens[max(i, j - 1)].end]
    return dataclasses.replace(claim, cue=cue.strip(" ل"), start=token.start)


def _transmitted(
    doc: _Document, i: int, hi: int, paragraph: Paragraph, cue: Cue
) -> tuple[Claim, int] | None:
    """نقلت وكالة «سبوتنيك» عن وزير الخارجية سيرغي لافروف قوله إن ...: speaker and via."""
    about = next((k for k in range(i + 1, min(hi, i + 10)) if doc.tokens[k].match == "عن"), None)
    if about is None or about == i + 1:
        return None
    via = _unquote(doc.text[doc.tokens[i + 1].start : doc.tokens[about - 1].end])
    end = about + 1
    while end < hi and end - about <= _MAX_SPEAKER and doc.tokens[end].match not in _SAYING:
        if doc.tokens[end].match in _COMMAS or not doc.tokens[end].is_word:
            break
        end += 1
    speaker = doc.speaker(about + 1, end, None)
    if speaker is None:
        return None
    content = _content_start(doc, end, hi, cue_forms()["قال"])
    if content is None:
        return None
    claim = _build(doc, speaker, i, content[0], hi, paragraph, content[1], via, cue)
    if claim is None:
        return None
    doc.speakers.append(speaker)
    return claim, doc.token_at(claim.content_end)


def _headline(doc: _Document, paragraph: Paragraph, lo: int, hi: int) -> Claim | None:
    """ "زيلينسكي: الضربة الروسية ... تمثل تصعيداً": a named speaker, a colon, the claim."""
    colon = next((k for k in range(lo, min(hi, lo + 5)) if doc.tokens[k].match == ":"), None)
    if colon is None or colon == lo or hi - colon < 3:
        return None
    if any(not doc.tokens[k].is_word or doc.cue_at(k) for k in range(lo, colon)):
        return None  # "وقال كيم: …" is a verb-first claim, not a headline
    if doc.tokens[lo].match in doc.words["headline-block"]:
        return None
    start, end = doc.tokens[lo].start, doc.tokens[colon - 1].end
    named = doc.mentions_in(start, end)
    if paragraph.kind != "heading" and not named:
        return None
    speaker = doc.speaker(lo, colon, None)
    if speaker is None:
        return None
    last = hi
    while last > colon + 1 and doc.tokens[last - 1].match in _SENTENCE_END:
        last -= 1
    content_start, content_end = doc.tokens[colon + 1].start, doc.tokens[last - 1].end
    return Claim(
        speaker=speaker.text,
        cue=":",
        content=doc.text[content_start:content_end],
        kind="direct",
        paragraph=paragraph.index,
        start=start,
        end=content_end,
        content_start=content_start,
        content_end=content_end,
        speaker_start=speaker.start,
        speaker_end=speaker.end,
        speaker_actor=speaker.actor,
    )
