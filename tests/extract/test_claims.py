"""Attributed claims on real seed sentences: one case per form, plus negatives."""

from __future__ import annotations

import pytest

from newscorpus.arabic import clean, split_sentences, tokenize
from newscorpus.extract.claims import extract_claims
from newscorpus.models import Claim, Mention, Paragraph, Sentence


def _claims(
    article: str, names: tuple[tuple[str, str], ...] = (), heading: bool = False
) -> list[Claim]:
    """Claims of ``article`` (paragraphs split on blank lines); ``names`` become mentions."""
    text = clean(article)
    paragraphs, sentences, tokens, position = [], [], [], 0
    for index, chunk in enumerate(text.split("\n\n")):
        kind = "heading" if heading and index == 0 else "body"
        paragraph = Paragraph(index, position, position + len(chunk), kind)
        paragraphs.append(paragraph)
        spans = split_sentences(text, paragraph.start, paragraph.end)
        sentences += [Sentence(s, e, index) for s, e in spans]
        tokens += tokenize(text, paragraph.start, paragraph.end)
        position += len(chunk) + 2
    mentions = []
    for name, kind in names:
        start = text.find(name)
        while start != -1:
            paragraph = next(p.index for p in paragraphs if p.start <= start < p.end)
            mentions.append(Mention(start, start + len(name), name, kind, paragraph, name, name))
            start = text.find(name, start + 1)
    found = extract_claims(text, paragraphs, sentences, tokens, mentions)
    for claim in found:  # offsets agree with the strings
        assert text[claim.content_start : claim.content_end] == claim.content
    return found


PASCAL = ("باسكال دايز-بيرغون", "person")

CASES = [
    pytest.param(
        "وقال باسكال دايز-بيرغون، المتخصص في شؤون الكوريتين: «لا أرى كيف يمكن أن يؤدي هذا"
        " إلى تصعيد الحرب العالمية».",
        (PASCAL,),
        (
            "باسكال دايز-بيرغون",
            "قال",
            "لا أرى كيف يمكن أن يؤدي هذا إلى تصعيد الحرب العالمية",
            "direct",
            None,
        ),
        id="verb-first-direct",
    ),
    pytest.param(
        "ذكر الرئيس الأوكراني، الخميس، أن الهجوم الروسي على أوكرانيا بنوع جديد من الصواريخ"
        " الباليستية يمثّل «تصعيدا واضحا وخطيرا» في الحرب، ودعا إلى إدانة عالمية قوية.",
        (),
        (
            "الرئيس الأوكراني",
            "ذكر",
            "الهجوم الروسي على أوكرانيا بنوع جديد من الصواريخ"
            " الباليستية يمثّل «تصعيدا واضحا وخطيرا» في الحرب",
            "mixed",
            None,
        ),
        id="verb-first-date-between",
    ),
    pytest.param(
        "خبراء يستبعدون تصعيداً عالمياً من التحالف بين روسيا وكوريا الشمالية",
        (),
        (
            "خبراء",
            "يستبعدون",
            "تصعيداً عالمياً من التحالف بين روسيا وكوريا الشمالية",
            "indirect",
            None,
        ),
        id="subject-first-collective",
    ),
    pytest.param(
        "لكن ترامب نفى بشدة مثل هذه الادعاءات.",
        (("ترامب", "person"),),
        ("ترامب", "نفى", "مثل هذه الادعاءات", "indirect", None),
        id="subject-first-named",
    ),
    pytest.param(
        "ووفق الرئيس الأوكراني فولوديمير زيلينسكي، سينخرط جنود كوريون شماليون في مقاتلة"
        " قواته بداية من الأحد المقبل، ما يُثير مخاوف من «تصعيد» جديد.",
        (("فولوديمير زيلينسكي", "person"),),
        (
            "فولوديمير زيلينسكي",
            "وفق",
            "سينخرط جنود كوريون شماليون في مقاتلة قواته بداية من الأحد المقبل",
            "indirect",
            None,
        ),
        id="attribution-first",
    ),
    pytest.param(
        "وفى يونيو الماضي، وقّع كيم اتفاقية دفاع مشترك مع الرئيس الروسى فلاديمير بوتين، تبعها"
        " إرسال جنود وشحنات أسلحة ضخمة إلى روسيا، وفقًا للمعلومات الاستخباراتية الكورية"
        " الجنوبية.",
        (),
        ("المعلومات الاستخباراتية الكورية الجنوبية", "وفقًا", None, "indirect", None),
        id="attribution-after",
    ),
    pytest.param(
        "نقلت وكالة «سبوتنيك» للأنباء عن وزير الخارجية الروسي سيرغي لافروف قوله (الجمعة) إن"
        " تصرفات إدارة الرئيس بايدن بشأن أوكرانيا محاولة لـ«إفساد» عمل إدارة ترمب.",
        (("سيرغي لافروف", "person"),),
        (
            "سيرغي لافروف",
            "نقلت",
            "تصرفات إدارة الرئيس بايدن بشأن أوكرانيا محاولة لـ«إفساد» عمل إدارة ترمب",
            "mixed",
            "سبوتنيك",
        ),
        id="reported-through",
    ),
    pytest.param(
        "وقال كيم وفق وكالة الأنباء المركزية الكورية: «ذهبنا إلى أبعد ما يمكن مع الولايات"
        " المتحدة كمفاوضين»، وأضاف أنه بدلا من ذلك، أدركت بيونغ يانغ موقف واشنطن.",
        (("كيم", "person"),),
        (
            "كيم",
            "قال",
            "ذهبنا إلى أبعد ما يمكن مع الولايات المتحدة كمفاوضين",
            "direct",
            "وكالة الأنباء المركزية الكورية",
        ),
        id="said-according-to-agency",
    ),
    pytest.param(
        "ويقول محللون إن كيم يحصل على مليارات الدولارات من روسيا عبر صفقات تشمل الغذاء والنفط"
        " والأسلحة المتقدمة.",
        (("كيم", "person"),),
        (
            "محللون",
            "يقول",
            "كيم يحصل على مليارات الدولارات من روسيا عبر صفقات تشمل الغذاء"
            " والنفط والأسلحة المتقدمة",
            "indirect",
            None,
        ),
        id="unnamed-plural",
    ),
    pytest.param(
        "وقال كيم: «ذهبنا إلى أبعد ما يمكن مع «الولايات المتحدة» كمفاوضين».",
        (("كيم", "person"),),
        ("كيم", "قال", "ذهبنا إلى أبعد ما يمكن مع «الولايات المتحدة» كمفاوضين", "direct", None),
        id="quote-inside-quote",
    ),
]


@pytest.mark.parametrize(("article", "names", "expected"), CASES)
def test_first_claim_of_each_form(
    article: str, names: tuple[tuple[str, str], ...], expected: tuple
) -> None:
    speaker, cue, content, kind, via = expected
    claim = _claims(article, names)[0]
    assert speaker in claim.speaker
    assert claim.cue == cue
    if content is not None:
        assert claim.content == content
    assert claim.kind == kind
    assert (claim.via is None) if via is None else (via in claim.via)  # type: ignore[operator]
    assert claim.speaker_start is not None and claim.speaker_end is not None


def test_continuation_takes_the_previous_speaker_of_the_verbs_gender() -> None:
    article = (
        "وقال باسكال دايز-بيرغون، المتخصص في شؤون الكوريتين: «لا أرى كيف يمكن أن يؤدي هذا"
        " إلى تصعيد الحرب العالمية».\n\n"
        "وتقول ماري دومولين، من «المركز الأوروبي للعلاقات الخارجية»: إنه في ساحة المعركة، لن"
        " يُحدث إرسال جنود كوريين شماليين «فارقاً كبيراً».\n\n"
        "وتابع: «بالنسبة للصين، فإن الأولوية هي تايوان».\n\n"
        "وأوضح أن «كوريا الشمالية ليست سوى ديكتاتورية صغيرة» وميزانيتها العسكرية أقل بكثير"
        " «من ميزانية كوريا الجنوبية»."
    )
    claims = _claims(article, (PASCAL, ("ماري دومولين", "person")))
    assert [(c.speaker, c.cue, c.kind) for c in claims] == [
        ("باسكال دايز-بيرغون", "قال", "direct"),
        ("ماري دومولين", "تقول", "mixed"),
        ("باسكال دايز-بيرغون", "تابع", "direct"),
        ("باسكال دايز-بيرغون", "أوضح", "mixed"),
    ]
    assert claims[0].speaker_actor == "باسكال دايز-بيرغون"


def test_the_newspaper_resolves_to_the_one_named_before() -> None:
    article = (
        "وترى صحيفة The Telegraph البريطانية أن زيارة زعيم كوريا الشمالية لروسيا ستكشف عن"
        " المدى الذي سيكون فيها كيم مستعداً للذهاب إليه.\n\n"
        "وتقول الصحيفة إن الزعيم المنعزل مُصاب بجنون الشك في ما يتعلَّق بأمنه."
    )
    claims = _claims(article)
    assert [c.speaker for c in claims] == ["صحيفة The Telegraph البريطانية", "الصحيفة"]
    assert claims[1].speaker_actor is not None and "The Telegraph" in claims[1].speaker_actor


def test_headline_form() -> None:
    article = "زيلينسكي: الضربة الروسية بصاروخ جديد تمثل تصعيداً واضحاً"
    (claim,) = _claims(article, (("زيلينسكي", "person"),), heading=True)
    assert (claim.speaker, claim.cue, claim.kind) == ("زيلينسكي", ":", "direct")
    assert claim.content == "الضربة الروسية بصاروخ جديد تمثل تصعيداً واضحاً"


def test_quotation_running_over_sentences() -> None:
    article = (
        'تحدث دميتري موسياكوف، لـ"كومسومولسكايا برافدا"، فقال: "الأمريكيون يشكلون كتلة'
        " عسكرية موالية للغرب حول الفلبين، موجهة ضد الصين وروسيا. ولكن يجري أيضا تشكيل كتلة"
        " غير رسمية بين روسيا والصين وكوريا الشمالية، وهي على وجه التحديد بديل للجهود"
        " الأميركية لإنشاء هياكل عسكرية في المنطقة."
    )
    (claim,) = _claims(article, (("دميتري موسياكوف", "person"),))
    assert claim.speaker == "دميتري موسياكوف"
    assert claim.kind == "direct"
    assert claim.content.startswith("الأمريكيون يشكلون")
    assert claim.content.endswith("هياكل عسكرية في المنطقة")


@pytest.mark.parametrize(
    "article",
    [
        "وخلال تحدّثه الخميس في معرض دفاعي لبعض أقوى أنظمة الأسلحة في كوريا الشمالية، لم يذكر"
        " كيم ترمب بالاسم، لكن آخر محادثات رفيعة المستوى مع الولايات المتحدة جرت تحت إدارته.",
        "ولا يُعتقد الآن أن كييف تمتلك مرافق تخصيب اليورانيوم أو إنتاج البلوتونيوم.",
        "تابع أحدث الأخبار عبر تطبيق",
        "وأظهرت صور نشرتها وكالة الأنباء المركزية الكورية ما يبدو أنه صواريخ باليستية عابرة"
        " للقارات في المعرض.",
        "من جانبها، أكدت كوريا الشمالية أن أي نشر لقواتها سيكون «متوافقاً» مع القانون الدولي،"
        " من دون أن تؤكد أو تنفي وجود جنودها.",
    ],
    ids=["negated-verb", "passive-believed", "imperative-follow", "no-speech", "negated-after"],
)
def test_no_claim_without_an_attributed_statement(article: str) -> None:
    claims = _claims(article, (("كيم", "person"), ("كوريا الشمالية", "place")))
    assert [c.speaker for c in claims if c.cue not in ("أكدت",)] == []


@pytest.mark.parametrize(
    "hostile",
    ["\x1b]0;evil\x07", "\x1b[31m", "\u202e", "\u2066", "\x0b", "\x85", "\u200f"],
    ids=["osc", "csi", "rlo", "lri", "vt", "nel", "rlm"],
)
def test_control_and_bidi_characters_change_nothing_around_them(hostile: str) -> None:
    """Hostile text never cuts a sentence or a claim: the same claim, same speaker."""
    from newscorpus.load import Source, read_source
    from newscorpus.pipeline import analyze

    plain = "وقال الرئيس الروسي فلاديمير بوتين إن بلاده لن تتراجع عن موقفها في أوكرانيا.\n"
    attacked = plain.replace("بلاده ", "بلاده " + hostile)

    def claims(text: str) -> list[tuple[str, str]]:
        (document,) = read_source(Source.from_bytes("a.txt", text.encode("utf-8")))
        analysis = analyze(document)
        assert len(analysis.sentences) == 1
        return [(c.speaker, " ".join(c.content.split())) for c in analysis.claims]

    assert (
        claims(attacked)
        == claims(plain)
        == [("فلاديمير بوتين", "بلاده لن تتراجع عن موقفها في أوكرانيا")]
    )


# The speaker is the name when the phrase holds one: a title before it and an appositive
# after it are left out; a name in a construct (مستشار ترامب) is not the speaker (#14).
SPEAKER_SPANS = [
    pytest.param(
        "وقال المتحدث باسم الرئيس الروسي فلاديمير بوتين ديمتري بيسكوف للصحفيين إن موسكو لن ترد.",
        (("فلاديمير بوتين", "person"), ("ديمتري بيسكوف", "person")),
        ("ديمتري بيسكوف", "ديمتري بيسكوف"),
        id="spokesman-for-a-named-person",
    ),
    pytest.param(
        "وقال مونشي مدير الكرة السابق لصحيفة آس إن برشلونة هو الأوفر حظا.",
        (("مونشي", "person"),),
        ("مونشي", "مونشي"),
        id="appositive-after-the-name",
    ),
    pytest.param(
        "وقال أحد مساعدي ترامب إن الرئيس غاضب.",
        (("ترامب", "person"),),
        ("أحد مساعدي ترامب", None),
        id="a-name-in-a-construct-is-not-the-speaker",
    ),
    pytest.param(
        "وقال المدير الفني للفريق، جوزيه سانتوس، إن اللاعبين جاهزون.",
        (("جوزيه سانتوس", "person"),),
        ("جوزيه سانتوس", "جوزيه سانتوس"),
        id="name-between-commas-after-a-title-with-complement",
    ),
    pytest.param(
        "وقال وزير الخارجية الشيخ فهد بن سالم إن الاجتماع مثمر.",
        (("فهد بن سالم", "person"),),
        ("فهد بن سالم", "فهد بن سالم"),
        id="title-before-the-name",
    ),
    pytest.param(
        "وأصدرت وزارة الخارجية بيانا قالت فيه إن الوضع خطير.",
        (("وزارة الخارجية", "organization"),),
        ("وزارة الخارجية", "وزارة الخارجية"),
        id="fihi-is-the-statement-of-its-author",
    ),
    pytest.param(
        "وقالت منظمة العفو الدولية إن السجناء يعذبون.",
        (("العفو الدولية", "organization"),),
        ("منظمة العفو الدولية", "العفو الدولية"),
        id="organization-after-its-class-noun",
    ),
    pytest.param(
        'وحسب قناة "سي إن إن" الأميركية، شاركت سفينة حربية في الهجوم.',
        (("سي إن إن", "organization"),),
        ('قناة "سي إن إن" الأميركية', "سي إن إن"),
        id="in-inside-a-name-ends-nothing",
    ),
    pytest.param(
        "وقال ترامب وماكرون إن الاتفاق سيء.",
        (("ترامب", "person"), ("ماكرون", "person")),
        ("ترامب وماكرون", None),
        id="coordinated-speakers-have-no-single-actor",
    ),
]


@pytest.mark.parametrize(("article", "names", "expected"), SPEAKER_SPANS)
def test_the_speaker_is_the_name_in_its_phrase(
    article: str, names: tuple[tuple[str, str], ...], expected: tuple[str, str | None]
) -> None:
    claim = _claims(article, names)[0]
    assert (claim.speaker, claim.speaker_actor) == expected


