"""Who speaks: the speaker of a cue before it, after it, or carried over from before.

Verb first (قال X إن), subject first (X يرى أن), a participle's subject (مضيفاً), a
dropped subject taken from the article's previous speakers (checked against the cue's
gender and number), and the outlet a statement came through (``via_outlet``).
"""

from __future__ import annotations

from newscorpus.arabic import COMMAS, match_form
from newscorpus.arabic.letters import SHADDA
from newscorpus.extract.actors.gazetteer import cues as actor_cues
from newscorpus.extract.claims.content import (
    content_start,
    contrast_end,
    has_prep,
    identity_aside,
)
from newscorpus.extract.claims.cues import MAX_SPEAKER, QUOTED_NAME, Cue
from newscorpus.extract.claims.document import (
    CLAUSE_END,
    QUOTE_CLOSERS,
    DocumentState,
    Speaker,
    is_nisba,
    is_title,
    unquote,
)
from newscorpus.models import Claim, Mention, Token


def speaker_and_content(
    doc: DocumentState, i: int, lo: int, hi: int, cue: Cue, earlier: list[Claim]
) -> tuple[Speaker, int, int, bool] | None:
    """The first reading that gives both a speaker and a content start.

    Verb first (قال X إن), subject first (X يرى أن; tried first for a plural verb, which
    agrees only with a subject before it), then a dropped subject (وأوضح أن).
    """
    readings: list[tuple[Speaker | None, int]] = []
    after_adverb: Speaker | None = None
    first = _past_adverbs(doc, i + 1, hi)  # وأكدت حينها أنه، أعلنت الأحد وزيرة الدولة ... أن
    carried = doc.goes_on.pop(i, None)
    if carried is not None and first < hi and _takes_object(cue) and _object_at(doc, first, cue):
        # أدانت الحكومة الخطوة ووصفت نشر القوات "بغير المبرر"، أدان الرئيس العنف وطالب وزارة
        # الداخلية بتوضيحات: the same speaker goes on, and what follows the verb is its object
        if cue.lemma == "اتهم" and doc.tokens[first].prefix.endswith("ب"):
            return None  # واتهم بالفساد: was accused of, not accusing
        return carried, i + 1, first, False
    if first < hi and doc.tokens[first].stem in doc.words["pronoun"] and cue.pos != "noun":
        # قالت فيه إن / وتابع قائلا: / قال له: the statement's author named before the cue
        # in the sentence, else the speaker before
        readings = [
            (_named_before(doc, lo, i, cue), first + 1),
            (doc.previous_speaker(cue), first + 1),
        ]
    elif cue.pos == "participle":
        readings.append((_participle_subject(doc, i, lo, cue, earlier), i + 1))
    else:
        end = noun_phrase(doc, first, hi)
        before: tuple[Speaker | None, int] = (None, i + 1)
        if cue.pos in ("verb", "imperfect") and not doc.tokens[i].prefix:
            # a verb with و/ف goes on from the clause before (نددت دول بريكس بالسياسة التي
            # تنتهجها الولايات المتحدة، واعتبرت): the words before it are not its subject
            before = (_subject_before(doc, i, lo, cue), i + 1)
        if first > i + 1 and end > first:
            # وكان لافروف قد قال الخميس عقب لقائه؛ نفى حينها أي ضلوع؛ إنه حث أيضا مجموعة
            # فيفندي: a subject before the verb, or none that can speak after the adverb
            pronoun = (  # إنه، أنها: the subject is the complementizer's pronoun
                i > lo
                and doc.is_(i - 1, "complementizer")
                and doc.tokens[i - 1].match not in ("ان", "بان", "فان")
            )
            if before[0] is not None or pronoun or not speaks(doc, first):
                end = first
        if end > first:
            named = _appositive_name(doc, end, hi)
            if named is not None:
                readings.append((doc.speaker(*named, cue), named[1]))
            else:
                holder = doc.holders.pop(first, None)
                named_holder = doc.speaker(holder, end, cue) if holder is not None else None
                subject = named_holder or doc.speaker(first, end, cue)
                subject_next = cue.number != "p" and any(  # طالبوا أيضا الكونغرس: the object
                    doc.is_(t, "before-subject") for t in range(i + 1, first)
                )
                if first > i + 1 and not subject_next:
                    after_adverb = subject
                after = end
                if subject is not None and subject.end < doc.tokens[end - 1].end:
                    # أعلن المرصد السوري توثيقه ...: what follows the name is said
                    after = doc.token_of(subject.end - 1) + 1
                readings.append((subject, after))
        first_here = cue.number == "p" or _named_just_before(doc, i, first, end, before[0])
        if before[0] is not None and not first_here:
            # إلا أن الإعلام الرسمي وصف اتهام الحكومة: أن + a phrase + the verb, its subject
            opens = doc.token_of(before[0].start)
            first_here = opens > lo + 1 and contrast_end(doc, opens - 2, hi) == opens
        readings.insert(0 if first_here else len(readings), before)
        if cue.pos in ("verb", "imperfect"):
            antecedent = _relative_antecedent(doc, i, lo, cue)
            if antecedent is not None:  # وايت التي وصفت ما حدث بأنه: وايت, not ما حدث
                readings.insert(0, (antecedent, i + 1))
        # after an adverb, what follows may be the object (وأعلن الثلاثاء مقتل 14): the
        # speaker carried over is still a reading
        bare = end == first or first > i + 1
        if doc.tokens[i].prefix == "و" and bare and not earlier and _active(doc, cue):
            # ونددت تركيا بالتسميم، وطالبت بتقديم الجناة: the subject the sentence opened with
            readings.append((_sentence_subject(doc, lo, i, cue), i + 1))
        if bare and i > lo + 1 and doc.is_(i - 1, "subordinator") and cue.pos != "noun":
            # a quoted name after the verb is its subject (حيث أشارت "بلومبرغ")
            quoted = i + 2 < hi and doc.tokens[i + 1].match == '"' and doc.mention_at(i + 2)
            if doc.tokens[i - 2].match in COMMAS and not quoted:  # not في بغداد حيث ادعت
                # واصل زيدان الدفاع عن بنزيمة، إذ قال؛ وجاء رأي صحيفة "ذا صن" مشابها، حيث ذكرت
                subject = _subordinate_subject(doc, lo, i - 2, cue, earlier)
                readings.append((subject, i + 1))
        if cue.continues and cue.pos == "verb" and bare:
            if doc.tokens[i].prefix == "ف":  # تحدث X لـ…، فقال: the subject of the verb before
                readings.append((person_before(doc, i, max(lo, i - 12), cue), i + 1))
            readings.append((doc.previous_speaker(cue, at=doc.tokens[i].start), i + 1))
    for speaker, j in readings:
        if speaker is None:
            continue
        content = content_start(doc, j, hi, cue)
        if content is not None and speaker is after_adverb and not _opened(doc, *content):
            continue  # ودعا مجددا حكومة بغداد إلى التحرك: the object, not the speaker
        if content is not None:
            if speaker.start > doc.tokens[i].start:
                speaker = _name_at_content(doc, speaker, content[0], content[1], cue) or speaker
            return speaker, j, content[0], content[1]
    return None


