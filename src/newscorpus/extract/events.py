"""Events: dated sentences of one document, and stories that join them across documents.

``build_events`` makes one event per sentence and distinct resolved date in it, with the
actors the sentence names as taking part: not a news outlet or agency crediting or
reporting it (``resources/news_media.txt``, or a name under an outlet noun such as صحيفة
or وكالة, the claims extractor's list, or an organization in parentheses such as (واس)),
nor the place of a dateline ("دبي، الإمارات (CNN)--"), nor a place or organization in a
person's title (حاكم دبي الشيخ محمد), nor whom the happening is attributed to (بحسب
المرصد، وفق ما أعلنت الشرطة: the claims extractor's attribution phrases). When the date's
clause names actors, only they take part (with the speaker of the words holding the date):
a clause opened by فيما، بينما (anywhere) or كما، لكن، ما (after a comma) tells another
happening, one opened by قبل أن، بعد أن (after a comma) an earlier or later one of the same
subject (``event_cues.tsv``), and a parenthesis holding the date and more the happening of
the name before it (الدار البيضاء (33 قتيلا في 2003)). A year that belongs to a name
(كأس العالم 2018, رؤية 2030: ``extract.dates`` says so), the current year (هذا العام: a
period of tallies and forecasts) and a year to come after a forecast (يتوقع أن يصل النمو
إلى 3 بالمئة في 2019) date no event.

``cluster_stories`` joins the events of one date (same value, so same precision) that tell
the same happening. Two events are alike when they share salient actors *and* content
words (``content_words``): one actor and two words, two actors and one word, or five words
when neither names an actor. An actor named in much of the corpus (``everywhere``) or in a
third of the date's documents is not salient; a word in a third of them is not evidence.
There is no chaining: events are taken most connected first (alike the most others), and
each joins the story whose first event (its seed) it is most alike, if it is also alike
at least half of the story's first members; else it starts a story.
A story shows the sentence most alike the others, ranks its actors by how many of its
events name them, and lists its sources. Both functions are pure: the store feeds them rows
and keeps what they return (``store.stories``).
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import cache, lru_cache
from importlib import resources

from newscorpus.arabic.normalize import DIGITS
from newscorpus.extract.dates.scan import YEAR_OF_A_NAME
from newscorpus.models import Claim, DateMention, Event, Mention, Sentence

# A written word, its vowels and tatweel included.
_LETTERS = r"[^\W\d_](?:[^\W\d_]|[\u064b-\u065f\u0670\u0640])*"

# A decade (التسعينات) dates an era, not a happening.
EVENT_PRECISIONS = frozenset({"day", "month", "year"})


# A dateline opening a paragraph: a place (and a country) then "(CNN)", a dash or both.
# A place (a few words, commas between) then a credit in parentheses (CNN) with or
# without dashes, or a spaced dash: "دبي، الإمارات (CNN)--", "لندن (رويترز) -", "أبوظبي - ".
# Not a score "(4-2)" (digits) nor a dash after a clause (more than DATELINE_WORDS words).
_DATELINE = re.compile(
    r"\s*(?P<place>[^\W\d_][^\n.:؛!?«»\"()\-–—\d]{0,40}?)\s*"
    r"(?:\([^()\n\d]{1,30}\)\s*[-–—]*|\s[-–—]{1,3}\s)"
)
DATELINE_WORDS = 4


def build_events(
    text: str,
    sentences: Sequence[Sentence],
    mentions: Sequence[Mention],
    claims: Sequence[Claim],
    dates: Sequence[DateMention],
    paragraph_starts: Sequence[int] = (),
    published: str | None = None,
) -> list[Event]:
    """One event per sentence and distinct resolved date in it, with its actors and claim.

    A dateline is looked for at each of ``paragraph_starts`` (the pipeline gives the first
    paragraph it reads); ``published`` (YYYY-MM-DD) tells a year to come from a past one
    (without it, no year is taken for a forecast's horizon).
    """
    sentence_starts = [s.start for s in sentences]
    in_titles = _in_titles(text, mentions) | _in_titles_after(text, mentions)
    in_titles |= _backers(text, mentions) | _near_places(text, mentions)
    # a club in a player's title (نجم برشلونة ليونيل ميسي، كوستا، مهاجم تشيلسي السابق):
    # True when the title makes it a former club, False when it is the player's club now
    clubs = _clubs_of_players(text, mentions)
    order = sorted(range(len(mentions)), key=lambda n: mentions[n].start)
    mention_starts = [mentions[n].start for n in order]
    takes_part: dict[int, bool] = {}  # mention -> not in a title, not reporting: asked once

    def taking_part(start: int, end: int) -> list[Mention]:
        """The mentions starting in [start, end) that can take part in a happening."""
        found = []
        for n in order[
            bisect.bisect_left(mention_starts, start) : bisect.bisect_left(mention_starts, end)
        ]:
            if n not in takes_part:
                takes_part[n] = n not in in_titles and not _reports(
                    text, mentions[n], paragraph_starts
                )
            if takes_part[n]:
                found.append(mentions[n])
        return found

    # the claims over each sentence (a claim may run over several), found once
    claims_of: dict[int, list[int]] = {}
    for k, c in enumerate(claims):
        first_sentence = max(bisect.bisect_right(sentence_starts, c.start) - 1, 0)
        last_sentence = bisect.bisect_right(sentence_starts, max(c.start, c.end - 1)) - 1
        for n in range(first_sentence, last_sentence + 1):
            claims_of.setdefault(n, []).append(k)
    clauses: dict[int, list[tuple[int, str]]] = {}  # sentence -> its clauses
    events: list[Event] = []
    seen: set[tuple[int, str]] = set()
    for date in dates:
        if date.value is None or date.precision not in EVENT_PRECISIONS:
            continue
        i = bisect.bisect_right(sentence_starts, date.start) - 1
        if i < 0 or date.start >= sentences[i].end:
            continue
        sentence = sentences[i]
        if (i, date.value) in seen or date.reason == YEAR_OF_A_NAME:
            continue
        if i not in clauses:
            clauses[i] = _clauses(text, sentence)
        spans = _clause_spans(clauses[i], sentence.end, date.start)
        if (
            _marks_no_happening(text, sentence.start, date)
            or _this_year(text, sentence.start, date)
            or _forecast(text, spans[0][0], date, published)
        ):
            continue
        seen.add((i, date.value))
        in_sentence = taking_part(sentence.start, sentence.end)
        if clubs:
            # a club describes its player in a sentence about national teams (لاعب ليفربول
            # نابي كيتا ... مباراة منتخب غينيا): clubs play no international match; a former
            # club (مدرب برشلونة السابق) in what happened lately, not in the years he was
            # there (نجم ليفربول السابق لويس سواريز ... سجل 31 هدفا في 2014)
            teams = any(_national_team(m) for m in in_sentence) and _about_national_teams(
                text[sentence.start : sentence.end]
            )
            lately = not published or date.value[:4] >= str(int(published[:4]) - 1)
            described = {span for span, former in clubs.items() if teams or former and lately}
            in_sentence = [m for m in in_sentence if (m.start, m.end) not in described]
        aside = _aside(text, sentence, date, in_sentence)
        near = [claims[k] for k in claims_of.get(i, ())]
        # who a happening is attributed to (بحسب المرصد، وفق ما أعلنت الشرطة) only reports
        # it, unless the date is the attribution's own (بحسب ما أعلنت الوكالة الثلاثاء)
        sources = [
            (lo, hi) for lo, hi in _attribution_spans(near) if not _dates_span(text, date, lo, hi)
        ]
        named = [
            m for m in in_sentence if not any(lo <= m.start and m.end <= hi for lo, hi in sources)
        ]
        # the actors of the date's own clause, when it names any (، فيما فازت كرواتيا ...
        # names the actors of another match than the one dated before it), with the speaker
        # of the words that hold the date
        in_clause = [
            m for m in named if any(lo <= m.start and m.end <= hi for lo, hi in aside or spans)
        ]
        if in_clause:
            speakers = [
                (c.speaker_start, c.speaker_end)
                for c in near
                if c.speaker_start is not None
                and c.speaker_end is not None
                and c.content_start <= date.start < c.content_end
            ]
            in_clause = [
                m
                for m in named
                if m in in_clause or any(lo <= m.start and m.end <= hi for lo, hi in speakers)
            ]
        actors = tuple(dict.fromkeys(m.actor or m.text for m in (in_clause or named)))
        claim = next(
            (
                k
                for k in claims_of.get(i, ())
                if claims[k].start < sentence.end and sentence.start < claims[k].end
            ),
            None,
        )
        events.append(
            Event(
                date=date.value,
                precision=date.precision or "year",
                start=sentence.start,
                end=sentence.end,
                text=text[sentence.start : sentence.end],
                paragraph=sentence.paragraph,
                actors=actors,
                claim=claim,
            )
        )
    return events


_CLAUSE_BREAK = re.compile(r"[،,؛;]")


def _clauses(text: str, sentence: Sentence) -> list[tuple[int, str]]:
    """The clauses of a sentence: (start, kind), the first ("main", sentence.start) and one
    at each word of ``event_cues.tsv``'s ``clause`` or ``before`` kind after a comma or
    semicolon, or of its ``clause-any`` kind anywhere (kind "clause" or "before")."""
    from newscorpus.arabic import match_form

    cues = _event_cues()
    found = [(sentence.start, "main")]
    words = list(_WORD.finditer(text, sentence.start, sentence.end))
    for n, word in enumerate(words):
        if not _opens_clause(word[0]):
            continue  # no cue starts with this word (most words)
        form = match_form(word[0])
        previous_end = words[n - 1].end() if n else sentence.start
        after_break = bool(_CLAUSE_BREAK.search(text, previous_end, word.start()))
        following = words[n + 1] if n + 1 < len(words) else None
        pair = (
            f"{form} {match_form(following[0])}"
            if following and not text[word.end() : following.start()].strip()
            else ""
        )  # the next word, right after (not في 1984 حين)
        keys = [form, pair] + ([form[1:], pair[1:]] if form[:1] in "وف" else [])
        kinds = {cues.get(key) for key in keys if key}
        if "no-clause" in kinds:
            continue  # فيما يتعلق، فيما بعد
        kind = (
            "clause"
            if "clause-any" in kinds or (after_break and "clause" in kinds)
            else "before"
            if after_break and "before" in kinds
            else ""
        )
        if kind and word.start() > found[-1][0]:
            found.append((word.start(), kind))
    return found


@cache
def _cue_first_words() -> frozenset[str]:
    """The first words of ``event_cues.tsv``'s entries: a word that is none of them (nor
    one after و or ف) opens no clause, and ``_clauses`` looks no further at it."""
    return frozenset(key.split(" ", 1)[0] for key in _event_cues())


# words remembered by the word caches here (_opens_clause, media_key): the frequent words
# fill them (Zipf), and a worker holds each a few MB at most
_WORDS_CACHED = 50_000


@lru_cache(maxsize=_WORDS_CACHED)
def _opens_clause(written: str) -> bool:
    """Whether an entry of ``event_cues.tsv`` starts with this written word (read
    after a و or ف too)."""
    from newscorpus.arabic import match_form

    firsts = _cue_first_words()
    form = match_form(written)
    return form in firsts or (form[:1] in "وف" and form[1:] in firsts)


def _aside(
    text: str, sentence: Sentence, date: DateMention, mentions: Sequence[Mention]
) -> list[tuple[int, int]]:
    """A parenthesis that holds the date and more (الدار البيضاء (33 قتيلا في 2003)، (بعد
    الجزائري رياض محرز عام 2016)) tells the happening of the name right before it: its span
    and that name's; none when the date is alone in it (صباح اليوم (الأربعاء)) or the
    parenthesis glosses a time (``gloss`` words: (ليل الخميس بتوقيت القاهرة))."""
    opening = text.rfind("(", sentence.start, date.start)
    if opening < 0 or text.find(")", opening, date.start) >= 0:
        return []
    closing = text.find(")", date.end, sentence.end)
    if closing < 0:
        return []
    inside = text[opening + 1 : closing]
    if not (inside.replace(date.text, " ", 1).strip(_PUNCTUATION + " ")):
        return []  # (الأربعاء): a date alone glosses the one before it
    cues = _event_cues()
    if any(cues.get(media_key(word)) == "gloss" for word in inside.replace(".", " ").split()):
        return []  # (ليل الخميس بتوقيت القاهرة): the time named before, in another zone
    spans = [(opening, closing)]
    spans += [
        (m.start, m.end) for m in mentions if 0 <= opening - m.end <= 2
    ]  # باريس (130 قتيلا في 2015)
    return spans


def _clause_spans(clauses: list[tuple[int, str]], end: int, at: int) -> list[tuple[int, int]]:
    """The spans whose actors take part in a happening dated at offset ``at``: its clause,
    and when that one is a ``before`` clause, the clause it hangs on as well."""
    starts = [start for start, _ in clauses]
    k = bisect.bisect_right(starts, at) - 1

    def span(n: int) -> tuple[int, int]:
        return starts[n], starts[n + 1] if n + 1 < len(starts) else end

    spans = [span(k)]
    if clauses[k][1] == "before":
        on = k - 1
        while on > 0 and clauses[on][1] == "before":
            on -= 1
        spans.append(span(on))
    return spans


def _attribution_spans(claims: Sequence[Claim]) -> list[tuple[int, int]]:
    """The attribution phrases of the claims (the claim's words less what it says: بحسب
    ما أفاد المرصد السوري، وفقا لأرقام وزارة التجارة): whom the words are attributed to."""
    from newscorpus.arabic import match_form, readings
    from newscorpus.extract.claims.cues import claim_words

    heads = claim_words().get("attribution", frozenset())
    spans: list[tuple[int, int]] = []
    for claim in claims:
        first = claim.cue.split()[0] if claim.cue.split() else ""
        if not heads.intersection(readings(match_form(first))):
            continue  # ووفق، وبحسب: the cue's first word, its proclitics taken off
        if claim.start < claim.content_start:  # ووفق X، content: the phrase opens the claim
            spans.append((claim.start, claim.content_start))
        else:  # content، بحسب X
            spans.append((claim.content_end, claim.end))
    return spans


def _dates_span(text: str, date: DateMention, lo: int, hi: int) -> bool:
    """Whether a date is an attribution phrase's own (بحسب ما أعلنت الوكالة الثلاثاء): inside
    it, or right after it and set off by a comma (وبحسب تقرير نشره المعهد، الثلاثاء، فقد)."""
    if lo <= date.start < hi:
        return True
    return date.start == hi and text[date.end : date.end + 2].lstrip()[:1] in ("،", ",")


def _this_year(text: str, sentence_start: int, date: DateMention) -> bool:
    """Whether a year-precision date is the current year (هذا العام، العام الجاري): a
    period that forecasts and tallies name, not the date of a happening, unless it is
    "earlier this year" (في وقت سابق هذا العام)."""
    if date.precision != "year":
        return False
    cues = _event_cues()
    key = media_key(date.text)
    if not any(
        cues.get(phrase) == "this-year" for n in range(2, 4) for phrase in _phrases(key.split(), n)
    ):
        return False
    before = text[max(sentence_start, date.start - 30) : date.start].split()[-3:]
    return not any(cues.get(media_key(word.strip(_PUNCTUATION))) == "earlier" for word in before)


def _forecast(text: str, clause_start: int, date: DateMention, published: str | None) -> bool:
    """Whether a year to come is the horizon of a forecast or a target of a quantity: a
    word of ``event_cues.tsv``'s ``forecast`` kind before it in its clause, then a
    quantity (a number that is no year, a percentage, a word of its ``quantity`` kind) up
    to the date (يتوقع أن يصل النمو إلى 3 بالمئة في 2019، تستهدف عجزا أقل في 2020). An
    expected happening is one (من المتوقع أن تدخل الحاملة الخدمة في عام 2020)."""
    from newscorpus.arabic import readings

    if date.precision != "year" or not published or not date.value:
        return False
    if not (date.value[:4].isdigit() and date.value[:4] > published[:4]):
        return False
    cues = _event_cues()
    forecast = False
    for word in text[clause_start : date.start].translate(_DIGITS).split():
        # ومن المتوقع، لتوقعات، بنسبة: the word, its proclitics taken off
        kinds = {cues.get(form) for form in readings(media_key(word.strip(_PUNCTUATION)))}
        if "forecast" in kinds:
            forecast = True
        elif forecast and ("quantity" in kinds or _QUANTITY.search(word)):
            return True
    return False


_DIGITS = str.maketrans(DIGITS)  # Arabic-Indic and Persian digits read as ASCII
# a number that is no year (3، 6,4، 1.5، 200) or a percentage sign
_QUANTITY = re.compile(r"[%٪]|(?<!\d)(?!(?:19|20)\d\d(?!\d))\d+(?:[.,٫]\d+)?")


def _phrases(words: list[str], n: int) -> Iterator[str]:
    return (" ".join(words[k : k + n]) for k in range(len(words) - n + 1))


_SPAN = re.compile(r"\(\s*(?:\d{4}\s*[-–]\s*)?$")  # "(" or "(1934-" before a year of a span


def _marks_no_happening(text: str, sentence_start: int, date: DateMention) -> bool:
    """Whether the words around a date say it marks no happening (``event_cues.tsv``): an
    end of a span (بين 2006 و2010, (1934-1979)), a limit (حتى 2019، إلى اليوم), the
    baseline of a comparison (أعلى مستوى منذ يوليو 2008، الأكثر دموية هذا العام), or a
    date that recurs (15 مايو من كل عام)."""
    before = text[max(sentence_start, date.start - 80) : date.start]
    if date.text[:1].isdigit() and _SPAN.search(before) and _SPAN_AFTER.match(text, date.end):
        return True
    if _RECURRING.match(text, date.end):
        return True  # 15 مايو من كل عام، يوم الاثنين من كل أسبوع: a standing date
    cues = _event_cues()
    # the words of the date's clause (a comma ends a comparison's reach: يحتاج وقتا أطول،
    # لكنه يعمل منذ العام الماضي), without punctuation
    clause = re.split(r"[،,]", before)[-1]
    words = [media_key(w.strip(_PUNCTUATION)).lstrip("وف") or "و" for w in clause.split()]
    while words and cues.get(words[-1]) == "part":
        words.pop()  # حتى نهاية 2020، بحلول عام 2030: the cue before the part of a period
    words = words[-8:]
    near = words[-3:]
    if near and cues.get(near[-1]) == "until":
        # but تعود القمة إلى مطلع نيسان: "dates back to", a happening
        return not any(cues.get(w) == "back" for w in words[:-1])
    if any(cues.get(w) == "span" for w in near):
        return True  # بين 2006
    if near and near[-1] == "و" and any(cues.get(w) == "span" for w in words):
        return True  # بين 2006 و2010: the second end
    this = bool(date.text) and cues.get(media_key(date.text.split()[0])) == "this"
    if (near and near[-1] == "منذ") or this:
        return any(cues.get(w) == "comparison" for w in (words if not this else words[-4:]))
    return False


_PUNCTUATION = "\"'«»“”()[]،,:؛"
# A date that recurs: "من كل عام" (each year) and the like right after it.
_RECURRING = re.compile(r"\s*(?:من|في)\s+كل\s+(?:عام|سنة|شهر|أسبوع|اسبوع)(?!\w)")
_SPAN_AFTER = re.compile(r"\s*(?:[-–]\s*\d{4}\s*)?\)")  # "-1979)" or ")" after the year


@cache
def _event_cues() -> dict[str, str]:
    path = resources.files("newscorpus") / "resources" / "event_cues.tsv"
    rows = [line.split("\t") for line in path.read_text(encoding="utf-8").splitlines()]
    return {
        media_key(row[0]): row[1].strip()
        for row in rows
        if len(row) > 1 and row[0] and not row[0].startswith("#")
    }


def _in_titles(text: str, mentions: Sequence[Mention]) -> set[int]:
    """Places (and former organizations) inside the title of a person named after it (دبي
    in حاكم دبي الشيخ محمد، بوغوتا in رئيس بلدية بوغوتا السابق أنتاناس موكوس): they describe
    the person, they do not take part in what the sentence tells."""
    found: set[int] = set()
    order = sorted(range(len(mentions)), key=lambda n: mentions[n].start)
    starts = [mentions[n].start for n in order]
    for person in mentions:
        if person.type != "person" or not person.role:
            continue
        width = len(person.role) + 20  # the title and the spaces or words beside it
        start = text.rfind(person.role.split()[0], max(0, person.start - width), person.start)
        if start < 0:
            continue
        former = _former(person.role.split())
        for n in order[
            bisect.bisect_left(starts, start) : bisect.bisect_left(starts, person.start)
        ]:
            m = mentions[n]
            if (
                m.type == "place" or (m.type == "organization" and former)
            ) and m.end <= person.start:
                found.add(n)
    return found


# match forms, in a title's words: links, and the council of رئيس مجلس الوزراء
_TITLE_LINKS = frozenset({"في", "لدي", "باسم", "ل", "عن", "مجلس"})


def _in_titles_after(text: str, mentions: Sequence[Mention]) -> set[int]:
    """Places in a title written after a person's name, up to the place: بيترو رئيس بلدية
    بوغوتا، نيكي هايلي سفيرة الولايات المتحدة لدى ...، أندرو كومو حاكم نيويورك. Every word
    between the two is a title's (``_role_words``) or a link (في، لدى، باسم), the first a
    title; the place describes the person, it does not take part. Places named one after
    another in the title (نائب رئيس الإمارات ... حاكم دبي) all describe it."""
    found: set[int] = set()
    order = sorted(range(len(mentions)), key=lambda n: mentions[n].start)
    for k in range(len(order) - 1):
        person = mentions[order[k]]
        if person.type != "person":
            continue
        # a title may name places one after another (محمد بن راشد نائب رئيس الإمارات رئيس
        # مجلس الوزراء حاكم دبي): each place after the words of a title
        end = person.end
        for n in order[k + 1 :]:
            place = mentions[n]
            if place.type != "place" or not _title_between(text[end : place.start]):
                break
            found.add(n)
            end = place.end
    return found


def _backers(text: str, mentions: Sequence[Mention]) -> set[int]:
    """Mentions that name who backs a group named before them (ميليشيات الحوثي المدعومة من
    إيران، المدعوم من قبل روسيا، قوات سوريا الديمقراطية التي تدعمها واشنطن): they describe
    the group, they take no part in what it does (``backed`` words of event_cues.tsv)."""
    cues = _event_cues()
    found = set()
    for n, mention in enumerate(mentions):
        words = text[max(0, mention.start - 40) : mention.start].split()[-3:]
        forms = [media_key(w) for w in words]
        forms = [f[1:] if f[:1] in "وف" and f[1:] and cues.get(f[1:]) else f for f in forms]
        if forms[-1:] == ["من"] and len(forms) >= 2:
            adjective = forms[-2]
        elif forms[-2:] == ["من", "قبل"] and len(forms) == 3:
            adjective = forms[-3]
        elif forms:
            adjective = forms[-1] if forms[-1][:1] in "تي" else ""
        else:
            continue
        if cues.get(adjective) == "backed":
            found.add(n)
    return found


_NEAR_REACH = 60  # characters between the place located and the near word


def _near_places(text: str, mentions: Sequence[Mention]) -> set[int]:
    """Places that only locate a place named just before them (دوما قرب دمشق، الغوطة
    الشرقية، معقل المعارضة المسلحة قرب دمشق، ... بالقرب من مدينة سالزبري): they take no
    part (``near`` words of event_cues.tsv). A place after قرب with no place before it is
    where the happening was, and stays."""
    cues = _event_cues()
    places = sorted((m.start, m.end, n) for n, m in enumerate(mentions) if m.type == "place")
    found = set()
    for k, (start, _end, n) in enumerate(places):
        window = max(0, start - 30)
        words = [
            (w.start() + window, media_key(w.group())) for w in _TOKEN.finditer(text[window:start])
        ]
        if words and cues.get(words[-1][1]) == "place-noun":
            words.pop()
        if words and words[-1][1] == "من":
            words.pop()
        if not words or cues.get(words[-1][1]) != "near":
            continue  # not وقرب: a second place of the happening (في بيروت وقرب دار الافتاء)
        cue = words[-1][0]
        before = [p for p in places[:k] if 0 <= cue - p[1] <= _NEAR_REACH]
        between = text[before[-1][1] : cue] if before else "."
        if not between.strip() or _appositive(between):
            found.add(n)
    return found


_TOKEN = re.compile(r"\S+")
_APPOSITIVE_WORDS = 6


def _appositive(between: str) -> bool:
    """Whether the words between a place and a near word are the place's appositive (،
    معقل المعارضة المسلحة قرب; ، آخر جيب للمعارضة قرب): one comma, then a few words that do
    not go on with the sentence (، وقد شنت الهجوم قرب، ، حيث سيكون على مقربة من، ، في هجوم
    قرب سوسة، ، الثلاثاء، عن مقتل ثلاثة روس قرب: where it happened). After other words of
    the clause, none (في البحر الأحمر صباح اليوم قرب باب المندب)."""
    stripped = between.strip()
    if stripped[:1] not in "،," or any(ch in stripped[1:] for ch in "،,.؟!()\n"):
        return False
    words = stripped[1:].split()
    return 0 < len(words) <= _APPOSITIVE_WORDS and not (
        words[0].startswith("و") or _event_cues().get(media_key(words[0])) == "goes-on"
    )


def _national_team(mention: Mention) -> bool:
    """A national team's mention: its actor is منتخب X (``gazetteer.TEAM_HEAD``)."""
    from newscorpus.extract.actors.gazetteer import TEAM_HEAD

    head = media_key(mention.actor or mention.text).split()[:1]
    return bool(head) and head[0].removeprefix("ال") == media_key(TEAM_HEAD)


