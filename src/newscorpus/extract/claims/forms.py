"""The claim forms that are not a reporting verb with its subject, and claim assembly.

``build`` turns a speaker, a cue and a content start into a ``Claim`` (direct, indirect or
mixed); ``attribution`` reads ووفق X، ... / ...، بحسب X; ``transmitted`` reads نقلت وكالة X
عن Y قوله إن ...; ``headline`` reads "X: ..." headings. Every Claim is made by ``claim_of``.
"""

from __future__ import annotations

import dataclasses
import re

from newscorpus.arabic import COMMAS
from newscorpus.extract.claims.content import (
    _joined_quote,
    _paragraph_text_end,
    clause_end,
    content_start,
    quote_end,
)
from newscorpus.extract.claims.cues import (
    ATTRIBUTION,
    CAME,
    MAX_SPEAKER,
    QUOTED_NAME,
    SAYING,
    Cue,
    cue_forms,
)
from newscorpus.extract.claims.document import (
    CLAUSE_END,
    QUOTE_CLOSERS,
    DocumentState,
    Speaker,
    unquote,
)
from newscorpus.extract.claims.speaker import noun_phrase, via_outlet
from newscorpus.models import Claim, ClaimKind, Paragraph


def claim_of(
    doc: DocumentState,
    speaker: Speaker,
    cue: str,
    kind: ClaimKind,
    paragraph: int,
    span: tuple[int, int],
    content: tuple[int, int],
    via: str | None = None,
) -> Claim:
    """The one place a Claim is made: ``span`` is the whole claim, ``content`` its words."""
    return Claim(
        speaker=speaker.text,
        cue=cue,
        content=doc.text[content[0] : content[1]],
        kind=kind,
        paragraph=paragraph,
        start=span[0],
        end=span[1],
        content_start=content[0],
        content_end=content[1],
        speaker_start=speaker.start,
        speaker_end=speaker.end,
        speaker_actor=speaker.actor,
        via=via,
    )


def build(
    doc: DocumentState,
    speaker: Speaker,
    i: int,
    k: int,
    hi: int,
    paragraph: Paragraph,
    colon: bool,
    via: str | None,
    cue: Cue,
) -> Claim | None:
    if k >= len(doc.tokens) or doc.tokens[k].start >= paragraph.end:
        return None  # nothing said in this paragraph (a colon, and the quote comes later)
    text = doc.text
    first = doc.tokens[k]
    kind: ClaimKind = "indirect"
    if first.match == '"' and text[first.start] in QUOTE_CLOSERS:
        close = quote_end(doc, k)
        limit = paragraph.end
        if close is None or close > limit:
            close = _paragraph_text_end(text, first.end, limit)
        words_start, words_end, kind = first.end, close, "direct"
        after = doc.token_at(close + 1)
        joined = _joined_quote(doc, after, hi)
        if joined is not None:
            words_end = quote_end(doc, joined) or close
        elif (
            after < hi
            and doc.tokens[after].match not in CLAUSE_END | COMMAS
            and doc.tokens[after].match not in doc.words["cut"]  # "..." لينفي بذلك، دون
            and not _next_claim_at(doc, after)  # "..." مضيفا أن: the next claim
        ):
            tail = clause_end(doc, after, hi)
            if tail > after:
                words_start, words_end, kind = first.start, doc.tokens[tail - 1].end, "mixed"
    else:
        # what the cue took as its object (أدانت الحكومة الخطوة), not a clause after إن or :
        objected = not colon and k > 0 and not doc.is_(k - 1, "complementizer")
        stop = clause_end(doc, k, hi, speaker if objected else None)
        if stop <= k:
            return None
        if colon and (stop >= hi or _ends_sentence(doc.tokens[stop].match)):
            stop = _speech_runs_on(doc, stop, doc.token_at(paragraph.end))
        words_start, words_end = first.start, doc.tokens[stop - 1].end
        if colon:
            kind = "direct"
        elif any(doc.tokens[t].match == '"' for t in range(k, stop)):
            kind = "mixed"
        via = via or _trailing_via(doc, stop, hi)
    cue_token = doc.tokens[i]
    # A speaker carried over from an earlier sentence (وتابع: «...») does not start this
    # claim: the claim starts at its cue.
    carried = speaker.start < paragraph.start or (
        speaker.end <= cue_token.start
        and _SENTENCE_END.search(text, speaker.end, cue_token.start) is not None
    )
    start = cue_token.start if carried else min(cue_token.start, speaker.start)
    cue_text = text[doc.after_clitics(i) : cue_token.end]
    if words_end <= words_start:
        return None  # an opening quote and nothing after it
    closed = kind == "direct" and text[words_end : words_end + 1] in _CLOSING_QUOTES
    end = max(words_end + (1 if closed else 0), start)
    return claim_of(
        doc, speaker, cue_text, kind, paragraph.index, (start, end), (words_start, words_end), via
    )


