"""The seeds: articles per file, paragraph kinds, repeated captions, embeds, metadata."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from newscorpus.load import iter_sources, read_source
from newscorpus.models import Document

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


@cache
def _seed(number: str) -> tuple[Document, ...]:
    (path,) = SEEDS.glob(f"{number}_*.txt")
    (source,) = iter_sources([str(path)])
    documents = tuple(read_source(source))  # type: ignore[arg-type]
    assert all(isinstance(document, Document) for document in documents)
    return documents  # type: ignore[return-value]


def _kinds(document: Document) -> dict[str, str]:
    return {document.paragraph_text(p): p.kind for p in document.paragraphs}


@pytest.mark.parametrize(
    ("number", "articles", "second_title"),
    [
        ("000", 2, "كيم: التواصل الدبلوماسي السابق يؤكد العداء الأميركي «الثابت» لكوريا الشمالية"),
        ("001", 1, None),
        ("002", 1, None),
        ("003", 2, "هل يعيد ترامب فتح دبلوماسية سرية مع زعيم كوريا الشمالية؟"),
        ("004", 1, None),
    ],
)
def test_seeds_split_into_articles(number: str, articles: int, second_title: str | None) -> None:
    documents = _seed(number)
    assert len(documents) == articles
    assert [d.article_index for d in documents] == list(range(articles))
    if second_title:
        assert documents[1].title == second_title
        assert documents[1].text.startswith(second_title)
    (path,) = SEEDS.glob(f"{number}_*.txt")
    file_text = path.read_text(encoding="utf-8")
    for document in documents:
        assert file_text[document.offset_in_file :].startswith(document.text)
        for paragraph in document.paragraphs:
            text = document.paragraph_text(paragraph)
            assert text == text.strip() and text


@pytest.mark.parametrize(
    ("number", "article", "paragraph", "kind"),
    [
        ("000", 0, "«ديكتاتورية صغيرة»", "heading"),
        ("000", 0, "«بند التضامن»", "heading"),
        ("000", 0, "TT", "boilerplate"),
        ("000", 0, "مقالات ذات صلة", "boilerplate"),
        ("000", 0, "روسيا: قصف أوكرانيا بصاروخ فرط صوتي تحذير للغرب", "boilerplate"),
        ("000", 0, "«الشرق الأوسط» (موسكو)", "boilerplate"),
        ("000", 0, "أوروبا الرئيس الأوكراني فولوديمير زيلينسكي (د.ب.أ)", "boilerplate"),
        ("000", 1, "زعيمان «في الحب»", "heading"),
        (
            "000",
            1,
            "خلال لقاء سابق بين الرئيس الأميركي دونالد ترمب وزعيم كوريا الشمالية كيم جونغ "
            "أون (أ.ف.ب)",
            "caption",
        ),
        ("001", 0, "تغييرات", "heading"),
        ("001", 0, "تحالف", "heading"),
        ("003", 0, "المقالة تعبر فقط عن رأي الصحيفة أو الكاتب", "boilerplate"),
        ("003", 0, "المصدر: RT Arabic", "boilerplate"),
        (
            "003",
            0,
            "كلمات دلالية: شي جين بينغ فلاديمير بوتين كيم جونغ أون موسكو واشنطن",
            "boilerplate",
        ),
        ("003", 0, "إقرأ أيضاً:", "boilerplate"),
        ("003", 1, "هل يقبل كيم غصن الزيتون؟", "heading"),
        ("003", 1, "هل يلين مواقفه؟", "heading"),
        ("003", 1, "دافعه الأول", "heading"),
        ("003", 1, "— CNN (@CNN) June 30, 2019", "embed"),
        ("003", 1, "????TRUMP TO ROCKETMAN KIM: LET'S TALK BEFORE YOU BLOW UP THE WORLD", "embed"),
        ("003", 1, "— Mario Nawfal (@MarioNawfal) November 26, 2024", "embed"),
        ("003", 1, "مقالات مشابهة", "boilerplate"),
        ("003", 1, "• بكين: العلاقات بين روسيا والصين أصبحت أكثر نضجا واستقرارا", "boilerplate"),
        ("004", 0, "موقع بوابة المساء الاخباري", "boilerplate"),
        ("004", 0, "تابع أحدث الأخبار عبر تطبيق", "boilerplate"),
        ("004", 0, "مكاسب تكتيكية لكوريا الشمالية", "heading"),
        ("004", 0, "أخبار متعلقة :", "boilerplate"),
    ],
)
def test_paragraph_kinds(number: str, article: int, paragraph: str, kind: str) -> None:
    assert _kinds(_seed(number)[article])[paragraph] == kind


def test_run_in_subheading_is_split_from_the_body_line() -> None:
    texts = [_seed("003")[1].paragraph_text(p) for p in _seed("003")[1].paragraphs]
    at = texts.index("هل يقبل كيم غصن الزيتون؟")
    assert texts[at - 1].endswith("بشأن بيونغ يانغ.")
    assert texts[at + 1].startswith("مع استيفاء الشرطين الرئيسيين المذكورين")


def test_teaser_blocks_in_000_are_boilerplate_and_no_body_of_the_article_is() -> None:
    first = _seed("000")[0]
    kinds = [p.kind for p in first.paragraphs]
    related = [first.paragraph_text(p) for p in first.paragraphs].index("مقالات ذات صلة")
    assert set(kinds[related:]) == {"boilerplate"}
    assert kinds[:related].count("boilerplate") == 1  # the "TT" banner
    (path,) = SEEDS.glob("000_*.txt")
    body_lines = path.read_text(encoding="utf-8").splitlines()[11:48]  # lines 12-48
    expected = [line for line in body_lines if line and not line.startswith("«")]
    assert len(expected) == 17
    assert all(_kinds(first)[line] == "body" for line in expected)


def test_repeated_captions_count_once() -> None:
    for document in _seed("000"):
        captions = [p for p in document.paragraphs if p.kind == "caption"]
        first = captions[0]
        assert [p.duplicate_of for p in captions[:4]] == [None] + [first.index] * 3
        texts = {document.paragraph_text(p) for p in captions[:4]}
        assert len(texts) == 1
    title_again = _seed("000")[0].paragraphs[4]
    assert (title_again.kind, title_again.duplicate_of) == ("heading", 0)


@pytest.mark.parametrize(
    ("number", "article", "title", "outlet"),
    [
        (
            "000",
            0,
            "خبراء يستبعدون تصعيداً عالمياً من التحالف بين روسيا وكوريا الشمالية",
            "الشرق الأوسط",
        ),
        ("001", 0, "مستقبل العلاقات بين روسيا وكوريا الشمالية «لا يبدو واعداً»", None),
        ("002", 0, None, None),
        ("003", 0, None, "RT Arabic"),
        ("004", 0, "تحالف روسى - كورى شمالى يثير قلقًا عالميًا", "بوابة المساء"),
    ],
)
def test_title_and_outlet(number: str, article: int, title: str | None, outlet: str | None) -> None:
    document = _seed(number)[article]
    assert (document.title, document.outlet) == (title, outlet)
    assert (document.published, document.date_source) == (None, "unknown")


def test_cli_date_applies_to_text_files() -> None:
    (path,) = SEEDS.glob("001_*.txt")
    (source,) = iter_sources([str(path)])
    (document,) = read_source(source, date="2024-10-20")
    assert isinstance(document, Document)
    assert (document.published, document.date_source) == ("2024-10-20", "cli")


def _file_without_line(number: str, line: str) -> str:
    (path,) = SEEDS.glob(f"{number}_*.txt")
    lines = path.read_text(encoding="utf-8").split("\n")
    assert line in lines
    return "\n".join(item for item in lines if item != line)


def _layout(text: str) -> list[list[tuple[str, str]]]:
    from newscorpus.load import Source

    documents = list(read_source(Source.from_bytes("variant.txt", text.encode("utf-8"))))
    assert all(isinstance(document, Document) for document in documents)
    return [
        [(p.kind, d.paragraph_text(p)) for p in d.paragraphs]
        for d in documents  # type: ignore[union-attr]
    ]


BODY = [  # seed 000, lines 12, 14, 18, 20
    "استبعد خبراء، في تصريحات لـ«وكالة الصحافة الفرنسية»، أن يؤدي إبرام اتفاقية دفاعية بين "
    "موسكو وبيونغ يانغ إلى تصعيد عسكري فوري على المستوى العالمي.",
    "لكن تطبيق هذه «الشراكة الاستراتيجية» قد يؤثر على الاستقرار الإقليمي في منطقة آسيا "
    "والمحيط الهادي، مع ظهور مواجهة مفتوحة على نحو زائد مع الغرب.",
    "ووفق الرئيس الأوكراني فولوديمير زيلينسكي، سينخرط جنود كوريون شماليون في مقاتلة قواته "
    "بداية من الأحد المقبل، ما يُثير مخاوف من «تصعيد» جديد في الحرب.",
    "من جانبها، أكدت كوريا الشمالية أن أي نشر لقواتها في روسيا سيكون «متوافقاً» مع القانون "
    "الدولي، من دون أن تؤكد أو تنفي وجود جنودها.",
]
TITLE_1 = "خبراء يستبعدون تصعيداً عالمياً من التحالف بين روسيا وكوريا الشمالية"
TITLE_2 = "كيم: التواصل الدبلوماسي السابق يؤكد العداء الأميركي «الثابت» لكوريا الشمالية"
CAPTION = "خلال لقاء سابق بين الرئيس الأميركي دونالد ترمب وزعيم كوريا الشمالية (أ.ف.ب)"
LINK = "روسيا: تصرفات بايدن بشأن أوكرانيا محاولة لـ«إفساد» عمل إدارة ترمب"


@pytest.mark.parametrize(
    ("lines", "articles", "kinds_of"),
    [
        # A one-headline "اقرأ أيضاً" inside an article: the article goes on.
        (
            [TITLE_1, *BODY[:2], "اقرأ أيضاً:", LINK, *BODY[2:], BODY[0] + " وأضاف."],
            1,
            {LINK: "boilerplate", BODY[2]: "body", BODY[3]: "body"},
        ),
        # Title, caption, title again after a finished article: a second article.
        ([TITLE_1, *BODY, TITLE_2, CAPTION, TITLE_2, *BODY[::-1]], 2, {CAPTION: "caption"}),
        # An article that ends with a source line is not a teaser.
        ([TITLE_1, *BODY, "«الشرق الأوسط» (لندن)"], 1, {BODY[-1]: "body"}),
    ],
)
def test_article_rules_on_variants(
    lines: list[str], articles: int, kinds_of: dict[str, str]
) -> None:
    layout = _layout("\n\n".join(lines))
    assert len(layout) == articles
    found = {text: kind for article in layout for kind, text in article}
    assert {text: found[text] for text in kinds_of} == kinds_of


@pytest.mark.parametrize(("number", "line"), [("000", "مقالات ذات صلة"), ("003", "إقرأ أيضاً:")])
def test_seeds_split_the_same_without_the_related_header(number: str, line: str) -> None:
    original = [[(p.kind, d.paragraph_text(p)) for p in d.paragraphs] for d in _seed(number)]
    variant = _layout(_file_without_line(number, line))
    assert len(variant) == 2
    assert variant[1] == original[1]
    without_header = [item for item in original[0] if item[1] != line]
    assert variant[0] == without_header