def _about_national_teams(sentence: str) -> bool:
    """Whether the sentence speaks of national teams in words (``national_team`` of
    ``roles.tsv``: المنتخب، المونديال، كأس العالم; a proclitic or the article taken off),
    not only through a country the tagger read as its team (كأس ملك إسبانيا)."""
    from newscorpus.extract.actors.gazetteer import cues

    words = cues().national_team
    forms = [media_key(word) for word in _WORD.findall(sentence)]
    for n, form in enumerate(forms):
        pair = " ".join(forms[n : n + 2])
        if any(f in words for f in (form, form[1:], form[2:], pair, pair[1:])):
            return True
    return False


def _clubs_of_players(text: str, mentions: Sequence[Mention]) -> dict[tuple[int, int], bool]:
    """Organizations in the title of a player named next to them, by span: the club after
    a role noun (نجم، لاعب، مهاجم: ``roles.tsv``) before the name (نجم برشلونة ليونيل ميسي،
    لاعب وسط ليفربول نابي كيتا) or after it and a comma (كوستا، مهاجم تشيلسي الإنجليزي
    السابق). True when a word after the club makes it a former one (السابق)."""
    from newscorpus.extract.actors.gazetteer import cues

    roles = cues().role_nouns
    found: dict[tuple[int, int], bool] = {}
    order = sorted(mentions, key=lambda m: m.start)
    for n, club in enumerate(order):
        if club.type != "organization" or _national_team(club):
            continue
        before = _WORDS_BEFORE.search(text, max(0, club.start - 30), club.start)
        if before is None or not any(media_key(w) in roles for w in before.group().split()):
            continue
        following = order[n + 1] if n + 1 < len(order) else None
        if following is not None and following.type == "person":
            # before the name: at most two nisbas or السابق (and a comma) between them
            between = text[club.end : following.start].replace("،", " ").replace(",", " ")
            words = between.split()
            if len(words) <= 2 and _WORDS_ONLY.fullmatch(between) and _describing(words):
                found[(club.start, club.end)] = _former(words)
                continue
        previous = order[n - 1] if n else None
        if previous is None or previous.type != "person":
            continue
        # after the name and a comma, the title's words up to the next comma
        if not _AFTER_NAME.fullmatch(text, previous.end, club.start):
            continue
        tail = _TAIL.match(text, club.end)
        end = following.start if following is not None else len(text)
        if tail is None or tail.end() > end:
            continue
        words = tail.group().split()
        if _describing(words):
            found[(club.start, club.end)] = _former(words)
    return found


