"""Claims evaluation: matching, speaker/cue agreement, content F1 and the report figures."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newscorpus.evaluate.claims import (
    ClaimsReport,
    _Gold,
    cue_agrees,
    evaluate_claims,
    match_claims,
    speaker_agrees,
    token_f1,
)
from newscorpus.models import Claim


def _claim(speaker: str, content_start: int, content_end: int, actor: str | None = None) -> Claim:
    return Claim(
        speaker,
        "قال",
        "x",
        "indirect",
        0,
        0,
        content_end,
        content_start,
        content_end,
        speaker_actor=actor,
    )


@pytest.mark.parametrize(
    ("gold", "predicted", "expected"),
    [
        ({"speaker": "دايز-بيرغون"}, _claim("دايز-بيرغون", 0, 1), True),
        ({"speaker": "بيسكوف"}, _claim("وبيسكوف،", 0, 1), True),  # a clitic and a comma aside
        # strict: a speaker that only contains the gold one, or is contained in it, is wrong
        ({"speaker": "دايز-بيرغون"}, _claim("باسكال دايز-بيرغون", 0, 1), False),
        ({"speaker": "ديمتري بيسكوف"}, _claim("بوتين ديمتري بيسكوف", 0, 1, "بوتين"), False),
        ({"speaker": "أبي أحمد"}, _claim("أحمد", 0, 1), False),
        (
            {"speaker": "المتحدث", "speaker_actor": "ديمتري بيسكوف"},
            _claim("المتحدث باسم الكرملين", 0, 1, "ديمتري بيسكوف"),
            True,
        ),
        (
            {"speaker": "الصحيفة", "speaker_actor": "The Telegraph"},
            _claim("صحيفة The Telegraph", 0, 1, "The Telegraph"),
            True,
        ),
        ({"speaker": "ماري دومولين"}, _claim("باسكال دايز-بيرغون", 0, 1), False),
    ],
)
def test_speaker_agreement(gold: dict, predicted: Claim, expected: bool) -> None:
    assert speaker_agrees(gold, predicted) is expected


@pytest.mark.parametrize(
    ("gold", "predicted", "expected"),
    [
        ("قال", "وقال", True),
        ("وفقًا لما ذكره", "ذكره", True),
        (":", "قال", False),
        ("تقول", "أكدت", False),
    ],
)
def test_cue_agreement(gold: str, predicted: str, expected: bool) -> None:
    assert cue_agrees(gold, predicted) is expected


def test_token_f1() -> None:
    quoted = "«كوريا الشمالية ليست سوى ديكتاتورية»"
    assert token_f1("كوريا الشمالية ليست سوى ديكتاتورية", quoted) == 1.0
    assert token_f1("أ ب ج د", "أ ب") == pytest.approx(2 / 3)
    assert token_f1("أ ب", "ج د") == 0.0


def test_matching_is_one_to_one_and_needs_half_the_shorter() -> None:
    gold = [_Gold({"speaker": "كيم"}, 0, 100), _Gold({"speaker": "ترمب"}, 200, 260)]
    predicted = [_claim("كيم", 10, 90), _claim("كيم", 20, 80), _claim("ترمب", 250, 400)]
    pairs = match_claims(gold, predicted)
    assert len(pairs) == 1 and pairs[0][0] == 0  # ترمب's claim overlaps 10/60 < half: no match


def test_matching_needs_the_contents_to_overlap() -> None:
    # same sentence but disjoint contents: strict scoring pairs nothing
    gold = [_Gold({"speaker": "كيم"}, 0, 50)]
    predicted = [_claim("كيم", 60, 90)]
    assert match_claims(gold, predicted, {0: 0, 60: 0}) == []
    assert match_claims(gold, [_claim("كيم", 40, 90)], {0: 0, 40: 0}) == [(0, 0)]


def test_report_figures() -> None:
    report = ClaimsReport(
        gold=10,
        predicted=8,
        matched=7,
        correct=6,
        cue_correct=7,
        kind_correct=5,
        content_f1_sum=6.3,
        include_boilerplate=False,
    )
    assert report.precision == pytest.approx(0.75)
    assert report.recall == pytest.approx(0.6)
    assert report.cue_accuracy == 1.0
    assert report.content_overlap == pytest.approx(0.9)
    assert {row["measure"] for row in report.rows()} >= {"precision", "recall", "cue_accuracy"}


def test_evaluate_claims_end_to_end(tmp_path: Path) -> None:
    article = (
        "وقال باسكال دايز-بيرغون، المتخصص في شؤون الكوريتين: «لا أرى كيف يمكن أن يؤدي هذا"
        " إلى تصعيد الحرب العالمية».\n\n"
        "ويقول محللون إن كيم يحصل على مليارات الدولارات من روسيا.\n"
    )
    (tmp_path / "a.txt").write_text(article, encoding="utf-8")
    gold = [
        {
            "file": "a.txt",
            "line": 1,
            "speaker": "باسكال دايز-بيرغون",
            "cue": "قال",
            "content": "لا أرى كيف يمكن أن يؤدي هذا إلى تصعيد الحرب العالمية",
            "kind": "direct",
            "via": None,
            "speaker_actor": None,
            "boilerplate": False,
        },
        {
            "file": "a.txt",
            "line": 3,
            "speaker": "مراقبون",
            "cue": "يقول",
            "content": "كيم يحصل على مليارات الدولارات من روسيا",
            "kind": "indirect",
            "via": None,
            "speaker_actor": None,
            "boilerplate": False,
        },
    ]
    path = tmp_path / "gold.jsonl"
    path.write_text("\n".join(json.dumps(g, ensure_ascii=False) for g in gold), encoding="utf-8")
    report = evaluate_claims(path, tmp_path)
    assert (report.gold, report.matched, report.correct) == (2, 2, 1)
    assert report.recall == pytest.approx(0.5)
    assert [d.problem for d in report.differences] == ["wrong speaker"]