def test_a_description_resolves_to_the_title_that_holds_its_words() -> None:
    from newscorpus.load import read_source
    from newscorpus.load.sources import Source
    from newscorpus.pipeline import analyze

    text = (
        "وأكد رئيس الوزراء الإثيوبي آبي أحمد أن الإصلاح مستمر. وأضاف الوزير أن الأسعار"
        " سترتفع.\n\nوقال وزير الخارجية الأمريكي مايك بومبيو إن المحادثات جيدة. وأكد"
        " الوزير الأميركي أن العقوبات باقية."
    )
    (document,) = read_source(Source.from_bytes("a.txt", text.encode()))
    claims = analyze(document).claims
    assert [(c.speaker, c.speaker_actor) for c in claims] == [
        ("آبي أحمد", "آبي أحمد"),
        ("الوزير", None),  # a minister is not the prime minister (رئيس الوزراء)
        ("مايك بومبيو", "مايك بومبيو"),
        ("الوزير الأميركي", "مايك بومبيو"),  # أميركي and أمريكي are one word
    ]


def test_qailan_continues_the_speaker_and_is_never_one() -> None:
    article = "وقال الرئيس ترامب إن الصين تتلاعب.\n\nوتابع قائلا: «لن نسمح بذلك»."
    claims = _claims(article, (("ترامب", "person"),))
    assert [(c.speaker, c.content) for c in claims] == [
        ("ترامب", "الصين تتلاعب"),
        ("ترامب", "لن نسمح بذلك"),
    ]


# Constructions real news uses that were missed (#14): (article, names, speaker, cue, content)
CONSTRUCTIONS = [
    pytest.param(
        "وقتل 20 شخصا في الغارة، حسبما ذكرت منظمة العفو الدولية.",
        (("العفو الدولية", "organization"),),
        ("منظمة العفو الدولية", "حسبما ذكرت", "وقتل 20 شخصا في الغارة"),
        id="hasbama-at-the-end",
    ),
    pytest.param(
        "أعلن التحالف، الثلاثاء، عن تدمير منصة صواريخ.",
        (),
        ("التحالف", "أعلن", "تدمير منصة صواريخ"),
        id="alana-date-an-noun",
    ),
    pytest.param(
        "أعلنت الشرطة، الجمعة، إطلاق سراح المعتقلين.",
        (),
        ("الشرطة", "أعلنت", "إطلاق سراح المعتقلين"),
        id="alana-date-noun",
    ),
    pytest.param(
        "ولكن شهودا قالوا إن الشرطة أطلقت النار.",
        (),
        ("شهودا", "قالوا", "الشرطة أطلقت النار"),
        id="lakin-witnesses-said",
    ),
    pytest.param(
        "ووردت تقارير عن أن الجيش انسحب.",
        (),
        ("تقارير", "وردت", "الجيش انسحب"),
        id="reports-came",
    ),
    pytest.param(
        "أعلن المرصد السوري لحقوق الإنسان توثيقه لـ18 حالة اختناق مساء الاثنين، وذلك بعد قصف.",
        (("المرصد السوري لحقوق الإنسان", "organization"),),
        ("المرصد السوري لحقوق الإنسان", "أعلن", "توثيقه لـ18 حالة اختناق مساء الاثنين"),
        id="what-follows-the-name-is-said",
    ),
]


CONSTRUCTIONS += [
    pytest.param(
        "وكان ترامب أعلن إلغاء القمة المقررة مع زعيم كوريا الشمالية.",
        (("ترامب", "person"),),
        ("ترامب", "أعلن", "إلغاء القمة المقررة مع زعيم كوريا الشمالية"),
        id="kana-name-verb-object",
    ),
    pytest.param(
        "وأشار المركز القومي الأمريكي للأعاصير إلى تحديد موقع العاصفة.",
        (),
        ("المركز القومي الأمريكي للأعاصير", "أشار", "تحديد موقع العاصفة"),
        id="an-organizations-name-with-its-li-complement",
    ),
    pytest.param(
        "وقال الرئيس للصحفيين إن الوضع جيد.",
        (),
        ("الرئيس", "قال", "الوضع جيد"),
        id="li-after-a-title-is-the-addressee",
    ),
]


@pytest.mark.parametrize(("article", "names", "expected"), CONSTRUCTIONS)
def test_constructions_real_news_uses(
    article: str, names: tuple[tuple[str, str], ...], expected: tuple[str, str, str]
) -> None:
    claim = _claims(article, names)[0]
    assert (claim.speaker, claim.cue, claim.content) == expected


def test_a_negated_cue_before_a_comma_says_nothing() -> None:
    article = (
        "وأكدت كوريا الشمالية أن النشر قانوني، من دون أن تؤكد أو تنفي وجود جنودها، وهو ما"
        " نددت به الولايات المتحدة."
    )
    assert [c.cue for c in _claims(article, (("كوريا الشمالية", "place"),))] == ["أكدت"]


def test_a_dropped_subject_takes_the_person_the_article_went_on_about() -> None:
    article = (
        "وقال ترامب إن الاتفاق سيء.\n\n"
        "وأصر نتانياهو على أن المتظاهرين تدفع لهم حماس. وقال إن الاحتجاج ليس سلميا.\n\n"
        "الصحيفة أضافت أن التصويت مؤجل."
    )
    names = (("ترامب", "person"), ("نتانياهو", "person"), ("حماس", "organization"))
    claims = _claims(article, names)
    assert [(c.speaker, c.cue) for c in claims][:2] == [
        ("ترامب", "قال"),
        ("نتانياهو", "قال"),  # not ترامب: the article went on about نتانياهو
    ]


def test_a_cue_keeps_its_preposition_and_loses_its_conjunction() -> None:
    claim = _claims("وبحسب مصادر مطلعة، فإن الشركة نمت.")[0]
    assert claim.cue == "بحسب"
    assert _claims("وَقال الرئيس إن الوضع جيد.")[0].cue == "قال"


def test_a_closing_ascii_quote_opens_nothing() -> None:
    article = 'الا ان "اشياء كثيرة قد تحدث حتى 2019" في مسلسل نيمار.'
    assert _claims(article) == []


def test_a_dropped_subject_can_be_the_person_earlier_in_its_own_sentence() -> None:
    article = (
        'وقال فوكييه لإذاعة (أوروبا 1) "هذا التسجيل المصور صادم ويثير أسئلة كثيرة".\n\n'
        'ورفض ماكرون الإجابة على أسئلة الصحفيين، وقال في فيديو "لست هنا لأراكم اليوم أبدا".'
    )
    claims = _claims(article, (("فوكييه", "person"), ("ماكرون", "person")))
    assert [c.speaker for c in claims] == ["فوكييه", "ماكرون"]


# (speaker, content) of constructions real news uses (#14)
SPEAKER_AND_CONTENT = [
    ("وأكد المجلس أهمية التعاون بين السلطات.", (), ("المجلس", "أهمية التعاون بين السلطات")),
    (
        "وقال الناطق باسم البنتاجون الميجور جنرال بات رايدر إن الجنود وصلوا.",
        (("بات رايدر", "person"),),
        ("بات رايدر", "الجنود وصلوا"),
    ),
    ("وقال المتحدث باسم الخارجية إن الوضع جيد.", (), ("المتحدث باسم الخارجية", "الوضع جيد")),
    (
        "وقال مصدر بالرئاسة الفرنسية إن المقاتلات شاركت.",
        (),
        ("مصدر بالرئاسة الفرنسية", "المقاتلات شاركت"),
    ),
    ("وقال مصدر بأن الوضع خطير.", (), ("مصدر", "الوضع خطير")),
    ("وأعرب الوزير عن قلقه من التصعيد.", (), ("الوزير", "قلقه من التصعيد")),
    (
        "وقال رجب طيب #أردوغان إن تركيا ستشن عمليات.",
        (("رجب طيب #أردوغان", "person"),),
        ("رجب طيب #أردوغان", "تركيا ستشن عمليات"),
    ),
    (
        'وقال المدعون "ذكر اسم المتهم لكنه لم يذكر شيئا عن المسابقة".',
        (),
        ("المدعون", "ذكر اسم المتهم لكنه لم يذكر شيئا عن المسابقة"),
    ),
    (
        'وقال ماتاريلا في بيان "الإيطاليون لهم الحق في بنية تحتية حديثة".',
        (("ماتاريلا", "person"),),
        ("ماتاريلا", "الإيطاليون لهم الحق في بنية تحتية حديثة"),
    ),
    (
        'وقال الوزير في مقابلة مع صحيفة "الأهرام" إن الوضع خطير.',
        (),
        ("الوزير", "الوضع خطير"),
    ),
    (
        'وكانت "رويترز" قالت إن نحو 300 رجل قتلوا.',
        (("رويترز", "organization"),),
        ("رويترز", "نحو 300 رجل قتلوا"),
    ),
    (
        "وقال بوتن، الذي تحدث للصحفيين خلال القمة، إنه يتفق مع قلق ترامب.",
        (("بوتن", "person"),),
        ("بوتن", "يتفق مع قلق ترامب"),
    ),
    ("كشفت مصادر يمنية، عن تدمير أنبوب نقل النفط.", (), ("مصادر يمنية", "تدمير أنبوب نقل النفط")),
    ("وصرحت الوزارة في بيانها بسقوط 43 قتيلا.", (), ("الوزارة", "بسقوط 43 قتيلا")),
    ("وكشف نادي فياريال النقاب عن لاعبه الجديد.", (), ("نادي فياريال", "لاعبه الجديد")),
]


@pytest.mark.parametrize(("article", "names", "expected"), SPEAKER_AND_CONTENT)
def test_speaker_and_content(
    article: str, names: tuple[tuple[str, str], ...], expected: tuple[str, str]
) -> None:
    claim = _claims(article, names)[0]
    assert (claim.speaker, claim.content) == expected


@pytest.mark.parametrize(
    "article",
    [
        "وقال الوزير إن الوضع خطير، دون مزيد من الإيضاحات.",
        "وقال الوزير إن الوضع خطير، في إشارة إلى الاحتجاجات.",
        "وقال الوزير إن الوضع خطير، لينفي بذلك ما تردد عن سقوط المدينة.",
    ],
)
def test_the_journalists_gloss_after_a_comma_is_not_said(article: str) -> None:
    assert _claims(article)[0].content == "الوضع خطير"


SESSION_32_CASES = [
    pytest.param(
        "وقدمت الوزارة شكوى رسمية بعد لقاء المتحدثة باسم الوزارة دانا وايت التي وصفت ما حدث"
        ' بأنه "في غاية الخطورة".',
        (("دانا وايت", "person"),),
        ("دانا وايت", "في غاية الخطورة"),
        id="relative-pronoun-antecedent-speaks",
    ),
    pytest.param(
        "وكان المتحدث الرسمي باسم وزارة الدفاع الروسية، إيغور كوناشينكوف، أعلن في وقت سابق،"
        " أن قوات الجيش شارفت على الانتهاء.",
        (("وزارة الدفاع الروسية", "organization"), ("إيغور كوناشينكوف", "person")),
        ("إيغور كوناشينكوف", "قوات الجيش شارفت على الانتهاء"),
        id="subject-first-person-between-commas-over-the-ministry",
    ),
    pytest.param(
        'أكد المدير التنفيذي لشبكة التواصل الاجتماعي "فيسبوك"، مارك زوكربيرغ، أنه يتحمل'
        ' "المسؤولية الكاملة" عن الخطأ، في إشارة إلى تسرب البيانات.',
        (("فيسبوك", "organization"), ("مارك زوكربيرغ", "person")),
        ("مارك زوكربيرغ", 'يتحمل "المسؤولية الكاملة" عن الخطأ'),
        id="the-titles-holder-named-before-the-complementizer",
    ),
    pytest.param(
        "قالت مصادر من الحزب الذي تنتمي إليه المستشارة أنجيلا ميركل إن الأمين العام قرر"
        " التخلي عن منصبه.",
        (("أنجيلا ميركل", "person"),),
        ("مصادر من الحزب", "الأمين العام قرر التخلي عن منصبه"),
        id="a-name-in-a-relative-clause-is-not-the-source",
    ),
    pytest.param(
        "وأكد الوزير للرئيس ترامب أن الاتفاق قريب.",
        (("ترامب", "person"),),
        ("الوزير", "الاتفاق قريب"),
        id="the-one-spoken-to-is-not-the-speaker",
    ),
    pytest.param(
        "وقال الطبيب إن تناول الخبز لا يضر بحسب قوله.",
        (),
        ("الطبيب", "تناول الخبز لا يضر"),
        id="bihasab-qawlihi-is-the-journalists-tag",
    ),
    pytest.param(
        "وأوضح المدرب أن اللاعب لم ينضم للتشكيلة وقال: عندما يقضي اللاعب موسما سيئا يستغل"
        " زميل آخر الفرصة.",
        (),
        ("المدرب", "اللاعب لم ينضم للتشكيلة"),
        id="a-new-reporting-verb-with-a-colon-ends-the-content",
    ),
    pytest.param(
        'ونفى المشير "بصحة جيدة" لينفي بذلك إشاعات عن وفاته.',
        (),
        ("المشير", "بصحة جيدة"),
        id="a-quote-followed-by-the-journalists-gloss",
    ),
]


@pytest.mark.parametrize(("article", "names", "expected"), SESSION_32_CASES)
def test_speaker_and_content_on_real_news_forms(
    article: str, names: tuple[tuple[str, str], ...], expected: tuple[str, str]
) -> None:
    claim = _claims(article, names)[0]
    assert (claim.speaker, claim.content) == expected


def test_the_second_claim_after_wa_qala_colon_is_found() -> None:
    article = (
        "وأوضح المدرب أن اللاعب لم ينضم للتشكيلة وقال: عندما يقضي اللاعب موسما سيئا يستغل"
        " زميل آخر الفرصة."
    )
    claims = _claims(article)
    assert [(c.cue, c.content) for c in claims] == [
        ("أوضح", "اللاعب لم ينضم للتشكيلة"),
        ("قال", "عندما يقضي اللاعب موسما سيئا يستغل زميل آخر الفرصة"),
    ]


@pytest.mark.parametrize(
    ("article", "expected"),
    [
        pytest.param(
            "وكان الرئيس التركي رجب طيب أردوغان قد صعد من حدة تصريحاته ضد واشنطن، قائلا إن"
            " تركيا لن تقدم تنازلات.",
            "رجب طيب أردوغان",
            id="the-person-the-sentence-opened-with",
        ),
        pytest.param(
            "وقال لو دريان إن الاتفاق لم يمت رغم قرار الرئيس ترمب الانسحاب منه، مضيفا أن"
            " ماكرون سيتصل بنظيره.",
            "لو دريان",
            id="not-a-person-inside-the-previous-claims-words",
        ),
    ],
)
def test_a_participles_subject(article: str, expected: str) -> None:
    names = (
        ("رجب طيب أردوغان", "person"),
        ("لو دريان", "person"),
        ("ترمب", "person"),
        ("ماكرون", "person"),
    )
    claims = _claims(article, tuple(n for n in names if n[0] in article))
    assert claims[-1].speaker == expected