def _former(words: Sequence[str]) -> bool:
    return any(_event_cues().get(media_key(w)) == "former" for w in words)


def _describing(words: Sequence[str]) -> bool:
    """Nisbas and السابق only (الإنجليزي السابق)."""
    from newscorpus.extract.claims.document import is_nisba

    return all(is_nisba(media_key(w)) or _former([w]) for w in words)


# the two words before a club (نجم، لاعب وسط); between a name and the club after it, a comma
# and one or two words (، مهاجم); after that club up to the comma, up to three words
_WORDS_BEFORE = re.compile(rf"(?:{_LETTERS}\s+){{1,2}}$")
_WORDS_ONLY = re.compile(rf"(?:{_LETTERS})?(?:\s+{_LETTERS})*\s*")
_AFTER_NAME = re.compile(rf"\s*[،,]\s*(?:{_LETTERS}\s+){{1,2}}")
_TAIL = re.compile(rf"(?:\s+{_LETTERS}){{0,3}}(?=\s*[،,.])")


def _title_between(between: str) -> bool:
    """Whether the words between a name and a place are a title up to the place (رئيس
    بلدية، سفيرة ... لدى، نائب رئيس #): a title first, then titles' words and links."""
    from newscorpus.arabic import match_form

    titles = _title_heads()
    words_of_titles = _role_words()
    if len(between) > 45 or any(ch in between for ch in ".\n:؛()"):
        return False
    words = between.replace("،", " ").replace(",", " ").replace("#", " ").split()
    if not 1 <= len(words) <= 4:
        return False
    forms = [_bare(match_form(w.replace("_", " "))) for w in words]
    forms[0] = forms[0][1:] if forms[0][:1] == "و" and forms[0][1:] in titles else forms[0]
    if forms[0] not in titles:
        return False
    return all(
        f in words_of_titles or f in _TITLE_LINKS or (f[:1] in "لب" and f[1:] in words_of_titles)
        for f in forms
    )


