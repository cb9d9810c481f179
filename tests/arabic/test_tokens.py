"""tokenize(): surfaces, offsets into the original, match forms and clitic analysis."""

from __future__ import annotations

from pathlib import Path

import pytest

from newscorpus.arabic import clean, match_form, tokenize
from newscorpus.models import Token

SEEDS = sorted((Path(__file__).parents[2] / "seeds").glob("*.txt"))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "وقال باسكال دايز-بيرغون، المتخصص في شؤون الكوريتين:",
            "وقال | باسكال | دايز-بيرغون | ، | المتخصص | في | شؤون | الكوريتين | :",
        ),
        ("مع تعداد ١.٣ مليون رجل عام ٢٠١٩.", "مع | تعداد | ١.٣ | مليون | رجل | عام | ٢٠١٩ | ."),
        (
            "في 21.11.2024 و2024/11/21 بلغ 10,000 جندي",
            "في | 21.11.2024 | و2024/11/21 | بلغ | 10,000 | جندي",
        ),
        (
            "لـ«وكالة الصحافة الفرنسية»، (أ.ف.ب)",
            "لـ | « | وكالة | الصحافة | الفرنسية | » | ، | ( | أ | . | ف | . | ب | )",
        ),
        (
            "this year https://t.co/WYktXv4xZy pic.twitter.com/2ypUZ27OsU — CNN (@CNN)",
            "this | year | https://t.co/WYktXv4xZy | pic.twitter.com/2ypUZ27OsU"
            " | — | CNN | ( | @CNN | )",
        ),
        ("ليست سوى ديكتاتورية صغيرة (...)", "ليست | سوى | ديكتاتورية | صغيرة | ( | . | . | . | )"),
        ("قلقًا عالميًا، وُجّهت", "قلقًا | عالميًا | ، | وُجّهت"),
    ],
)
def test_token_surfaces(text: str, expected: str) -> None:
    assert [text[t.start : t.end] for t in tokenize(text)] == expected.split(" | ")


def test_token_fields() -> None:
    text = "للصين، فإن «الشراكة»"
    assert tokenize(text) == [
        Token(0, 5, "للصين", "الصين", "ل", True),
        Token(5, 6, ",", ",", "", False),
        Token(7, 10, "فان", "ان", "ف", True),
        Token(11, 12, '"', '"', "", False),
        Token(12, 19, "الشراكه", "الشراكه", "", True),
        Token(19, 20, '"', '"', "", False),
    ]


def test_urls_and_handles_are_not_words_and_a_hashtag_is_its_words() -> None:
    text = clean("قال @CNN عبر https://t.co/WYktXv4xZy وفق #رؤية_2030 و#نتنياهو.")
    tokens = tokenize(text)
    surfaces = [text[t.start : t.end] for t in tokens]
    assert surfaces[5:] == ["#", "رؤية", "2030", "و", "#", "نتنياهو", "."]
    assert [t.is_word for t in tokens][:5] == [True, False, True, False, True]
    assert [t.is_word for t in tokens][5:] == [False, True, True, True, False, True, False]


@pytest.mark.parametrize(
    ("text", "cleaned"),
    [
        ("زار #البيت_الأبيض أمس", "زار #البيت الأبيض أمس"),
        ("#تركي_المالكي_يقول", "#تركي المالكي يقول"),
        ("file_name و a_b", "file_name و a_b"),  # no hashtag: underscores stay
    ],
)
def test_clean_reads_a_hashtags_underscores_as_spaces(text: str, cleaned: str) -> None:
    assert clean(text) == cleaned and len(clean(text)) == len(text)


def test_offsets_are_absolute_within_a_range() -> None:
    text = "عنوان\nووفق الرئيس الأوكراني"
    start = text.index("ووفق")
    tokens = tokenize(text, start)
    assert tokens[0] == Token(start, start + 4, "ووفق", "وفق", "و", True)
    assert [text[t.start : t.end] for t in tokenize(text, start, start + 11)] == ["ووفق", "الرئيس"]


@pytest.mark.parametrize("path", SEEDS, ids=lambda p: p.name[:3])
def test_tokens_cover_every_visible_character(path: Path) -> None:
    text = clean(path.read_text(encoding="utf-8"))
    tokens = tokenize(text)
    covered = "".join(text[t.start : t.end] for t in tokens)
    assert covered == "".join(text.split())
    assert all(t.match == match_form(text[t.start : t.end]) for t in tokens if t.is_word)
    assert all(a.end <= b.start for a, b in zip(tokens, tokens[1:], strict=False))


@pytest.mark.parametrize(
    ("word", "letters", "width"),
    [
        ("وموسكو", 1, 1),  # و
        ("لِترامب", 1, 2),  # ل with its kasra
        ("وللصين", 2, 2),  # و + ل (the article stays with the stem)
        ("و", 1, 0),  # nothing would be left: no cut
    ],
)
def test_proclitic_width_counts_marks_with_their_letter(
    word: str, letters: int, width: int
) -> None:
    from newscorpus.arabic import proclitic_width

    assert proclitic_width(word, 0, len(word), letters) == width