def test_a_description_stands_for_the_person_speaking_with_that_title() -> None:
    from newscorpus.load import read_source
    from newscorpus.load.sources import Source
    from newscorpus.pipeline import analyze

    text = (
        "وقال وزير الخارجية مايك بومبيو إن المحادثات جيدة.\n\nوأضاف الوزير الأمريكي أن"
        " العقوبات باقية.\n\nوقالت الوزيرة الأمريكية إن الاتفاق قريب."
    )
    (document,) = read_source(Source.from_bytes("a.txt", text.encode()))
    claims = analyze(document).claims
    assert [(c.speaker, c.speaker_actor) for c in claims] == [
        ("مايك بومبيو", "مايك بومبيو"),
        ("الوزير الأمريكي", "مايك بومبيو"),  # his title's head, no nisba against it
        ("الوزيرة الأمريكية", None),  # a woman: not the man who spoke last
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "أعلنت شركة أبل عن هاتف جديد. وقالت الشركة إن الهاتف سيطرح في سبتمبر.",
            [("شركة أبل", "أبل"), ("الشركة", "أبل")],
            id="the-company-is-the-one-named-with-its-class-noun",
        ),
        pytest.param(
            "قصف الجيش الإسرائيلي مواقع في غزة. وقال الجيش إن الغارات استهدفت مواقع لحماس.",
            [("الجيش", "الجيش الإسرائيلي")],
            id="the-army-is-the-one-named-before",
        ),
        pytest.param(
            # (رامي عبد الرحمن himself is in the lexicon now)
            "وقال مدير المركز رامي عبد الكريم إن 20 مدنيا قتلوا.",
            [("رامي عبد الكريم", "عبد الكريم")],
            id="a-first-name-the-tagger-left-out",
        ),
        pytest.param(
            "قال إيلي كوهين إن الوضع صعب. وقال رئيس الموساد يوسي كوهين إن إيران تهدد.",
            [("إيلي كوهين", "إيلي كوهين"), ("رئيس الموساد يوسي كوهين", None)],
            id="another-cohen-is-not-the-one-named-before",
        ),
        pytest.param(
            "وبحسب الشكوى المقدمة ضد ألونسو، تهرب اللاعب من دفع الضرائب.",
            [("الشكوى المقدمة ضد ألونسو", None)],
            id="a-preposition-is-no-first-name",
        ),
        pytest.param(
            'وقالت صحيفة "ميرور" البريطانية إن والد نيمار من أنصار الشياطين الحمر. وكانت صحيفة'
            ' "آس" الإسبانية قالت إن الريال يريد نجما كبيرا. وأضافت الصحيفة البريطانية أن نيمار'
            " سيمثل صفقة كبيرة. وأضافت الصحيفة أن اللاعب يريد الرحيل.",
            [
                ('صحيفة "ميرور" البريطانية', "ميرور"),
                ('صحيفة "آس" الإسبانية', "آس"),
                ("الصحيفة البريطانية", "ميرور"),  # not the Spanish paper named last
                ("الصحيفة", "آس"),
            ],
            id="the-newspaper-is-the-last-one-named-of-its-nationality",
        ),
        pytest.param(
            "وأضافت الصحيفة أن اللاعب يريد الرحيل.",
            [("الصحيفة", None)],
            id="no-newspaper-named-before",
        ),
        pytest.param(
            "حذر الألماني يورغن كلوب، مدرب ليفربول الإنجليزي، النجم المصري محمد صلاح بعد"
            " المباراة. وأكد كلوب أن المباراة تميزت بالخشونة وأن صلاح كان عليه أن يتعامل بشكل"
            ' أفضل. وقال المدرب الألماني: "صلاح بإمكانه أن يكون أفضل من ذلك".',
            [("كلوب", "يورغن كلوب"), ("المدرب الألماني", "يورغن كلوب")],
            id="the-coach-described-beside-his-name",
        ),
        pytest.param(
            "وتم الهروب بمساعدة الجاسوس الفرنسي السابق هيرفي جوبير. ولفت الجاسوس الفرنسي السابق"
            ' إلى أن "الفيديو ساعد على إطلاق سراحهم".',
            [("الجاسوس الفرنسي السابق", "هيرفي جوبير")],
            id="the-very-words-written-before-the-name",
        ),
        pytest.param(
            "التقى وزير الخارجية الأمريكي مايك بومبيو نظيره الروسي سيرغي لافروف في موسكو."
            " وقال الوزير الروسي إن المحادثات كانت صريحة.",
            [("الوزير الروسي", None)],
            id="another-nationality-is-not-the-minister-named",
        ),
        pytest.param(
            "أعلن متحدث باسم رجل الدين التركي فتح الله غولن أن حارس أمن أصيب. وأشار المتحدث إلى"
            " أن المسلح لاذ بالفرار.",
            [("متحدث باسم رجل الدين التركي فتح الله غولن", None), ("المتحدث", None)],
            id="a-spokesman-is-not-the-man-he-speaks-for",
        ),
        pytest.param(
            "وقال المتحدث باسم الرئيس الروسي فلاديمير بوتين ديمتري بيسكوف إن الكرملين لا يعلق.",
            [("ديمتري بيسكوف", "دميتري بيسكوف")],
            id="the-spokesman-named-after-the-man-he-speaks-for",
        ),
        pytest.param(
            "وقال المتحدث باسم وزارة الخارجية الروسية ماريا زاخاروفا إن موسكو سترد.",
            [("ماريا زاخاروفا", "ماريا زاخاروفا")],
            id="a-spokeswoman-for-a-ministry-is-named",
        ),
        pytest.param(
            "وقال وزير الأمن العام الإسرائيلي جلعاد أردان إن القواعد واضحة. ودعا الأمين العام إلى"
            " تحقيق مستقل.",
            [("جلعاد أردان", "جلعاد أردان"), ("الأمين العام", None)],
            id="the-secretary-general-is-not-the-security-minister",
        ),
        pytest.param(
            "ظهر المدرب الألماني، يورغن كلوب، وهو يصافح اللاعب الشاب. وقال اللاعب إنه كان سعيدا.",
            [("اللاعب", None)],
            id="a-clause-after-the-name-is-no-appositive",
        ),
        pytest.param(
            "وحذر وانغ مينغلينغ، وهو باحث عسكري في جامعة الدفاع الوطني الصيني، من أن بكين"
            " ستواصل عملها. وقال الباحث إن الصين لن تتراجع.",
            [("وانغ مينغلينغ", "وانغ مينغلينغ"), ("الباحث", "وانغ مينغلينغ")],
            id="an-appositive-with-wahuwa-describes-the-name",
        ),
        pytest.param(
            "وفي التحقيق الذي يقوده روبرت مولر، قال الرئيس الجمهوري إن التحقيق ظالم.",
            [("الرئيس الجمهوري", None)],
            id="the-description-itself-is-no-appositive",
        ),
        pytest.param(
            "وقال المتحدث باسم الحكومة الفرنسية بنجامان غريفو إن الإصلاح سيستمر. وأضاف المتحدث أن"
            " الحكومة لن تتراجع.",
            [("بنجامان غريفو", "بنجامان غريفو"), ("المتحدث", "بنجامان غريفو")],
            id="the-spokesman-of-a-government-is-the-one-named",
        ),
        pytest.param(
            "وقال السفير السوري لدى الأمم المتحدة بشار الجعفري إن بلاده لن تقبل.",
            [("بشار الجعفري", "بشار الجعفري")],
            id="the-holder-after-the-post",
        ),
        pytest.param(
            "وعقب الهجوم، حذر السفير الروسي في الولايات المتحدة من أن واشنطن تتحمل العواقب.",
            [("السفير الروسي في الولايات المتحدة", None)],
            id="an-unnamed-ambassador-keeps-his-post",
        ),
        pytest.param(
            "قالت هيئة الطيران المدني في الصين، إن رحلة تابعة للخطوط الجوية الصينية عادت.",
            [("هيئة الطيران المدني في الصين", "هيئة الطيران المدني")],
            id="a-body-keeps-its-country",
        ),
        pytest.param(
            "وقال ترامب في واشنطن إن الاتفاق سيئ.",
            [("ترامب", "دونالد ترامب")],
            id="where-a-person-spoke-is-not-his-name",
        ),
        pytest.param(
            "وقالت وزارة الخارجية في بيان إن الوزير سيزور القاهرة.",
            [("وزارة الخارجية", "وزارة الخارجية")],
            id="a-statement-is-no-post",
        ),
        pytest.param(
            "وقال السفير البريطاني في لاهاي بيتر ولسون إن بلاده تدعم التحقيق.",
            [("بيتر ولسون", "بيتر ولسون")],
            id="a-wa-inside-a-name-joins-no-one",
        ),
        pytest.param(
            "وقال مدير معهد العلاقات الدولية والاستراتيجية في باريس باسكال بونيفاس إن فرنسا"
            " مترددة.",
            [("باسكال بونيفاس", "باسكال بونيفاس")],
            id="a-wa-inside-a-body-joins-no-one",
        ),
        pytest.param(
            "وقالت مفوضة العدل في الاتحاد الأوروبي فيرا جوروفا إن الشركة خالفت القواعد.",
            [("فيرا جوروفا", "فيرا جوروفا")],
            id="the-holder-named-after-a-body-and-its-post",
        ),
        pytest.param(
            'واتهم النظام السوري وأنصاره مجموعة "الخوذ البيضاء" بفبركة الهجمات الكيميائية.',
            [('النظام السوري وأنصاره مجموعة "الخوذ البيضاء"', None)],
            id="a-wa-outside-names-coordinates",
        ),
        pytest.param(
            "ثم اتهم الدول الخمس الدائمة العضوية في مجلس الأمن بأنها مسؤولة عن المعاناة.",
            [],
            id="the-accused-with-their-post-are-no-speaker",
        ),
        pytest.param(
            "وكشفت مصادر في الشرطة الإسرائيلية، حيفتس، الذي كان مستشاراً مقرباً من نتانياهو، أنه"
            " لا يقدم معلومات عن نتانياهو فقط.",
            [("مصادر", None)],
            id="a-name-after-a-comma-is-no-holder",
        ),
        pytest.param(
            "والثلاثاء أعلن ريال مدريد بشكل مفاجئ تعيين لوبتيغي، المدير الفني الحالي لمنتخب"
            " إسبانيا، على أن يبدأ ممارسة مهامه عقب المونديال.",
            [("ريال مدريد", "ريال مدريد")],
            id="the-appointed-is-no-holder",
        ),
        pytest.param(
            "قال الموفد الدولي إلى سوريا ستافان دي ميستورا إن وقف إطلاق النار لم يحترم. واتهم"
            " المبعوث الدولي قوات النظام بتصعيد هجومها، مشددا على أن الإرهاب ليس عذرا.",
            [
                ("ستافان دي ميستورا", "ستيفان دي ميستورا"),
                ("المبعوث الدولي", "ستيفان دي ميستورا"),  # موفد and مبعوث: one title
                ("المبعوث الدولي", "ستيفان دي ميستورا"),  # مشددا: the same speaker
            ],
            id="a-synonym-of-the-title-beside-the-name",
        ),
        pytest.param(
            "وقال الناطق الرسمي باسم تحالف دعم الشرعية في اليمن العقيد الركن تركي المالكي إن"
            " الهجوم فشل. وأكد المتحدث أن قوات التحالف ستواصل عملياتها.",
            [("تركي المالكي", "تركي المالكي"), ("المتحدث", "تركي المالكي")],
            id="the-spokesman-by-another-word",
        ),
        pytest.param(
            "وطالب رئيس لجنة الاستخبارات في مجلس النواب الأمريكي ديفن نونيس، أحد كبار مؤيدي"
            " ترامب، مكتب التحقيقات الفيدرالي بتزويد اللجنة بمعلومات.",
            [("ديفن نونيس", "ديفن نونيس")],
            id="the-holder-after-the-post-and-before-a-comma",
        ),
        pytest.param(
            "قال محافظ إيران لدى أوبك، حسين كاظم بور أردبيلي، الخميس، إن الرئيس الأميركي مخطئ.",
            [("حسين كاظم بور أردبيلي", "حسين كاظم بور أردبيلي")],
            id="the-holder-between-commas-after-the-post",
        ),
        pytest.param(
            "ويؤكد رئيس مجلس الوزراء ووزير الإسكان والمجتمعات العمرانية مصطفى مدبولي، أن"
            " الحكومة ستسدد الديون.",
            [("مصطفى مدبولي", "مصطفى مدبولي")],
            id="two-titles-of-one-person",
        ),
        pytest.param(
            "وأوضحت الأكاديمية الأمريكية لفنون السينما في بيان أن مجلس حكامها اجتمع الثلاثاء."
            " وأضاف البيان أن القرار نهائي.",
            [
                ("الأكاديمية الأمريكية لفنون السينما", "الأكاديمية الأمريكية لفنون السينما"),
                ("البيان", "الأكاديمية الأمريكية لفنون السينما"),
            ],
            id="the-statement-is-the-one-its-author-spoke-in",
        ),
        pytest.param(
            "وكانت شركة روتانا للصوتيات والمرئيات أصدرت بياناً الأربعاء عن غياب الفنان. وقال"
            " البيان إن الفنان بخير.",
            [("البيان", "روتانا للصوتيات")],
            id="the-statement-its-author-issued",
        ),
        pytest.param(
            "وأصدر ممثل لواينستين بيانا بعد ذلك بساعات. وقال البيان إنه لم يتدخل قط.",
            [("البيان", None)],
            id="a-statement-of-an-unnamed-author",
        ),
        pytest.param(
            "وقالت وزارة الخارجية الروسية إن موسكو سترد. وأضاف البيان أن العقوبات غير قانونية.",
            [("وزارة الخارجية الروسية", "وزارة الخارجية الروسية"), ("البيان", None)],
            id="no-statement-named-before",
        ),
        pytest.param(
            "وقال بيان صادر عن البيت الأبيض، إن ترامب ومون اتفقا على اللقاء.",
            [("بيان صادر عن البيت الأبيض", "البيت الأبيض")],
            id="a-statement-issued-by",
        ),
        pytest.param(
            'وذكر بيان لحزب "الحياة الحرة الكردستاني" أن العملية جاءت ردا على القصف.',
            [('بيان لحزب "الحياة الحرة الكردستاني"', "الحياة الحرة الكردستاني")],
            id="a-statement-of-a-party",
        ),
        pytest.param(
            "دعت مفوضية الأمم المتحدة السامية لشؤون اللاجئين الجمعة إلى توفير ممر آمن."
            " وأكدت المفوضية أنها مستعدة لمناقشة الخطة.",
            [
                (
                    "مفوضية الأمم المتحدة السامية لشؤون اللاجئين",
                    "مفوضية الأمم المتحدة السامية لشؤون اللاجئين",
                ),
                ("المفوضية", "مفوضية الأمم المتحدة السامية لشؤون اللاجئين"),
            ],
            id="the-commission-is-the-one-named-with-its-class-noun",
        ),
        pytest.param(
            'اعتبرت منظمة "مراسلون بلا حدود" الأربعاء أن الصحافة مهددة.'
            " وقالت المنظمة إن قمع الحريات تفشى.",
            [('منظمة "مراسلون بلا حدود"', "مراسلون بلا حدود"), ("المنظمة", "مراسلون بلا حدود")],
            id="the-class-noun-before-a-quoted-name",
        ),
        pytest.param(
            "طالبت الخارجية الروسية بريطانيا بتفسير. ووصفت الوزارة معالجة لندن للحادث بالهمجية.",
            [("الخارجية الروسية", "وزارة الخارجية الروسية"), ("الوزارة", "وزارة الخارجية الروسية")],
            id="the-ministry-by-the-name-its-actor-resolved-to",
        ),
        pytest.param(
            "كشفت أبل عن هواتف جديدة. وقالت الشركة إن المبيعات ارتفعت.",
            [("أبل", "أبل"), ("الشركة", "أبل")],
            id="the-company-by-the-role-the-lexicon-gives-it",
        ),
        pytest.param(
            "أعلن نادي أتلتيكو مدريد تعاقده مع لاعب قادم من ريال مدريد. وقال النادي إن الصفقة"
            " كلفت 50 مليون يورو.",
            [("النادي", "أتلتيكو مدريد")],
            id="the-club-the-article-called-so-before-any-club-the-lexicon-knows",
        ),
        pytest.param(
            "وذكر تقرير لهيئة المسح الجيولوجي الأميركية أن معدل ثوران الحمم ارتفع.",
            [("تقرير لهيئة المسح الجيولوجي الأميركية", "هيئة المسح الجيولوجي الأميركية")],
            id="a-report-is-said-by-its-author",
        ),
        pytest.param(
            "أعلنت وزارة الداخلية المصرية مقتل مسلحين. وذكر بيان للوزارة أن قوات الأمن داهمت وكرا.",
            [
                ("وزارة الداخلية المصرية", "وزارة الداخلية المصرية"),
                ("بيان للوزارة", "وزارة الداخلية المصرية"),
            ],
            id="a-statement-of-the-ministry-named-before",
        ),
    ],
)
def test_descriptions_and_names_resolve(text: str, expected: list[tuple[str, str | None]]) -> None:
    from newscorpus.load import read_source
    from newscorpus.load.sources import Source
    from newscorpus.pipeline import analyze

    (document,) = read_source(Source.from_bytes("a.txt", text.encode()))
    claims = analyze(document).claims
    assert [(c.speaker, c.speaker_actor) for c in claims] == expected