_SENTENCE_END = re.compile(r"[.!?؟…][»”\"']*\s")
_CLOSING_QUOTES = frozenset("»\"”“'’")  # a direct claim's span takes its closing quote


def _speech_runs_on(doc: DocumentState, stop: int, last: int) -> int:
    """Where words after a colon end: unquoted speech goes on over the paragraph's next
    sentences (وقال تاباريز: أعداد من اللاعبين ظهروا ... رأيت بنفسي ...) while they do not
    open as narration does (with و/ف: وتأتي هذه التصريحات ...) and hold no cue, attribution
    or quotation of their own."""
    while stop < last and _ends_sentence(doc.tokens[stop].match):
        end = stop + 1
        while end < last and _ends_sentence(doc.tokens[end].match):
            end += 1  # "..", "!?"
        if end >= last or not doc.tokens[end].is_word or doc.tokens[end].prefix:
            break
        following = end
        while following < last and not _ends_sentence(doc.tokens[following].match):
            token = doc.tokens[following]
            if token.match == '"' or doc.cue_at(following) is not None:
                return stop
            if token.stem in doc.words["attribution"] or token.match in doc.words["attribution"]:
                return stop
            following += 1
        if following == end:
            break
        stop = following
    return stop


def _next_claim_at(doc: DocumentState, k: int) -> bool:
    """A participle cue or a و-verb cue opens the speaker's next claim ("..." مضيفا أن،
    "..." وقال); a bare verb after a quotation is its predicate ("المسؤولين الروس" أبلغوا
    الفريق: the quoted words are the subject)."""
    cue = doc.cue_at(k)
    return cue is not None and (cue.pos == "participle" or doc.tokens[k].prefix == "و")


def _ends_sentence(match: str) -> bool:
    return match in CLAUSE_END or (bool(match) and all(c in ".!?؟…" for c in match))


def _trailing_via(doc: DocumentState, end: int, hi: int) -> str | None:
    """ "، حسب ما ذكرت وكالة رويترز" / "وفق «وكالة الصحافة الفرنسية»" after the content."""
    if end + 1 < hi and doc.tokens[end].match in COMMAS:
        if doc.tokens[end + 1].stem in doc.words["attribution"]:
            return via_outlet(doc, end + 1, hi)
    return None


def attribution(
    doc: DocumentState, i: int, lo: int, hi: int, paragraph: Paragraph, earlier: list[Claim]
) -> tuple[Claim, int] | None:
    """ووفق X، content / content، بحسب X. / وفقاً لما ذكره X في صحيفة Y، فإن content."""
    j = i + 1
    cue = None
    while j < hi and j - i <= 3 and (doc.tokens[j].stem in ("ما", "ل") or doc.cue_at(j)):
        cue = doc.cue_at(j) or cue
        j += 1
    if j + 1 < hi and doc.tokens[j - 1].stem == "ما":
        if doc.tokens[j].stem == CAME and doc.tokens[j + 1].match == "في":
            j += 2  # بحسب ما جاء في القرار: the text is the speaker
        elif doc.is_(j, "authored"):
            j += 1  # بحسب ما نقلته "صنداي تايمز": who wrote it
    if j < hi and doc.tokens[j].match in ("ل", "لـ"):
        j += 1
    prefixed = j < hi and doc.tokens[j].prefix.endswith("ل") and doc.tokens[j].is_word
    end = noun_phrase(doc, j + 1, hi) if prefixed else noun_phrase(doc, j, hi)
    if end <= j:
        return None
    if end == j + 1 and doc.is_(j, "his-words"):
        speaker = _whose_words(doc, j)  # ...، حسب قوله: the speaker the words are his
    else:
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
    while comma < hi and doc.tokens[comma].match not in COMMAS | CLAUSE_END:
        comma += 1
    via = via_outlet(doc, end, comma)
    if i == lo or (i == lo + 1 and doc.tokens[lo].match in COMMAS):
        k = comma + 1
        if k < hi and doc.tokens[k].stem in ("ان", "انه"):
            k += 1
        if k >= hi or doc.tokens[comma].match not in COMMAS:
            return None
        claim = build(doc, speaker, i, k, hi, paragraph, False, via, cue or ATTRIBUTION)
        if claim is None:
            return None
        doc.speakers.append(speaker)
        return _with_cue(doc, claim, i, j), doc.token_at(claim.content_end)
    trailing = comma >= hi - 1 or _tail(doc, end, hi)  # …، بحسب X (في مكان، يوم).
    if i > lo and doc.tokens[i - 1].match in COMMAS and not earlier and trailing:
        start, content_end = doc.tokens[lo].start, doc.tokens[i - 2].end
        if i - 1 - lo < 3:
            return None
        cue_text = doc.text[doc.tokens[i].start : doc.tokens[j - 1].end]
        kind: ClaimKind = (
            "mixed" if '"' in (t.match for t in doc.tokens[lo : i - 1]) else "indirect"
        )
        span = (start, doc.tokens[end - 1].end)
        claim = claim_of(
            doc, speaker, cue_text, kind, paragraph.index, span, (start, content_end), via
        )
        return claim, end
    return None


