"""Date evaluation: span matching rule, scores and the seed gold file end to end."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newscorpus.errors import InputError
from newscorpus.evaluate.dates import _agrees, _Span, evaluate_dates

ROOT = Path(__file__).resolve().parents[2]


def span(start: int, text: str) -> _Span:
    return _Span(start, start + len(text), text, None, 1)


@pytest.mark.parametrize(
    ("gold", "predicted", "expected"),
    [
        (span(10, "عامي 2018"), span(10, "عامي 2018 و2019"), True),
        (span(20, "2019"), span(10, "عامي 2018"), False),  # no overlap
        (span(10, "يونيو (حزيران) 2018"), span(13, "يونيو"), True),
        (span(10, "21 نوفمبر 2024"), span(10, "21 نوفمبر"), True),
        (span(10, "سبتمبر/أيلول"), span(10, "ايلول 2019"), True),  # month 9 agrees
        (span(10, "يونيو 2018"), span(10, "يوليو 2019"), False),  # cores disagree
        (span(10, "الأحد المقبل"), span(10, "الأحد"), True),  # no core: overlap suffices
    ],
)
def test_matching_rule(gold: _Span, predicted: _Span, expected: bool) -> None:
    assert _agrees(gold, predicted) is expected


def test_seed_gold_scores(tmp_path: Path) -> None:
    report = evaluate_dates(ROOT / "data" / "gold" / "dates_seeds.jsonl", ROOT)
    assert report.documents == 7
    assert report.score.gold == 33
    assert report.score.f1 >= 0.95
    assert report.given_published.value_accuracy >= 0.90
    seed_002 = [r for r in report.publication if r.file.startswith("seeds/002")]
    assert [(r.gold, r.predicted) for r in seed_002] == [("2023-09-05", "2023-09-05")]
    assert {row["measure"] for row in report.rows()} >= {"precision", "recall", "f1"}


def test_spurious_and_missed_are_counted(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("قال الوزير في عام 2019 إن الخطة\n", encoding="utf-8")
    gold = tmp_path / "gold.jsonl"
    records = [
        {
            "file": "a.txt",
            "article_first_line": 1,
            "published": None,
            "published_source": "unknown",
            "evidence": "",
        },
        {
            "file": "a.txt",
            "line": 1,
            "col": 2,
            "text": "الوزير",
            "value": None,
            "precision": None,
            "boilerplate": False,
        },
    ]
    gold.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), "utf-8")
    report = evaluate_dates(gold, tmp_path)
    assert (report.score.gold, report.score.predicted, report.score.matched) == (1, 1, 0)
    assert sorted(d.kind for d in report.differences) == ["missed", "spurious"]


def test_missing_document_is_a_user_error(tmp_path: Path) -> None:
    gold = tmp_path / "gold.jsonl"
    gold.write_text('{"file": "nowhere.txt", "line": 1, "text": "x"}\n', encoding="utf-8")
    with pytest.raises(InputError, match="documents_root"):
        evaluate_dates(gold, tmp_path)
