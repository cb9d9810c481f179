"""Event building (one document) and the story merge (across documents), as tables."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

import pytest

from newscorpus.extract.events import (
    DatedEvent,
    build_events,
    cluster_stories,
    content_words,
    is_outlet_name,
)
from newscorpus.models import Claim, DateMention, Event, Mention, Sentence

TEXT = "قال بوتين في موسكو الاثنين إن المحادثات مستمرة. وفي عام 2019 زار كيم هانوي."
FIRST_END = TEXT.index(".") + 1
SENTENCES = (Sentence(0, FIRST_END, 0), Sentence(FIRST_END + 1, len(TEXT), 0))


def _span(word: str) -> tuple[int, int]:
    start = TEXT.index(word)
    return start, start + len(word)


def _mention(word: str, kind: str = "person") -> Mention:
    start, end = _span(word)
    return Mention(start, end, word, kind, 0, word, actor=word)  # type: ignore[arg-type]


def _date(word: str, value: str | None, precision: str = "day") -> DateMention:
    start, end = _span(word)
    return DateMention(start, end, word, value, precision, 0)  # type: ignore[arg-type]


MENTIONS = (_mention("بوتين"), _mention("موسكو", "place"), _mention("كيم"), _mention("هانوي"))
CLAIM = Claim("بوتين", "قال", "المحادثات مستمرة", "indirect", 0, 0, FIRST_END - 1, 31, 47)


def test_one_event_per_sentence_and_date_with_its_actors_and_claim() -> None:
    dates = (_date("الاثنين", "2024-11-18"), _date("2019", "2019", "year"))
    events = build_events(TEXT, SENTENCES, MENTIONS, (CLAIM,), dates)
    assert [(e.date, e.precision, e.actors, e.claim) for e in events] == [
        ("2024-11-18", "day", ("بوتين", "موسكو"), 0),
        ("2019", "year", ("كيم", "هانوي"), None),
    ]
    assert events[0].text == TEXT[:FIRST_END]


@pytest.mark.parametrize(
    ("dates", "expected"),
    [
        ((_date("الاثنين", None),), []),  # unresolved: no event
        ((_date("الاثنين", "2024-11-18"), _date("موسكو", "2024-11-18")), ["2024-11-18"]),  # once
        ((_date("الاثنين", "2024-11-18"), _date("موسكو", "2024-11")), ["2024-11-18", "2024-11"]),
    ],
)
def test_dates_that_make_events(dates: tuple[DateMention, ...], expected: list[str]) -> None:
    assert [e.date for e in build_events(TEXT, SENTENCES, MENTIONS, (), dates)] == expected


def _event(document: int, *actors: int, text: str = "", words: str = "") -> DatedEvent:
    return DatedEvent(
        "2024-11-18", "day", text or f"d{document}", actors,
        tuple(f"a{a}" for a in actors), document, f"source {document}", id=document,
        words=frozenset(words.split()),
    )  # fmt: skip


QUAKE = "زلزال قوته درجات ضرب جنوب"


def _stories(events: list[DatedEvent], everywhere: frozenset[int] = frozenset()) -> list[list[int]]:
    return [[m.document for m in s.members] for s in cluster_stories(events, everywhere)]


@pytest.mark.parametrize(
    ("events", "stories"),
    [
        # one shared actor and two shared words: one story
        ([_event(1, 1, 2, words="قصف مستشفى"), _event(2, 2, 3, words="قصف مستشفى غارة")],
         [[1, 2]]),
        # two shared actors and one word
        ([_event(1, 1, 2, words="قمة"), _event(2, 1, 2, words="قمة لقاء")], [[1, 2]]),
        # a shared actor alone is no evidence (two stories about one president)
        ([_event(1, 1, 2, words="قصف مستشفى"), _event(2, 1, words="زيارة مصنع")], [[1], [2]]),
        # two shared actors but nothing else in common
        ([_event(1, 1, 2, words="قصف"), _event(2, 1, 2, words="زيارة")], [[1], [2]]),
        # no actors: five shared words make one story, fewer do not
        ([_event(1, words=QUAKE), _event(2, words="زلزال قوته درجات ضرب")],
         [[1], [2]]),
        ([_event(1, words=QUAKE), _event(2, words="جنوب ضرب درجات قوته زلزال")],
         [[1, 2]]),
        # no chaining: 1 ~ 2 ~ 3 ~ 4, each alike only its neighbours; 2 seeds (alike two,
        # richer than 3), 1 and 3 join it, 4 is not alike the seed
        ([_event(1, 1, 2, 3, words="قصف مستشفى حلب"), _event(2, 1, 4, 5, words="قصف مستشفى هدنة"),
          _event(3, 4, 6, words="هدنة مستشفى تفاوض"), _event(4, 6, words="تفاوض جنيف مستشفى")],
         [[1, 2, 3], [4]]),
    ],
)  # fmt: skip
def test_story_clustering(events: list[DatedEvent], stories: list[list[int]]) -> None:
    assert _stories(events) == stories


def test_an_actor_named_all_over_the_corpus_is_no_evidence() -> None:
    events = [_event(1, 1, 7, words="قصف مستشفى"), _event(2, 7, words="قصف مستشفى")]
    assert _stories(events) == [[1, 2]]
    assert _stories(events, everywhere=frozenset({7})) == [[1], [2]]


def test_what_a_third_of_the_dates_documents_share_is_no_evidence() -> None:
    # six documents name actor 5 and say "مباراة": the day's big topic links nothing
    events = [_event(d, 5, words=f"مباراة كلمة{d} اخرى{d}") for d in range(1, 7)]
    events.append(_event(7, 5, 8, words="مباراة هدف"))
    assert _stories(events) == [[d] for d in range(1, 8)]


def test_a_story_shows_the_sentence_most_alike_the_others_and_ranks_its_actors() -> None:
    events = [
        _event(1, 1, 2, words="قصف مستشفى"),
        _event(2, 1, 2, 3, text="shown", words="قصف مستشفى حلب"),
        _event(3, 2, 3, words="قصف مستشفى حلب"),
    ]
    (story,) = cluster_stories(events)
    assert story.shown.text == "shown"
    assert story.actors() == ["a2", "a1", "a3"]  # a2 in all three; a1, a3 in two (first named)
    assert story.documents() == {2: "source 2", 1: "source 1", 3: "source 3"}


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("قصفت الطائرات مستشفى في حلب يوم الاثنين 12 مارس", {"قصفت", "طائرات", "مستشفي", "حلب"}),
        # function words, numbers, months, weekdays and the article never count
        ("وقال إنه في عام 2018 كان في يناير", set()),
    ],
)
def test_content_words(text: str, words: set[str]) -> None:
    assert content_words(text) == words


MEDIA_TEXT = (
    "دبي، الإمارات (CNN)-- قالت صحيفة الغد إن بوتين زار بكين (واس) ونقلته رويترز (عمان) الاثنين."
)


def _media_mention(word: str, kind: str, role: str | None = None) -> Mention:
    start = MEDIA_TEXT.index(word)
    return Mention(start, start + len(word), word, kind, 0, word, actor=word, role=role)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("name", "outlet"),
    [
        ("رويترز", True),
        ("سي إن إن", True),
        ("وكالة بلومبرغ", True),  # an outlet noun and an outlet's name
        ("صحيفة الغد", True),  # صحيفة always names a paper
        ("وكالة الأنباء السعودية", True),  # وكالة + news
        ("وكالة الطاقة الذرية", False),  # وكالة alone is not enough
        ("وكالة الاستخبارات الكورية الجنوبية", False),
        ("موقع تويتر", False),
        ("الشرق الأوسط", False),  # the region, though also a paper's name
        ("صحيفة", False),
        # the actor lexicon's outlets, by the canonical names mentions resolve to (#16: AFP
        # was listed in 538 events as وكالة الصحافة الفرنسية)
        ("وكالة الصحافة الفرنسية", True),
        ("فايننشال تايمز", True),
        ("أسوشييتد برس", True),
        ("الجزيرة", False),  # the island; the channel is قناة الجزيرة
        ("الوكالة الدولية للطاقة الذرية", False),  # الوكالة needs a news name as وكالة does
        ("الوكالة الوطنية للإعلام", True),  # للإعلام: news (Lebanon's NNA)
        ("الوكالة العربية السورية للأنباء", True),
    ],
)
def test_outlet_names(name: str, outlet: bool) -> None:
    assert is_outlet_name(name) is outlet


@pytest.mark.parametrize(
    ("mention", "taking_part"),
    [
        (_media_mention("دبي", "place"), False),  # dateline
        (_media_mention("الإمارات", "place"), False),
        (_media_mention("CNN", "organization"), False),  # credit in parentheses
        (_media_mention("الغد", "organization", role="صحيفة"), False),  # an outlet by its title
        (_media_mention("بوتين", "person"), True),
        (_media_mention("بكين", "place"), True),
        (_media_mention("واس", "organization"), False),  # an agency's credit
        (_media_mention("رويترز", "organization"), False),  # a known agency
        (_media_mention("عمان", "place"), True),  # a place in parentheses is a place
    ],
)
def test_who_reports_an_event_does_not_take_part_in_it(mention: Mention, taking_part: bool) -> None:
    sentence = (Sentence(0, len(MEDIA_TEXT), 0),)
    date = DateMention(
        MEDIA_TEXT.index("الاثنين"), len(MEDIA_TEXT) - 1, "الاثنين", "2024-11-18", "day", 0
    )  # type: ignore[arg-type]
    (event,) = build_events(MEDIA_TEXT, sentence, (mention,), (), (date,), [0])
    assert (mention.text in event.actors) is taking_part


@pytest.mark.parametrize(
    ("before", "event"),
    [
        ("شارك المنتخب في كأس العالم", False),  # the year names the tournament
        ("وصل المنتخب إلى مونديال روسيا", False),  # a place between
        ("تستهدف رؤية المملكة", False),
        ("جرت انتخابات", True),  # the elections of 2018: dated by their year
        ("فاز الفريق بالبطولة عام", True),  # a time word: the year dates the win
        ("وقع الزلزال في", True),
    ],
)
def test_a_year_that_belongs_to_a_name_dates_no_event(before: str, event: bool) -> None:
    from newscorpus.extract.dates import extract_dates
    from newscorpus.models import Paragraph

    text = f"{before} 2018 بنجاح."
    (date,) = extract_dates(text, (Paragraph(0, 0, len(text), "body"),), "2018-07-01")
    assert date.value == "2018"
    events = build_events(text, (Sentence(0, len(text), 0),), (), (), (date,))
    assert bool(events) is event


@pytest.mark.parametrize(
    ("text", "events"),
    [
        # the baseline of a comparison is no happening; the day after it is
        ("ارتفع الذهب إلى أعلى مستوى منذ يوليو 2008 أمس.", ["2018-05-31"]),
        ("وكان الهجوم الأكثر دموية هذا العام في البلاد.", []),
        # the ends of a span
        ("وتولى الحكم بين 2006 و2010 في البلاد.", []),
        ("وحكم سوموزا (1934-1979) البلاد.", []),
        ("تقام البطولة بين 14 يونيو و15 يوليو في روسيا.", []),
        # a limit or a horizon
        ("وقد يحدث الكثير حتى 2019 في البلاد.", []),
        ("وسيبلغ السكان مليارا بحلول 2045.", []),
        ('وقال إنه "بحلول عام 2030 سيوفر المشروع الوظائف.', []),  # a quote, a year noun
        ("على أن تمر البلاد بمرحلة انتقالية حتى نهاية 2020.", []),
        ("وبلغ عدد المستخدمين 82% بنهاية عام 2017.", []),  # a tally at the end of a period
        # "dates back to" is a happening; a comparison in another clause is no baseline
        ("وتعود القمة الأخيرة إلى مطلع 2017 في أنقرة.", ["2017"]),
        ("ويحتاج المدرب وقتا أطول، لكنه يعمل مع الفريق منذ 2016.", ["2016"]),
        ("ولا تزال قائمة إلى اليوم في البلاد.", []),
        # an era
        ("وفي الثلاثينيات والأربعينيات عاش هنا.", []),
        # a date that recurs
        ("يحييها الفلسطينيون في 15 مايو من كل عام.", []),
        ("ويعرض البرنامج يوم الاثنين من كل أسبوع.", []),
        # the current year: a period of forecasts and tallies, unless "earlier this year"
        ("وتتوقع الأسواق رفع أسعار الفائدة مرتين هذا العام.", []),
        ("وانخفضت الليرة نحو 17 بالمئة منذ بداية العام الجاري.", []),
        ("وتنوي الحكومة اتخاذ إجراءات خلال العام الحالي 2018.", []),
        ("واعتقلت الشرطة في وقت سابق هذا العام ثلاثة مشتبه بهم.", ["2018"]),
        ("وفاز الفريق باللقب العام الماضي.", ["2017"]),
        # happenings
        ("ويشهد اليمن منذ 2014 حربا مدمرة.", ["2014"]),
        ("وصل الوفد إلى موسكو الاثنين.", ["2018-05-28"]),
        ("وقعت الحرب في عام 1967 في المنطقة.", ["1967"]),
    ],
)
def test_dates_that_mark_no_happening_make_no_event(text: str, events: list[str]) -> None:
    from newscorpus.extract.dates import extract_dates
    from newscorpus.models import Paragraph

    dates = extract_dates(text, (Paragraph(0, 0, len(text), "body"),), "2018-06-01")
    found = build_events(text, (Sentence(0, len(text), 0),), (), (), dates)
    assert [e.date for e in found] == events


@pytest.mark.parametrize(
    ("text", "person", "role", "other", "kept"),
    [
        # a place in the title of the person named after it describes the person
        ("وقال حاكم دبي الشيخ محمد بن راشد الاثنين إن", "محمد بن راشد", "حاكم دبي الشيخ", "دبي",
         False),
        ("وقال رئيس بلدية بوغوتا السابق أنتاناس موكوس الاثنين إن", "أنتاناس موكوس",
         "رئيس بلدية بوغوتا السابق", "بوغوتا", False),
        # a former club describes; a present one may act
        ("وسجل مهاجم تشيلسي السابق ديدييه دروغبا الاثنين هدفين", "ديدييه دروغبا",
         "مهاجم تشيلسي السابق", "تشيلسي", False),
        ("وقال مدرب ليفربول يورغن كلوب الاثنين إن", "يورغن كلوب", "مدرب ليفربول", "ليفربول",
         True),
        # a place elsewhere in the sentence takes part
        ("وقال الرئيس إيمانويل ماكرون في باريس الاثنين إن", "إيمانويل ماكرون", "الرئيس", "باريس",
         True),
        # a title after the name, up to the place
        ("وقال غوستافو بيترو رئيس بلدية بوغوتا السابق الاثنين إن", "غوستافو بيترو", None,
         "بوغوتا", False),
        ("وقالت نيكي هايلي، سفيرة الولايات المتحدة لدى المنظمة، الاثنين إن", "نيكي هايلي",
         None, "الولايات المتحدة", False),
        ("وأعلن أندرو كومو حاكم نيويورك الاثنين حالة الطوارئ", "أندرو كومو", None, "نيويورك",
         False),
        # a hashtag in the title
        ("استقبل #محمد_بن_راشد نائب رئيس #الإمارات الاثنين الوفد", "محمد_بن_راشد", None,
         "الإمارات", False),
        # a verb or a common word between: the place takes part
        ("وقال ماكرون رئيس فرنسا زار الجزائر الاثنين", "ماكرون", None, "الجزائر", True),
        ("وزار ماكرون الاثنين باريس", "ماكرون", None, "باريس", True),
    ],
)  # fmt: skip
def test_a_place_in_a_persons_title_takes_no_part(
    text: str, person: str, role: str | None, other: str, kept: bool
) -> None:
    def mention(word: str, kind: str, title: str | None = None) -> Mention:
        start = text.index(word)
        return Mention(start, start + len(word), word, kind, 0, word, actor=word, role=title)  # type: ignore[arg-type]

    kind = "organization" if other in ("تشيلسي", "ليفربول") else "place"
    mentions = (mention(other, kind), mention(person, "person", role))
    mentions = tuple(sorted(mentions, key=lambda m: m.start))
    start = text.index("الاثنين")
    date = DateMention(start, start + 7, "الاثنين", "2024-11-18", "day", 0)  # type: ignore[arg-type]
    (event,) = build_events(text, (Sentence(0, len(text), 0),), mentions, (), (date,))
    assert person in event.actors
    assert (other in event.actors) is kept


@pytest.mark.parametrize(
    ("text", "place", "kept"),
    [
        ("لندن (رويترز) - قالت الحكومة الاثنين إن", "لندن", False),  # a dateline
        ("أبوظبي - قالت الحكومة الاثنين إن", "أبوظبي", False),
        ("تغلبت فرنسا على كرواتيا (4-2) الاثنين في النهائي", "كرواتيا", True),  # a score
        ("وصل الرئيس الفرنسي إلى مصر - في زيارة الاثنين", "مصر", True),  # a clause, then a dash
    ],
)
def test_only_a_dateline_place_is_left_out(text: str, place: str, kept: bool) -> None:
    start = text.index(place)
    mention = Mention(start, start + len(place), place, "place", 0, place, actor=place)  # type: ignore[arg-type]
    day = text.index("الاثنين")
    date = DateMention(day, day + 7, "الاثنين", "2024-11-18", "day", 0)  # type: ignore[arg-type]
    (event,) = build_events(text, (Sentence(0, len(text), 0),), (mention,), (), (date,), [0])
    assert (place in event.actors) is kept


@pytest.mark.parametrize(
    ("text", "name", "kept"),
    [
        ("وذكرت مجلة فوربس الاثنين أن أمازون تصدرت", "فوربس", False),
        ('وقالت صحيفة "بيلد" الاثنين إن المدرب سيرحل', "بيلد", False),
        ("وقالت لقناة الحرة الاثنين إن", "الحرة", False),
        # وكالة، شبكة، موقع name other things too: the name decides
        ("وقالت وكالة الطاقة الذرية الاثنين إن", "وكالة الطاقة الذرية", True),
        ("وقال موقع الجيش الاثنين إن", "الجيش", True),
    ],
)
def test_a_name_after_an_outlet_noun_only_reports(text: str, name: str, kept: bool) -> None:
    start = text.index(name)
    mention = Mention(start, start + len(name), name, "organization", 0, name, actor=name)  # type: ignore[arg-type]
    day = text.index("الاثنين")
    date = DateMention(day, day + 7, "الاثنين", "2024-11-18", "day", 0)  # type: ignore[arg-type]
    (event,) = build_events(text, (Sentence(0, len(text), 0),), (mention,), (), (date,))
    assert (name in event.actors) is kept


def _named(text: str, kinds: dict[str, str]) -> list[Mention]:
    """A mention of each name of ``text`` (name -> type), each its own actor, in order."""
    found = []
    for name, kind in kinds.items():
        start = text.index(name)
        found.append(Mention(start, start + len(name), name, kind, 0, name, actor=name))  # type: ignore[arg-type]
    return sorted(found, key=lambda m: m.start)


def _day(text: str, word: str) -> DateMention:
    """``word`` of ``text`` as the date 2024-11-18."""
    at = text.index(word)
    return DateMention(at, at + len(word), word, "2024-11-18", "day", 0)  # type: ignore[arg-type]


def _one_sentence(
    text: str, mentions: Sequence[Mention], claims: Sequence[Claim], date: DateMention
) -> Event:
    """The one event of ``text`` read as a single sentence with ``date``."""
    (event,) = build_events(text, (Sentence(0, len(text), 0),), mentions, claims, (date,))
    return event


def _said_by(text: str, speaker: str, content_from: str) -> Claim:
    """``speaker`` said the rest of ``text`` from ``content_from`` (قال X إن ...)."""
    content = text.index(content_from)
    at = text.index(speaker)
    return Claim(
        speaker, "قال", text[content:-1], "indirect", 0, 0, len(text) - 1, content,
        len(text) - 1, at, at + len(speaker),
    )  # fmt: skip


def _claim_of(text: str, cue: str, content: str) -> Claim:
    """The claim of ``text`` whose cue phrase starts at ``cue`` and whose content is
    ``content``: content first (content، بحسب X) or after the phrase (ووفق X، content)."""
    c_start = text.index(content)
    c_end = c_start + len(content)
    start = min(text.index(cue), c_start)
    return Claim("X", cue, content, "indirect", 0, start, len(text) - 1, c_start, c_end)


@pytest.mark.parametrize(
    ("text", "cue", "content", "day", "name", "kept"),
    [
        # whom a happening is attributed to only reports it
        ("قتل شخصان في دمشق الأربعاء، وفق ما أفاد التلفزيون الرسمي.", "وفق ما أفاد",
         "قتل شخصان في دمشق الأربعاء", "الأربعاء", "التلفزيون الرسمي", False),
        ("قتل شخصان في دمشق الأربعاء، وفق ما أفاد التلفزيون الرسمي.", "وفق ما أفاد",
         "قتل شخصان في دمشق الأربعاء", "الأربعاء", "دمشق", True),
        ("ووفقا لوزارة الصحة، قتل فلسطيني في غزة الاثنين.", "ووفقا",
         "قتل فلسطيني في غزة الاثنين", "الاثنين", "وزارة الصحة", False),
        # the date of the attribution itself: its author made the announcement
        ("أوقفت السلطات عالما، بحسب ما أعلنت وكالة الفضاء الثلاثاء.", "بحسب ما أعلنت",
         "أوقفت السلطات عالما", "الثلاثاء", "وكالة الفضاء", True),
        ("وبحسب تقرير نشره المعهد، الثلاثاء، فقد توفي الملايين.", "وبحسب",
         "الثلاثاء، فقد توفي الملايين", "الثلاثاء", "المعهد", True),
        # a date opening the content, no comma after it: the happening's
        ("ووفقا لوزارة الصحة، الاثنين قتل فلسطيني في غزة.", "ووفقا",
         "الاثنين قتل فلسطيني في غزة", "الاثنين", "وزارة الصحة", False),
        # a speaker of a verb of saying is the subject of a statement: kept
        ("قال المرصد الأحد إن غارات قتلت ثمانية مدنيين.", "قال",
         "غارات قتلت ثمانية مدنيين", "الأحد", "المرصد", True),
    ],
)  # fmt: skip
def test_whom_a_happening_is_attributed_to_only_reports_it(
    text: str, cue: str, content: str, day: str, name: str, kept: bool
) -> None:
    claim = _claim_of(text, cue, content)
    event = _one_sentence(text, _named(text, {name: "organization"}), (claim,), _day(text, day))
    assert (name in event.actors) is kept


@pytest.mark.parametrize(
    ("text", "names", "day", "actors"),
    [
        # a clause of its own after a comma names the actors of its own happening
        ("فاز منتخب الأرجنتين على نيجيريا مساء الثلاثاء، فيما فازت كرواتيا على آيسلندا.",
         ["الأرجنتين", "نيجيريا", "كرواتيا", "آيسلندا"], "الثلاثاء", ["الأرجنتين", "نيجيريا"]),
        ("اجتمع الرئيسان خلال قمة العشرين في ألمانيا، كما اجتمعا في نوفمبر بقمة فيتنام.",
         ["ألمانيا", "فيتنام"], "نوفمبر", ["فيتنام"]),
        ("أصيب رونالدو ضد برشلونة في 6 مايو، ما أثار القلق قبل النهائي في كييف.",
         ["رونالدو", "برشلونة", "كييف"], "6 مايو", ["رونالدو", "برشلونة"]),
        ("أصيب رونالدو في مايو، ولكن زيدان أكد الجمعة أنه جاهز.", ["رونالدو", "زيدان"],
         "الجمعة", ["زيدان"]),
        # بينما opens a clause without a comma too
        ("وصل ماكرون إلى بكين الاثنين بينما غادر شي إلى موسكو.", ["ماكرون", "بكين", "شي",
         "موسكو"], "الاثنين", ["ماكرون", "بكين"]),
        # two words of a cue are two words in a row: في 1984 حين is no في حين
        ("خاض روما النهائي في 1984 حين سقط أمام ليفربول.", ["روما", "ليفربول"], "1984",
         ["روما", "ليفربول"]),
        # فيما "in what", "regarding": no clause
        ("اقترحت باريس الاثنين عقوبات على قادة إيرانيين، فيما يتعلق بسوريا.", ["باريس",
         "سوريا"], "الاثنين", ["باريس", "سوريا"]),
        # a comma that opens no clause (a date set off by commas) divides nothing
        ("وكان أوزيل أعلن، الأحد في بيان نشره، اعتزاله.", ["أوزيل"], "الأحد", ["أوزيل"]),
        # a cue word written with its vowels
        ("فاز منتخب الأرجنتين على نيجيريا الثلاثاء، فِيمَا فازت كرواتيا على آيسلندا.",
         ["الأرجنتين", "نيجيريا", "كرواتيا", "آيسلندا"], "الثلاثاء", ["الأرجنتين", "نيجيريا"]),
        # كما without a comma is "as"
        ("التقى ماكرون شي الاثنين كما كان مقررا في بكين.", ["ماكرون", "شي", "بكين"], "الاثنين",
         ["ماكرون", "شي", "بكين"]),
        # a clause of an earlier or later happening of the same subject: its actors take
        # no part in the happening dated outside it; one dated inside it takes its own and
        # those of the clause it hangs on
        ("فر مواطن صيني الجمعة إلى هلسنكي، بعد أن كان وصل إلى روسيا.", ["هلسنكي", "روسيا"],
         "الجمعة", ["هلسنكي"]),
        ("شددت إسرائيل الحصار على غزة، قبل أن تمنع الاثنين الوقود عبر كرم أبو سالم.",
         ["إسرائيل", "غزة", "كرم أبو سالم"], "الاثنين", ["إسرائيل", "غزة", "كرم أبو سالم"]),
        ("شددت إسرائيل الحصار الاثنين، فيما دعت مصر إلى التهدئة، قبل أن تزور الأردن.",
         ["إسرائيل", "مصر", "الأردن"], "الاثنين", ["إسرائيل"]),
        # حيث and عندما tell the same happening: no clause of their own
        ("حقق المنتخب فوزين الجمعة في ناشفيل، عندما فاز إيسنر على دو لور.", ["ناشفيل",
         "إيسنر", "دو لور"], "الجمعة", ["ناشفيل", "إيسنر", "دو لور"]),
        # a parenthesis holding the date and more tells the happening of the name before it
        ("وقعت اعتداءات في الدار البيضاء (33 قتيلا في 2003) ومراكش (17 قتيلا في 2011).",
         ["الدار البيضاء", "مراكش"], "2011", ["مراكش"]),
        ("وهو ثاني عربي (بعد رياض محرز عام 2016) ينال الجائزة في لندن.", ["رياض محرز", "لندن"],
         "2016", ["رياض محرز"]),
        # a date alone in it, or a time in another zone, glosses the one before
        ("وأرسل ترامب صباح الثلاثاء بتوقيت سنغافورة (الاثنين 22,00 ت غ) تغريدات.",
         ["ترامب", "سنغافورة"], "الاثنين", ["ترامب", "سنغافورة"]),
        ("هاجم الحوثيون ناقلتين في البحر الأحمر صباح اليوم (الأربعاء) قرب باب المندب.",
         ["البحر الأحمر", "باب المندب"], "الأربعاء", ["البحر الأحمر", "باب المندب"]),
        # a clause that names nobody: the sentence's actors
        ("وصلت المحطة لومونوسوف إلى مورمانسك، حيث قدمت للإعلام السبت.", ["لومونوسوف",
         "مورمانسك"], "السبت", ["لومونوسوف", "مورمانسك"]),
    ],
)  # fmt: skip
def test_the_actors_of_the_dates_own_clause(
    text: str, names: list[str], day: str, actors: list[str]
) -> None:
    mentions = _named(text, dict.fromkeys(names, "place"))
    assert list(_one_sentence(text, mentions, (), _day(text, day)).actors) == actors


def test_the_speaker_of_the_words_that_hold_the_date_takes_part() -> None:
    text = "وقال القائد يحيى صلاح إن المدينة تحررت، وكما رفعت السارية اليوم بمدينة ميدي سترتفع."
    mentions = _named(text, {"يحيى صلاح": "person", "ميدي": "place"})
    claim = _said_by(text, "يحيى صلاح", "المدينة")
    date = _day(text, "اليوم")
    assert list(_one_sentence(text, mentions, (claim,), date).actors) == ["يحيى صلاح", "ميدي"]
    # without the claim: the clause alone
    assert list(_one_sentence(text, mentions, (), date).actors) == ["ميدي"]


def test_a_speaker_alone_does_not_stand_for_a_clause_that_names_nobody() -> None:
    text = "وقال الوزير أحمد علي إن مسلحين هاجموا بغداد، فيما قتل ثلاثة مدنيين الاثنين."
    mentions = _named(text, {"أحمد علي": "person", "بغداد": "place"})
    claim = _said_by(text, "أحمد علي", "مسلحين")
    event = _one_sentence(text, mentions, (claim,), _day(text, "الاثنين"))
    assert list(event.actors) == ["أحمد علي", "بغداد"]  # the sentence's, as without a claim


# places and bodies that only describe another, in a dated sentence: no part
DESCRIBING = [
        # a club in a player's title, in a sentence about national teams: no part
        ("وأصيب لاعب وسط ليفربول نابي كيتا في مباراة منتخب غينيا أمام رواندا الاثنين.",
         {"ليفربول": "organization", "نابي كيتا": "person", "منتخب غينيا": "organization"},
         ["نابي كيتا", "منتخب غينيا"]),
        ("وطالب الرجوب نجم برشلونة ليونيل ميسي بعدم المشاركة مع منتخب الأرجنتين الاثنين.",
         {"الرجوب": "person", "برشلونة": "organization", "ليونيل ميسي": "person",
          "منتخب الأرجنتين": "organization"},
         ["الرجوب", "ليونيل ميسي", "منتخب الأرجنتين"]),
        ("وشارك ليونيل ميسي، نجم برشلونة، مع منتخب الأرجنتين في مباراة ودية الاثنين.",
         {"ليونيل ميسي": "person", "برشلونة": "organization", "منتخب الأرجنتين": "organization"},
         ["ليونيل ميسي", "منتخب الأرجنتين"]),
        # a former club, after the name between commas
        ("وكان كوستا، مهاجم تشيلسي الإنجليزي السابق، قد أصيب الاثنين في لشبونة.",
         {"كوستا": "person", "تشيلسي": "organization", "لشبونة": "place"},
         ["كوستا", "لشبونة"]),
        # vowelled text; a preposition after the club is no nisba
        ("وأصيب لاعبُ ليفربول نابي كيتا في مباراة منتخب غينيا الاثنين.",
         {"ليفربول": "organization", "نابي كيتا": "person", "منتخب غينيا": "organization"},
         ["نابي كيتا", "منتخب غينيا"]),
        ("وتفوق لاعب برشلونة على ليونيل ميسي في مباراة منتخب الأرجنتين الاثنين.",
         {"برشلونة": "organization", "ليونيل ميسي": "person", "منتخب الأرجنتين": "organization"},
         ["برشلونة", "ليونيل ميسي", "منتخب الأرجنتين"]),
        # the player's club now, in a club match: it takes part
        ("وسجل مهاجم ليفربول محمد صلاح هدفين في مرمى روما الاثنين.",
         {"ليفربول": "organization", "محمد صلاح": "person", "روما": "organization"},
         ["ليفربول", "محمد صلاح", "روما"]),
        ("وقال كريستيانو رونالدو، نجم ريال مدريد، الاثنين إنه سيبقى.",
         {"كريستيانو رونالدو": "person", "ريال مدريد": "organization"},
         ["كريستيانو رونالدو", "ريال مدريد"]),
        # a federation headed by a person is no player's club (رئيس is a title, not a role
        # noun)
        ("وقال رئيس الاتحاد الفلسطيني جبريل الرجوب إن منتخب الأرجنتين ألغى مباراته الاثنين.",
         {"الاتحاد الفلسطيني": "organization", "جبريل الرجوب": "person",
          "منتخب الأرجنتين": "organization"},
         ["الاتحاد الفلسطيني", "جبريل الرجوب", "منتخب الأرجنتين"]),
        # the name between commas after the club
        ("ولعب نجم برشلونة، ليونيل ميسي، مع منتخب الأرجنتين الاثنين.",
         {"برشلونة": "organization", "ليونيل ميسي": "person", "منتخب الأرجنتين": "organization"},
         ["ليونيل ميسي", "منتخب الأرجنتين"]),
        # a verb between the club and the next name: no title
        ("ولعب نجم برشلونة ضد ليونيل ميسي مع منتخب الأرجنتين الاثنين.",
         {"برشلونة": "organization", "ليونيل ميسي": "person", "منتخب الأرجنتين": "organization"},
         ["برشلونة", "ليونيل ميسي", "منتخب الأرجنتين"]),
        # a place after قرب locates the place named just before it
        ("وتعرضت دوما قرب دمشق لهجوم كيميائي الاثنين.",
         {"دوما": "place", "دمشق": "place"}, ["دوما"]),
        ("وقصف الجيش بلدة في الغوطة الشرقية، معقل المعارضة المسلحة قرب دمشق، الاثنين.",
         {"الجيش": "organization", "الغوطة الشرقية": "place", "دمشق": "place"},
         ["الجيش", "الغوطة الشرقية"]),
        ("وأقيم المعسكر في ألكوتشيتي بالقرب من مدينة لشبونة الاثنين.",
         {"ألكوتشيتي": "place", "لشبونة": "place"}, ["ألكوتشيتي"]),
        # alone, or after a clause that goes on after the place, it is where it happened
        ("وقتل ثلاثة روس قرب مدينة سيبوت الاثنين.", {"سيبوت": "place"}, ["سيبوت"]),
        ("وأعلنت مصادر في أفريقيا الوسطى، الاثنين، عن مقتل ثلاثة روس، يحملون بطاقات قرب سيبوت.",
         {"أفريقيا الوسطى": "place", "سيبوت": "place"}, ["أفريقيا الوسطى", "سيبوت"]),
        ("وهددت الميليشيا السفن في البحر الأحمر، وقد شنت الهجوم الاثنين قرب ميناء الحديدة.",
         {"البحر الأحمر": "place", "ميناء الحديدة": "place"}, ["البحر الأحمر", "ميناء الحديدة"]),
        ("قتل 38 سائحا من بينهم 30 من بريطانيا، في هجوم الاثنين قرب سوسة.",
         {"بريطانيا": "place", "سوسة": "place"}, ["بريطانيا", "سوسة"]),
        ("هاجم الحوثيون ناقلة في البحر الأحمر صباح الاثنين قرب باب المندب.",
         {"الحوثيون": "organization", "البحر الأحمر": "place", "باب المندب": "place"},
         ["الحوثيون", "البحر الأحمر", "باب المندب"]),
        # a sentence's end between: another sentence's place
        ("زار الرئيس باريس. وقتل جندي قرب ليون الاثنين.",
         {"باريس": "place", "ليون": "place"}, ["باريس", "ليون"]),
]  # fmt: skip


@pytest.mark.parametrize(("text", "kinds", "actors"), DESCRIBING)
def test_what_only_describes_another_takes_no_part(
    text: str, kinds: dict[str, str], actors: list[str]
) -> None:
    event = _one_sentence(text, _named(text, kinds), (), _day(text, "الاثنين"))
    assert list(event.actors) == actors


@pytest.mark.parametrize(
    ("text", "kinds", "published", "kept"),
    [
        # a country the tagger read as a team, with no word of national teams: a club cup
        ("وقرر إنييستا، نجم برشلونة، الرحيل بعد نهائي كأس ملك إسبانيا الاثنين.",
         {"إنييستا": "person", "برشلونة": "organization", "إسبانيا": "organization"},
         None, True),
        # a former club, in the years the player was there
        ("وسجل نجم ليفربول السابق لويس سواريز 31 هدفا في 2014 الاثنين.",
         {"ليفربول": "organization", "لويس سواريز": "person"}, "2018-03-21", True),
        # ... and lately
        ("وسجل نجم ليفربول السابق لويس سواريز 31 هدفا الاثنين.",
         {"ليفربول": "organization", "لويس سواريز": "person"}, "2024-11-20", False),
    ],
)  # fmt: skip
def test_when_a_club_in_a_players_title_may_take_part(
    text: str, kinds: dict[str, str], published: str | None, kept: bool
) -> None:
    date = _day(text, "الاثنين")
    if "2014" in text:
        at = text.index("2014")
        date = DateMention(at, at + 4, "2014", "2014", "year", 0)  # type: ignore[arg-type]
    mentions = [  # the tagger's national team: إسبانيا as منتخب إسبانيا
        replace(m, actor="منتخب إسبانيا") if m.text == "إسبانيا" else m for m in _named(text, kinds)
    ]
    (event,) = build_events(
        text, (Sentence(0, len(text), 0),), mentions, (), (date,), (), published
    )
    club = next(name for name, kind in kinds.items() if kind == "organization")
    assert (club in event.actors) is kept


@pytest.mark.parametrize(
    ("text", "kinds", "actors"),
    [
        # a backer after المدعوم من (من قبل) or a relative verb describes the group
        ("وأطلقت ميليشيات الحوثي المدعومة من إيران صاروخا باتجاه السعودية الاثنين.",
         {"الحوثي": "organization", "إيران": "place", "السعودية": "place"},
         ["الحوثي", "السعودية"]),
        ("وأعلنت قوات سوريا الديمقراطية التي تدعمها واشنطن السيطرة على البلدة الاثنين.",
         {"قوات سوريا الديمقراطية": "organization", "واشنطن": "place"},
         ["قوات سوريا الديمقراطية"]),
        ("وتقدمت القوات المدعومة من قبل روسيا نحو البلدة الاثنين.",
         {"روسيا": "place"}, []),
        # a country named elsewhere in the sentence takes part
        ("وأعلنت إيران الاثنين أنها لا تسلح ميليشيات الحوثي المدعومة من إيران.",
         {"إيران": "place", "الحوثي": "organization"}, ["إيران", "الحوثي"]),
        # من after another word: no backer
        ("ووصل وفد من إيران إلى دمشق الاثنين.",
         {"إيران": "place", "دمشق": "place"}, ["إيران", "دمشق"]),
    ],
)  # fmt: skip
def test_who_backs_a_group_takes_no_part_in_what_it_does(
    text: str, kinds: dict[str, str], actors: list[str]
) -> None:
    mentions = _named(text, kinds)
    if text.count("إيران") == 2:  # both mentions of إيران
        second = text.rindex("إيران")
        mentions.append(Mention(second, second + 5, "إيران", "place", 0, "إيران", actor="إيران"))
        mentions.sort(key=lambda m: m.start)
    event = _one_sentence(text, mentions, (), _day(text, "الاثنين"))
    assert list(event.actors) == actors


def test_places_named_one_after_another_in_a_title_take_no_part() -> None:
    text = (
        "استقبل #محمد_بن_راشد نائب رئيس #الإمارات رئيس مجلس الوزراء حاكم دبي، الاثنين، الوفد"
        " في أبوظبي."
    )
    kinds = {"محمد_بن_راشد": "person", "الإمارات": "place", "دبي": "place", "أبوظبي": "place"}
    event = _one_sentence(text, _named(text, kinds), (), _day(text, "الاثنين"))
    assert list(event.actors) == ["محمد_بن_راشد", "أبوظبي"]  # the place of the meeting stays


@pytest.mark.parametrize(
    ("text", "events"),
    [
        # a year to come after a forecast or a target: its horizon, no happening
        ("ويتوقع الصندوق أن يصل النمو إلى 3 بالمئة في 2019.", []),
        ("وتستهدف الحكومة عجزا أقل في الموازنة في عام 2020.", []),
        # a year to come with no forecast: a scheduled happening; an expected happening
        ("وتجرى الانتخابات الرئاسية المقبلة في 2021.", ["2021"]),
        ("ومن المتوقع أن تدخل حاملة الطائرات الخدمة في عام 2020.", ["2020"]),
        ("ومن المرجح أن تبدأ الرحلات التجريبية في عام 2020.", ["2020"]),
        ("ويتوقع إطلاق المشروع في نهاية 2021 قبل بدء كأس العالم في قطر في 2022.",
         ["2021", "2022"]),  # a year is no quantity
        # a past year after a forecast word: the forecast was made then
        ("وتوقع الصندوق في 2016 أن يتباطأ النمو.", ["2016"]),
        ("ويتوقع الخبراء انخفاض العجز إلى 2,1% في 2020.", []),
        ("وتوقع الصندوق أن يصل النمو إلى 3 بالمئة في 2016.", ["2016"]),  # a past year
        ("ويتوقع إطلاق المشروع في نهاية ٢٠٢١ قبل كأس العالم في ٢٠٢٢.", ["2021", "2022"]),
        # the forecast of another clause
        ("وتوقع الخبراء ارتفاع الأسعار، فيما تزور 3 وفود قطر في 2019.", ["2019"]),
    ],
)  # fmt: skip
def test_a_year_to_come_after_a_forecast_makes_no_event(text: str, events: list[str]) -> None:
    from newscorpus.extract.dates import extract_dates
    from newscorpus.models import Paragraph

    dates = extract_dates(text, (Paragraph(0, 0, len(text), "body"),), "2018-06-01")
    found = build_events(text, (Sentence(0, len(text), 0),), (), (), dates, (), "2018-06-01")
    assert [e.date for e in found] == events