def _addressee(doc: DocumentState, token: Token) -> bool:
    """A ل-word that names whom the words were said to: a title or role (للرئيس، للوزير),
    a counterpart (لنظيره), a reporter or an audience (للصحفيين، للتلفزيون)."""
    stem = token.stem
    known = actor_cues()
    if stem in known.titles or stem in known.role_nouns:
        return True
    return stem.removeprefix("ال").startswith(tuple(doc.words["addressee"]))


def _name_at_content(
    doc: DocumentState, speaker: Speaker, k: int, quoted: bool, cue: Cue
) -> Speaker | None:
    """A person named last, right before the content, after a speaker phrase that names no
    one (قالت رئيسة الأنشطة السينمائية في معهد العالم العربي ومديرة المهرجان ليان شواف إن؛
    قال المدير التنفيذي لشبكة "فيسبوك"، مارك زوكربيرغ، إنه): the title's holder speaks."""
    if any(m.type == "person" for m in doc.mentions_in(speaker.start, speaker.end)):
        return None
    head = doc.tokens[doc.token_at(speaker.start)]
    if head.match in doc.words["plural"] or head.match in doc.words["source"]:
        return None  # قالت مصادر من الحزب الذي تنتمي إليه ميركل: unnamed sources
    if head.stem in doc.words["outlet"] and speaker.actor:
        return None  # ووصفت صحيفة "ديلي ميل" محمد صلاح بأنه: a paper's name holds no title
    if doc.tokens[k - 1].match == ":" or doc.is_(k - 1, "complementizer"):
        marker = k - 1  # إن، أن، : open the content
    elif quoted and doc.tokens[k].match == '"':
        marker = k
    else:
        return None  # an object or a preposition's phrase: no title stands before it
    last = marker - 1
    if quoted:
        last = _before_said_to(doc, speaker.end, last)
    set_off = last > 0 and doc.tokens[last].match in COMMAS
    if set_off:
        last -= 1
    name = next(
        (
            m
            for m in doc.mentions_in(speaker.end, doc.tokens[last].end)
            if m.end == doc.tokens[last].end and m.type == "person"
        ),
        None,
    )
    if name is None:
        return None
    first = doc.token_of(name.start)
    gap = range(doc.token_of(speaker.end - 1) + 1, first)
    if len(gap) > 12 or first == 0:
        return None
    set_off = set_off and doc.tokens[first - 1].match in COMMAS
    for t in gap:
        token = doc.tokens[t]
        if doc.cue_at(t) is not None or doc.is_(t, "complementizer") or doc.is_(t, "governing"):
            return None
        if doc.is_(t, "relative"):
            return None  # الحزب الذي تنتمي إليه ميركل: a name in a relative clause
        if token.match in doc.words["attribution"] or token.stem in doc.words["attribution"]:
            return None
        if not set_off and token.is_word and token.prefix[-1:] in ("ل", "ب"):
            # قال الوزير للرئيس ترامب إن، لنظيره: the one spoken to; the title's own
            # complement goes on (المفوضة الأوروبية للتجارة سيسيليا مالستروم)
            if token.prefix[-1:] == "ب" or _addressee(doc, token):
                return None
    if doc.tokens[first].prefix[-1:] in ("ل", "ب"):
        return None
    return doc.speaker(first, doc.token_of(name.end - 1) + 1, cue)


def _before_said_to(doc: DocumentState, after: int, last: int) -> int:
    """The token before the phrase of whom a quotation was said to that ends at token
    ``last`` (روبرتو أزيفيدو لصحيفة هاندلسبلات اليومية "..."؛ للصحافيين): a ل-word naming an
    outlet or an audience, then up to four words; ``last`` when there is none."""
    for t in range(last, max(last - 5, -1), -1):
        token = doc.tokens[t]
        if token.start < after or not token.is_word or doc.cue_at(t) is not None:
            return last
        stem = token.stem.removeprefix("ال")
        if token.prefix.endswith("ل") and token.stem != token.match:
            said_to = stem in doc.words["outlet"] or _addressee(doc, token)
            return t - 1 if said_to else last
    return last


def _named_just_before(
    doc: DocumentState, i: int, first: int, end: int, before: Speaker | None
) -> bool:
    """وكان ترامب أعلن إلغاء القمة: a name right before the verb is its subject when what
    follows the verb (from token ``first``, after any adverb) names no one (the object); the
    subject of كان always (وكانت تقارير سابقة أعلنت استلام مدرب المنتخب ألبرت سيلاديس)."""
    if before is None or i == 0:
        return False
    if _kana_subject(doc, doc.token_of(before.start), i):
        return True
    if before.actor is None or before.end != doc.tokens[i - 1].end:
        return False
    return end == first or not doc.mentions_in(doc.tokens[first].start, doc.tokens[end - 1].end)


def _kana_subject(doc: DocumentState, k: int, i: int) -> bool:
    """Whether the phrase from token ``k`` to the verb at token ``i`` is the subject of كان
    right before it: not a question's (وردا على سؤال حول ما إذا كان بوتين سيدفع الثمن، قال)
    nor a relative clause's head (وكان آخر ما كتبته مي سكاف: the verb's subject follows)."""
    if k < 1 or doc.tokens[k - 1].stem not in doc.words["kana"]:
        return False
    if doc.tokens[i - 1].match == "ما" or doc.is_(i - 1, "relative"):
        return False
    return k < 2 or doc.tokens[k - 2].stem not in doc.words["whether"]


def _opened(doc: DocumentState, k: int, quoted: bool) -> bool:
    """Whether the content at token ``k`` is opened by a complementizer, a colon or a
    quotation mark (not a verb's object or its preposition's)."""
    return quoted or doc.tokens[k - 1].match == ":" or doc.is_(k - 1, "complementizer")


def speaks(doc: DocumentState, k: int) -> bool:
    """Whether the phrase at token ``k`` can be a speaker written after an adverb: a
    person's or an organization's name, a title, or the head of an unnamed or collective
    speaker or of an outlet or body (أعلنت الأحد وزيرة الدولة؛ قال الخميس مصدر أمني)."""
    named = doc.mention_at(k)
    if named is not None and named.type != "place":
        return True
    stem = doc.tokens[k].stem
    heads = (
        doc.words["plural"]
        | doc.words["unnamed"]
        | doc.words["outlet"]
        | doc.words["org-head"]
        | doc.words["body"]
    )
    return is_title(stem) or stem in heads or stem.removeprefix("ال") in heads


