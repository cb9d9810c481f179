"""Where the claimed words begin and end: complementizer, colon or quotation, clause end.

``content_start`` finds the first token of the content after the speaker and any
appositive; ``clause_end`` where indirect content stops; ``quote_end`` the closing mark of
a quotation, nested quotes included.
"""

from __future__ import annotations

from newscorpus.arabic import COMMAS
from newscorpus.extract.claims.cues import MAX_GAP, PREPOSITIONS, Cue
from newscorpus.extract.claims.document import CLAUSE_END, QUOTE_CLOSERS, DocumentState, Speaker
from newscorpus.models import Token


def content_start(doc: DocumentState, j: int, hi: int, cue: Cue) -> tuple[int, bool] | None:
    """Index of the content's first token after the speaker and any appositive."""
    k = j
    timed: int | None = None  # where a clause of time or manner opened (بعد أن التقى نظيره)
    while k < hi and k - j < MAX_GAP:
        token = doc.tokens[k]
        if doc.is_(k, "adverb") and _only_adverbs(doc, j, k):
            k += 1  # an adverb opens nothing said (بقوة، قبلا): what is said follows it
            continue
        if token.match in doc.words["complementizer"] and "clause" in cue.complements:
            if _time_clause(doc, j, k):
                timed = k  # رجح الوزير تراجع العملة قبل أن تستقر: "before", not "that"
            elif timed is None or doc.text[token.start] == "إ":
                return k + 1, False
            k += 1  # inside the time clause, its verb's أن (بعد أن أثبت اللاعبان أنهما)
            continue
        if token.match in COMMAS:
            timed = None  # a comma ends the time clause
        if token.match == ":":
            if k + 1 < hi and doc.is_(k + 1, "complementizer"):
                return k + 2, False
            return k + 1, True
        if token.match == '"' and doc.text[token.start] in QUOTE_CLOSERS and _opens(doc, k):
            if k == j or doc.tokens[k - 1].match in COMMAS:
                return k, True
            if _said_where(doc, j, k):  # وقال ماتاريلا في بيان "..."
                return k, True
        for complement in cue.complements:
            if complement.startswith("prep:") and has_prep(token, complement[5:]):
                after = k + 1 if token.match == complement[5:] else k
                if after < hi and doc.is_(after, "complementizer"):
                    return after + 1, False
                return after, False
        if "np" in cue.complements and token.is_word and _only_adverbs(doc, j, k):
            if token.match not in doc.words["stop"] and token.match not in doc.words["negation"]:
                if not (token.prefix.endswith("ل") and _said_to(doc, k, hi)):
                    return k, False
        aside = identity_aside(doc, k, hi)
        if aside is not None:
            k = aside  # قال أحد الموظفين رفض ذكر اسمه إن: the request not to be named
            if k < hi and doc.tokens[k].match == '"' and _opens(doc, k):
                return k, True  # طالبا عدم كشف هويته "...": the quotation follows
            continue
        inner = doc.cue_at(k) if k > j else None
        aside = identity_aside(doc, k + 1, hi) if inner is not None and k + 1 < hi else None
        if aside is not None:
            k = aside  # وقال مسؤول، تحدث شريطة عدم نشر اسمه، إنه: the speaker's aside
            continue
        if inner is not None and inner.pos in ("verb", "imperfect"):
            # وقال بوتين، الذي تحدث للصحفيين ...، إنه: a relative clause's verb says nothing
            if doc.tokens[k - 1].match not in ("ما", "لما", "الذي", "التي", "الذين"):
                return None
        if token.match in CLAUSE_END:
            return None
        k += 1
    return None


# أن after these opens a clause of time or manner, not what a cue's speaker said
_NOT_SAID_BEFORE = frozenset(("قبل", "بعد", "دون", "بدون", "حتي", "منذ"))


def _time_clause(doc: DocumentState, j: int, k: int) -> bool:
    """Whether the أن at token ``k`` follows قبل، بعد، دون ... as a conjunction of time or
    manner (قبل أن تستقر), not as the adverb من قبل (قال من قبل إن: "before", then "that")."""
    if k == j or doc.tokens[k - 1].match not in _NOT_SAID_BEFORE:
        return False
    adverb = k >= 2 and doc.tokens[k - 2].match == "من"  # من قبل: "before", an adverb
    return not adverb and doc.text[doc.tokens[k].start] != "إ"


