"""Paragraph cutting: layouts, invisible characters, run-in question subheadings."""

from __future__ import annotations

import pytest

from newscorpus.arabic import clean as arabic_clean
from newscorpus.load.paragraphs import clean, paragraph_spans

# Seed 001, lines 2-3 and seed 003, line 59 (shortened).
P1 = "أعلن رئيس كوريا الشمالية، كيم جونغ أون، أخيراً، أن المعاهدة ترفع علاقة البلدين."
P2 = "وتنص المعاهدة، لاسيما في المادة الرابعة منها، على تقديم المساعدة العسكرية."
RUN_IN = (
    "وفي حين قد يبدو ولاؤهما لترامب قوياً في الوقت الحالي، إن مواقفهما المتشددة قد تؤدي إلى "
    "صدامات داخلية، ما يعكس التوترات التي نشأت خلال ولاية ترامب الأولى بشأن بيونغ يانغ. "
    "هل يقبل كيم غصن الزيتون؟ مع استيفاء الشرطين الرئيسيين المذكورين، إن العامل الحاسم الآخر "
    "هو الاستجابة الإيجابية المتوقعة من كوريا الشمالية."
)


def _pieces(text: str) -> list[str]:
    return [text[span.start : span.end] for span in paragraph_spans(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (f"{P1}\n{P2}\n", [P1, P2]),
        (f"{P1}\n\n\n{P2}", [P1, P2]),
        (f"{P1}\r\n\r\n{P2}\r\n", [P1, P2]),
        (f"\ufeff{P1}\n\u00a0\n\u200f\u200b\n{P2}\u200f", [P1, P2]),
        (f"  \u202b{P1}\u202c  \n{P2}", [P1, P2]),
        (
            RUN_IN,
            [
                RUN_IN[: RUN_IN.index("هل")].rstrip(),
                "هل يقبل كيم غصن الزيتون؟",
                RUN_IN[RUN_IN.index("مع استيفاء") :],
            ],
        ),
        # A question that starts with "ف" is part of the text, not a subheading.
        (RUN_IN.replace("هل يقبل", "فهل يقبل"), [RUN_IN.replace("هل يقبل", "فهل يقبل")]),
    ],
)
def test_paragraph_pieces(text: str, expected: list[str]) -> None:
    assert _pieces(text) == expected


def test_hard_wrapped_text_is_joined_into_blocks() -> None:
    words = (P1 + " " + P2).split()
    wrapped_paragraph = "\n".join(" ".join(words[i : i + 5]) for i in range(0, len(words), 5))
    text = "\n\n".join([wrapped_paragraph] * 3)
    spans = paragraph_spans(text)
    assert len(spans) == 3
    assert text[spans[0].start : spans[0].end] == wrapped_paragraph


@pytest.mark.parametrize(
    "text", ["a\r\nb\u00a0c\u200f\u202bd\u202c\u2066e\u2069\ufeff", P1, "", RUN_IN]
)
def test_fast_clean_agrees_with_arabic_clean(text: str) -> None:
    assert clean(text) == arabic_clean(text)
    assert len(clean(text)) == len(text)