@cache
def _title_heads() -> frozenset[str]:
    """The first words of titles (رئيس، سفيرة، حاكم), bare."""
    from newscorpus.extract.actors.gazetteer import cues

    return frozenset(_bare(word) for word in cues().titles)


def _reports(text: str, mention: Mention, paragraph_starts: Sequence[int]) -> bool:
    """Whether the mention names who reports (an outlet, a credit) or where from (dateline)."""
    role = media_key(mention.role) if mention.role else ""
    if role in _media_titles() or is_outlet_name(mention.actor or mention.text):
        return True
    if _after_outlet_noun(text, mention.start):
        return True  # صحيفة "بيلد"، مجلة فوربس، لقناة "سي بي إس نيوز"
    if (
        text[mention.start - 1 : mention.start] == "("
        and text[mention.end : mention.end + 1] == ")"
    ):
        return mention.type == "organization"  # (واس), (CNN): a credit; (عمان) a place
    i = bisect.bisect_right(paragraph_starts, mention.start) - 1
    if i < 0:
        return False
    if mention.type != "place":
        return False
    dateline = _DATELINE.match(text, paragraph_starts[i])
    return (
        dateline is not None
        and mention.end <= dateline.end("place")
        and len(dateline["place"].replace("،", " ").split()) <= DATELINE_WORDS
    )


