"""split_sentences() on seed sentences: where Arabic news sentences end, and where not."""

from __future__ import annotations

import pytest

from newscorpus.arabic import clean, split_sentences


def _sentences(text: str) -> list[str]:
    return [text[s:e] for s, e in split_sentences(text)]


SEED_000_LINE_32 = (
    "لكن بالنسبة لدايز-بيرغون فإنه «لا توجد لعبة تحالف بين قوى عظمى، كما كانت الحال قبل "
    "الحرب العالمية الأولى». وتابع: «بالنسبة للصين، فإن الأولوية هي تايوان. هي تدعم الحرب "
    "في أوكرانيا، لكنها ليست من أولوياتها (...) وبالنسبة لإيران، الأولوية هو الشرق الأوسط»."
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Two sentences; the second is a quotation of several sentences kept whole.
        (
            SEED_000_LINE_32,
            [
                SEED_000_LINE_32[: SEED_000_LINE_32.index("». ") + 2],
                SEED_000_LINE_32[SEED_000_LINE_32.index("وتابع") :],
            ],
        ),
        # Paragraph ends split; surrounding whitespace is trimmed; blank lines vanish.
        (
            "«ديكتاتورية صغيرة»\n\n  ووفق الرئيس الأوكراني فولوديمير زيلينسكي، سينخرط جنود.  \n",
            ["«ديكتاتورية صغيرة»", "ووفق الرئيس الأوكراني فولوديمير زيلينسكي، سينخرط جنود."],
        ),
        # Question marks, Arabic and Latin.
        (
            "قد يعمد ترامب إلى مفاوضات سرية. هل يلين مواقفه؟ لا أحد يعرف! ماذا بعد?",
            [
                "قد يعمد ترامب إلى مفاوضات سرية.",
                "هل يلين مواقفه؟",
                "لا أحد يعرف!",
                "ماذا بعد?",
            ],
        ),
        # Not on the Arabic comma or a colon.
        (
            "روسيا: تصرفات بايدن بشأن أوكرانيا، محاولة لـ«إفساد» عمل إدارة ترمب",
            ["روسيا: تصرفات بايدن بشأن أوكرانيا، محاولة لـ«إفساد» عمل إدارة ترمب"],
        ),
        # Agency credits and initials.
        (
            "الولايات المتحدة وزير الخارجية الروسي سيرغي لافروف (د.ب.أ) قال ذلك. ثم غادر.",
            ["الولايات المتحدة وزير الخارجية الروسي سيرغي لافروف (د.ب.أ) قال ذلك.", "ثم غادر."],
        ),
        (
            "كيم جونغ أون (أ.ف.ب). وقال أ. ب. سميث إن القمة فشلت.",
            ["كيم جونغ أون (أ.ف.ب).", "وقال أ. ب. سميث إن القمة فشلت."],
        ),
        (
            "نائبة مدير مؤسسة الأبحاث الاستراتيجية (FRS. Paris) والمتخصصة في الأمن.",
            ["نائبة مدير مؤسسة الأبحاث الاستراتيجية (FRS. Paris) والمتخصصة في الأمن."],
        ),
        # Decimals, dates.
        (
            "مع تعداد ١.٣ مليون رجل و1.3 مليار دولار. في 21.11.2024 وفي 2024/11/21 وقعت.",
            ["مع تعداد ١.٣ مليون رجل و1.3 مليار دولار.", "في 21.11.2024 وفي 2024/11/21 وقعت."],
        ),
        # URLs and @handles.
        (
            "stalled earlier this year https://t.co/WYktXv4xZy pic.twitter.com/2ypUZ27OsU\n"
            "— CNN (@CNN) June 30, 2019",
            [
                "stalled earlier this year https://t.co/WYktXv4xZy pic.twitter.com/2ypUZ27OsU",
                "— CNN (@CNN) June 30, 2019",
            ],
        ),
        # ".." joins the halves of a headline; "…" trails off.
        (
            "• لا تقللوا من شأنهم أبدا.. ماذا نعلم عن جنود كوريا الشمالية في روسيا؟",
            ["• لا تقللوا من شأنهم أبدا.. ماذا نعلم عن جنود كوريا الشمالية في روسيا؟"],
        ),
        (
            "Trump allies believe personal diplomacy… pic.twitter.com/pghPDHcAPG",
            ["Trump allies believe personal diplomacy… pic.twitter.com/pghPDHcAPG"],
        ),
        # A numbered list item is not a sentence of its own.
        (
            "1. انسحاب القوات. 2. وقف إطلاق النار.",
            ["1. انسحاب القوات.", "2. وقف إطلاق النار."],
        ),
        # A quotation mark after the full stop belongs to the sentence.
        (
            'وقال: "لن نتراجع." وأضاف أن القرار نهائي.',
            ['وقال: "لن نتراجع."', "وأضاف أن القرار نهائي."],
        ),
        # A straight quote left open does not pair with the next quotation's opener.
        (
            'ما أسماه "الحوارات الراجحة. وفي هذا السياق قال البشير: "أؤكد. ونلتزم".',
            ['ما أسماه "الحوارات الراجحة.', 'وفي هذا السياق قال البشير: "أؤكد. ونلتزم".'],
        ),
        # An unclosed quotation does not swallow the rest of the line.
        (
            "قال «إن الصين راضية. لكنها حذرة. ثم انتهى الاجتماع.",
            ["قال «إن الصين راضية.", "لكنها حذرة.", "ثم انتهى الاجتماع."],
        ),
    ],
)
def test_split_sentences(text: str, expected: list[str]) -> None:
    assert _sentences(text) == expected


def test_offsets_are_absolute_within_a_range() -> None:
    text = clean("عنوان\r\nالجملة الأولى. الجملة الثانية.\r\nذيل")
    start = text.index("الجملة")
    end = text.index("\n", start)
    spans = split_sentences(text, start, end)
    assert [text[s:e] for s, e in spans] == ["الجملة الأولى.", "الجملة الثانية."]
    assert spans[0][0] == start


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a long run of dots or question marks not followed by a space ends nothing (the
        # boundary is looked for from the run's start only: linear, 29,000 dots took 12 s)
        ("قال" + "." * 30_000 + "x وانتهى.", ["قال" + "." * 30_000 + "x وانتهى."]),
        ("سؤال" + "?" * 5_000 + " جواب.", ["سؤال" + "?" * 5_000, "جواب."]),
        ("أولا... ثم ثانيا. ثالثا", ["أولا... ثم ثانيا.", "ثالثا"]),
    ],
)
def test_runs_of_terminal_marks(text: str, expected: list[str]) -> None:
    assert [text[s:e] for s, e in split_sentences(text)] == expected
