"""Attributed claims: who said what, through whom, in Arabic news text.

A claim is anchored on a cue: a reporting verb, participle or noun (قال، أكدت، مضيفاً،
تصريح), an attribution phrase (ووفق X، بحسب X، وفقاً لما ذكره X), a transmission
(نقلت وكالة X عن Y قوله) or the headline form "X: ...". From the cue the speaker is found
(``speaker``): after it (verb first), before it (subject first) or, when the subject is
dropped (وأوضح أن ...), taken from the article's previous speakers, checked against the
cue's gender and number. Content runs from the complementizer, colon or opening quote to
the end of the quotation or of the clause (``content``); ``forms`` assembles claims and
reads the special forms. The cue forms live in ``resources/reporting_verbs.tsv`` and the
function words in ``resources/claim_words.tsv`` (``cues``).
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

from newscorpus.arabic import COMMAS
from newscorpus.arabic.letters import DAMMA
from newscorpus.extract.claims.cues import CAME, Cue, claim_words, cue_forms
from newscorpus.extract.claims.document import DocumentState, is_title
from newscorpus.extract.claims.forms import attribution, build, headline, transmitted, written_in
from newscorpus.extract.claims.speaker import (
    relative_disagrees,
    speaker_and_content,
    speaks,
    via_outlet,
)
from newscorpus.models import Claim, Mention, Paragraph, Sentence, Token

__all__ = ["extract_claims"]


def extract_claims(
    text: str,
    paragraphs: Sequence[Paragraph],
    sentences: Sequence[Sentence],
    tokens: Sequence[Token],
    mentions: Sequence[Mention] = (),
) -> list[Claim]:
    """Attributed claims in the analyzed paragraphs of one cleaned document, in text order."""
    document = DocumentState(text, tokens, mentions)
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
        nested: list[Claim] = []  # reports inside reported words: no speaker's context
        if sentence.paragraph not in first_of_paragraph:
            first_of_paragraph.add(sentence.paragraph)
            heading = headline(document, paragraph, lo, hi)
            if heading is not None:
                in_sentence.append(heading)
                covered = heading.content_end
                document.last_claim_end = max(document.last_claim_end, heading.content_end)
        i = lo
        openers = _openers()
        while i < hi:
            token = tokens[i]
            if token.start < covered or (token.stem not in openers and token.match not in openers):
                i += 1  # inside a quotation, or a word no claim form starts at
                continue
            found = _claim_at(document, i, lo, hi, paragraph, in_sentence)
            if found is None:
                i += 1
                continue
            claim, next_i = found
            in_sentence.append(claim)
            if claim.kind == "indirect":
                nested.extend(_nested(document, claim, paragraph))
            covered = max(covered, claim.content_end)
            document.last_claim_end = max(document.last_claim_end, claim.content_end)
            i = max(next_i, i + 1)
        claims.extend(
            sorted(in_sentence + nested, key=lambda c: c.start) if nested else in_sentence
        )
        document.claims.extend(in_sentence)
        document.sentence_spans.append((sentence.start, sentence.end))
    # A claim says something, inside its own span: the forms that found none (a speaker and
    # a colon at the end of a text) are not claims.
    return [c for c in claims if c.start <= c.content_start < c.content_end <= c.end]


@cache
def _openers() -> frozenset[str]:
    """The words a claim can start at (a token's stem or match form): an attribution
    phrase's head, a reporting cue, or جاء; ``_claim_at`` finds nothing at any other."""
    return claim_words().get("attribution", frozenset()) | frozenset(cue_forms()) | {CAME}


def _claim_at(
    doc: DocumentState, i: int, lo: int, hi: int, paragraph: Paragraph, earlier: list[Claim]
) -> tuple[Claim, int] | None:
    token = doc.tokens[i]
    if token.stem in doc.words["attribution"] or token.match in doc.words["attribution"]:
        return attribution(doc, i, lo, hi, paragraph, earlier)
    cue = doc.cue_at(i)
    if cue is None:
        if token.stem == CAME and token.prefix in ("", "و", "ف"):
            return written_in(doc, i, hi, paragraph)
        return None
    if i > lo and (
        doc.tokens[i - 1].stem in doc.words["negation"]
        or doc.tokens[i - 1].stem in doc.words["refused"]
    ):
        return None
    if i > lo + 1 and doc.is_(i - 1, "complementizer") and doc.is_(i - 2, "negation"):
        return None
    named = i + 2 if i + 2 < hi and doc.tokens[i + 1].match == "عن" else i + 1
    if named < hi and doc.is_(named, "identity"):
        return None  # رفض ذكر اسمه، طالبا عدم الكشف عن هويته: naming, not saying
    if cue.pos == "participle" and cue.lemma == "اتهم" and i + 1 < hi:
        if doc.tokens[i + 1].prefix.endswith("ب"):
            return None  # متهما بمساعدة جماعة: accused of, not accusing
    if cue.pos == "verb" and _not_third_person_active(doc, i, cue):
        return None
    if "transmit" in cue.complements:
        return transmitted(doc, i, hi, paragraph, cue)
    found = speaker_and_content(doc, i, lo, hi, cue, earlier)
    if found is None:
        return None
    speaker, j, k, colon = found
    via = via_outlet(doc, j, k)
    inner = doc.cue_at(k) if k < hi else None
    if inner is not None and inner.pos == "verb" and not _not_third_person_active(doc, k, inner):
        # وأضاف أنه قال لترامب: «...»: the inner verb carries the quotation
        doc.speakers.append(speaker)
        return None
    claim = build(doc, speaker, i, k, hi, paragraph, colon, via, cue)
    if claim is None:
        return None
    doc.speakers.append(speaker)
    return claim, doc.token_at(claim.content_end)


def _nested(doc: DocumentState, outer: Claim, paragraph: Paragraph) -> list[Claim]:
    """Reports inside an indirect claim's words, each with its own speaker named there
    (كشفت الصحيفة أن ميسي قال لزملائه إنه ...، قال المدير إن مسؤولين روسا أبلغوا الفريق أنه
    ...): separate claims through the outer speaker. A speaker the words do not name (a
    dropped subject, one taken from the sentences before) is no reading here, nor is a
    verb's object (يهدد الأمن القومي: threatens, not says; ``_named_inside``). The speakers
    found are not the article's for what follows, and the outer speaker is no ``via``: the
    words it reported may be the journalist's as well (فيما قالت الشركة إنها ...)."""
    lo, hi = doc.token_at(outer.content_start), doc.token_at(outer.content_end)
    speakers, outlets, openers = len(doc.speakers), dict(doc.outlets), _openers()
    found: list[Claim] = []
    i = lo
    while i < hi:
        token = doc.tokens[i]
        if token.stem not in openers and token.match not in openers:
            i += 1
            continue
        # the outer claim as the earlier one: the sentence's subject is not a reading
        at = _claim_at(doc, i, lo, hi, paragraph, [outer, *found])
        if at is None:
            i += 1
            continue
        claim, next_i = at
        if _named_inside(doc, claim, outer, i, doc.cue_at(i)):
            found.append(claim)
        i = max(next_i, i + 1)
    del doc.speakers[speakers:]
    doc.outlets = outlets  # a newspaper named inside reported words is not the article's
    return found


def _named_inside(doc: DocumentState, claim: Claim, outer: Claim, i: int, cue: Cue | None) -> bool:
    """Whether a claim found at cue ``i`` inside ``outer``'s words is a report of its own:
    its words follow أن/إن, a colon or a quotation, and its speaker is named there, as a
    name, a title or the head of a speaker's phrase (not كما يتوقع الجميع، ترى رخاء اقتصاديا
    أن), and is not the pronoun of a complementizer right before the cue (إلا أنها أوضحت:
    a dropped subject, whoever it is). A speaker before the cue stands next to it, or a
    relative pronoun or adverbs between (هاسبل نفسها أشارت، المري الذي أكد ايضا)."""
    first = doc.token_at(claim.content_start)
    said = claim.kind == "direct" or (first > 0 and doc.is_(first - 1, "complementizer"))
    start = claim.speaker_start
    if not said or start is None or start < outer.content_start:
        return False
    if claim.content_end > outer.content_end or doc.is_(i - 1, "complementizer"):
        return False
    k = doc.token_of(start)
    if not (doc.mention_at(k) is not None or speaks(doc, k)):
        return False
    if claim.speaker_end is not None and claim.speaker_end <= doc.tokens[i].start:
        gap, t = 0, doc.token_of(claim.speaker_end - 1) + 1
        while t < i:
            if doc.is_(t, "relative"):  # ميسي الذي دخل بديلا ...، قال: the clause is aside
                if cue and t == i - 1 and relative_disagrees(doc, t, cue):
                    return False
                comma = next((c for c in range(t, i) if doc.tokens[c].match in COMMAS), None)
                t = t + 1 if comma is None else comma + 1
                continue
            gap += not doc.is_(t, "adverb")
            t += 1
        return gap <= _NESTED_GAP  # not ترامب ستضر بالعلاقات، متوعدة ... إجراء قالت
    return True


_NESTED_GAP = 2  # words between a speaker named before its cue and the cue, inside a report


def _not_third_person_active(doc: DocumentState, i: int, cue: Cue) -> bool:
    """A past-tense cue form that is written as something else: أعتقد، أعترف، أقترح (the
    verb's past starts with a bare alif, اعتقد; with a hamza it is "I believe", the
    speaker's own words), or a passive marked with a damma (أُعلن، أُبلغ)."""
    written = doc.text[doc.after_clitics(i) : doc.tokens[i].end]
    if len(written) < 2 or written[0] != "أ":
        return False
    if not (cue.lemma.startswith("ا") or written[1] == DAMMA):
        return False
    # a subject after it: the past with a stray hamza or damma (وأعتبر الوزير أن، أقترح الاتحاد
    # الأوروبي، أُعلنت الأجهزة المصرية أن)
    k = i + 1
    if k >= len(doc.tokens) or not doc.tokens[k].is_word or doc.is_(k, "complementizer"):
        return True
    word = doc.tokens[k]
    titled = is_title(word.stem) or is_title("ال" + word.stem)
    subject = word.stem.startswith("ال") or titled or doc.mention_at(k) is not None
    return not subject