def test_a_first_name_before_a_full_name_is_another_person() -> None:
    claims = _claims(
        "وقالت الدكتورة هدى جمال عبد الناصر إن الوثائق تنشر لأول مرة.",
        (("جمال عبد الناصر", "person"),),
    )
    assert [(c.speaker, c.speaker_actor) for c in claims] == [("هدى جمال عبد الناصر", None)]


@pytest.mark.parametrize(
    ("article", "names", "expected"),
    [
        pytest.param(
            "كما استنكرت اللجنة مواصلة دعم إيران للأعمال الإرهابية.",
            (("إيران", "place"),),
            [("اللجنة", "استنكرت", "مواصلة دعم إيران للأعمال الإرهابية")],
            id="a-place-in-the-object-does-not-lengthen-the-subject",
        ),
        pytest.param(
            "وأدانت اللجنة الوزارية استمرار التدخلات في الشؤون الداخلية للدول.",
            (),
            [("اللجنة الوزارية", "أدانت", "استمرار التدخلات في الشؤون الداخلية للدول")],
            id="condemning-is-saying",
        ),
        pytest.param(
            "وعبرت اللجنة عن تضامنها مع قرار المملكة المغربية.",
            (),
            [("اللجنة", "عبرت", "تضامنها مع قرار المملكة المغربية")],
            id="expressing-is-saying",
        ),
        pytest.param(
            "واقترح ماكرون شراكة مع الاتحاد الأوروبي بديلا عن الانضمام.",
            (("ماكرون", "person"),),
            [("ماكرون", "اقترح", "شراكة مع الاتحاد الأوروبي بديلا عن الانضمام")],
            id="proposing-is-saying",
        ),
    ],
)
def test_more_speech_acts(
    article: str, names: tuple[tuple[str, str], ...], expected: list[tuple[str, str, str]]
) -> None:
    assert [(c.speaker, c.cue, c.content) for c in _claims(article, names)] == expected


# Forms of real news, each a sentence or two as the ANT dev corpus writes them: the claims
# found, as (speaker, content).
REAL_NEWS_FORMS = [
    pytest.param(
        "وجاء في البيان أن الحكومة ستعمل على حل الأزمة.",
        (),
        [("البيان", "الحكومة ستعمل على حل الأزمة")],
        id="what-the-statement-says",
    ),
    pytest.param(
        'وجاء في التقرير: "الأسعار سترتفع".',
        (),
        [("التقرير", "الأسعار سترتفع")],
        id="what-the-report-says-after-a-colon",
    ),
    pytest.param(
        "وجاء في المرتبة الثانية المنتخب الفرنسي.",
        (),
        [],
        id="came-second-says-nothing",
    ),
    pytest.param(
        "واتهمت الدول الغربية دمشق باستخدام الغاز في حين تنفي دمشق استخدام أسلحة كيميائية.",
        (("دمشق", "place"),),
        [("الدول الغربية", "دمشق باستخدام الغاز"), ("دمشق", "استخدام أسلحة كيميائية")],
        id="while-the-accused-denies",
    ),
    pytest.param(
        "ونددت تركيا، العضو في حلف شمال الأطلسي، بتسميم جاسوس روسي سابق في بريطانيا،"
        " وطالبت بتقديم الجناة للعدالة.",
        (("تركيا", "place"), ("حلف شمال الأطلسي", "organization"), ("بريطانيا", "place")),
        [("تركيا", "بتقديم الجناة للعدالة")],
        id="a-wa-verb-shares-the-subject-the-sentence-opened-with",
    ),
    pytest.param(
        "وتعرض اوزديمير لانتقادات لأنه انتقد الإساءات التي ترتكبها أنقرة، ودعا بقوة ألمانيا"
        " إلى الاعتراف بإبادة الأرمن.",
        (("اوزديمير", "person"), ("أنقرة", "place"), ("ألمانيا", "place")),
        [("اوزديمير", "ألمانيا إلى الاعتراف بإبادة الأرمن")],
        id="the-words-before-a-wa-verb-are-not-its-subject",
    ),
    pytest.param(
        'وأعلنت ميركل للتلفزيون الألماني "أنا لا أقول إنه لن يحصل على شيء مما يريد".',
        (("ميركل", "person"),),
        [("ميركل", "أنا لا أقول إنه لن يحصل على شيء مما يريد")],
        id="said-to-someone-then-the-quotation",
    ),
    pytest.param(
        "وكان برانسون يعمل في تركيا منذ 20 عاما، متهما بمساعدة جماعة تقول أنقرة إنها وراء"
        " محاولة الانقلاب.",
        (("برانسون", "person"), ("تركيا", "place"), ("أنقرة", "place")),
        [("أنقرة", "وراء محاولة الانقلاب")],
        id="accused-of-is-no-claim",
    ),
    pytest.param(
        "وقال تاباريز: أعداد من اللاعبين ظهروا أحيانا في غير مستواهم. رأيت بنفسي كلا من"
        " ميسي ومارادونا. وتأتي هذه التصريحات بعد الفوز.",
        (("تاباريز", "person"),),
        [
            (
                "تاباريز",
                "أعداد من اللاعبين ظهروا أحيانا في غير مستواهم. رأيت بنفسي كلا من ميسي ومارادونا",
            )
        ],
        id="speech-after-a-colon-runs-on-until-narration",
    ),
    pytest.param(
        "وقال اللاعب: يجب أن نفوز من أجل الجماهير والنادي.. الجماهير كانت رائعة. وقال"
        " المدرب إن الفريق جاهز.",
        (),
        [
            ("اللاعب", "يجب أن نفوز من أجل الجماهير والنادي.. الجماهير كانت رائعة"),
            ("المدرب", "الفريق جاهز"),
        ],
        id="speech-after-a-colon-stops-at-the-next-cue",
    ),
    pytest.param(
        "وتقول الهيئة إن المركبات ستسير في مسارات محددة لكنها في النهاية ستصبح متاحة للجميع.",
        (),
        [("الهيئة", "المركبات ستسير في مسارات محددة لكنها في النهاية ستصبح متاحة للجميع")],
        id="but-it-will-is-still-said",
    ),
    pytest.param(
        "وتوقع الصندوق أن تتقلص أرباح البنوك، ولكنه أكد أنها ستظل كافية.",
        (),
        [("الصندوق", "تتقلص أرباح البنوك"), ("الصندوق", "ستظل كافية")],
        id="but-it-stressed-is-the-next-claim",
    ),
    pytest.param(
        "وكان السفير الروسي في الأمم المتحدة فاسيلي نيبينزيا قد دعا إلى التخلي عن خطاب الحرب.",
        (("الأمم المتحدة", "organization"), ("فاسيلي نيبينزيا", "person")),
        [("فاسيلي نيبينزيا", "التخلي عن خطاب الحرب")],
        id="the-person-after-the-organization-and-not-qad",
    ),
    pytest.param(
        "وكان الحرس الوطني في ولاية جورجيا الأميركية، قد أعلن مقتل 9 أشخاص.",
        (("ولاية جورجيا", "place"),),
        [],
        id="a-prepositions-object-is-no-subject",
    ),
    pytest.param(
        "وكان مدير المرصد رامي عبد الرحمن، قد قال إن 3 آليات دمرت.",
        (("عبد الرحمن", "person"),),
        [("عبد الرحمن", "3 آليات دمرت")],
        id="a-name-set-off-before-qad",
    ),
    pytest.param(
        "وتضم القائمة فصائل تتبع نظام طهران، كما يتوقع أن تخرج مظاهرات.",
        (("طهران", "place"),),
        [],
        id="kama-yutawaqqa-has-no-subject-before-it",
    ),
    pytest.param(
        'وصرح ديمتري بيسكوف المتحدث باسم الرئيس "نحن نعتبر هذه الاتهامات لا أساس لها"'
        " مضيفا أن موسكو أيدت دائما إجراء تحقيق.",
        (("ديمتري بيسكوف", "person"),),
        [
            ("ديمتري بيسكوف", "نحن نعتبر هذه الاتهامات لا أساس لها"),
            ("ديمتري بيسكوف", "موسكو أيدت دائما إجراء تحقيق"),
        ],
        id="a-participle-after-the-quotation-is-the-next-claim",
    ),
    pytest.param(
        "وحذر الرئيس من أن ضربات جديدة ستحدث فوضى، فيما أكد البنتاغون أنه لا يعتزم ذلك.",
        (("البنتاغون", "organization"),),
        [("الرئيس", "ضربات جديدة ستحدث فوضى"), ("البنتاغون", "لا يعتزم ذلك")],
        id="while-another-says",
    ),
    pytest.param(
        "وأعلنت المفوضة الأوروبية للتجارة سيسيليا مالستروم أنه لا رابحين في حرب تجارية.",
        (("سيسيليا مالستروم", "person"),),
        [("سيسيليا مالستروم", "لا رابحين في حرب تجارية")],
        id="the-titles-complement-then-the-name",
    ),
    pytest.param(
        "وقال الوزير لنظيره الفرنسي جان إيف لودريان إن الاتفاق قريب.",
        (("جان إيف لودريان", "person"),),
        [("الوزير", "الاتفاق قريب")],
        id="the-counterpart-spoken-to-is-not-the-speaker",
    ),
    pytest.param(
        'وأدانت منظمة "مراسلون بلا حدود" اعتقال الصحافي.',
        (("مراسلون بلا حدود", "organization"),),
        [('منظمة "مراسلون بلا حدود"', "اعتقال الصحافي")],
        id="an-organization-named-in-quotes",
    ),
    pytest.param(
        "ويدين يوفنتوس بفوزه إلى البوسني ميراليم بيانيتش.",
        (("يوفنتوس", "organization"),),
        [],
        id="owing-a-win-is-no-claim",
    ),
    pytest.param(
        "واتهمت الدول الغربية دمشق باستخدام غازي الكلور والسارين.",
        (("دمشق", "place"),),
        [("الدول الغربية", "دمشق باستخدام غازي الكلور والسارين")],
        id="a-place-after-a-definite-subject-is-the-object",
    ),
    pytest.param(
        "وطالب الاتحاد الأوروبي إيران بالالتزام بالاتفاق.",
        (("الاتحاد الأوروبي", "organization"), ("إيران", "place")),
        [("الاتحاد الأوروبي", "إيران بالالتزام بالاتفاق")],
        id="a-place-after-an-organization-is-the-object",
    ),
    pytest.param(
        "وقال وزير المخابرات إسرائيل كاتس إن الوضع خطير.",
        (("إسرائيل", "place"),),
        [("وزير المخابرات إسرائيل كاتس", "الوضع خطير")],
        id="a-place-inside-a-name-is-no-object",
    ),
    pytest.param(
        'وذكرت وكالة الصين الجديدة الرسمية "شينخوا" أن كمية 420 ألف طن استخدمت.',
        (),
        [('وكالة الصين الجديدة الرسمية "شينخوا"', "كمية 420 ألف طن استخدمت")],
        id="a-bodys-quoted-name-before-the-content",
    ),
    pytest.param(
        'وقالت المنظمة "الوضع خطير جدا".',
        (),
        [("المنظمة", "الوضع خطير جدا")],
        id="a-short-quotation-after-a-body-is-said",
    ),
]


@pytest.mark.parametrize(("article", "names", "expected"), REAL_NEWS_FORMS)
def test_real_news_forms(
    article: str, names: tuple[tuple[str, str], ...], expected: list[tuple[str, str]]
) -> None:
    assert [(c.speaker, c.content) for c in _claims(article, names)] == expected