_WORD_BEFORE = re.compile(r"([^\W\d_]+)[\s\"«“]*$")


def _after_outlet_noun(text: str, start: int) -> bool:
    """Whether the word before ``start`` (its proclitics و ف ب ل taken off) is an outlet
    noun that names nothing else (صحيفة، مجلة، قناة; not وكالة، شبكة، موقع, which also
    name agencies, networks and places: is_outlet_name judges those with the name)."""
    found = _WORD_BEFORE.search(text, max(0, start - 30), start)
    return found is not None and _is_outlet_noun(found[1])


@lru_cache(maxsize=_WORDS_CACHED)
def _is_outlet_noun(word: str) -> bool:
    """Whether a written word (its proclitics و ف ب ل taken off) is an outlet noun that
    names nothing else (``_after_outlet_noun``)."""
    from newscorpus.arabic import readings

    nouns = _media_titles() - _generic_titles()
    return any(form in nouns for form in readings(media_key(word)))


def is_outlet_name(name: str) -> bool:
    """Whether an actor's name is a news outlet or agency: a name of ``news_media.txt``, or
    an outlet noun and a name (صحيفة الغد، وكالة بلومبرغ، وكالة الأنباء السعودية; but not
    وكالة الطاقة الذرية: the nouns that also name other things need a news name after)."""
    key = media_key(name)
    if key in news_media():
        return True
    head, _, rest = key.partition(" ")
    if not rest or head not in _media_titles():
        return False
    if head not in _generic_titles() and head.removeprefix("ال") not in _generic_titles():
        return True  # (الوكالة الدولية للطاقة الذرية is an agency as وكالة ... is)
    cues = _event_cues()
    return rest in news_media() or any(cues.get(word) == "news" for word in rest.split())