def _past_adverbs(doc: DocumentState, j: int, hi: int) -> int:
    """The first token from ``j`` that is not an adverb standing between a cue and its
    speaker or content (وكتب حينها على تويتر، وقال متوجها إلى القضاة، أعلنت الأحد وزيرة
    الدولة ... أن; اليوم and يوم only before a weekday); a name that starts with such a word is
    not skipped."""
    while j < hi - 1 and doc.mention_at(j, whole=True) is None:
        if not (doc.is_(j, "adverb") or (doc.is_(j, "day") and doc.is_(j + 1, "adverb"))):
            break
        j += 1
    return j


def _active(doc: DocumentState, cue: Cue) -> bool:
    """A past cue, or an imperfect one read as active after a dropped subject (the others
    are often passive: ويتوقع أن ..., "it is expected", no speaker)."""
    return cue.pos == "verb" or match_form(cue.lemma) in doc.words["active"]


def _sentence_subject(doc: DocumentState, lo: int, i: int, cue: Cue) -> Speaker | None:
    """The subject of the verb that opens the sentence, when it names someone (ويساند
    إنفانتينو حكم الفيديو ويقول إن ...؛ ونعى رئيس بوركينا فاسو مارك كابوريه المخرج، وقال
    ...): the subject a later و-verb shares."""
    opening = doc.tokens[lo]
    if not opening.is_word or opening.stem in doc.words["stop"]:
        return None  # وقبل نشر الوزارة ...: no verb opens it
    j = lo + 1
    while j < i and (doc.is_(j, "complementizer") or doc.tokens[j].stem in doc.words["skip"]):
        j += 1  # ويذكر أن الكويت قدمت المشروع وطالبت ...
    end = noun_phrase(doc, j, i)
    if end <= j or not doc.mentions_in(doc.tokens[j].start, doc.tokens[j].end):
        return None  # a name opens the subject (a title before one is read elsewhere)
    speaker = doc.speaker(j, end, cue)
    return speaker if speaker is not None and speaker.actor is not None else None


_RELATIVE_GENDER = {"الذي": "m", "التي": "f"}


def relative_disagrees(doc: DocumentState, t: int, cue: Cue) -> bool:
    """Whether the relative pronoun at token ``t`` is of the other gender than a singular
    cue after it (ترامب الذي قالت إنه: she, another, said it of him)."""
    gender = _RELATIVE_GENDER.get(doc.tokens[t].match, cue.gender)
    return gender != cue.gender and cue.number == "s"


def _relative_antecedent(doc: DocumentState, i: int, lo: int, cue: Cue) -> Speaker | None:
    """The name a relative pronoun right before the cue refers to (المتحدثة دانا وايت التي
    وصفت ...، بوتين، الذي قال ...): the person or organization that ends just before it;
    none when a name follows the verb and a complementizer that name (التي تقول أنقرة إنها)."""
    k = i - 1
    if k <= lo or not doc.is_(k, "relative"):
        return None
    if relative_disagrees(doc, k, cue):
        return None
    named = doc.mention_at(i + 1, whole=True)
    if named is not None:  # جماعة غولن التي تقول أنقرة إنها: the name after the verb speaks
        after = doc.token_of(named.end - 1) + 1
        if after < len(doc.tokens) and doc.is_(after, "complementizer"):
            return None
    k -= 1
    if doc.tokens[k].match in COMMAS and k > lo:
        k -= 1
    for mention in doc.mentions_in(doc.tokens[lo].start, doc.tokens[k].end):
        if mention.end == doc.tokens[k].end and mention.type != "place":
            return doc.speaker(doc.token_of(mention.start), k + 1, cue)
    return None


def _named_before(doc: DocumentState, lo: int, i: int, cue: Cue) -> Speaker | None:
    """The first person or organization named in the sentence before the cue (أصدرت
    الوزارة بيانا قالت فيه ...: the statement's author)."""
    for mention in doc.mentions_in(doc.tokens[lo].start, doc.tokens[i].start):
        if mention.type != "place":
            first = doc.token_of(mention.start)
            return doc.speaker(first, doc.token_of(mention.end - 1) + 1, cue)
    return None


def _appositive_name(doc: DocumentState, end: int, hi: int) -> tuple[int, int] | None:
    """A name set off by commas after a title (رئيس كوريا الشمالية، كيم جونغ أون، ...),
    the title's complement included (المدير الفني للفريق، جوزيه سانتوس، ...)."""
    comma = end
    while comma < min(hi, end + 4) and doc.tokens[comma].is_word:
        if doc.tokens[comma].stem in doc.words["stop"] or doc.cue_at(comma) is not None:
            return None
        if doc.is_(comma, "complementizer"):
            return None  # مراسل "العربية" أن رئيس الوزراء، هاني الملقي، ...: what is said
        comma += 1
    end = comma
    if end + 1 >= hi or doc.tokens[end].match not in COMMAS:
        return None
    people = doc.mentions_in(doc.tokens[end + 1].start, doc.tokens[end + 1].end)
    if not people or people[0].type != "person" or people[0].start != doc.tokens[end + 1].start:
        return None
    last = doc.token_at(people[0].end)
    if last < hi and doc.tokens[last].match in COMMAS:
        return end + 1, last
    return None