LAST_SPEAKER = ("دونالد ترامب", "person")
OBJECT_NAMES = (
    ("كلاوس يوهانيس", "person"),
    ("وزارة الداخلية", "organization"),
    ("دونالد ترامب", "person"),
    ("المنتدى الوطني", "organization"),
    ("محمد ولد غدة", "person"),
    ("ماريا زاخاروفا", "person"),
    ("السويد", "place"),
    ("الحكومة اليمنية", "organization"),
    ("راجح بادي", "person"),
    ("أحمد المسماري", "person"),
    ("تركيا", "place"),
)
BETWEEN_CUE_SPEAKER_AND_CONTENT = [
    pytest.param(
        'قال دونالد ترامب إن الاتفاق سيئ. وكتب حينها على تويتر: "لن نتراجع".',
        (LAST_SPEAKER,),
        [("دونالد ترامب", "الاتفاق سيئ"), ("دونالد ترامب", "لن نتراجع")],
        id="an-adverb-after-the-verb-is-no-speaker",
    ),
    pytest.param(
        'قال دونالد ترامب إن الاتفاق سيئ. وأضاف ردا على سؤال إن "كل الخيارات مطروحة".',
        (LAST_SPEAKER,),
        [("دونالد ترامب", "الاتفاق سيئ"), ("دونالد ترامب", "كل الخيارات مطروحة")],
        id="a-reply-to-a-question-is-no-speaker",
    ),
    pytest.param(
        "أعلنت الأحد وزيرة الإعلام جمانة غنيمات أن المداهمة انتهت.",
        (("جمانة غنيمات", "person"),),
        [("جمانة غنيمات", "المداهمة انتهت")],
        id="the-subject-after-a-weekday",
    ),
    pytest.param(
        "وكان وزير الخارجية سيرغي لافروف قد قال الخميس عقب لقائه نظيره الألماني هايكو ماس"
        " إنه يجب المحافظة على الاتفاق.",
        (("سيرغي لافروف", "person"), ("هايكو ماس", "person")),
        [("سيرغي لافروف", "يجب المحافظة على الاتفاق")],
        id="a-subject-before-the-verb-wins-over-words-after-the-adverb",
    ),
    pytest.param(
        "وقال بولوريه إنه حث أيضا مجموعة فيفندي على الاستثمار في أفريقيا.",
        (("بولوريه", "person"), ("فيفندي", "organization")),
        [("بولوريه", "مجموعة فيفندي على الاستثمار في أفريقيا")],
        id="after-inna-hu-the-name-after-the-adverb-is-the-object",
    ),
    pytest.param(
        "وقال أحد الموظفين رفض ذكر اسمه إن العدد غير عادي.",
        (),
        [("أحد الموظفين", "العدد غير عادي")],
        id="the-request-not-to-be-named-is-no-claim",
    ),
    pytest.param(
        "وأضاف المصدر، الذي طلب عدم كشف هويته، أن المهاجمين أطلقوا النار.",
        (),
        [("المصدر", "المهاجمين أطلقوا النار")],
        id="the-aside-in-a-relative-clause",
    ),
    pytest.param(
        "وقال مسؤول طلب عدم الكشف عن هويته إن الهجوم فشل.",
        (),
        [("مسؤول", "الهجوم فشل")],
        id="the-aside-ends-the-speakers-phrase",
    ),
    pytest.param(
        "وقال مسؤول بالبيت الأبيض، تحدث شريطة عدم نشر اسمه، إنه قد يتوصل إلى قرار.",
        (),
        [("مسؤول بالبيت الأبيض", "قد يتوصل إلى قرار")],
        id="spoke-on-condition-of-anonymity",
    ),
    pytest.param(
        "قال وزير الدفاع إن الهجوم فشل. وقال، شريطة عدم ذكر اسمه، إن القوات ستنسحب.",
        (),
        [("وزير الدفاع", "الهجوم فشل"), ("وزير الدفاع", "القوات ستنسحب")],
        id="an-aside-is-no-speaker-of-a-dropped-subject",
    ),
    pytest.param(
        "وقال مصدر لم يجر ذكر اسمه إن القوات ستنسحب.",
        (),
        [("مصدر", "القوات ستنسحب")],
        id="not-named-with-lam",
    ),
    pytest.param(
        "وصف لوتشيسي الواقعة بأنها جزء من مساع مسلحة. ورفض وصف دوره في العملية معللا ذلك"
        " بضرورة حماية هوياتهم.",
        (("لوتشيسي", "person"),),
        [("لوتشيسي", "جزء من مساع مسلحة")],
        id="a-cue-after-refused-reports-nothing",
    ),
    pytest.param(
        "قال أردوغان إن تركيا ستشن عمليات جديدة. ودعا مجددا حكومة بغداد إلى التحرك ضد حزب العمال.",
        (("أردوغان", "person"), ("حكومة بغداد", "organization")),
        [
            ("أردوغان", "تركيا ستشن عمليات جديدة"),
            ("أردوغان", "حكومة بغداد إلى التحرك ضد حزب العمال"),
        ],
        id="a-name-after-the-adverb-of-a-call-is-its-object",
    ),
    pytest.param(
        "أعلن الثلاثاء نادي ريال مدريد الإسباني عن صفقة انتقال نجمه إلى يوفنتوس.",
        (("ريال مدريد", "organization"),),
        [("نادي ريال مدريد الإسباني", "صفقة انتقال نجمه إلى يوفنتوس")],
        id="after-a-weekday-the-subject-even-before-an-object",
    ),
    pytest.param(
        "قال سيرغي لافروف إن موسكو سترد. وهذا الأمر لن يمر دون رد، حسب قوله.",
        (("سيرغي لافروف", "person"),),
        [("سيرغي لافروف", "موسكو سترد"), ("سيرغي لافروف", "وهذا الأمر لن يمر دون رد")],
        id="his-words-are-the-speakers",
    ),
    pytest.param(
        "قالت ماريا زاخاروفا إن الاتفاق انتهى. والعلاقات في أسوأ حالاتها، بحسب تعبيرها.",
        (("ماريا زاخاروفا", "person"),),
        [("ماريا زاخاروفا", "الاتفاق انتهى"), ("ماريا زاخاروفا", "والعلاقات في أسوأ حالاتها")],
        id="her-words-are-the-speakers",
    ),
    pytest.param(
        'قال لينزي غراهام عضو لجنة القوات المسلحة بمجلس الشيوخ لقناة فوكس نيوز "سيكون ذلك'
        ' أسوأ قرار يمكن أن يأخذه الرئيس".',
        (("لينزي غراهام", "person"), ("فوكس نيوز", "organization")),
        [("لينزي غراهام", "سيكون ذلك أسوأ قرار يمكن أن يأخذه الرئيس")],
        id="a-quotation-after-the-speakers-title-and-the-channel",
    ),
    pytest.param(
        "قال المدير العام لمنظمة التجارة العالمية روبرتو أزيفيدو لصحيفة هاندلسبلات اليومية"
        ' "إذا تصاعد النزاع التجاري فهناك تهديد بتراجع عالمي".',
        (("روبرتو أزيفيدو", "person"), ("منظمة التجارة العالمية", "organization")),
        [("روبرتو أزيفيدو", "إذا تصاعد النزاع التجاري فهناك تهديد بتراجع عالمي")],
        id="the-titles-holder-before-the-paper-the-quotation-was-given-to",
    ),
    pytest.param(
        'وقال ترامب في تصريحات للصحفيين في البيت الأبيض "لن نتراجع أبدا عن هذا القرار".',
        (("ترامب", "person"),),
        [("ترامب", "لن نتراجع أبدا عن هذا القرار")],
        id="a-quotation-after-in-remarks-to-reporters",
    ),
    pytest.param(
        "أكد الرئيس ماكرون والمستشارة ميركل التزامهما بالاتفاق النووي.",
        (("ماكرون", "person"), ("ميركل", "person")),
        [("الرئيس ماكرون والمستشارة ميركل", "التزامهما بالاتفاق النووي")],
        id="a-word-with-a-pronoun-after-the-names-is-the-object",
    ),
    pytest.param(
        "أعلنت إدارة ترامب عزمها خفض الصادرات الإيرانية إلى الصفر.",
        (("ترامب", "person"),),
        [("إدارة ترامب", "عزمها خفض الصادرات الإيرانية إلى الصفر")],
        id="a-body-named-for-a-person-then-its-object",
    ),
    pytest.param(
        "وذكر تقرير لهيئة المسح الجيولوجي الأميركية أن معدل ثوران الحمم ارتفع.",
        (("هيئة المسح الجيولوجي الأميركية", "organization"),),
        [("تقرير لهيئة المسح الجيولوجي الأميركية", "معدل ثوران الحمم ارتفع")],
        id="a-report-by-whom",
    ),
    pytest.param(
        "وأوضح بحث لجامعة هونغ كونغ، أنه تم التأكد من انتقال الفيروس.",
        (),
        [("بحث لجامعة هونغ كونغ", "تم التأكد من انتقال الفيروس")],
        id="a-study-by-whom-before-a-comma",
    ),
    pytest.param(
        "ودعا بيان للبيت الأبيض موسكو إلى وقف دعم النظام السوري.",
        (("البيت الأبيض", "organization"), ("موسكو", "place")),
        [("بيان للبيت الأبيض", "موسكو إلى وقف دعم النظام السوري")],
        id="a-statements-author-then-its-object",
    ),
    pytest.param(
        "فيما اتهم بيان للجناح العسكري لحماس إسرائيل بالضلوع وراء الحادث.",
        (("حماس", "organization"), ("إسرائيل", "place")),
        [("بيان للجناح العسكري لحماس", "إسرائيل بالضلوع وراء الحادث")],
        id="the-authors-own-lam",
    ),
    pytest.param(
        "وقال بيان صادر عن وزارة الصناعة والتجارة إن القرار يدعم القطاع. وأضاف أن القرار"
        " يهدف لتجنب الآثار السلبية.",
        (("وزارة الصناعة والتجارة", "organization"),),
        [
            ("بيان صادر عن وزارة الصناعة والتجارة", "القرار يدعم القطاع"),
            ("بيان صادر عن وزارة الصناعة والتجارة", "القرار يهدف لتجنب الآثار السلبية"),
        ],
        id="a-wa-inside-a-name-makes-no-plural-speaker",
    ),
    # an object ends where a verb of saying agreeing with the speaker goes on: the
    # same speaker's next claim, whose object follows the verb
    pytest.param(
        "وأدانت الحكومة اليمنية هذه الخطوة في بيان رسمي صدر الأحد ووصفت نشر القوات في"
        ' الجزيرة "بغير المبرر" وأدانت عدم التنسيق معها.',
        OBJECT_NAMES,
        [
            ("الحكومة اليمنية", "هذه الخطوة في بيان رسمي صدر الأحد"),
            ("الحكومة اليمنية", 'نشر القوات في الجزيرة "بغير المبرر"'),
            ("الحكومة اليمنية", "عدم التنسيق معها"),
        ],
        id="an-object-ends-where-its-speaker-goes-on",
    ),
    # a verb that does not agree with the speaker is another subject's (the gunmen
    # carried out and claimed): the words go on
    pytest.param(
        "وأدانت الحكومة اليمنية هذا الهجوم الذي نفذه المسلحون وأعلنوا مسؤوليتهم عنه.",
        OBJECT_NAMES,
        [("الحكومة اليمنية", "هذا الهجوم الذي نفذه المسلحون وأعلنوا مسؤوليتهم عنه")],
        id="a-verb-not-agreeing-is-another-subjects",
    ),
    # after إن the clause is the speaker's words, verbs and all
    pytest.param(
        "وقالت الوزيرة إن الحكومة اجتمعت وأدانت الهجوم.",
        OBJECT_NAMES,
        [("الوزيرة", "الحكومة اجتمعت وأدانت الهجوم")],
        id="after-inna-verbs-are-said",
    ),
    # a name after the verb is its object: the president demanded it of the ministry
    pytest.param(
        "وأدان الرئيس كلاوس يوهانيس الاستخدام المفرط للقوة وطالب وزارة الداخلية بتقديم توضيحات.",
        OBJECT_NAMES,
        [
            ("كلاوس يوهانيس", "الاستخدام المفرط للقوة"),
            ("كلاوس يوهانيس", "وزارة الداخلية بتقديم توضيحات"),
        ],
        id="a-name-before-the-verbs-preposition-is-its-object",
    ),
    # نقل here is the noun (moving the embassy), not نقل عن
    pytest.param(
        "وأعلن الرئيس دونالد ترامب الاعتراف بالقدس عاصمة لإسرائيل ونقل السفارة الأميركية إليها.",
        OBJECT_NAMES,
        [("دونالد ترامب", "الاعتراف بالقدس عاصمة لإسرائيل ونقل السفارة الأميركية إليها")],
        id="naql-the-noun-does-not-cut",
    ),
    # اتهم X بـ: the name is the accused, the speaker goes on
    pytest.param(
        "وأدان المتحدث أحمد المسماري الهجوم واتهم تركيا بإيواء قادة الإرهابيين.",
        OBJECT_NAMES,
        [("أحمد المسماري", "الهجوم"), ("أحمد المسماري", "تركيا بإيواء قادة الإرهابيين")],
        id="accused-a-name-of-goes-on",
    ),
    # an adverb after the speaker opens nothing said (قبلا: earlier)
    pytest.param(
        "وأعلنت الحكومة اليمنية قبلا أنها تواصل عملياتها في الجزيرة.",
        OBJECT_NAMES,
        [("الحكومة اليمنية", "تواصل عملياتها في الجزيرة")],
        id="an-adverb-opens-nothing-said",
    ),
    # a name after the verb with no preposition of the verb after it is a new subject
    pytest.param(
        "وأعلنت المتحدثة ماريا زاخاروفا طرد دبلوماسيين وأعلنت السويد الاثنين استدعاء"
        " السفير الروسي.",
        OBJECT_NAMES,
        [("ماريا زاخاروفا", "طرد دبلوماسيين"), ("السويد", "استدعاء السفير الروسي")],
        id="a-name-with-no-preposition-is-a-new-subject",
    ),
    # نقل with عن after it passes words on: the next claim
    pytest.param(
        "وأعلنت الحكومة اليمنية حالة الطوارئ في الجزيرة ونقلت وكالة الأنباء"
        ' "سبأ" عن المتحدث باسم الحكومة راجح بادي قوله إن الأرخبيل منكوب.',
        OBJECT_NAMES,
        [("الحكومة اليمنية", "حالة الطوارئ في الجزيرة"), ("راجح بادي", "الأرخبيل منكوب")],
        id="naql-with-an-passes-words-on",
    ),
    # اتهم بـ right after the verb is the passive: no claim
    pytest.param(
        "ويطالب المنتدى الوطني بالإفراج عن محمد ولد غدة الذي اعترض على إلغاء المجلس واتهم بالفساد.",
        OBJECT_NAMES,
        [("المنتدى الوطني", "بالإفراج عن محمد ولد غدة الذي اعترض على إلغاء المجلس")],
        id="ittuhima-bi-is-passive",
    ),
]


@pytest.mark.parametrize(("article", "names", "expected"), BETWEEN_CUE_SPEAKER_AND_CONTENT)
def test_words_between_cue_speaker_and_content(
    article: str, names: tuple[tuple[str, str], ...], expected: list[tuple[str, str]]
) -> None:
    assert [(c.speaker, c.content) for c in _claims(article, names)] == expected


@pytest.mark.parametrize(
    ("article", "names", "expected"),
    [
        pytest.param(
            "توعد القيادي الكردي، آلدار خليل، الجيش التركي بدرس قاس. وقال خليل إن المقاومة دخلت"
            " مرحلة جديدة. وذكر المسؤول الكردي أن المقاتلين صامدون.",
            (("خليل", "person"),),
            [("القيادي الكردي", None), ("خليل", "خليل"), ("المسؤول الكردي", "خليل")],
            id="the-official-who-spoke-last-with-that-nisba",
        ),
        pytest.param(
            "كتب مسؤول من دائرة الرئيس الأميركي دونالد ترامب، في عمود نشرته صحيفة نيويورك"
            " تايمز، أن كبار المسؤولين يعملون على تعطيل أجندته. وأضاف المسؤول أنهم قرروا ألا"
            " يفعلوا.",
            (("دونالد ترامب", "person"),),
            [("دونالد ترامب", "دونالد ترامب"), ("المسؤول", None)],
            id="an-unnamed-official-near-the-name-is-not-that-person",
        ),
        pytest.param(
            "قال مسؤول أمريكي إن المحادثات فشلت. وقال وزير الخارجية مايك بومبيو إن واشنطن"
            " سترد. وأضاف المسؤول الأمريكي عن مكافحة الإرهاب أن الخطر قائم.",
            (("مايك بومبيو", "person"),),
            [("مسؤول أمريكي", None), ("مايك بومبيو", "مايك بومبيو"), ("المسؤول الأمريكي", None)],
            id="an-official-whose-title-goes-on-is-someone-else",
        ),
    ],
)
def test_an_officials_description_stands_for_the_person_who_spoke_last(
    article: str, names: tuple[tuple[str, str], ...], expected: list[tuple[str, str | None]]
) -> None:
    assert [(c.speaker, c.speaker_actor) for c in _claims(article, names)] == expected


