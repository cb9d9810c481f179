"""clean() keeps offsets; normalize()/match_form() make seed spellings meet."""

from __future__ import annotations

from pathlib import Path

import pytest

from newscorpus.arabic import clean, match_form, normalize

SEEDS = sorted((Path(__file__).parents[2] / "seeds").glob("*.txt"))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("روسيا\r\nوكوريا", "روسيا \nوكوريا"),
        ("في\u00a0موسكو", "في موسكو"),
        ("بيونغ\u202fيانغ", "بيونغ يانغ"),
        ("\u200fترامب\u200e قال", " ترامب  قال"),
        ("\u202bكيم\u202c", " كيم "),
        ("\u2067كيم\u2069\u061c", " كيم  "),
        ("\ufeffروسيا\u200bاليوم", " روسيا اليوم"),
        ("مي\u200cشود", "مي\u0640شود"),
        ("بو\u00adتين", "بو\u0640تين"),
        ("سطر\u2028سطر\u2029", "سطر\nسطر\n"),
        ("قال\x00إن\x7f\x85هذا", "قال إن  هذا"),  # C0, DEL and C1 controls
        ("قال\tإن\nهذا", "قال\tإن\nهذا"),  # tab and newline are text
        ("بلاده \x1b]0;evil\x07لن", "بلاده " + " " * 9 + "لن"),  # OSC: a window title
        ("بلاده \x1b[31mلن\x1b[0m", "بلاده " + " " * 5 + "لن" + " " * 4),  # CSI: colours
        ("أ\x1bcب\x1b", "أ  ب "),  # ESC c (reset), a lone ESC
    ],
)
def test_clean_replaces_one_for_one(text: str, expected: str) -> None:
    cleaned = clean(text)
    assert cleaned == expected
    assert len(cleaned) == len(text)


@pytest.mark.parametrize("path", SEEDS, ids=lambda p: p.name[:3])
def test_clean_keeps_seed_length(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert len(clean(text)) == len(text)


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("فى", "في"),
        ("الأمريكى", "الأمريكي"),
        ("إسرائيل", "اسرائيل"),
        ("آسيا", "اسيا"),
        ("الشمالية", "الشماليه"),
        ("تصعيداً", "تصعيدا"),
        ("وُجّهت", "وجهت"),
        ("بو\u0640تين", "بوتين"),
        ("١.٣", "1.3"),
        ("۲۰۲۴", "2024"),
        ("«الشرق الأوسط»", '"الشرق الاوسط"'),
        ("“ذا ديبلومات”", '"ذا ديبلومات"'),
        ("الشمالية، فإن", "الشماليه, فان"),
        ("مواقفه؟", "مواقفه?"),
        ("أولاً؛ ثانياً", "اولا; ثانيا"),
        ("\u200fترامب", "ترامب"),
    ],
)
def test_spellings_meet_in_match_form(first: str, second: str) -> None:
    assert normalize(first) == normalize(second)
    if " " not in first:
        assert match_form(first) == match_form(second) == normalize(second)


def test_trump_spellings_stay_apart() -> None:
    # ترمب (000) and ترامب (003) are the same person, but that is for aliases to decide.
    assert match_form("ترمب") != match_form("ترامب")


def _camel_chain(text: str) -> str:
    from camel_tools.utils.dediac import dediac_ar
    from camel_tools.utils.normalize import (
        normalize_alef_ar,
        normalize_alef_maksura_ar,
        normalize_teh_marbuta_ar,
        normalize_unicode,
    )

    text = normalize_unicode(text)
    text = normalize_alef_ar(text)
    text = normalize_alef_maksura_ar(text)
    text = normalize_teh_marbuta_ar(text)
    return dediac_ar(text)


_EXTRA = str.maketrans(
    {"\u0640": None, "«": '"', "»": '"', "“": '"', "”": '"', "„": '"', "،": ",", "؛": ";"}
    | {"؟": "?"}
    | {chr(0x0660 + i): str(i) for i in range(10)}
    | {chr(0x06F0 + i): str(i) for i in range(10)}
)


@pytest.mark.parametrize("path", SEEDS, ids=lambda p: p.name[:3])
def test_normalize_equals_camel_tools_chain(path: Path) -> None:
    """The translate table does what camel-tools does, plus the documented extras."""
    text = path.read_text(encoding="utf-8") + " ﷼ \ufefb ﺑﻮﺗﻴﻦ ٱلله آمور"
    assert normalize(text) == _camel_chain(text).translate(_EXTRA)


def test_character_sets_match_camel_tools() -> None:
    from camel_tools.utils.charsets import AR_DIAC_CHARSET

    from newscorpus.arabic.normalize import AR_DIACRITICS, letter_folds

    assert set(AR_DIACRITICS) == set(AR_DIAC_CHARSET)
    # The letter folds come from camel-tools' normalizers: the alef variants, alef
    # maksura and teh marbuta, and nothing else of the Arabic block.
    assert letter_folds() == {
        "\u0622": "\u0627", "\u0623": "\u0627", "\u0625": "\u0627", "\u0671": "\u0627",
        "\u0649": "\u064a", "\u0629": "\u0647",
    }  # fmt: skip


@pytest.mark.parametrize(
    "text",
    [
        "",
        "plain ASCII",
        "قال أحمد إن ٢٠٢٤ عامٌ مضى",  # folds and digits, marks kept
        "رمز 😀 بعد أ",  # past the BMP: kept
        "نص\udc80مكسور إلى",  # a lone surrogate: translated the slow way
    ],
)
def test_a_char_map_is_translate_for_one_for_one_tables(text: str) -> None:
    from newscorpus.arabic.normalize import CharMap, letter_folds

    table = str.maketrans({**letter_folds(), "٢": "2", "٠": "0", "٤": "4"})
    assert CharMap(table)(text) == text.translate(table)


def test_a_char_map_refuses_a_table_that_is_not_one_for_one() -> None:
    from newscorpus.arabic.normalize import CharMap

    with pytest.raises(ValueError):
        CharMap(str.maketrans({"ﷺ": "صلى الله عليه وسلم"}))