def noun_phrase(doc: DocumentState, j: int, hi: int) -> int:
    """End (exclusive) of a speaker noun phrase starting at ``j``; ``j`` when there is none."""
    end = j
    longest = MAX_SPEAKER
    served = None  # where a title's ل-complement began (الأمين العام |للأمم المتحدة)
    doc.holders.pop(j, None)  # only the holder this reading finds
    while end < hi and end - j < longest:
        token = doc.tokens[end]
        if end > j and _inside_a_name(doc, j, token.start):
            end += 1  # قناة "سي إن إن": إن inside a name ends nothing
            continue
        if end > j and (holder := _holder_after_complement(doc, j, end, hi)) is not None:
            longest = max(longest, holder - j + 4)  # and the name's words
            doc.holders[j] = holder
            end = holder  # المسؤول عن مكافحة العنصرية ألكسندر بارانوف: the holder's name
            continue
        if not token.is_word:
            if token.match == "#" and end + 1 < hi and doc.tokens[end + 1].is_word:
                end += 1  # رجب طيب #أردوغان: a hashtag inside a name
                continue
            opened = sum(doc.tokens[t].match == '"' for t in range(j, end)) % 2 == 1
            if token.match == '"' and opened and doc.text[token.start] in '"»”':
                end += 1  # the closing quote of a quoted outlet name (صحيفة "عكاظ")
                continue
            if token.match == '"' and end + 1 < hi and doc.tokens[end + 1].is_word:
                heads = doc.words["outlet"] | doc.words["org-head"] | {"و"}
                heads |= doc.words["correspondent"]  # مراسل "العربية"
                # منظمة "مراسلون بلا حدود"; وفقا لصحيفة "الصن": the class noun right before
                # a phrase that starts after its preposition's ل
                before = doc.tokens[end - 1] if end > 0 else None
                if before is not None and before.stem in heads:
                    if end > j or before.prefix.endswith("ل"):
                        end += 1
                        continue
                close = doc.text.find('"', token.end)
                if close < 0:
                    break  # no closing mark: no quoted name
                quoted = doc.tokens[end + 1 : doc.token_at(close)]
                named = end == j and _quoted_name(doc, token.end, close)
                after = doc.token_at(close) + 1
                follows = after < hi and (
                    _content_follows(doc, after, hi)
                    # الممثلة المقيمة لمنظمة الأمم المتحدة للطفولة "يونيسف" ميريتشل ريلانيو
                    or served is not None
                    and (person := doc.mention_at(after)) is not None
                    and person.type == "person"
                )
                if (
                    (
                        named
                        or end > j
                        and (doc.tokens[j].stem.removeprefix("ال") in heads or served is not None)
                    )
                    and doc.text[token.start] == '"'
                    and 0 < close - token.end <= 25
                    and len(quoted) <= QUOTED_NAME
                    and not any(  # قالت المنظمة "إن الوضع خطير": said, not a name
                        t.match in doc.words["complementizer"] or t.match in doc.words["stop"]
                        for t in quoted
                    )
                    and follows
                ):
                    end += 1  # وكالة الصين الجديدة الرسمية "شينخوا": the body's quoted name
                    continue
            break
        if _by_whom(doc, j, end, token):
            end += 1  # بيان للجيش الإسرائيلي، بيان صادر عن الرئاسة، تقرير لهيئة المسح
            continue
        if end > j + 1 and doc.tokens[j].stem in doc.words["statement"] | doc.words["report"]:
            previous = doc.tokens[end - 1]
            ended = any(
                m.end == previous.end for m in doc.mentions_in(doc.tokens[j].start, previous.end)
            )
            if ended and doc.mention_at(end, whole=True) is not None:
                break  # ودعا بيان للبيت الأبيض موسكو إلى: the author, then the object
        if token.match in doc.words["stop"] or token.match in doc.words["complementizer"]:
            if not (token.match == "من" and end == j + 1):
                return max(end, _posted(doc, j, end, hi))
        if end > j and token.stem in doc.words["pronoun"]:
            break  # وأضاف الرئيس قائلا
        if end > j and doc.is_(end, "day") and end + 1 < hi and doc.is_(end + 1, "adverb"):
            # قالت الأمم المتحدة الشهر الماضي إن; not a title's العام (الأمين العام القادم)
            if token.stem != "العام" or not is_title(doc.tokens[end - 1].match):
                break
        if end > j and _object_starts(doc, j, end, token):
            break  # أكد المجلس أهمية التعاون: the subject ends before the object
        if end > j and _place_then_name(doc, j, end, token):
            break  # اتهمت السعودية إيران بدعم الحوثيين: the second name is the object
        if ("ل" in token.prefix or "ب" in token.prefix) and token.match != token.stem:
            unnamed_where = (
                end == j + 1
                and doc.tokens[j].match in doc.words["unnamed"]
                and token.prefix == "ب"
                and token.stem.startswith("ال")
            )  # مصدر بالرئاسة الفرنسية، مسؤول بالخارجية
            if not (unnamed_where or _name_goes_on(doc, j, end, token)):
                if not _serves_body(doc, j, token):
                    break
                if served is None:  # الأمين العام |للأمم المتحدة
                    served = end
                    longest += SERVED_WORDS
        if token.match in ("ل", "ب") or token.stem in doc.words["attribution"]:
            break
        if identity_aside(doc, end, hi) is not None:
            break  # مسؤول طلب عدم الكشف عن هويته، وقال، شريطة عدم ذكر اسمه: not the speaker's
        if end > j and doc.cue_at(end) is not None:
            break
        if token.match == "من" and end + 1 < hi and doc.is_(end + 1, "complementizer"):
            break
        end += 1
    if served is not None and end - j >= longest:
        return served  # the complement ran past the phrase's length: the title alone
    return end


SERVED_WORDS = 4  # words a title's ل-complement may add to a speaker's phrase


COMPLEMENT_WORDS = 9  # words between a title's adjective and the name of the one who holds it


def _holder_after_complement(doc: DocumentState, j: int, k: int, hi: int) -> int | None:
    """Where the name of a title's holder starts when token ``k`` opens the complement of
    the title's adjective (المسؤول عن مكافحة العنصرية ألكسندر بارانوف، المشرف على
    الحفلات عبدالله مخارش، كبير المسؤولين عن السياسة الخارجية في الصين، وانغ يي): a
    person's name within a few words, in a phrase no name opens. None otherwise: the
    complement stays out of the speaker's phrase, and its names with it (صحيفة "ماركا"
    المقربة من نادي ريال مدريد is not Real Madrid)."""
    token, previous = doc.tokens[k], doc.tokens[k - 1]
    if previous.match not in doc.words["complemented"] or not token.is_word:
        return None
    opens = token.match in ("عن", "علي", "في", "من", "الي") or (
        token.prefix in ("ل", "ب") and token.stem != token.match
    )
    if not opens or k + 1 >= hi or doc.is_(k, "complementizer") or doc.is_(k + 1, "complementizer"):
        return None  # أفاد المسؤول بأن، أشار المسؤول إلى أن: what is said
    if doc.mention_at(j) is not None:
        return None
    limit = min(hi, k + COMPLEMENT_WORDS)
    for t in range(k + 1, limit):
        if not doc.tokens[t].is_word and doc.tokens[t].match not in (*COMMAS, '"'):
            return None
        if doc.is_(t, "complementizer") or doc.cue_at(t) is not None:
            return None
        if doc.tokens[t].match in ("الي", "علي", "عن"):
            return None  # دعا بعض المشرعين من حزب ماكرون المنتمي للوسط إلى فصل بينالا
        named = doc.mention_at(t, whole=True)
        if named is not None and named.type == "person" and t > k + 1:
            after = doc.token_at(named.end)
            return t if after >= hi or _ends_holder(doc, after) else None
    return None


def _ends_holder(doc: DocumentState, k: int) -> bool:
    """Whether token ``k`` may follow a holder's name in a speaker's phrase: a comma, a colon,
    a quotation mark, أن، an adverb or a day, a function word (عبر حسابه، في بيان); not a word
    of what the verb does to someone (اتهم قسم الجرائم ... ألونسو بارتكاب، وصفت ... الأمر)."""
    token = doc.tokens[k]
    if not token.is_word:
        return token.match in (*COMMAS, ":", '"')
    return (
        doc.is_(k, "complementizer")
        or doc.is_(k, "adverb")
        or doc.is_(k, "day")
        or token.match in doc.words["stop"]
    )