OZUMCU = (("أوزمجو", "person"), ("منظمة حظر الأسلحة الكيميائية", "organization"))
# Session 39's speaker phrases, checked as speaker and content: a title before its verb, where
# a speaker serves, the holder after a title's complement, a trailing attribution followed by
# where and when, and the review's cases.
SESSION_39_SPEAKERS = [
    pytest.param(
        "وقال أوزمجو إن الخبراء لم يصلوا. لكن وزير الخارجية الروسي قال إن روسيا لم تعبث بالموقع.",
        OZUMCU,
        [("أوزمجو", "الخبراء لم يصلوا"), ("وزير الخارجية الروسي", "روسيا لم تعبث بالموقع")],
        id="a-title-after-lakin-is-the-subject-not-the-last-speaker",
    ),
    pytest.param(
        "وقال أوزمجو إن الخبراء لم يصلوا. إلا أن المندوب الأمريكي لدى منظمة حظر الأسلحة"
        " الكيميائية قال إن روسيا قد تكون زارت الموقع.",
        OZUMCU,
        [
            ("أوزمجو", "الخبراء لم يصلوا"),
            ("المندوب الأمريكي لدى منظمة حظر الأسلحة الكيميائية", "روسيا قد تكون زارت الموقع"),
        ],
        id="a-title-and-its-complement-after-illa-anna",
    ),
    pytest.param(
        "وقال أوزمجو إن الخبراء لم يصلوا. وكان وزير الطاقة القبرصي قال، الجمعة، إن بوارج"
        " تركية هددت باستخدام القوة.",
        OZUMCU,
        [
            ("أوزمجو", "الخبراء لم يصلوا"),
            ("وزير الطاقة القبرصي", "بوارج تركية هددت باستخدام القوة"),
        ],
        id="wa-kana-title-qala",
    ),
    pytest.param(
        "وقال أوزمجو إن الخبراء لم يصلوا. لكن المتحدث باسم الجيش الإسرائيلي اللفتنانت كولونيل"
        " جوناثان كونريكوس، قال إن قوات إيرانية أطلقت 20 قذيفة.",
        (*OZUMCU, ("جوناثان كونريكوس", "person")),
        [("أوزمجو", "الخبراء لم يصلوا"), ("جوناثان كونريكوس", "قوات إيرانية أطلقت 20 قذيفة")],
        id="a-long-post-before-its-holder-gives-the-holder",
    ),
    # the title is the appositive of the name before it, not a subject of its own
    pytest.param(
        "وقال أوزمجو إن الخبراء لم يصلوا. وكان الميجور جنرال يوري يفتوشنكو، رئيس مركز المصالحة"
        " في سوريا التابع للجيش الروسي قال إن الجيش أبرم اتفاقا.",
        (*OZUMCU, ("يوري يفتوشنكو", "person")),
        [("أوزمجو", "الخبراء لم يصلوا"), ("يوري يفتوشنكو", "الجيش أبرم اتفاقا")],
        id="a-title-after-a-comma-is-the-names-appositive",
    ),
    # a word that is no title does not start a subject: the last speaker goes on
    pytest.param(
        "وقال أوزمجو إن الخبراء لم يصلوا. وبعد الاجتماع قال إن الفريق سيدخل دوما قريبا.",
        OZUMCU,
        [("أوزمجو", "الخبراء لم يصلوا"), ("أوزمجو", "الفريق سيدخل دوما قريبا")],
        id="no-title-no-new-subject",
    ),
    pytest.param(
        "قال وزراء الشؤون الأوروبية في الاتحاد الأوروبي الثلاثاء إن تركيا تبتعد.",
        (("الاتحاد الأوروبي", "organization"),),
        [("وزراء الشؤون الأوروبية في الاتحاد الأوروبي", "تركيا تبتعد")],
        id="where-the-speaker-serves-then-a-day-then-inna",
    ),
    pytest.param(
        "أعربت مجموعة من الأحزاب السياسية في باكستان عن رفضها لنتائج الانتخابات.",
        (("باكستان", "place"),),
        [("مجموعة من الأحزاب السياسية في باكستان", "رفضها لنتائج الانتخابات")],
        id="where-the-speaker-serves-then-an",
    ),
    pytest.param(
        'وقال المسؤول عن مكافحة العنصرية في الاتحاد ألكسندر بارانوف "لقد فتحنا تحقيقا".',
        (("ألكسندر بارانوف", "person"),),
        [("ألكسندر بارانوف", "لقد فتحنا تحقيقا")],
        id="the-holder-after-the-complement-of-al-masul-an",
    ),
    pytest.param(
        'وقال المشرف على الدراسة، دان باروتش: "البيانات مشجعة".',
        (("دان باروتش", "person"),),
        [("دان باروتش", "البيانات مشجعة")],
        id="the-holder-after-a-comma",
    ),
    # an indefinite word before the holder: only the holder's place finds the name
    pytest.param(
        "وقال المسؤول عن مكافحة عنصرية ألكسندر بارانوف إن التحقيق بدأ.",
        (("ألكسندر بارانوف", "person"),),
        [("ألكسندر بارانوف", "التحقيق بدأ")],
        id="the-holder-after-an-indefinite-complement",
    ),
    # a name set off by commas after أن is said, not the paper's appositive
    pytest.param(
        "ذكرت صحيفة أحوال التركية أن زعيم حزب السعادة، تيميل كرم الله أوغلو، يحاول جمع الأحزاب.",
        (("تيميل كرم الله أوغلو", "person"),),
        [
            (
                "صحيفة أحوال التركية",
                "زعيم حزب السعادة، تيميل كرم الله أوغلو، يحاول جمع الأحزاب",
            )
        ],
        id="a-name-after-anna-and-a-comma-is-said",
    ),
    # the passive with a damma does not go on with the last speaker
    pytest.param(
        "وقال الوزير إن الوضع هادئ. وأُعلن أن القرار نهائي.",
        (),
        [("الوزير", "الوضع هادئ")],
        id="a-passive-after-a-speaker",
    ),
    # correspondents are plural: وأضافوا goes on with them
    pytest.param(
        'وقال مراسلو "الجزيرة" إن الوضع هادئ. وأضافوا أن القصف توقف.',
        (),
        [('مراسلو "الجزيرة"', "الوضع هادئ"), ('مراسلو "الجزيرة"', "القصف توقف")],
        id="correspondents-are-plural",
    ),
    # a text that ends on a title's adjective and its preposition
    pytest.param("قال المسؤول عن", (), [], id="a-text-ending-in-a-complements-preposition"),
    pytest.param(
        'اعتقل الجيش 17 فلسطينيا في مدن الضفة الغربية، وفق ما أفاد مراسل "سكاي نيوز عربية"'
        " في رام الله، الأربعاء.",
        (("سكاي نيوز عربية", "organization"), ("رام الله", "place")),
        [('مراسل "سكاي نيوز عربية"', "اعتقل الجيش 17 فلسطينيا في مدن الضفة الغربية")],
        id="a-trailing-attribution-then-where-and-when",
    ),
    pytest.param(
        "وقتل 14 شخصا في الغارة، حسبما ذكرت منظمة الصحة العالمية في جنيف، الخميس.",
        (("منظمة الصحة العالمية", "organization"), ("جنيف", "place")),
        [("منظمة الصحة العالمية", "وقتل 14 شخصا في الغارة")],
        id="hasbama-then-where-and-when",
    ),
]


# session 40: a participle's subject when no person stands just before it; a person after a
# body's name is the verb's object
SESSION_40_SPEAKERS = [
    pytest.param(
        "عاد الفنان نبيل الحلفاوي للحديث عما حققه صلاح، بعدما غرد قائلا: هذا فخر العرب.",
        (("نبيل الحلفاوي", "person"), ("صلاح", "person")),
        [("نبيل الحلفاوي", "هذا فخر العرب")],
        id="a-name-before-badama-is-not-the-subject",
    ),
    pytest.param(
        "عاد الفنان نبيل الحلفاوي للحديث عما حققه صلاح، وبعدما غرد قائلا: هذا فخر العرب.",
        (("نبيل الحلفاوي", "person"), ("صلاح", "person")),
        [("نبيل الحلفاوي", "هذا فخر العرب")],
        id="wa-badama-too",
    ),
    pytest.param(
        "وبين الرئيس ترامب وكيم خلاف كبير على العقوبات والسلاح النووي منذ سنوات، قائلا إنه سيحل.",
        (("ترامب", "person"), ("كيم", "person")),
        [],
        id="bayna-a-title-and-a-name-and-wa-is-between",
    ),
    pytest.param(
        "وردا على سؤال عن محمد صلاح مهاجم ليفربول، أثنى زيدان على اللاعب الدولي المصري قائلا:"
        " لقد قدم موسما رائعا.",
        (("محمد صلاح", "person"), ("ليفربول", "organization"), ("زيدان", "person")),
        [("زيدان", "لقد قدم موسما رائعا")],
        id="a-name-after-an-is-a-prepositions-object",
    ),
    pytest.param(
        "نفى المتحدث باسم التحالف الذي تقوده السعودية العقيد تركي المالكي مسؤولية التحالف عن"
        " الهجمات، متهما الحوثيين بالوقوف وراءها.",
        (("التحالف", "organization"), ("السعودية", "place"), ("تركي المالكي", "person")),
        [("تركي المالكي", "الحوثيين بالوقوف وراءها")],
        id="the-holder-of-a-title-after-a-body",
    ),
    pytest.param(
        "عبّر محمد عبده، الفنان السعودي الشهير، عن فرحته بالمشاركة في النهائي، مضيفا بأن هذه"
        " ثاني مشاركة له.",
        (("محمد عبده", "person"),),
        [("محمد عبده", "هذه ثاني مشاركة له")],
        id="abbara-the-verb-not-abra-via",
    ),
    pytest.param(
        "ونقل عن مقتدى الصدر أن اللقاء رسالة طمأنة، مبينا أن يدنا ممدودة للجميع.",
        (("مقتدى الصدر", "person"),),
        [("مقتدى الصدر", "يدنا ممدودة للجميع")],
        id="the-source-after-naqala-an",
    ),
    pytest.param(
        "ورفع الحزب دعوى ضد روسيا، والحملة الانتخابية للرئيس دونالد ترامب، وموقع ويكيليكس،"
        " متهما الأطراف الثلاثة بالتآمر.",
        (("روسيا", "place"), ("دونالد ترامب", "person"), ("ويكيليكس", "organization")),
        [],
        id="a-name-after-a-title-with-li-is-no-subject",
    ),
    pytest.param(
        "وطلبت إيران من المنظمة أن ترفض دعوات الرئيس الأميركي دونالد ترامب إلى زيادة"
        " الإنتاج، قائلة إنه أسهم في ارتفاع الأسعار.",
        (("إيران", "place"), ("دونالد ترامب", "person")),
        [],
        id="a-feminine-participle-takes-only-a-person-that-opens-the-names",
    ),
    # a person after a body's name is the verb's object, not the speaker nor in its phrase
    pytest.param(
        'ووصفت صحيفة "ديلي ميل" الإنجليزية، في تقرير، محمد صلاح بأنه "معشوق الجماهير".',
        (("ديلي ميل", "organization"), ("محمد صلاح", "person")),
        [('صحيفة "ديلي ميل" الإنجليزية', "معشوق الجماهير")],
        id="a-paper-describes-a-person",
    ),
    pytest.param(
        "وأعلن البيت الأبيض إلغاء ترامب زيارته إلى أميركا اللاتينية.",
        (("البيت الأبيض", "organization"), ("ترامب", "person"), ("أميركا اللاتينية", "place")),
        [("البيت الأبيض", "إلغاء ترامب زيارته إلى أميركا اللاتينية")],
        id="a-verbal-noun-and-a-person-after-the-body",
    ),
    pytest.param(
        "واتهمت بريطانيا الرئيس الروسي فلاديمير بوتين بالشروع في قتل سكريبال.",
        (("بريطانيا", "place"), ("فلاديمير بوتين", "person"), ("سكريبال", "person")),
        [("بريطانيا", "الرئيس الروسي فلاديمير بوتين بالشروع في قتل سكريبال")],
        id="the-accused-after-the-accuser",
    ),
    pytest.param(
        "وأعلن نادي ليفانتي الإسباني استدعاء فهد المولد ضمن القائمة.",
        (("نادي ليفانتي", "organization"), ("فهد المولد", "person")),
        [("نادي ليفانتي الإسباني", "استدعاء فهد المولد ضمن القائمة")],
        id="the-bodys-nisba-stays-in-its-phrase",
    ),
    pytest.param(
        "وتتهم أنقرة الداعية فتح الله غولن بالوقوف خلف محاولة الانقلاب.",
        (("أنقرة", "place"), ("فتح الله غولن", "person")),
        [("أنقرة", "الداعية فتح الله غولن بالوقوف خلف محاولة الانقلاب")],
        id="a-title-before-the-object-is-no-nisba",
    ),
    # ... but the holder of a spokesman's title after the body he speaks for, and a body's
    # quoted alias, stay
    pytest.param(
        "وكان الناطق باسم #حركة_فتح أسامة القواسمي نفى كل ما تردد من أنباء عن وفاة الرئيس.",
        (("فتح", "organization"), ("أسامة القواسمي", "person")),
        [("أسامة القواسمي", "كل ما تردد من أنباء عن وفاة الرئيس")],
        id="a-spokesmans-name-after-the-body",
    ),
    pytest.param(
        'كما أعلنت الهيئة الوطنية لمكافحة الكوارث "كونريد" أن البحث خطر.',
        (("الهيئة الوطنية لمكافحة الكوارث", "organization"), ("كونريد", "person")),
        [('الهيئة الوطنية لمكافحة الكوارث "كونريد"', "البحث خطر")],
        id="a-bodys-quoted-alias",
    ),
]


@pytest.mark.parametrize(("article", "names", "expected"), SESSION_40_SPEAKERS)
def test_session_40_speakers(
    article: str, names: tuple[tuple[str, str], ...], expected: list[tuple[str, str]]
) -> None:
    assert [(c.speaker, c.content) for c in _claims(article, names)] == expected


@pytest.mark.parametrize(("article", "names", "expected"), SESSION_39_SPEAKERS)
def test_session_39_speaker_phrases(
    article: str, names: tuple[tuple[str, str], ...], expected: list[tuple[str, str]]
) -> None:
    assert [(c.speaker, c.content) for c in _claims(article, names)] == expected


@pytest.mark.parametrize(
    ("article", "expected"),
    [
        # أعتقد، أعترف with a hamza: "I believe", "I admit", inside the speaker's words
        pytest.param(
            "وقال اللاعب: عشت أجواء أقوى، وأعترف بأني توترت قليلا.",
            [("اللاعب", "قال")],
            id="a-first-person-itarafa-is-no-cue",
        ),
        pytest.param(
            "وقال الوزير: أعتقد أن القرار خاطئ.",
            [("الوزير", "قال")],
            id="a-first-person-itaqada-is-no-cue",
        ),
        # the past is written with a bare alif, or with a wrong hamza below: still a cue
        pytest.param("واعترف اللاعب بأنه توتر قليلا.", [("اللاعب", "اعترف")], id="itarafa"),
        pytest.param("وإعتبر الوزير أن القرار خاطئ.", [("الوزير", "إعتبر")], id="itabara-misspelt"),
        pytest.param("وأعلن الوزير أن القرار نهائي.", [("الوزير", "أعلن")], id="alana-has-a-hamza"),
        # a stray hamza on the past, which a subject follows
        pytest.param(
            "وأعتبر الوزير الإيطالي أنهم ليسوا لاجئين.",
            [("الوزير الإيطالي", "أعتبر")],
            id="itabara-with-a-stray-hamza-and-its-subject",
        ),
        pytest.param(
            "أعتبر أمين عام الحزب أن النتائج انتصار.",
            [("أمين عام الحزب", "أعتبر")],
            id="itabara-with-a-stray-hamza-and-a-title",
        ),
        pytest.param(
            "وأُعلنت الشرطة أن المشتبه به فر.",
            [("الشرطة", "أُعلنت")],
            id="a-stray-damma-and-a-subject",
        ),
        # a damma on the first letter: the passive, "it was announced"
        pytest.param("وأُعلن أن القرار نهائي.", [], id="a-passive-with-a-damma"),
    ],
)
def test_a_cue_form_that_is_not_the_third_person_active(
    article: str, expected: list[tuple[str, str]]
) -> None:
    assert [(c.speaker, c.cue) for c in _claims(article)] == expected


@pytest.mark.parametrize(
    ("article", "expected"),
    [
        pytest.param(
            'وأفاد مراسل "العربية" أن رئيس الوزراء قدم استقالته.',
            [('مراسل "العربية"', "رئيس الوزراء قدم استقالته")],
            id="the-correspondents-outlet-in-quotes",
        ),
        pytest.param(
            'وقالت مراسلة "سكاي نيوز عربية" في عمان إن الوضع هادئ.',
            [('مراسلة "سكاي نيوز عربية"', "الوضع هادئ")],
            id="a-correspondent-where-she-serves",
        ),
        # a quotation after a word that names no outlet's reporter is said
        pytest.param(
            'وقال المتحدث "لن نتراجع".',
            [("المتحدث", "لن نتراجع")],
            id="a-quotation-after-a-title-is-said",
        ),
    ],
)
def test_a_correspondent_with_the_outlets_quoted_name(
    article: str, expected: list[tuple[str, str]]
) -> None:
    assert [(c.speaker, c.content) for c in _claims(article)] == expected


def test_the_person_a_verb_accuses_is_no_holder() -> None:
    found = _claims(
        "واتهم قسم الجرائم التابع لنيابة مدريد ألونسو بارتكاب جرائم ضريبية.",
        (("ألونسو", "person"),),
    )
    assert [c.speaker for c in found] == ["قسم الجرائم التابع"]


@pytest.mark.parametrize(
    ("article", "names", "expected"),
    [
        pytest.param(
            "وقتل 20 شخصا، وفق حصيلة أوردها المرصد السوري لحقوق الإنسان.",
            (("المرصد السوري لحقوق الإنسان", "organization"),),
            [("حصيلة أوردها المرصد السوري لحقوق الإنسان", "المرصد السوري لحقوق الإنسان")],
            id="a-toll-the-observatory-gave",
        ),
        pytest.param(
            "وارتفع الإنفاق على السفر بنسبة 5 في المئة، بحسب بيانات أصدرها الاتحاد الدولي"
            " للنقل الجوي.",
            (("الاتحاد الدولي للنقل الجوي", "organization"),),
            [("بيانات أصدرها الاتحاد الدولي للنقل الجوي", "الاتحاد الدولي للنقل الجوي")],
            id="figures-the-association-issued",
        ),
        # a body named after another verb is not the author
        pytest.param(
            "وارتفع الإنفاق على السفر بنسبة 5 في المئة، بحسب بيانات مكتب يتبع الاتحاد الدولي"
            " للنقل الجوي.",
            (("الاتحاد الدولي للنقل الجوي", "organization"),),
            [("بيانات مكتب يتبع الاتحاد الدولي للنقل الجوي", None)],
            id="figures-of-an-office-the-association-runs",
        ),
    ],
)
def test_the_author_of_a_document_named_after_its_verb(
    article: str, names: tuple[tuple[str, str], ...], expected: list[tuple[str, str | None]]
) -> None:
    assert [(c.speaker, c.speaker_actor) for c in _claims(article, names)] == expected