@cache
def _generic_titles() -> frozenset[str]:
    from newscorpus.extract.claims.cues import claim_words

    return claim_words().get("outlet-generic", frozenset())


@cache
def _media_titles() -> frozenset[str]:
    """Nouns that name a news outlet (صحيفة، وكالة) and their back-references (الصحيفة):
    the claims extractor's list (``resources/claim_words.tsv``)."""
    from newscorpus.extract.claims.cues import claim_words

    words = claim_words()
    return words.get("outlet", frozenset()) | words.get("outlet-ref", frozenset())


@lru_cache(maxsize=_WORDS_CACHED)
def media_key(name: str) -> str:
    """The match forms of a name's words, joined by single spaces."""
    from newscorpus.arabic import match_form

    return " ".join(match_form(word) for word in name.split())


@cache
def news_media() -> frozenset[str]:
    """Match forms of the outlet and agency names in ``resources/news_media.txt``, and of
    the actor lexicon's outlets (an actor whose role is an ``outlet_role`` of
    event_cues.tsv: وكالة أنباء، صحيفة، قناة ...) by their canonical names, the names
    their mentions resolve to (وكالة الصحافة الفرنسية for فرانس برس)."""
    from newscorpus.extract.actors.gazetteer import gazetteer

    path = resources.files("newscorpus") / "resources" / "news_media.txt"
    lines = path.read_text(encoding="utf-8").splitlines()
    names = {media_key(line) for line in lines if line.strip() and line[0] != "#"}
    outlet_roles = {form for form, kind in _event_cues().items() if kind == "outlet_role"}
    names.update(
        media_key(name)
        for name, roles in gazetteer().roles.items()
        if any(media_key(role) in outlet_roles for role in roles)
    )
    return frozenset(names)