def _posted(doc: DocumentState, j: int, end: int, hi: int) -> int:
    """Where a speaker's phrase ends when its title or body goes on with where it serves:
    في، لدى or إلى and a place or organization, then the holder's name (after a comma or
    not), or what is said right after it (قال السفير السوري لدى الأمم المتحدة بشار الجعفري
    إن؛ رئيس لجنة الاستخبارات في مجلس النواب الأمريكي ديفن نونيس، أحد ...؛ قال محافظ
    إيران لدى أوبك، حسين كاظم بور أردبيلي، الخميس، إن؛ قال السفير الروسي في الولايات
    المتحدة إن؛ قالت هيئة الطيران المدني في الصين، إن); else ``end``. A name after the
    comma of a body's post and no title (مصادر في الشرطة، حيفتس، الذي) is no holder."""
    if end == j or end + 1 >= hi or doc.tokens[end].match not in doc.words["posting-at"]:
        return end
    where = doc.mention_at(end + 1, whole=True)
    if where is None or where.type == "person":
        return end
    after = doc.token_of(where.end - 1) + 1
    if after >= hi:
        return end
    comma = doc.tokens[after].match in COMMAS
    holder = doc.mention_at(after + 1 if comma else after, whole=True)
    if (
        holder is not None
        and holder.type == "person"
        and doc.tokens[j].stem not in (doc.words["plural"] | doc.words["unnamed"])
    ):
        return doc.token_of(holder.end - 1) + 1
    k = after + 1 if comma else after
    if k + 1 < hi and doc.tokens[k].match == "من":
        k += 1  # حذر السفير الروسي في الولايات المتحدة من أن
    k = _past_adverbs(doc, k, hi)  # قال وزراء الشؤون الأوروبية في الاتحاد الأوروبي الثلاثاء إن
    if k >= hi:
        return end
    said = doc.is_(k, "complementizer") and "ب" not in doc.tokens[k].prefix  # not اتهم X بأنه
    # أعربت مجموعة من الأحزاب السياسية في باكستان عن رفضها: what it expressed
    expressed = doc.tokens[k].match == "عن" and k + 1 < hi and doc.tokens[k + 1].is_word
    return after if said or expressed or doc.tokens[k].match in (":", '"') else end


def _object_starts(doc: DocumentState, j: int, end: int, token: Token) -> bool:
    """After a definite word, or a person's name when it carries a pronoun, an indefinite
    word that starts no name begins the verb's object (أكد المجلس أهمية التعاون، أكد الملك
    عبدالله الثاني وقوفه، أكد كيم والرئيس مون جي-إن التزامهما), not more subject (رئيس
    الوزراء، المتحدث باسم الخارجية، الرئيس الأمريكي دونالد ترامب)."""
    previous = doc.tokens[end - 1]
    closed = (
        previous.match == '"'
        and token.match != "و"  # صحيفتا "عكاظ" و"الرياض"
        and sum(doc.tokens[t].match == '"' for t in range(j, end)) % 2 == 0
    )
    # after a person's name, a word with a pronoun on it (أكد كيم والرئيس مون التزامهما)
    written = doc.text[token.start : token.end]  # ه as written, not a taa marbuta
    owned = written.endswith(("ه", "ها", "هم", "هما")) and any(
        m.type == "person" and m.end == previous.end
        for m in doc.mentions_in(previous.start, previous.end)
    )
    return (
        ((previous.is_word and previous.stem.startswith("ال")) or closed or owned)
        and token.is_word
        and not token.prefix
        and (owned or not token.stem.startswith("ال"))  # التزامهما: no article on it
        and not token.match.isascii()
        and not any(c.isdigit() for c in token.match)
        and token.match not in doc.words["object-safe"]
        and not _inside_a_name(doc, j, token.start)
        # a name goes on the phrase (كبيرة الباحثين سوتشي ساريا), and so do a title's words
        # before a person's name (الميجور جنرال بات رايدر); a place further in the object
        # does not (استنكرت اللجنة مواصلة دعم إيران)
        and not any(
            m.start == token.start or m.type == "person"
            for m in doc.mentions_in(token.start, doc.tokens[min(end + 2, len(doc.tokens) - 1)].end)
        )
    )


def _opens_content(doc: DocumentState, k: int) -> bool:
    """Whether token ``k`` opens what is said: a complementizer, a colon, a comma or a
    quotation mark (after a quoted name: وكالة "شينخوا" أن ...)."""
    token = doc.tokens[k]
    return doc.is_(k, "complementizer") or token.match in (":", '"') or token.match in COMMAS


def _quoted_name(doc: DocumentState, start: int, close: int) -> bool:
    """Whether the quoted text ``[start, close)`` is one name, not a person's (وذكرت "وول
    ستريت جورنال" أن; not "ميسي إيران" nor "صاروخ ماديرا", a nickname)."""
    text = doc.text[start:close].strip()
    return any(m.type != "person" and m.text.strip() == text for m in doc.mentions_in(start, close))


SAID_WHERE = 14  # words of where and when it was said between a quoted name and what is said


def _content_follows(doc: DocumentState, k: int, hi: int) -> bool:
    """Whether what is said opens at token ``k``, or after a few words of where and when it
    was said (الاتحاد الدولي لكرة القدم "فيفا" في بيان يوم الخميس إن؛ وكالة أنباء "إلنا"
    شبه الرسمية، الأربعاء، أن): a complementizer or a colon before any clause end,
    quotation mark, other verb of saying or relative pronoun after another word (أعلنت اللجنة
    "إرجاء" قافلة المساعدات التي كان من المفترض أن: the quoted word is the object)."""
    if _opens_content(doc, k):
        return True
    for t in range(k, min(hi, k + SAID_WHERE)):
        if doc.is_(t, "complementizer") or doc.tokens[t].match == ":":
            return True
        if doc.tokens[t].match in CLAUSE_END or doc.tokens[t].match == '"':
            return False
        if doc.is_(t, "relative") and t > k and doc.tokens[t - 1].match not in COMMAS:
            return False  # ("دو" التي تعرض القنوات ... أن: the body's relative clause)
        cue = doc.cue_at(t)
        if cue is not None and cue.pos != "noun":
            return False
    return False


def _place_then_name(doc: DocumentState, j: int, end: int, token: Token) -> bool:
    """A name that opens the phrase, right before another name: two subjects do not stand
    side by side, so the second is the verb's object (حذرت بيونغيانغ الولايات المتحدة؛
    اتهمت الدول الغربية دمشق). A title's holder after an organization is not cut (وزارة
    الخارجية بريان هوك)."""
    following = [m for m in doc.mentions_in(token.start, token.end) if m.start == token.start]
    if not following:
        return False
    opening = doc.mentions_in(doc.tokens[j].start, doc.tokens[j].end)
    if opening and opening[0].end == doc.tokens[end - 1].end and opening[0].type == "place":
        return True  # بيونغيانغ الولايات المتحدة
    # After an organization (طالب الاتحاد الأوروبي إيران بالالتزام) or a definite subject
    # that names no one (اتهمت الدول الغربية دمشق باستخدام), a place or an organization is
    # the object only when what the verb asks or accuses it of follows (بـ، إلى، على):
    # وزير المخابرات إسرائيل كاتس، مؤسسة تومسون رويترز are one name.
    if following[0].type == "person":
        return False
    after = doc.token_of(following[0].end - 1) + 1
    if after >= len(doc.tokens) or not _asks_of(doc.tokens[after]):
        return False
    if opening and opening[0].end == doc.tokens[end - 1].end:
        return True
    previous = doc.tokens[end - 1]
    return (
        not opening
        and previous.is_word
        and previous.stem.startswith("ال")
        and not doc.mentions_in(doc.tokens[j].start, previous.end)
    )


