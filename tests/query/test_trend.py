"""trend: every period between the first and the last, in each granularity."""

from __future__ import annotations

import pytest

from newscorpus.query.trend import _periods


@pytest.mark.parametrize(
    ("found", "by", "expected"),
    [
        (["2023-11", "2024-02"], "month", ["2023-11", "2023-12", "2024-01", "2024-02"]),
        (["2022", "2024"], "year", ["2022", "2023", "2024"]),
        (["2024-02-28", "2024-03-01"], "day", ["2024-02-28", "2024-02-29", "2024-03-01"]),
        (["2022-W52", "2023-W01"], "week", ["2022-W52", "2023-W00", "2023-W01"]),
        (["2023-W52", "2024-W02"], "week", ["2023-W52", "2024-W01", "2024-W02"]),  # no W00
        (["2023-W00"], "week", ["2023-W00"]),
        ([], "month", []),
    ],
)
def test_periods(found: list[str], by: str, expected: list[str]) -> None:
    assert _periods(found, by) == expected