def _tail(doc: DocumentState, end: int, hi: int) -> bool:
    """Whether the sentence ends after a trailing attribution's speaker, but for where and
    when (…، وفق ما أفاد مراسل "سكاي نيوز عربية" في رام الله، الأربعاء.): commas, a day,
    an adverb, في/من/لدى and the names they govern."""
    k = end
    while k < hi:
        token = doc.tokens[k]
        named = doc.mention_at(k, whole=True)
        if named is not None and named.type != "person":
            k = doc.token_of(named.end - 1) + 1
            continue
        if not (
            token.match in COMMAS
            or token.match in CLAUSE_END
            or token.match in ("في", "من", "لدي")
            or doc.is_(k, "day")
            or doc.is_(k, "adverb")
        ):
            return False
        k += 1
    return True


def _whose_words(doc: DocumentState, j: int) -> Speaker | None:
    """The speaker of قوله، قولها، تعبيرهم (حسب قوله): the latest one of the pronoun's gender
    and number; never the word itself."""
    word = doc.tokens[j].match
    number = "p" if word.endswith("هم") else "s"
    gender = "f" if word.endswith("ها") else "m"
    for speaker in reversed(doc.speakers[-4:]):
        if speaker.number == number and (number == "p" or speaker.gender in (gender, "?")):
            return speaker
    return None


def _with_cue(doc: DocumentState, claim: Claim, i: int, j: int) -> Claim:
    token = doc.tokens[i]
    cue = doc.text[doc.after_clitics(i, conjunction_only=True) : doc.tokens[max(i, j - 1)].end]
    return dataclasses.replace(claim, cue=cue.strip(" ل"), start=token.start)


def transmitted(
    doc: DocumentState, i: int, hi: int, paragraph: Paragraph, cue: Cue
) -> tuple[Claim, int] | None:
    """نقلت وكالة «سبوتنيك» عن وزير الخارجية سيرغي لافروف قوله إن ...: speaker and via."""
    about = next((k for k in range(i + 1, min(hi, i + 10)) if doc.tokens[k].match == "عن"), None)
    if about is None or about == i + 1:
        return None
    via = unquote(doc.text[doc.tokens[i + 1].start : doc.tokens[about - 1].end])
    end = about + 1
    while end < hi and end - about <= MAX_SPEAKER and doc.tokens[end].match not in SAYING:
        if doc.tokens[end].match == '"' and end > about + 1:
            named = _quoted_name_end(doc, end, hi)
            if named is not None:
                end = named  # نقل موقع كورة عن صحيفة "توتو سبورت" الإيطالية أن
                continue
        if doc.tokens[end].match in COMMAS or not doc.tokens[end].is_word:
            break
        here, ends = doc.tokens[end].start, doc.tokens[end].end
        if doc.is_(end, "complementizer") and not any(  # إن inside سي إن إن, not a last أن
            m.start < here and ends < m.end
            for m in doc.mentions_in(doc.tokens[about + 1].start, here)
        ):
            break  # نقل موقع كورة عن صحيفة "توتو سبورت" الإيطالية أن ... (not سي إن إن)
        end += 1
    speaker = doc.speaker(about + 1, end, None)
    if speaker is None:
        return None
    saying = _past_appositive(doc, end, hi)
    if saying > end and speaker.actor is None:
        # نقل البيان عن وزير الخارجية الألماني، هايكو ماس قوله: the title's holder speaks
        # the name closes the appositive (not ترامب in مسؤول أمريكي، رافق ترامب في زيارته)
        close = saying - 1 if doc.tokens[saying - 1].match in COMMAS else saying
        people = [
            m
            for m in doc.mentions_in(doc.tokens[end].end, doc.tokens[saying].start)
            if m.type == "person"
            and m.end <= doc.tokens[saying].start
            and doc.token_of(m.end - 1) == close - 1
        ]
        if people:
            first = doc.token_at(people[0].start)
            speaker = doc.speaker(first, close, None) or speaker
    content = content_start(doc, saying, hi, cue_forms()["قال"])
    if content is None:
        return None
    claim = build(doc, speaker, i, content[0], hi, paragraph, content[1], via, cue)
    if claim is None:
        return None
    doc.speakers.append(speaker)
    return claim, doc.token_at(claim.content_end)