def _asks_of(token: Token) -> bool:
    """A word that says what someone is asked, urged or accused of: بـ، إلى، على."""
    if token.match in ("الي", "علي", "ب"):
        return True
    return token.is_word and token.prefix.endswith("ب") and token.stem != token.match


def _by_whom(doc: DocumentState, j: int, end: int, token: Token) -> bool:
    """Whether a statement's or report's phrase goes on with its author at token ``end``:
    its ل (بيان للجيش الإسرائيلي، تقرير لهيئة المسح الجيولوجي) or صادر عن (بيان صادر عن
    الرئاسة), right after the indefinite noun."""
    head = doc.tokens[j]
    if head.prefix or head.stem not in doc.words["statement"] | doc.words["report"]:
        return False
    by = token.prefix == "ل" and token.stem != token.match and token.is_word
    if end == j + 1:
        return by or doc.is_(end, "issued")
    if by and (named := doc.mention_at(end)) is not None and named.type != "place":
        return True  # بيان للجناح العسكري لحماس: the author's own ل
    return end == j + 2 and token.match == "عن" and doc.is_(j + 1, "issued")


def _name_goes_on(doc: DocumentState, j: int, end: int, token: Token) -> bool:
    """An organization's name with its ل-complement: المركز القومي الأمريكي للأعاصير,
    المنظمة الدولية للهجرة (a head and an adjective at least, then لل + a definite noun)."""
    return (
        end - j >= 2
        and token.prefix == "ل"
        and token.stem.startswith("ال")
        and doc.tokens[j].stem.removeprefix("ال") in doc.words["org-head"]
    )


def _serves_body(doc: DocumentState, j: int, token: Token) -> bool:
    """A title with the body it serves after ل (الأمين العام للأمم المتحدة، المدير التنفيذي
    لشركة X، وزير الدولة للشؤون الخارجية); not whom the words were said to (قال الوزير
    للصحفيين، لنظيره، لرويترز، لوكالة فرانس برس)."""
    if token.prefix != "ل" or doc.tokens[j].prefix or not is_title(doc.tokens[j].match):
        return False
    if _addressee(doc, token) or token.stem in doc.words["outlet"]:
        return False
    named = doc.mention_at(doc.token_at(token.start))
    if named is not None:
        from newscorpus.extract.events import is_outlet_name

        return named.type == "organization" and not is_outlet_name(named.actor or named.text)
    return token.stem.startswith("ال") or token.stem in doc.words["org-head"]


def _inside_a_name(doc: DocumentState, j: int, offset: int) -> bool:
    """Whether ``offset`` lies inside a name that starts at token ``j`` or after it."""
    return any(m.end > offset for m in doc.mentions_in(doc.tokens[j].start, offset))


def _subject_before(doc: DocumentState, i: int, lo: int, cue: Cue) -> Speaker | None:
    """A speaker written before its verb (كوريا الشمالية أكدت أن): back to a clause start."""
    first = i
    heads = doc.words["plural"] | doc.words["unnamed"] | doc.words["outlet"]
    while first > lo and i - first < 12:
        previous = doc.tokens[first - 1]
        if not previous.is_word and previous.match not in COMMAS and previous.match != '"':
            break  # وكانت "رويترز" قالت: a quoted name is a subject too
        if previous.match in ("في", "من") and first - 2 >= lo:
            if doc.tokens[first - 2].match in heads:
                first -= 1  # كانت مصادر في أوبك أبلغت: the source's place is its phrase
                continue
        if previous.match in doc.words["complementizer"] or previous.match in doc.words["stop"]:
            break
        if previous.match in _WHAT and not _what_goes_on(doc, first):
            break  # بسبب ما قال إنها، طالما قال المفتشون: the clause's own subject, or none
        if doc.is_(first - 1, "subordinator"):
            break  # ...، حيث قال: the main clause's subject (``_subordinate_subject``)
        if previous.stem in doc.words["stop"] and previous.stem != previous.match:
            break  # ولكن شهودا قالوا: the subject starts after ولكن
        first -= 1
    if first > lo and doc.is_(first - 1, "preposition"):
        # الحرس الوطني في ولاية جورجيا، قد أعلن: a preposition's object; but the person a
        # title names (الباحث في برنامج الدراسات حول طريق الحرير غاريث جنكنز يعتبر)
        people = [
            m
            for m in doc.mentions_in(doc.tokens[first].start, doc.tokens[i - 1].end)
            if m.type == "person"
        ]
        ends = {doc.tokens[t].end for t in range(max(first, i - 3), i)}
        if not any(m.end in ends for m in people):
            opened = _title_opening(doc, first - 1, lo)
            if opened is None:
                return None
            first = opened  # المندوب الأمريكي لدى منظمة حظر الأسلحة الكيميائية قال
    if i > lo and doc.is_(i - 1, "subject-after"):
        return None  # "..."، كما أعلن حزب التجمع: the subject follows the verb
    last = i
    while last > first and doc.tokens[last - 1].stem in ("قد", "كان", "كانت"):
        last -= 1  # وكان السفير ... فاسيلي نيبينزيا قد دعا: قد is not the speaker's
    set_off = first < last < i and doc.tokens[last - 1].match in COMMAS  # X، قد قال
    while last > first and doc.tokens[last - 1].match in COMMAS:
        last -= 1
    if first >= last:
        return None
    if set_off or any(doc.tokens[t].match in COMMAS for t in range(first, last)):
        # an appositive title after the name: keep the part a mention starts
        start = doc.tokens[first].start
        named = doc.mentions_in(start, doc.tokens[last - 1].end)
        people = [m for m in named if m.type == "person"]
        opens = bool(people) and doc.token_of(people[0].start) <= first + 1  # after وكان
        if people and not opens and people[-1].end == doc.tokens[last - 1].end:
            named = people[-1:]  # المتحدث باسم وزارة الدفاع، إيغور كوناشينكوف، أعلن
        if not named or named[0].type == "place":
            return None
        last = doc.token_at(named[0].end)
        first = doc.token_at(named[0].start)
    while first < last and doc.tokens[first].stem in doc.words["skip"]:
        first += 1
    head = doc.tokens[first].match if first < last else ""
    # a title opens a description whose complement may be long (المندوب الأمريكي لدى منظمة
    # حظر الأسلحة الكيميائية قال)
    titled = bool(head) and is_title(head) and not doc.tokens[first].prefix
    if first >= last or last - first > (MAX_TITLED if titled else 6):
        return None
    if first > lo + 1 and doc.is_(first - 1, "complementizer"):
        if doc.tokens[first - 2].stem in doc.words["negation"]:
            return None
    if head.endswith("ا") and head[:-1] in doc.words["plural"]:
        head = head[:-1]  # شهودا: the accusative of شهود after لكن/إن
    named = doc.mentions_in(doc.tokens[first].start, doc.tokens[last - 1].end)
    known_heads = doc.words["plural"] | doc.words["outlet"] | doc.words["outlet-ref"]
    # وكانت الشرطة قالت، وكانت تقارير سابقة أعلنت: the subject of كان before its verb, not
    # a result or a text (وكانت نتيجة اللقاء تشير، وكانت نسخة سابقة للقانون تنص)
    after_kana = first > lo and _kana_subject(doc, first, i)
    after_kana = after_kana and head.removeprefix("ال") not in doc.words["not-speaker"]
    # ...، إلا أن الإعلام الرسمي وصف، لكن الشرطة قالت: the phrase a contrast opens is the
    # subject of the verb after it
    after_but = any(contrast_end(doc, t, i) == first for t in (first - 1, first - 2) if t >= lo)
    # a noun phrase (لكن وسائل الإعلام، لكن مسؤولا حدوديا، لكن محاميه), not a clause with a
    # preposition's object in it (لكن أفكر بطفلة صغيرة)
    accusative = head.removesuffix("ا")  # لكن مسؤولا كبيرا بالإدارة
    if head.removeprefix("ال") in doc.words["not-speaker"]:
        after_but = False  # لكن الواقع يؤكد: a figure of speech
    after_but = after_but and (
        speaks(doc, first)
        or accusative in doc.words["unnamed"] | doc.words["plural"]
        or not any(doc.tokens[t].prefix.endswith(("ب", "ك")) for t in range(first, last))
    )
    if not named and head not in known_heads and not titled and not after_kana and not after_but:
        return None  # no name, no title: a word the clause before ends with
    if titled and last - first > 6:
        # a long post before its holder (المتحدث باسم الجيش الإسرائيلي اللفتنانت كولونيل
        # جوناثان كونريكوس قال): the holder
        holder = [m for m in named if m.type == "person" and m.end == doc.tokens[last - 1].end]
        if holder:
            first = doc.token_of(holder[-1].start)
    return doc.speaker(first, last, cue)