def identity_aside(doc: DocumentState, k: int, hi: int) -> int | None:
    """The end of an aside on not naming the speaker that starts at token ``k`` (رفض ذكر
    اسمه، طالبا عدم كشف هويته، طلب عدم الكشف عن هويته): a word of asking, then up to
    four words, the last naming who someone is (``identity``); None when there is none."""
    if doc.tokens[k].stem not in doc.words["asking"] and not doc.is_(k, "asking"):
        return None
    for t in range(k + 1, min(k + 5, hi)):
        if doc.is_(t, "identity"):
            return t + 1
        if not doc.tokens[t].is_word or doc.mentions_in(doc.tokens[t].start, doc.tokens[t].end):
            return None
    return None


def _said_to(doc: DocumentState, k: int, hi: int) -> bool:
    """أكد المدير التنفيذي لشبكة "فيسبوك"، مارك زوكربيرغ، أنه / أكد لوكالة رويترز أن: a
    ل-phrase the complementizer follows within a few words is not the object."""
    for t in range(k + 1, min(hi, k + 14)):
        if doc.is_(t, "complementizer"):
            return True
        if doc.tokens[t].match == '"' and _opens(doc, t):
            close = quote_end(doc, t)  # وأعلنت ميركل للتلفزيون "أنا لا أقول ...": said to
            if close is not None and close - doc.tokens[t].end >= 15:  # someone, the quote
                return True
        if doc.tokens[t].match in CLAUSE_END or doc.cue_at(t) is not None:
            return False
    return False


def _opens(doc: DocumentState, k: int) -> bool:
    """Whether the quotation mark at token ``k`` opens a quotation: an ASCII " after an odd
    number of them on its line closes one (قد تحدث حتى 2019" في ...)."""
    start = doc.tokens[k].start
    if doc.text[start] != '"':
        return True
    line = doc.text.rfind("\n", 0, start) + 1
    return doc.text.count('"', line, start) % 2 == 0


def _closes(doc: DocumentState, k: int) -> bool:
    """Whether the quotation mark at token ``k`` closes a quotation: written against the word
    before it (...الأندرويد" مشيرا إلى أن), not against the word after it ("مطالبة بالعمل");
    else by the count of ASCII marks before it on its line."""
    start, text = doc.tokens[k].start, doc.text
    before = text[start - 1] if start else " "
    after = text[start + 1] if start + 1 < len(text) else " "
    if not before.isspace() and (after.isspace() or after in ".,،؛:"):
        return True
    if before.isspace() and not after.isspace():
        return False
    return not _opens(doc, k)


def _said_where(doc: DocumentState, j: int, k: int) -> bool:
    """A quotation after a few words of where or to whom it was said (في بيان، للصحفيين،
    خلال مؤتمر صحفي في طهران، في تصريحات أدلت بها), not a quoted name (في مقابلة مع
    صحيفة "الأهرام")."""
    if k - j > 12 or doc.tokens[k - 1].stem in doc.words["outlet"]:
        return False
    if doc.tokens[k - 1].stem in doc.words["org-head"]:
        return False
    close = quote_end(doc, k)
    if close is None or close - doc.tokens[k].end < 15:
        return False  # a short quoted span is a name or a title, not what was said
    return all(
        doc.tokens[t].is_word or doc.tokens[t].match in "()" for t in range(j, k)
    ) and not any(
        _verb_cue(doc, t) or (doc.is_(t, "complementizer") and not _time_clause(doc, j, t))
        for t in range(j, k)
    )  # قال قبل أن تقف لالتقاط صور "...": a time clause before the quotation


def _verb_cue(doc: DocumentState, t: int) -> bool:
    """A cue at token ``t`` that is not a noun (في تصريحات أدلت بها: where it was said)."""
    cue = doc.cue_at(t)
    return cue is not None and cue.pos != "noun"


