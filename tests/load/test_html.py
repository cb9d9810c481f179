# ruff: noqa: E501 - the page below keeps real one-line HTML elements
"""Saved HTML pages: metadata from meta tags, main text as classified blocks."""

from __future__ import annotations

import pytest

from newscorpus.load import Source, read_source
from newscorpus.load.html import read_html
from newscorpus.models import Document

PAGE = """<!DOCTYPE html>
<html lang="ar" dir="rtl"><head>
<title>خبراء يستبعدون تصعيداً عالمياً | الشرق الأوسط</title>
<meta property="og:title" content="خبراء يستبعدون تصعيداً عالمياً من التحالف بين روسيا وكوريا الشمالية">
<meta property="og:site_name" content="الشرق الأوسط">
<meta property="og:url" content="https://aawsat.com/node/5082345">
<meta property="article:published_time" content="2024-10-26T10:15:00+03:00">
<script>var ads = "مقالات ذات صلة";</script>
</head><body>
<nav><a href="/">الرئيسية</a></nav>
<article>
<h1>خبراء يستبعدون تصعيداً عالمياً من التحالف بين روسيا وكوريا الشمالية</h1>
<figure><img src="x.jpg"><figcaption>فلاديمير بوتين وكيم جونغ أون (أرشيفية - رويترز)</figcaption></figure>
<p>استبعد خبراء، في تصريحات لـ«وكالة الصحافة الفرنسية»، أن يؤدي إبرام اتفاقية دفاعية بين موسكو
وبيونغ يانغ إلى تصعيد عسكري فوري على المستوى العالمي.</p>
<h2>«ديكتاتورية صغيرة»</h2>
<p>وقال باسكال دايز-بيرغون، المتخصص في شؤون الكوريتين: «لا أرى كيف يمكن أن يؤدي هذا إلى تصعيد الحرب العالمية».</p>
<blockquote class="twitter-tweet"><p>Trump says he agreed with Kim to restart talks</p>
— CNN (@CNN) June 30, 2019</blockquote>
<p>مقالات ذات صلة</p>
<ul><li>روسيا: تصرفات بايدن بشأن أوكرانيا محاولة لـ«إفساد» عمل إدارة ترمب</li></ul>
</article>
<footer>جميع الحقوق محفوظة</footer>
</body></html>
"""


def test_html_page_metadata_and_blocks() -> None:
    source = Source.from_bytes("page.html", PAGE.encode("utf-8"))
    (document,) = read_source(source)
    assert isinstance(document, Document)
    assert document.title == "خبراء يستبعدون تصعيداً عالمياً من التحالف بين روسيا وكوريا الشمالية"
    assert (document.published, document.date_source) == ("2024-10-26T10:15:00+03:00", "metadata")
    assert document.outlet == "الشرق الأوسط"
    assert document.url == "https://aawsat.com/node/5082345"
    kinds = [(p.kind, document.paragraph_text(p)[:20]) for p in document.paragraphs]
    assert [kind for kind, _ in kinds] == [
        "heading",
        "caption",
        "body",
        "heading",
        "body",
        "embed",
        "boilerplate",
        "boilerplate",
    ]
    assert "var ads" not in document.text and "الرئيسية" not in document.text
    assert "جميع الحقوق" not in document.text


def test_html_without_extension_is_sniffed() -> None:
    source = Source.from_bytes("page.txt", PAGE.encode("utf-8"))
    (document,) = read_source(source)
    assert isinstance(document, Document) and document.outlet == "الشرق الأوسط"


@pytest.mark.parametrize("depth", [10, 999, 5_000, 60_000])
def test_deeply_nested_html_keeps_its_text_and_says_so(depth: int) -> None:
    from newscorpus.load.html import MAX_DEPTH

    body = "وقال الرئيس الأوكراني فولوديمير زيلينسكي إن جيشاً من 10 آلاف كوري شمالي يستعد. " * 5
    markup = (
        "<!DOCTYPE html><html><body>" + "<div class=x>" * depth
        + f"<p>{body}</p><p>{body}</p>" + "</div>" * depth + "</body></html>"
    )  # fmt: skip
    warnings: list[tuple[str, str]] = []
    (document,) = read_html(
        markup, path="deep.html", encoding="utf-8", cli_date=None,
        on_warning=lambda *w: warnings.append(w),
    )  # fmt: skip
    assert isinstance(document, Document)
    assert document.text == body.strip() + "\n\n" + body.strip()
    assert len(document.paragraphs) == 2
    if depth > MAX_DEPTH:
        assert warnings == [("deep.html", (
            f"HTML nested {depth:,} elements deep: the tags below level 1,000 were ignored"
            " and their text kept"
        ))]  # fmt: skip
    else:
        assert warnings == []