# what a subject before a verb of saying is not read across: a clause of what or as long as
# (بسبب ما قال إنها، طالما قال المفتشون)
_WHAT = frozenset(("ما", "مما", "بما", "طالما", "كلما"))
# after ما these go on with the phrase: رئيس ما يسمى بالمجلس، ما جعل إليسا تؤكد
_WHAT_GOES_ON = frozenset(("يسمي", "تسمي", "يعرف", "تعرف", "يطلق", "جعل", "دفع"))


def _what_goes_on(doc: DocumentState, k: int) -> bool:
    """Whether the ما before token ``k`` opens no clause of its own: so-called (ما يسمى),
    what made someone speak (ما جعل إليسا تؤكد), or whether (إذا ما كان)."""
    if doc.tokens[k - 1].match != "ما":
        return False
    return doc.tokens[k].stem in _WHAT_GOES_ON or (k >= 2 and doc.is_(k - 2, "whether"))


MAX_TITLED = 9  # words of a title phrase written before its verb, complement included


def _title_opening(doc: DocumentState, preposition: int, lo: int) -> int | None:
    """The title that a preposition's phrase completes (المندوب الأمريكي لدى، وزير الخارجية
    في حكومة الوفاق): a title at most three words before it, with no punctuation or stop
    word between, opening its clause; None when the preposition follows anything else."""
    k = preposition - 1
    while k >= max(lo, preposition - 3):
        token = doc.tokens[k]
        if not token.is_word or token.stem in doc.words["stop"]:
            return None
        if is_title(token.match) and not token.prefix:
            if k == lo or doc.is_(k - 1, "complementizer"):
                return k
            before = doc.tokens[k - 1]
            if before.is_word and (
                before.stem in doc.words["skip"] or before.match in doc.words["stop"]
            ):
                return k  # لكن المندوب ...، فيما المندوب ...
            return None  # يوري يفتوشنكو، رئيس مركز المصالحة في سوريا: the name's appositive
        k -= 1
    return None


def _participle_subject(
    doc: DocumentState, i: int, lo: int, cue: Cue, earlier: list[Claim]
) -> Speaker | None:
    """The subject of a participle cue: a person just before it (after the words of a claim
    the sentence made), else the sentence's speaker, else the person the sentence opened
    with (وكان الرئيس التركي رجب طيب أردوغان قد صعّد من حدة تصريحاته، قائلا إن ...)."""
    start = max(lo, i - 4)
    if earlier:
        start = max(start, min(i, doc.token_at(earlier[-1].content_end)))
    # a name next to بعدما، حين ... is not the subject of the clause they open, neither
    # before it (عما حققه صلاح، بعدما غرد قائلا) nor in it (عندما أبرم عقد X قائلا)
    if not any(doc.tokens[k].stem in doc.words["subordinator"] for k in range(start, i)):
        found = person_before(doc, i, start, cue)
        if found is not None:
            return found
    if earlier and doc.speakers:
        return doc.speakers[-1]
    # the sentence's subject: its first name that no preposition governs (وردا على سؤال عن
    # محمد صلاح مهاجم ليفربول، أثنى زيدان على اللاعب قائلا: Zidane); a body or a place it
    # opens with is the subject unless a person's title goes on from it to the person
    # (نفى المتحدث باسم التحالف الذي تقوده السعودية العقيد تركي المالكي)
    named = _ungoverned_names(doc, lo, i)
    people: list[Mention] = []
    if cue.gender == "m" and cue.number == "s":
        person = _first_person(doc, named)
        people = [person] if person is not None else []
    elif named and named[0].type == "person":
        # a feminine or plural participle: only a person that opens the names (its subject
        # is as often a state or a body: وطلبت إيران ... دعوات الرئيس الأميركي ترامب، قائلة)
        people = named[:1]
    if people:
        first = doc.token_at(people[0].start)
        return doc.speaker(first, doc.token_of(people[0].end - 1) + 1, cue)
    return doc.previous_speaker(cue)


def _subordinate_subject(
    doc: DocumentState, lo: int, k: int, cue: Cue, earlier: list[Claim]
) -> Speaker | None:
    """The subject a verb after حيث، إذ ... at token ``k`` shares with the main clause, from
    the sentence's names that no preposition governs: for a masculine singular verb the
    first person, through a body whose title goes on to that person (مدرب منتخب المغرب هيرفي
    رونار ...، حيث قال; not past another body: نقلت فرانس برس حديث صلاح، حيث قال); for a
    feminine or plural verb the first name (وجاء رأي صحيفة "ذا صن" مشابها، حيث ذكرت). Names
    inside the words of the sentence's claims are not its subject."""
    said = [(c.content_start, c.content_end) for c in earlier]
    named = [  # not a name in what was said
        m for m in _ungoverned_names(doc, lo, k) if not any(a <= m.start < b for a, b in said)
    ]
    chosen: Mention | None = None
    if cue.gender == "m" and cue.number == "s":
        chosen = _first_person(doc, named)
    elif named and named[0].type != "place" and (cue.number != "p" or named[0].type != "person"):
        chosen = named[0]  # not a place (وتعيش سوريا أزمة، حيث قالت), not one person for they
    if chosen is None:
        return None
    first = doc.token_at(chosen.start)
    return doc.speaker(first, doc.token_of(chosen.end - 1) + 1, cue)