def _past_appositive(doc: DocumentState, end: int, hi: int) -> int:
    """Where the words of a transmission are sought after the source's name ending at token
    ``end``: at its قوله when an appositive set off by a comma stands between (نقلت رويترز عن
    عمانوئيل نحشون، المتحدث باسم الخارجية الإسرائيلية قوله "..."), else at ``end``."""
    if end >= hi or doc.tokens[end].match not in COMMAS:
        return end
    for t in range(end + 1, min(hi, end + 1 + MAX_SPEAKER)):
        token = doc.tokens[t]
        if token.match in SAYING:
            return t
        if token.match in COMMAS and not (t + 1 < hi and doc.tokens[t + 1].match in SAYING):
            break  # ...، ونقلت سكاي نيوز عن الرئيس قوله: another clause, not an appositive
        if token.match in CLAUSE_END or token.match == '"' or doc.is_(t, "complementizer"):
            break
        if doc.cue_at(t) is not None or token.match == "عن":
            break
    return end


def _quoted_name_end(doc: DocumentState, k: int, hi: int) -> int | None:
    """After an outlet's or a body's class noun, the token after the closing mark of the
    short quoted name that opens at token ``k`` (صحيفة "توتو سبورت"); None otherwise."""
    heads = doc.words["outlet"] | doc.words["org-head"]
    if doc.tokens[k - 1].stem not in heads:
        return None
    for t in range(k + 1, min(hi, k + 2 + QUOTED_NAME)):
        if doc.tokens[t].match == '"':
            return t + 1 if t > k + 1 else None
        if not doc.tokens[t].is_word:
            return None
    return None


# The cue of "جاء في X أن ..." (a text's words: X is the statement, report or letter).
CAME_IN = Cue("جاء في", "جاء", "?", "s", "noun", frozenset({"clause"}), False)


def written_in(
    doc: DocumentState, i: int, hi: int, paragraph: Paragraph
) -> tuple[Claim, int] | None:
    """وجاء في البيان أن ...، وجاء في التقرير: "...": the text is the speaker (its author
    is whoever the article says issued it; the guide keeps البيان with no actor)."""
    if i + 2 >= hi or doc.tokens[i + 1].match != "في":
        return None
    end = noun_phrase(doc, i + 2, hi)
    if end <= i + 2:
        return None
    speaker = doc.speaker(i + 2, end, None)
    if speaker is None:
        return None
    content = content_start(doc, end, hi, CAME_IN)
    if content is None or content[0] - end > 3:
        return None  # جاء في المرتبة الثانية، جاء في وقت ...: no words follow
    cue_text = doc.text[doc.after_clitics(i) : doc.tokens[i + 1].end]
    claim = build(doc, speaker, i, content[0], hi, paragraph, content[1], None, CAME_IN)
    if claim is None:
        return None
    claim = dataclasses.replace(claim, cue=cue_text)
    doc.speakers.append(speaker)
    return claim, doc.token_at(claim.content_end)


def headline(doc: DocumentState, paragraph: Paragraph, lo: int, hi: int) -> Claim | None:
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
    while last > colon + 1 and doc.tokens[last - 1].match in CLAUSE_END:
        last -= 1
    words = (doc.tokens[colon + 1].start, doc.tokens[last - 1].end)
    return claim_of(doc, speaker, ":", "direct", paragraph.index, (start, words[1]), words)