def _only_adverbs(doc: DocumentState, j: int, k: int) -> bool:
    """Whether tokens ``[j, k)`` are all adverbs, time words or commas (مراراً، بشدة،
    أعلن التحالف، الثلاثاء، عن ...)."""
    adverbs = [
        doc.tokens[t].match in doc.words["stop"]
        and doc.tokens[t].match not in PREPOSITIONS
        or doc.is_(t, "adverb")  # دعا أوزديمير بقوة ألمانيا إلى، أعلن الجيش قبلا أنه
        for t in range(j, k)
        if doc.tokens[t].match not in COMMAS
    ]
    # commas only around an adverb (، الثلاثاء،): a comma alone ends the phrase
    return all(adverbs) and (bool(adverbs) or j == k)


def has_prep(token: Token, prep: str) -> bool:
    if token.match == prep:
        return True
    if len(prep) == 1 and token.match[1:] in _SHORT_NOUNS and token.match.startswith(prep):
        return True  # هددت واشنطن بشن ضربات: a two-letter noun the tokenizer leaves whole
    return len(prep) == 1 and token.prefix.endswith(prep) and token.stem != token.match


# two-letter verbal nouns written after ب/ل (بشن، لحل، بضم): the tokenizer splits no clitic
# off a two-letter stem that is not a function word, so the preposition is read here
_SHORT_NOUNS = frozenset(("شن", "حل", "ضم", "مد", "سن", "فك", "صد", "بت", "شد"))


def quote_end(doc: DocumentState, k: int) -> int | None:
    """Character offset of the closing mark of the quotation opening at token ``k``."""
    opening = doc.text[doc.tokens[k].start]
    closing = QUOTE_CLOSERS.get(opening)
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


def clause_end(doc: DocumentState, k: int, hi: int, said_by: Speaker | None = None) -> int:
    """Token index where indirect content starting at ``k`` ends. ``said_by``: the speaker
    of content that is the cue's object (أدانت الحكومة الخطوة), which ends where a verb of
    saying agreeing with it goes on (... ووصفت نشر القوات "بغير المبرر")."""
    end = k
    while end < hi:
        token = doc.tokens[end]
        if token.match in CLAUSE_END and end > k:
            break
        if token.match in COMMAS and end + 1 < hi:
            following = doc.tokens[end + 1]
            cue = doc.cue_at(end + 1)
            if following.match in doc.words["cut"] or following.stem in doc.words["attribution"]:
                break
            if following.match == "من" and end + 2 < hi and doc.tokens[end + 2].match == "دون":
                break
            if following.match == "في" and end + 2 < hi and doc.tokens[end + 2].match == "اشاره":
                break  # ، في إشارة إلى ...: the journalist's gloss
            if cue is not None and (cue.pos == "participle" or following.prefix == "و"):
                break
            if following.match == "حيث" and end + 2 < hi and doc.cue_at(end + 2) is not None:
                break  # ، حيث أوضح أن ...: the next claim
            if _while_another_says(doc, end + 1, hi):
                break  # ، فيما أكد البنتاغون أنه ...، في حين تنفي دمشق ...: another claim
            if _but_another_says(doc, end + 1, hi):
                break  # ...، إلا أن الإعلام الرسمي وصف ...، لكن الوزير أكد: another claim
        if end > k and token.match not in COMMAS and _while_another_says(doc, end, hi):
            break  # ... استخدام الغاز في حين تنفي دمشق: another speaker's claim
        if end > k and token.match in ("ولكنه", "لكنه", "ولكنها", "لكنها") and end + 1 < hi:
            if doc.is_(end + 1, "aside") or doc.cue_at(end + 1):
                if doc.tokens[end - 1].match in COMMAS:
                    end -= 1
                break  # لكنه لم يعط تفاصيل، ولكنه أكد: the journalist's; لكنها ستصبح: said
        next_cue = doc.cue_at(end + 2) if end + 2 < hi else None
        if end > k and token.match == "الا" and next_cue is not None:
            pronoun = doc.tokens[end + 1].match in ("انه", "انها", "انهم")
            if pronoun and next_cue.pos in ("verb", "imperfect"):  # not إلا أنها تصريحات
                if doc.tokens[end - 1].match in COMMAS:
                    end -= 1
                break  # ...، إلا أنها أوضحت أن: the speaker's next claim
        if (
            end > k
            and doc.tokens[end - 1].match == '"'
            and _closes(doc, end - 1)  # a closing mark: not "مطالبة بالعمل"
        ):
            cue = doc.cue_at(end)
            if cue is not None and cue.pos == "participle":
                break  # ... إن تركيا "تبتعد عن التكتل" مشيرين إلى أن: the speaker's next claim
        if end > k and end + 1 < hi and _own_words_end(doc, end, hi):
            break
        if end > k and said_by is not None and _same_speaker_goes_on(doc, end, said_by):
            doc.goes_on[end] = said_by
            break
        end += 1
    return end