# Session 41: a statement's or report's author named anywhere before it; a body's quoted
# alias before where and when it spoke; a description that is a body's name without its
# nisbas. As (speaker, actor).
AUTHORS_BEFORE = [
    pytest.param(
        "وأوضحت الأكاديمية الأمريكية لفنون السينما في بيان أن مجلسها اجتمع. وجاء الاجتماع"
        " بعد أسابيع من الجدل. وكانت الصحف نشرت صورا. وحضر الاجتماع عدد من الأعضاء."
        " وأضاف البيان أن القرار نهائي.",
        (("الأكاديمية الأمريكية لفنون السينما", "organization"),),
        [
            ("الأكاديمية الأمريكية لفنون السينما", "الأكاديمية الأمريكية لفنون السينما"),
            ("البيان", "الأكاديمية الأمريكية لفنون السينما"),
        ],
        id="the-statement-named-four-sentences-before",
    ),
    pytest.param(
        "وذكر بيان أصدره حزب الله أن الهجوم فشل. وأضاف البيان أن الحزب مستعد.",
        (("حزب الله", "organization"),),
        [("بيان أصدره حزب الله", "حزب الله"), ("البيان", "حزب الله")],
        id="a-statement-its-author-issued-after-it",
    ),
    pytest.param(
        "وأفاد بيان من وزارة الخارجية بأن الوزيرين بحثا الأزمة.",
        (("وزارة الخارجية", "organization"),),
        [("بيان من وزارة الخارجية", "وزارة الخارجية")],
        id="a-statement-from-a-ministry",
    ),
    pytest.param(
        'كشف تقرير حديث لصحيفة "وول ستريت جورنال" أن إنستغرام يطور خاصية جديدة.'
        " وأضاف التقرير أن الخاصية ستطلق قريبا.",
        (("وول ستريت جورنال", "organization"),),
        [("تقرير حديث", "وول ستريت جورنال"), ("التقرير", "وول ستريت جورنال")],
        id="the-report-of-a-paper-named-after-an-adjective",
    ),
    pytest.param(
        "وتوصلت دراسة بريطانية جديدة أجرتها جامعة أكسفورد إلى نتائج مشجعة."
        " وأوضحت الدراسة أن اللقاح آمن.",
        (("جامعة أكسفورد", "organization"),),
        [("الدراسة", "جامعة أكسفورد")],
        id="the-study-a-university-made",
    ),
    pytest.param(
        "وقال مسؤول إن دراسة جديدة ستصدر قريبا. وأوضحت الدراسة أن اللقاح آمن.",
        (),
        [("مسؤول", None), ("الدراسة", None)],
        id="a-study-with-no-author-named",
    ),
    pytest.param(
        "أعلنت القوات المسلحة المصرية، الأربعاء، القضاء على 30 إرهابيا."
        " وأوضحت القوات المسلحة في بيان لها أن العملية مستمرة. ولفت البيان إلى أن القوات"
        " الجوية دمرت ثلاثة أوكار.",
        (("القوات المسلحة المصرية", "organization"),),
        [
            ("القوات المسلحة المصرية", "القوات المسلحة المصرية"),
            ("القوات المسلحة", "القوات المسلحة المصرية"),
            ("البيان", "القوات المسلحة المصرية"),
        ],
        id="the-armed-forces-without-their-nisba",
    ),
    pytest.param(
        'وجاء في بيان الإليزيه أن ماكرون "متمسك بالحوار". وأضاف البيان أن الرئيس متفائل.',
        (("الإليزيه", "organization"), ("ماكرون", "person")),
        [("بيان الإليزيه", "الإليزيه"), ("البيان", "الإليزيه")],
        id="a-statement-in-construct-with-its-author",
    ),
    pytest.param(
        "ورحبت المملكة بالبيان الصادر عن صندوق النقد الدولي أمس. وأكد البيان تحسن النمو.",
        (("صندوق النقد الدولي", "organization"),),
        [("البيان", "صندوق النقد الدولي")],
        id="the-statement-issued-by-named-definite",
    ),
]


@pytest.mark.parametrize(("article", "names", "expected"), AUTHORS_BEFORE)
def test_a_documents_author_named_before(
    article: str, names: tuple[tuple[str, str], ...], expected: list[tuple[str, str | None]]
) -> None:
    assert [(c.speaker, c.speaker_actor) for c in _claims(article, names)] == expected


# As (speaker, content).
QUOTED_NAMES = [
    pytest.param(
        'قال الاتحاد الدولي لكرة القدم "فيفا" في بيان يوم الخميس عقب المباراة إن الملاعب امتلأت.',
        (("الاتحاد الدولي لكرة القدم", "organization"), ("فيفا", "organization")),
        [('الاتحاد الدولي لكرة القدم "فيفا"', "الملاعب امتلأت")],
        id="an-alias-before-where-it-was-said",
    ),
    pytest.param(
        'وذكرت "وول ستريت جورنال" أن الصين عرضت زيادة وارداتها.',
        (("وول ستريت جورنال", "organization"),),
        [("وول ستريت جورنال", "الصين عرضت زيادة وارداتها")],
        id="a-quoted-paper-right-after-the-verb",
    ),
    pytest.param(
        'وقال موفد "العربية" إن المقاتلات استهدفت نقطة أمنية.',
        (),
        [('موفد "العربية"', "المقاتلات استهدفت نقطة أمنية")],
        id="an-envoy-of-a-quoted-channel",
    ),
    # a quoted word the verb announces, before a relative clause: what was said
    pytest.param(
        'وأعلنت اللجنة الدولية للصليب الأحمر "إرجاء" قافلة المساعدات التي كان من المفترض'
        " أن تدخل الخميس.",
        (("اللجنة الدولية للصليب الأحمر", "organization"),),
        [
            (
                "اللجنة الدولية للصليب الأحمر",
                '"إرجاء" قافلة المساعدات التي كان من المفترض أن تدخل الخميس',
            )
        ],
        id="a-quoted-object-is-said",
    ),
    pytest.param(
        'وأعلنت شركة الإمارات للاتصالات المتكاملة "دو" التي تعرض القنوات القطرية، أن'
        " الشبكة حجبت البث.",
        (("شركة الإمارات للاتصالات المتكاملة", "organization"),),
        [('شركة الإمارات للاتصالات المتكاملة "دو"', "الشبكة حجبت البث")],
        id="an-alias-before-the-bodys-relative-clause",
    ),
    pytest.param(
        'وقال أردوغان "لن يسمح" بتطور يمنع النظام من العمل.',
        (("أردوغان", "person"),),
        [("أردوغان", '"لن يسمح" بتطور يمنع النظام من العمل')],
        id="a-quoted-phrase-after-a-person-is-said",
    ),
]


@pytest.mark.parametrize(("article", "names", "expected"), QUOTED_NAMES)
def test_a_quoted_name_is_part_of_the_speaker(
    article: str, names: tuple[tuple[str, str], ...], expected: list[tuple[str, str]]
) -> None:
    assert [(c.speaker, c.content) for c in _claims(article, names)] == expected


def test_a_quoted_nickname_is_no_speaker() -> None:
    # a quote holding a person's and a place's names is no body's name: no speaker (a rule
    # taking any quote with a non-person name in it made ميسي the speaker)
    found = _claims(
        'وذكرت "ميسي إيران" أن اللاعب سيعتزل اللعب دوليا.',
        (("ميسي", "person"), ("إيران", "place")),
    )
    assert [c.speaker for c in found] == []


# The second reading of the session's diff: as (speaker, actor, content).
REVIEW_41 = [
    pytest.param(
        "وقال الأمين العام القادم لحلف الناتو إن الحلف قوي.",
        (("حلف الناتو", "organization"),),
        [("الأمين العام القادم لحلف الناتو", None, "الحلف قوي")],
        id="aam-after-a-title-is-no-period",
    ),
    pytest.param(
        "وقال الرئيس للمرة الثانية إن الوضع خطير.",
        (),
        [("الرئيس", None, "الوضع خطير")],
        id="for-the-second-time-is-no-body-served",
    ),
    pytest.param(
        "وقال بيان رسمي لوزارة الخارجية إن الوضع خطير.",
        (("وزارة الخارجية", "organization"),),
        [("بيان رسمي لوزارة الخارجية", "وزارة الخارجية", "الوضع خطير")],
        id="an-official-statement-of-a-ministry",
    ),
    pytest.param(
        "وكانت المؤشرات تشير إلى أن الاقتصاد يتعافى.",
        (),
        [],
        id="indicators-after-kana-say-nothing",
    ),
    pytest.param(
        "كشف تقرير لصحيفة الغد أن الأسعار سترتفع. وأوضحت الدراسة أن التضخم مرتفع.",
        (("الغد", "organization"),),
        [
            ("تقرير لصحيفة الغد", "الغد", "الأسعار سترتفع"),
            ("الدراسة", "الغد", "التضخم مرتفع"),
        ],
        id="the-study-is-the-report-named-before",
    ),
    pytest.param(
        "وكانت اللجنة تطالب بمنع المدير من إدارة الشركة.",
        (),
        [("اللجنة", None, "بمنع المدير من إدارة الشركة")],
        id="kana-before-an-imperfect-verb",
    ),
    pytest.param(
        "ونقلت سانا عن مصدر رسمي في وزارة الخارجية أن سوريا تدين التوغل.",
        (("سانا", "organization"), ("وزارة الخارجية أن", "organization")),
        [("مصدر رسمي في وزارة الخارجية", None, "سوريا تدين التوغل")],
        id="a-tagger-span-that-swallows-an",
    ),
    pytest.param(
        "وقال بيان رسمي نشرته وكالة الأنباء السعودية إن الاجتماع انتهى.",
        (("وكالة الأنباء السعودية", "organization"),),
        [("بيان رسمي نشرته وكالة الأنباء السعودية", None, "الاجتماع انتهى")],
        id="a-statement-an-agency-carried-is-not-the-agencys",
    ),
    pytest.param(
        "وأصدرت الوزارة بيانا الحكومة فيه غائبة. وقال البيان إن الوضع خطير.",
        (("الحكومة", "organization"),),
        [("البيان", None, "الوضع خطير")],
        id="an-accusative-statement-is-in-no-construct",
    ),
    pytest.param(
        'ونقلت رويترز عن قناة "سي إن إن" أن الوضع خطير.',
        (("رويترز", "organization"), ("سي إن إن", "organization")),
        [('قناة "سي إن إن"', "سي إن إن", "الوضع خطير")],
        id="transmitted-from-a-channel-whose-name-holds-an",
    ),
]


@pytest.mark.parametrize(("article", "names", "expected"), REVIEW_41)
def test_second_reading_of_session_41(
    article: str, names: tuple[tuple[str, str], ...], expected: list[tuple[str, str | None, str]]
) -> None:
    found = _claims(article, names)
    assert [(c.speaker, c.speaker_actor, c.content) for c in found] == expected


# Session 41, round 49: a period before an adverb is an adverb (الأسبوع الماضي), never the
# speaker nor the end of the speaker's name; the subject of كان before its verb speaks.
# As (speaker, content).
TIME_AND_KANA = [
    pytest.param(
        "وكان مفوض الأمم المتحدة السامي لحقوق الإنسان قال الأسبوع الماضي إن لديه شكوكا قوية.",
        (("الأمم المتحدة", "organization"),),
        [("مفوض الأمم المتحدة السامي لحقوق الإنسان", "لديه شكوكا قوية")],
        id="last-week-after-the-verb",
    ),
    pytest.param(
        "وقالت الأمم المتحدة الشهر الماضي إن الوضع خطير.",
        (("الأمم المتحدة", "organization"),),
        [("الأمم المتحدة", "الوضع خطير")],
        id="last-month-after-the-name",
    ),
    pytest.param(
        "وقال العام الماضي رئيس الوزراء إن الوضع خطير.",
        (),
        [("رئيس الوزراء", "الوضع خطير")],
        id="last-year-before-the-speaker",
    ),
    pytest.param(
        "وكانت الشرطة قالت إن المشتبه به فر.",
        (),
        [("الشرطة", "المشتبه به فر")],
        id="the-subject-of-kana",
    ),
    pytest.param(
        "وكان الادعاء قد قال الأسبوع الماضي إنه جرى اعتقال المشتبه به.",
        (),
        [("الادعاء", "جرى اعتقال المشتبه به")],
        id="the-subject-of-kana-qad-and-last-week",
    ),
    pytest.param(
        "وكان مصدر أمني قال إن المشتبه به فر.",
        (),
        [("مصدر أمني", "المشتبه به فر")],
        id="an-unnamed-source-after-kana",
    ),
    pytest.param(
        "وكانت نتيجة اللقاء تشير إلى التعادل السلبي.",
        (),
        [],
        id="a-result-after-kana-says-nothing",
    ),
    pytest.param(
        "وكانت تقارير سابقة أعلنت استلام مدرب منتخب الشباب ألبرت سيلاديس مهمة التدريب.",
        (("ألبرت سيلاديس", "person"),),
        [("تقارير سابقة", "استلام مدرب منتخب الشباب ألبرت سيلاديس مهمة التدريب")],
        id="the-subject-of-kana-before-a-named-object",
    ),
    pytest.param(
        "وردا على سؤال حول ما إذا كان بوتين سيدفع الثمن، قال ترامب إن الجميع سيدفع الثمن.",
        (("بوتين", "person"), ("ترامب", "person")),
        [("ترامب", "الجميع سيدفع الثمن")],
        id="kana-after-whether-opens-a-question",
    ),
    pytest.param(
        'وكان آخر ما كتبته مي سكاف على صفحتها "لن أفقد الأمل أبدا في هذا البلد".',
        (("مي سكاف", "person"),),
        [("مي سكاف", "لن أفقد الأمل أبدا في هذا البلد")],
        id="kana-before-a-relative-clause-whose-subject-follows",
    ),
    pytest.param(
        "وكان من المقرر أن يعلن الوزير النتائج.",
        (),
        [],
        id="kana-before-a-preposition-opens-no-subject",
    ),
]


@pytest.mark.parametrize(("article", "names", "expected"), TIME_AND_KANA)
def test_a_period_is_no_speaker_and_kana_has_one(
    article: str, names: tuple[tuple[str, str], ...], expected: list[tuple[str, str]]
) -> None:
    assert [(c.speaker, c.content) for c in _claims(article, names)] == expected