def _ungoverned_names(doc: DocumentState, lo: int, k: int) -> list[Mention]:
    """The names from token ``lo`` to token ``k`` that no preposition governs."""
    return [
        m
        for m in doc.mentions_in(doc.tokens[lo].start, doc.tokens[k].start)
        if not _governed(doc, doc.token_at(m.start))
    ]


def _first_person(doc: DocumentState, named: list[Mention]) -> Mention | None:
    """The first person among a sentence's names, reached through a body or place only when
    a person's title goes on from it to the next name (نفى المتحدث باسم التحالف ... العقيد
    تركي المالكي), not past another body (نقلت فرانس برس حديث صلاح)."""
    for n, mention in enumerate(named):
        if mention.type == "person":
            return mention
        if n + 1 < len(named) and not _title_goes_on(doc, mention, named[n + 1]):
            return None
    return None


_TITLE_GAP = 3  # words of a title between a body or place and the next name


def _title_goes_on(doc: DocumentState, mention: Mention, following: Mention) -> bool:
    """Whether a title goes on from a body or a place to the next name: a few words, a comma
    or a quote between them, no adverb or day (، الثلاثاء، البرتغالي كريستيانو رونالدو)."""
    first, last = doc.token_of(mention.end - 1) + 1, doc.token_at(following.start)
    words = [t for t in range(first, last) if doc.tokens[t].match not in (*COMMAS, '"', "(", ")")]
    return len(words) <= _TITLE_GAP and not any(
        not doc.tokens[t].is_word or doc.is_(t, "adverb") for t in words
    )


def _in_title(token: Token) -> bool:
    """A word of a title before a name: a title or a role noun (الرئيس، للرئيس، النجم) or a
    nisba (الأمريكي، المصري); not any definite word (الغرفة العليا في البرلمان جمال فخرو)."""
    stem = token.stem
    return is_title(stem) or is_title(stem.removeprefix("ال")) or is_nisba(stem)


def _coordinated_after(doc: DocumentState, k: int) -> bool:
    """Whether a name starting at token ``k`` is joined by و to what follows it."""
    named = doc.mentions_in(doc.tokens[k].start, doc.tokens[k].end)
    after = doc.token_of(named[0].end - 1) + 1 if named else k + 1
    return after < len(doc.tokens) and doc.tokens[after].prefix.startswith("و")


def _governed(doc: DocumentState, k: int) -> bool:
    """Whether the name at token ``k`` is a preposition's object (عن محمد صلاح، لمحمد صلاح),
    not the source of a cue (نقل عن مقتدى الصدر) nor the subject of a verb spelled as a
    preposition (عبّر محمد عبده عن فرحته، كما بيّن زين العابدين أن)."""
    name = k
    if _with_preposition(doc.tokens[k]):
        return True
    # back over the name's title (للرئيس دونالد ترامب، عن النجم المصري محمد صلاح)
    while k > 0 and _in_title(doc.tokens[k - 1]):
        k -= 1
        if _with_preposition(doc.tokens[k]):
            return True
    before = doc.tokens[k - 1] if k else None
    if before is None or before.stem not in doc.words["preposition"]:
        return False  # the stem: ومع سويفت
    if SHADDA in doc.text[before.start : before.end]:
        return False  # عبّر، بيّن written with their shadda: the verbs
    if before.stem in doc.words["verb-spelling"] and not _coordinated_after(doc, name):
        # عبر محمد عبده عن فرحته، وبين عبدالرب إدريس أن: the verbs; بين ترامب وكيم: between
        return False
    return not (k > 1 and doc.cue_at(k - 2) is not None)


def _with_preposition(token: Token) -> bool:
    """A word written with ب or ل before it (لمحمد صلاح، للرئيس)."""
    return has_prep(token, "ب") or has_prep(token, "ل")


def person_before(doc: DocumentState, i: int, first: int, cue: Cue) -> Speaker | None:
    start = doc.tokens[first].start
    people = [m for m in doc.mentions_in(start, doc.tokens[i].start) if m.type == "person"]
    if not people:
        return None
    return doc.speaker(doc.token_at(people[-1].start), doc.token_at(people[-1].end), cue)


def via_outlet(doc: DocumentState, first: int, last: int) -> str | None:
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
            name = unquote(doc.text[doc.after_clitics(k) : doc.tokens[end - 1].end])
            if head in doc.words["outlet-ref"]:
                return doc.outlets.get(head, name)
            doc.outlets["ال" + head] = name
            return name
        if token.match == '"' and k > first and doc.tokens[k - 1].stem in ("ل", "وفق", "عن"):
            close = doc.text.find(QUOTE_CLOSERS.get(doc.text[token.start], '"'), token.end)
            if close != -1:
                return unquote(doc.text[token.end : close])
    return None


def _takes_object(cue: Cue) -> bool:
    """A cue whose words may be its object (أدان الخطوة، وصف القرار بـ), not only a clause."""
    return any(c == "np" or c.startswith("prep:") for c in cue.complements)


def _object_at(doc: DocumentState, k: int, cue: Cue) -> bool:
    """Whether what starts at token ``k`` after a verb going on from its speaker is the
    verb's object: any words, but a name only when the verb's preposition follows it
    (وطالب وزارة الداخلية بتقديم توضيحات، واتهم تركيا بإيواء); a name without it is a new
    subject (وأعلنت السويد الاثنين استدعاء السفير). The preposition: the verb's own, or
    one that opens a second object (اتهم X بـ، دعا X إلى، حث X على)."""
    named = doc.mentions_in(doc.tokens[k].start, doc.tokens[k].end)
    if not named:
        return True
    after = doc.token_of(named[0].end - 1) + 1
    preps = [c[5:] for c in cue.complements if c.startswith("prep:")]
    if "clause" not in cue.complements:  # اتهم X بـ; not أعلنت السويد بشكل رسمي
        preps += _OBJECT_PREPS
    if after >= len(doc.tokens):
        return False
    token = doc.tokens[after]
    if "ب" in preps and token.match.startswith("ب") and not doc.mentions_in(token.start, token.end):
        return True  # بإيواء, which the clitic analysis leaves whole
    return any(has_prep(token, p) for p in preps)


# what a verb's second object opens with (اتهم X بـ، دعا X إلى، حث X على، طالب X بـ)
_OBJECT_PREPS = ("ب", "الي", "علي")