@cache
def _function_words() -> frozenset[str]:
    path = resources.files("newscorpus") / "resources" / "function_words.txt"
    lines = path.read_text(encoding="utf-8").splitlines()
    from newscorpus.arabic import match_form

    return frozenset(
        _bare(match_form(line.strip())) for line in lines if line.strip() and line[0] != "#"
    )


@cache
def _role_words() -> frozenset[str]:
    """Words of titles and nisba adjectives (الرئيس, وزير, الروسي): in every other story."""
    from newscorpus.extract.actors.gazetteer import cues

    found = cues()
    phrases = [p for group in found.titles.values() for p in group] + list(found.nisba_place)
    return frozenset(_bare(word) for phrase in phrases for word in phrase)


def _bare(stem: str) -> str:
    return stem[2:] if stem.startswith("ال") and len(stem) > 4 else stem


_WORD = re.compile(_LETTERS)
_FORMS: dict[str, str] = {}  # a written word -> its content form, or "" for none
_FORMS_LIMIT = 200_000


def content_words(text: str) -> frozenset[str]:
    """The words of a sentence that can show two sentences tell one story: stems of three
    letters or more, without the article, that are not function words, titles, nisba
    adjectives, numbers or the names of months and weekdays (every event of a date shares
    those)."""
    forms = _FORMS
    if len(forms) > _FORMS_LIMIT:
        forms.clear()
    words = set()
    for word in _WORD.findall(text):
        form = forms.get(word)
        if form is None:
            form = forms[word] = _content_form(word)
        if form:
            words.add(form)
    return frozenset(words)


def _content_form(word: str) -> str:
    from newscorpus.arabic import match_form, strip_clitics
    from newscorpus.extract.dates.lexicon import key, lexicon

    match = match_form(word)
    stem = strip_clitics(match)[1] if match else ""
    form = _bare(stem)
    if len(form) < 3 or form in _function_words() or form in _role_words():
        return ""
    calendar = lexicon()
    date_key = key(stem)
    if date_key in calendar.months or date_key in calendar.weekdays:
        return ""
    return "" if date_key in calendar.hijri_months else form


@dataclass(frozen=True, slots=True)
class DatedEvent:
    """One stored event as the story merge reads it."""

    date: str
    precision: str
    text: str
    actor_ids: tuple[int, ...]  # in the order the sentence names them
    actors: tuple[str, ...]  # their names, same order
    document: int
    source: str  # the document's title or outlet ("" when it has neither)
    start: int = 0  # the sentence's offsets in the document's text, and its paragraph
    end: int = 0
    paragraph: int = 0
    id: int = 0  # the stored event's id (0 when not stored)
    words: frozenset[str] | None = field(default=None, compare=False)  # content_words(text)


@dataclass(frozen=True, slots=True)
class Story:
    """Events of one date from one or more documents that tell the same happening."""

    shown: DatedEvent  # the event whose sentence stands for the story
    members: tuple[DatedEvent, ...]  # in the order they were given

    def actor_ids(self) -> list[int]:
        """Actor ids, the most often named by the story's events first (then first named)."""
        counts: Counter[int] = Counter()
        for member in self.members:
            counts.update(set(member.actor_ids))
        order = {a: n for n, a in enumerate(dict.fromkeys(
            a for m in (self.shown, *self.members) for a in m.actor_ids))}  # fmt: skip
        return sorted(counts, key=lambda a: (-counts[a], order[a]))

    def actors(self) -> list[str]:
        """The names of ``actor_ids()``, in the same order."""
        names = {a: n for m in self.members for a, n in zip(m.actor_ids, m.actors, strict=False)}
        return [names[a] for a in self.actor_ids()]

    def documents(self) -> dict[int, str]:
        documents: dict[int, str] = {}
        for member in (self.shown, *self.members):
            documents.setdefault(member.document, member.source)
        return documents