# Round 50: a title goes on with the body it serves after ل (not with whom it spoke to), so
# the holder named after it speaks; the body is not the speaker. As (speaker, actor).
TITLE_AND_BODY = [
    pytest.param(
        "وقال الأمين العام للأمم المتحدة أنطونيو غوتيريس في بيان إن الوضع خطير.",
        (("الأمم المتحدة", "organization"), ("أنطونيو غوتيريس", "person")),
        [("أنطونيو غوتيريس", "أنطونيو غوتيريس")],
        id="the-secretary-general-of-the-un-named",
    ),
    pytest.param(
        "وقال المدير العام لمنظمة التجارة العالمية روبرتو أزيفيدو إن التجارة تتباطأ.",
        (("منظمة التجارة العالمية", "organization"), ("روبرتو أزيفيدو", "person")),
        [("روبرتو أزيفيدو", "روبرتو أزيفيدو")],
        id="the-director-general-named",
    ),
    pytest.param(
        "قال الأمين العام لمنظمة أوبك الخميس، إن السوق تتلقى إمدادات كافية.",
        (("أوبك", "organization"),),
        [("الأمين العام لمنظمة أوبك", None)],
        id="the-secretary-general-unnamed-is-not-the-body",
    ),
    pytest.param(
        "وقال الوزير للصحفيين إن الوضع خطير.",
        (),
        [("الوزير", None)],
        id="said-to-the-press",
    ),
    pytest.param(
        "وقال المتحدث لرويترز إن الوضع خطير.",
        (("رويترز", "organization"),),
        [("المتحدث", None)],
        id="said-to-an-agency",
    ),
    pytest.param(
        "وقال مستشار للرئيس التركي رجب طيب أردوغان إن الوضع خطير.",
        (("رجب طيب أردوغان", "person"),),
        [("مستشار", None)],
        id="an-adviser-to-a-president-is-not-the-president",
    ),
    pytest.param(
        'وكتبت الممثلة المقيمة لمنظمة الأمم المتحدة للطفولة "يونيسف" ميريتشل ريلانيو في'
        ' حسابها بتويتر "دمر قصف آخر في الحديدة العائلات".',
        (
            ("الأمم المتحدة", "organization"),
            ("يونيسف", "organization"),
            ("ميريتشل ريلانيو", "person"),
        ),
        [("ميريتشل ريلانيو", "ميريتشل ريلانيو")],
        id="the-body-a-title-serves-with-its-quoted-alias",
    ),
    pytest.param(
        "وأكد النجم البرازيلي لنادي باريس سان جرمان الفرنسي لكرة القدم نيمار، أنه يحتاج"
        " إلى شهر إضافي.",
        (("باريس سان جرمان", "organization"), ("نيمار", "person")),
        [("نيمار", "نيمار")],
        id="a-long-complement-before-the-holder",
    ),
]


@pytest.mark.parametrize(("article", "names", "expected"), TITLE_AND_BODY)
def test_a_title_with_the_body_it_serves(
    article: str, names: tuple[tuple[str, str], ...], expected: list[tuple[str, str | None]]
) -> None:
    assert [(c.speaker, c.speaker_actor) for c in _claims(article, names)] == expected


# Round 51: attributions and transmissions whose source is a quoted name or a text.
# As (speaker, cue, content).
ATTRIBUTED_SOURCES = [
    pytest.param(
        'ونقل موقع كورة عن صحيفة "توتو سبورت" الإيطالية أن برشلونة يريد اللاعب.',
        (("توتو سبورت", "organization"),),
        [('صحيفة "توتو سبورت" الإيطالية', "نقل", "برشلونة يريد اللاعب")],
        id="transmitted-from-a-quoted-paper",
    ),
    pytest.param(
        "ونقلت رويترز عن مسؤول أمريكي أن الوضع خطير.",
        (("رويترز", "organization"),),
        [("مسؤول أمريكي", "نقلت", "الوضع خطير")],
        id="transmitted-before-an",
    ),
    pytest.param(
        "ونقلت الصحيفة عن اثنين من المسؤولين قولهما إن الوزيرة كتبت خطاب الاستقالة.",
        (),
        [("اثنين من المسؤولين", "نقلت", "الوزيرة كتبت خطاب الاستقالة")],
        id="transmitted-from-two-with-their-saying",
    ),
    pytest.param(
        "وبحسب ما جاء في القرار الذي نشر الأحد، فإن حسابات المتهم ستجمد.",
        (),
        [("القرار", "بحسب ما جاء في", "حسابات المتهم ستجمد")],
        id="according-to-what-came-in-a-text",
    ),
    pytest.param(
        'وبحسب ما نقلته "صنداي تايمز"، فإن الدوحة لجأت إلى عمليات سوداء.',
        (("صنداي تايمز", "organization"),),
        [("صنداي تايمز", "بحسب ما نقلته", "الدوحة لجأت إلى عمليات سوداء")],
        id="according-to-what-a-quoted-paper-carried",
    ),
    pytest.param(
        'وحاول متظاهرون اقتحام حقل الزبير النفطي جنوب غرب البصرة، وفقا لوكالة "رويترز".',
        (("رويترز", "organization"), ("البصرة", "place")),
        [('وكالة "رويترز"', "وفقا", "وحاول متظاهرون اقتحام حقل الزبير النفطي جنوب غرب البصرة")],
        id="a-trailing-attribution-to-a-quoted-agency",
    ),
    pytest.param(
        "وأوردت قناة المسيرة التي يسيطر عليها المتمردون أن هناك 20 قتيلا في الغارة.",
        (("قناة المسيرة", "organization"),),
        [("قناة المسيرة", "أوردت", "هناك 20 قتيلا في الغارة")],
        id="awrada-carried-is-a-reporting-verb",
    ),
    pytest.param(
        "وقتل 20 شخصا في الغارة، بحسب ما أوردت قناة المسيرة.",
        (("قناة المسيرة", "organization"),),
        [("قناة المسيرة", "بحسب ما أوردت", "وقتل 20 شخصا في الغارة")],
        id="according-to-what-a-channel-carried",
    ),
]


@pytest.mark.parametrize(("article", "names", "expected"), ATTRIBUTED_SOURCES)
def test_attributed_sources(
    article: str, names: tuple[tuple[str, str], ...], expected: list[tuple[str, str, str]]
) -> None:
    assert [(c.speaker, c.cue, c.content) for c in _claims(article, names)] == expected


NESTED_AND_SUBORDINATE = [
    pytest.param(
        'قال الوزير إن الحكومة "مطالبة بالعمل" على الحل.',
        (),
        [("الوزير", "قال", 'الحكومة "مطالبة بالعمل" على الحل')],
        id="a-participle-that-opens-a-quotation-ends-nothing",
    ),
    pytest.param(
        "نقلت رويترز عن مصدر أمني، ونقلت سكاي نيوز عن الرئيس ترامب قوله إن الوضع خطير.",
        (("ترامب", "person"),),
        [("ترامب", "نقلت", "الوضع خطير")],
        id="a-transmission-is-not-read-past-another-clause",
    ),
    pytest.param(
        "نقلت رويترز عن مسؤول أمريكي، رافق ترامب في زيارته، قوله إن الوضع خطير.",
        (("ترامب", "person"),),
        [("مسؤول أمريكي", "نقلت", "الوضع خطير")],
        id="a-name-inside-the-appositive-is-not-its-holder",
    ),
    pytest.param(
        "قالت الوزيرة إن الخطة جاهزة. وتعيش سوريا أزمة كبيرة، حيث قالت إن الوضع صعب.",
        (("سوريا", "place"),),
        [("الوزيرة", "قالت", "الخطة جاهزة"), ("الوزيرة", "قالت", "الوضع صعب")],
        id="a-place-is-no-subject-after-haythu",
    ),
    pytest.param(
        'مثلت الشركات أمام القضاء بتهمة الإدلاء بـ"تصريحات كاذبة" بعد أن أغفلت إبلاغ السلطات'
        " بأنها صدرت مركبا.",
        (),
        [],
        id="the-that-of-a-time-clauses-verb-is-not-the-cues",
    ),
    pytest.param(
        'وقالت قبل أن تقف أمام المعالم "أتمنى أن يركز الناس على ما أفعله".'
        "\n\nوقالت الوزيرة إنها راضية.",
        (),
        [("الوزيرة", "قالت", "راضية")],
        id="a-quotation-after-a-time-clause-opens-with-its-mark",
    ),
    pytest.param(
        "تراجعت الأسعار، لكن الواقع يؤكد أن الأزمة مستمرة.",
        (),
        [],
        id="lakin-al-waqi-is-no-speaker",
    ),
    pytest.param(
        'وقال الوزراء إن تركيا "تبتعد عن التكتل" مشيرين إلى أن المفاوضات في حالة جمود.',
        (),
        [
            ("الوزراء", "قال", 'تركيا "تبتعد عن التكتل"'),
            ("الوزراء", "مشيرين", "المفاوضات في حالة جمود"),
        ],
        id="a-plural-participle-after-a-quotation-is-the-next-claim",
    ),
    pytest.param(
        'وتحدث ناشطون عن قصف بالغازات، إلا أن الإعلام الرسمي وصف الاتهام بـ"المسرحية".',
        (),
        [("ناشطون", "تحدث", "قصف بالغازات"), ("الإعلام الرسمي", "وصف", "المسرحية")],
        id="illa-anna-a-phrase-and-a-cue-is-another-speakers-claim",
    ),
    pytest.param(
        "ورفضت المحكمة الطلب، لكن محاميه قال إن محكمة أعلى ستصدر قرارا.",
        (),
        [("محاميه", "قال", "محكمة أعلى ستصدر قرارا")],
        id="lakin-a-phrase-and-a-cue",
    ),
    pytest.param(
        'وقالت المخرجة "لكن أفكر بطفلة صغيرة قالت لي إنها تحلم"، مشددة على أنها "نامت".',
        (),
        [
            ("المخرجة", "قالت", "لكن أفكر بطفلة صغيرة قالت لي إنها تحلم"),
            ("المخرجة", "مشددة", "نامت"),
        ],
        id="lakin-and-a-clause-is-no-subject",
    ),
    pytest.param(
        'ونقلت رويترز عن عمانوئيل نحشون، المتحدث باسم الخارجية قوله "الرئيس سيأتي بنهاية الشهر".',
        (("رويترز", "organization"), ("عمانوئيل نحشون", "person")),
        [("عمانوئيل نحشون", "نقلت", "الرئيس سيأتي بنهاية الشهر")],
        id="a-transmission-past-the-sources-appositive",
    ),
    pytest.param(
        'ونقل البيان عن وزير الخارجية الألماني، هايكو ماس قوله "أنا راض بالكامل عن الوعود".',
        (("هايكو ماس", "person"),),
        [("هايكو ماس", "نقل", "أنا راض بالكامل عن الوعود")],
        id="a-transmission-from-a-title-whose-holder-follows",
    ),
    pytest.param(
        "وتوعد الرئيس الأمريكي بشن ضربات صاروخية على سوريا.",
        (),
        [("الرئيس الأمريكي", "توعد", "بشن ضربات صاروخية على سوريا")],
        id="bi-before-a-two-letter-noun",
    ),
    pytest.param(
        "وقال مدير المنظمة إن مسؤولين روسا أبلغوا فريق الخبراء أنه لا تزال هناك قضايا أمنية.",
        (("مدير المنظمة", "person"),),
        [
            (
                "مدير المنظمة",
                "قال",
                "مسؤولين روسا أبلغوا فريق الخبراء أنه لا تزال هناك قضايا أمنية",
            ),
            ("مسؤولين روسا", "أبلغوا", "لا تزال هناك قضايا أمنية"),
        ],
        id="a-report-inside-reported-words-is-a-claim-of-its-own",
    ),
    pytest.param(
        "وكشفت صحيفة الرياض أن ميسي، الذي دخل بديلا، قال لزملائه إنه متأكد من الفوز.",
        (("صحيفة الرياض", "organization"), ("ميسي", "person")),
        [
            ("صحيفة الرياض", "كشفت", "ميسي، الذي دخل بديلا، قال لزملائه إنه متأكد من الفوز"),
            ("ميسي", "قال", "متأكد من الفوز"),
        ],
        id="a-relative-clause-between-the-inner-speaker-and-its-verb",
    ),
    pytest.param(
        "وقال الوزير إن الحكومة تدعم المشروع، كما يهدد التضخم الأمن القومي بالطرق الملتوية.",
        (),
        [("الوزير", "قال", "الحكومة تدعم المشروع، كما يهدد التضخم الأمن القومي بالطرق الملتوية")],
        id="an-inner-verb-with-an-object-is-no-report",
    ),
    pytest.param(
        "وقال الوزير إن الاقتصاد لم ينهر كما كان يتوقع الجميع، بل استطاع أن يصمد.",
        (),
        [("الوزير", "قال", "الاقتصاد لم ينهر كما كان يتوقع الجميع، بل استطاع أن يصمد")],
        id="an-inner-speaker-must-be-a-name-a-title-or-a-speakers-head",
    ),
    pytest.param(
        'وأكدت "تيسلا" أن ماسك ينوي سحب الشركة من البورصة، إلا أنها أوضحت أن القرار للمساهمين.',
        (("تيسلا", "organization"), ("ماسك", "person")),
        [
            ("تيسلا", "أكدت", "ماسك ينوي سحب الشركة من البورصة"),
            ("تيسلا", "أوضحت", "القرار للمساهمين"),
        ],
        id="illa-annaha-and-a-cue-is-the-speakers-next-claim",
    ),
    pytest.param(
        "وقال أردوغان إن بلاده تلاحق جماعة غولن التي تقول أنقرة إنها وراء الانقلاب.",
        (("أردوغان", "person"), ("غولن", "person"), ("أنقرة", "place")),
        [
            ("أردوغان", "قال", "بلاده تلاحق جماعة غولن التي تقول أنقرة إنها وراء الانقلاب"),
            ("أنقرة", "تقول", "وراء الانقلاب"),
        ],
        id="a-name-after-a-relatives-verb-is-its-subject",
    ),
    pytest.param(
        "وحذرت إيران من الثقة في ترامب الذي قالت إنه يمكن أن يلغي الاتفاق.",
        (("إيران", "place"), ("ترامب", "person")),
        [("إيران", "حذرت", "الثقة في ترامب الذي قالت إنه يمكن أن يلغي الاتفاق")],
        id="a-relative-that-disagrees-with-the-verb-is-not-its-subject",
    ),
    pytest.param(
        "بريطانيا ستلتزم بالاتفاق طالما قال المفتشون الدوليون إن إيران ملتزمة.",
        (),
        [("المفتشون الدوليون", "قال", "إيران ملتزمة")],
        id="no-subject-read-back-across-as-long-as",
    ),
    pytest.param(
        "وقال صالح الصماد، رئيس ما يسمى بالمجلس السياسي، إن الحرب مستمرة.",
        (("صالح الصماد", "person"),),
        [("صالح الصماد", "قال", "الحرب مستمرة")],
        id="so-called-goes-on-with-the-title",
    ),
    pytest.param(
        "رجح الوزير تراجع العملة مع بدء تطبيق القرار قبل أن تستقر لاحقا.",
        (),
        [],
        id="before-that-is-no-complementizer",
    ),
    pytest.param(
        "وقال الوزير بعد أن التقى نظيره إن العلاقات جيدة.",
        (),
        [("الوزير", "قال", "العلاقات جيدة")],
        id="what-is-said-after-a-time-clause",
    ),
    pytest.param(
        "وقالت الشاهدة، التي أفرج عنها بعد أن أدرك المحققون أنها خدعت، إن المتهم استدرجها.",
        (),
        [("الشاهدة", "قالت", "المتهم استدرجها")],
        id="the-verb-of-a-time-clause-keeps-its-own-that",
    ),
    pytest.param(
        "وكان المدرب قد قال من قبل إن الحارس جاهز.",
        (),
        [("المدرب", "قال", "الحارس جاهز")],
        id="min-qabl-is-an-adverb",
    ),
    pytest.param(
        "وتحدث ألفيس عن إصابة زميله نيمار، حيث قال: لدينا خياران.",
        (("ألفيس", "person"), ("نيمار", "person")),
        [("ألفيس", "تحدث", "إصابة زميله نيمار"), ("ألفيس", "قال", "لدينا خياران")],
        id="after-a-comma-and-haythu-the-main-clauses-subject",
    ),
    pytest.param(
        'وجاء رأي صحيفة "ذا صن" مشابها، حيث ذكرت أن الخطورة تكمن في التطور.',
        (("ذا صن", "organization"),),
        [("ذا صن", "ذكرت", "الخطورة تكمن في التطور")],
        id="a-feminine-verb-after-haythu-takes-the-first-name",
    ),
]


@pytest.mark.parametrize(("article", "names", "expected"), NESTED_AND_SUBORDINATE)
def test_nested_reports_and_subordinate_clauses(
    article: str, names: tuple[tuple[str, str], ...], expected: list[tuple[str, str, str]]
) -> None:
    assert [(c.speaker, c.cue, c.content) for c in _claims(article, names)] == expected