def _same_speaker_goes_on(doc: DocumentState, end: int, said_by: Speaker) -> bool:
    """Whether token ``end`` is و and a past verb of saying that agrees with the speaker
    of an object just said: the speaker's next claim, not the object's words."""
    cue = doc.cue_at(end)
    return (
        cue is not None
        and cue.pos == "verb"
        and not ("transmit" in cue.complements and not _from_whom(doc, end))
        and doc.tokens[end].prefix == "و"
        and cue.gender == said_by.gender
        and cue.number == said_by.number
    )


def _from_whom(doc: DocumentState, end: int) -> bool:
    """Whether a verb of passing on (نقل) at token ``end`` says from whom within a few
    words (ونقلت وكالة الأنباء "سبأ" عن المتحدث), not the noun (ونقل السفارة إليها)."""
    last = min(end + 8, len(doc.tokens))
    return any(doc.tokens[t].match == "عن" for t in range(end + 1, last))


def _while_another_says(doc: DocumentState, k: int, hi: int) -> bool:
    """Whether a contrast (فيما، بينما، في حين) at token ``k`` opens another speaker's
    claim: a cue within its first three words."""
    first = doc.tokens[k].match
    if first in ("فيما", "بينما", "وبينما"):
        k += 1
    elif first == "في" and k + 1 < hi and doc.tokens[k + 1].match == "حين":
        k += 2
    else:
        return False
    return any(doc.cue_at(t) is not None for t in range(k, min(hi, k + 3)))


def contrast_end(doc: DocumentState, k: int, hi: int) -> int | None:
    """The token after a contrast that opens at token ``k`` (لكن، ولكن، إلا أن، غير أن، بيد
    أن), or None when none does."""
    first = doc.tokens[k].match
    if first in ("لكن", "ولكن"):
        return k + 1
    if first in ("الا", "غير", "بيد") and k + 1 < hi and doc.tokens[k + 1].match == "ان":
        return k + 2
    return None


def _but_another_says(doc: DocumentState, k: int, hi: int) -> bool:
    """Whether a contrast after a comma (``contrast_end``) at token ``k`` opens another
    speaker's claim: a subject of up to five words and commas, then a verb of saying."""
    start = contrast_end(doc, k, hi)
    if start is None:
        return False
    for t in range(start + 1, min(hi, start + 6)):
        cue = doc.cue_at(t)
        if cue is not None:
            return cue.pos in ("verb", "imperfect") and not doc.tokens[t].prefix
        if doc.tokens[t].match in COMMAS:
            continue  # لكن دراسة كندية كبيرة، أشارت
        if not doc.tokens[t].is_word or doc.is_(t, "complementizer"):
            return False
    return False


def _own_words_end(doc: DocumentState, end: int, hi: int) -> bool:
    """Whether the speaker's words end before token ``end``: بحسب قوله، على حد تعبيره (the
    journalist's tag), or a new reporting verb that opens its own content (... وقال: ...)."""
    token, following = doc.tokens[end], doc.tokens[end + 1]
    if doc.is_(end + 1, "his-words") and (
        token.stem in doc.words["attribution"] or token.match == "حد"
    ):
        return True
    if token.match == "علي" and following.match == "حد":
        return True
    cue = doc.cue_at(end)
    if cue is None or cue.pos != "verb" or token.prefix != "و":
        return False
    return following.match in (":", '"') or doc.is_(end + 1, "complementizer")


def _joined_quote(doc: DocumentState, after: int, hi: int) -> int | None:
    """The second quotation of «...»، و«...»: its opening token, or None."""
    k = after + 1 if after < hi and doc.tokens[after].match in COMMAS else after
    if k + 1 < hi and doc.tokens[k].match == "و" and doc.tokens[k + 1].match == '"':
        return k + 1
    return None


def _paragraph_text_end(text: str, start: int, limit: int) -> int:
    end = limit
    while end > start and text[end - 1] in " \n.":
        end -= 1
    return end