# Alike (_alike): shared salient actors and shared content words, at least (1, 2), (2, 1)
# or (0, 5).
_SHARE = 3  # an actor or word in a third of the date's documents is not evidence
_SHARE_MIN_DOCUMENTS = 6  # ... once the date has this many documents


def cluster_stories(
    events: Sequence[DatedEvent], everywhere: frozenset[int] = frozenset()
) -> Iterator[Story]:
    """Stories of events of one date (module docstring); deterministic for a given input
    order, which the caller makes intrinsic (by document and offset)."""
    if not events:
        return
    # the words of the sentence, less those of the actors it names (counted as actors)
    words = [
        (e.words if e.words is not None else content_words(e.text)) - _name_words(e.actors)
        for e in events
    ]
    documents = len({e.document for e in events})
    word_docs: Counter[str] = Counter()
    actor_docs: Counter[int] = Counter()
    seen_words: dict[int, set[str]] = {}
    seen_actors: dict[int, set[int]] = {}
    for event, found in zip(events, words, strict=True):
        seen_words.setdefault(event.document, set()).update(found)
        seen_actors.setdefault(event.document, set()).update(event.actor_ids)
    for document_words in seen_words.values():
        word_docs.update(document_words)
    for ids in seen_actors.values():
        actor_docs.update(ids)
    common_words: set[str] = set()
    common_actors: set[int] = set(everywhere)
    if documents >= _SHARE_MIN_DOCUMENTS:
        limit = documents / _SHARE
        common_words = {w for w, n in word_docs.items() if n > limit}
        common_actors |= {a for a, n in actor_docs.items() if n > limit}
    salient = [frozenset(e.actor_ids) - common_actors for e in events]
    evidence = [w - common_words for w in words]
    # Two events alike by words alone share five: then they share one of the rarest
    # len(words) - 4 words of each, so only those are looked up.
    rarest = [
        sorted(found, key=lambda w: (word_docs[w], w))[: max(len(found) - 4, 0)]
        for found in evidence
    ]

    def score(i: int, j: int) -> tuple[int, int]:
        return len(salient[i] & salient[j]), len(evidence[i] & evidence[j])

    def alike(i: int, j: int) -> bool:
        return _alike(score(i, j))

    def candidates(
        i: int, by_actor: dict[int, list[int]], by_word: dict[str, list[int]]
    ) -> set[int]:
        found = {k for a in salient[i] for k in by_actor.get(a, ())}
        found.update(k for w in rarest[i] for k in by_word.get(w, ()))
        return found

    # Seeds are taken most connected first (alike the most other events), so a story grows
    # around its centre rather than around whichever event came first.
    all_by_actor: dict[int, list[int]] = {}
    all_by_word: dict[str, list[int]] = {}
    for i in range(len(events)):
        for a in salient[i]:
            all_by_actor.setdefault(a, []).append(i)
        for w in evidence[i]:
            all_by_word.setdefault(w, []).append(i)
    degree = [
        sum(1 for j in candidates(i, all_by_actor, all_by_word) if j != i and alike(i, j))
        for i in range(len(events))
    ]
    order = sorted(
        range(len(events)), key=lambda i: (-degree[i], -len(salient[i]) - len(evidence[i]), i)
    )
    seeds: list[int] = []  # event index of each story's seed
    members: list[list[int]] = []
    by_actor: dict[int, list[int]] = {}  # actor -> stories whose seed names it
    by_word: dict[str, list[int]] = {}
    for i in order:
        best, best_score = -1, (0, 0)
        if degree[i]:
            for story in sorted(candidates(i, by_actor, by_word)):
                pair = score(i, seeds[story])
                if _alike(pair) and pair > best_score and _fits(i, members[story], alike):
                    best, best_score = story, pair
        if best >= 0:
            members[best].append(i)
            continue
        story = len(seeds)
        seeds.append(i)
        members.append([i])
        for a in salient[i]:
            by_actor.setdefault(a, []).append(story)
        for w in evidence[i]:
            by_word.setdefault(w, []).append(story)
    for group in sorted(members, key=min):  # stories in the order of their first event
        # closeness of i: the sum of score(i, j) over the group's other events, counted
        # through how many members name each actor and word (linear, not quadratic, in a
        # story of hundreds of events)
        actor_count = Counter(a for j in group for a in salient[j])
        word_count = Counter(w for j in group for w in evidence[j])

        def closeness(
            i: int, actors: Counter[int] = actor_count, words: Counter[str] = word_count
        ) -> tuple[int, int]:
            shared = sum(actors[a] for a in salient[i]) - len(salient[i])
            shared += sum(words[w] for w in evidence[i]) - len(evidence[i])
            return shared, -i

        shown = max(group, key=closeness)
        yield Story(events[shown], tuple(events[i] for i in sorted(group)))


_FIT_SAMPLE = 10


def _fits(i: int, group: list[int], alike: Callable[[int, int], bool]) -> bool:
    """Alike at least half of the story's first members (its seed among them): a story
    holds events alike each other, not a star of events alike only its seed."""
    sample = group[:_FIT_SAMPLE]
    return 2 * sum(alike(i, j) for j in sample) >= len(sample)


@lru_cache(maxsize=100_000)
def _name_words(names: tuple[str, ...]) -> frozenset[str]:
    return content_words(" ".join(names))


def _alike(score: tuple[int, int]) -> bool:
    actors, words = score
    return words >= 5 or (actors >= 1 and words >= 2) or (actors >= 2 and words >= 1)
