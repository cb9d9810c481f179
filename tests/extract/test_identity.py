"""Alias keys merge one actor's spellings across documents, and only those."""

from __future__ import annotations

import pytest

from newscorpus.extract.identity import (
    alias_keys,
    canonical_name,
    display_name,
    fold,
    written_name,
)


@pytest.mark.parametrize(
    ("name", "type", "first_key"),
    [
        ("ترمب", "person", "lex:دونالد ترامب"),
        ("دونالد ترمب", "person", "lex:دونالد ترامب"),
        ("Donald Trump", "person", "lex:دونالد ترامب"),
        ("كيم جوج أون", "person", "lex:كيم جونغ أون"),
        ("بيونج يانغ", "place", "lex:بيونغ يانغ"),
        ("البنتاجون", "organization", "lex:البنتاغون"),
        ("الناتو", "organization", "lex:حلف شمال الأطلسي"),
        ("أميركا", "place", "lex:الولايات المتحدة"),
        ("سيول", "place", "lex:سول"),  # CLDR's exemplar city, the lexicon's variant
    ],
)
def test_known_spellings_share_the_lexicon_key(name: str, type: str, first_key: str) -> None:
    assert alias_keys(name, type)[0] == first_key


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("ترمب", "ترامب"),
        ("بيونج يانغ", "بيونغ يانغ"),
        ("البنتاجون", "البنتاغون"),
        ("دايز-بيرغون", "دايز بيرغون"),
        ("سورية", "سوريا"),
        ("فلاديفوستوك", "فلاديفوستك"),
        ("الأمريكى", "الامريكي"),
        ("ويست هام", "يست هام"),  # a W sound a clitic split cut
        ("ويلبور روس", "يلبور روس"),
    ],
)
def test_spelling_variants_fold_together(one: str, other: str) -> None:
    assert fold(one) == fold(other)


def test_unknown_names_get_a_folded_key_and_no_lexicon_key() -> None:
    keys = alias_keys("إيزابيل فاكون", "person")
    assert keys == ["person=ايزابيلفاكون", "person:" + fold("ايزابيل فاكون")]


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("جون سميث", "آدم سميث"),  # a shared surname is no evidence
        ("هانجين بارك", "بارك"),
        ("ماري دومولين", "ماري"),
        ("وهبة سليمان", "هبة سليمان"),  # و then ه is no W sound
    ],
)
def test_different_people_sharing_a_name_part_are_not_merged(one: str, other: str) -> None:
    assert not set(alias_keys(one, "person")) & set(alias_keys(other, "person"))


def test_same_name_of_different_types_is_not_merged() -> None:
    assert not set(alias_keys("واشنطن", "place")) & set(alias_keys("واشنطن", "person"))


@pytest.mark.parametrize(
    ("names", "expected"),
    [
        ({"كيم": 30, "كيم جونغ أون": 8}, "كيم جونغ أون"),
        ({"دايز-بيرغون": 1, "باسكال دايز-بيرغون": 1}, "باسكال دايز-بيرغون"),
        ({"دونالد ترامب": 3, "دونالد ترمب": 5, "ترمب": 20}, "دونالد ترمب"),
        ({"إيزابيل فاكون": 2, "فاكون": 4}, "إيزابيل فاكون"),
        ({"معهد «بروكينغز»": 1, "بروكينغز": 3}, "معهد «بروكينغز»"),
    ],
)
def test_canonical_name_is_the_most_common_full_form(names: dict[str, int], expected: str) -> None:
    assert canonical_name(names) == expected


@pytest.mark.parametrize("name", ["ريال مدريد", "عمّان", "دايز-بيرغون", "أ.ف.ب", "جان إيف  لودريان"])
def test_key_of_is_the_tokenizer_s_match_forms(name: str) -> None:
    from newscorpus.arabic import clean, tokenize
    from newscorpus.extract.actors.gazetteer import key_of

    assert key_of(name) == " ".join(t.match for t in tokenize(clean(name)))


@pytest.mark.parametrize(
    ("surface", "shown"),
    [
        ("ﺳﻮﺭﻳﺎ", "سوريا"),  # presentation forms, as PDFs and old sites give them
        ("ﺍﻟﻴﻤﻦ", "اليمن"),
        ("الســـعودية", "السعودية"),  # tatweel
        ("مُحَمَّد  بن سلمان", "محمد بن سلمان"),  # diacritics, double space
        ("«حماس»", "حماس"),
        ("عمّان", "عمان"),
    ],
)
def test_display_name_is_what_people_read(surface: str, shown: str) -> None:
    assert display_name(surface) == shown


def test_written_name_keeps_the_diacritics_that_tell_homographs_apart() -> None:
    assert written_name("«عمّان»") == "عمّان"
    assert written_name("الســـعودية") == "السعودية"
